//! Two people on one chapter: delta saves of different segments both land (the second answer
//! brings the first's changes), edits of the same segment are a conflict that stores nothing,
//! a page catches up through `changes_since`, and the live stream says who else is there.

use serde_json::{json, Value};
use shared::{plan::change::Change, Edit, EngineLimits, Plan, Segment};

use crate::helpers::{spawn_app, TestApp};

/// A demo chapter without a plan, given a fresh one: its id, text and plan (version 1).
pub(crate) async fn chapter(app: &TestApp) -> (i64, String, Plan) {
    let chapter = app.unplanned_chapter().await;
    let version = app.load(chapter).await["version"].as_i64().unwrap();
    let plan: Value = app.generate(chapter, version).await.ok();
    let segments: Vec<Segment> = serde_json::from_value(plan["segments"].clone()).unwrap();
    let text = plan["text"].as_str().unwrap().to_owned();
    (chapter, text, Plan::new(segments))
}

/// Applies `edit` to `plan` and gives the change to send.
fn edit(plan: &mut Plan, text: &str, edit: Edit) -> Change {
    Change::of(&plan.apply(&edit, text, &EngineLimits::default()).unwrap())
}

fn stored(loaded: &Value) -> Plan {
    Plan::new(serde_json::from_value(loaded["segments"].clone()).unwrap())
}

#[tokio::test]
async fn edits_of_different_segments_by_two_people_both_land() {
    let app = spawn_app().await;
    let editor = app.colleague("editor", "ana@studio.test").await;
    let (chapter, text, base) = chapter(&app).await;
    let version = app.load(chapter).await["version"].clone();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    let first = base.segments()[0].id;
    let fifth = base.segments()[4].id;
    let a = edit(&mut mine, &text, Edit::Split { id: first, at: 6 });
    let b = edit(
        &mut theirs,
        &text,
        Edit::EditText {
            id: fifth,
            text: "Quite so.".into(),
        },
    );

    let saved: Value = app
        .call(
            "save_changes",
            json!({ "chapter": chapter, "base": version, "changes": [a] }),
        )
        .await
        .ok();
    let theirs_saved: Value = app
        .call_as(
            &editor,
            "save_changes",
            json!({ "chapter": chapter, "base": version, "changes": [b] }),
        )
        .await
        .ok();

    assert_eq!(saved["changes"], json!([]));
    assert_eq!(theirs_saved["version"], version.as_i64().unwrap() + 2);
    let missed: Vec<Change> = serde_json::from_value(theirs_saved["changes"].clone()).unwrap();
    assert_eq!(
        missed,
        std::slice::from_ref(&a),
        "the second save brings the first one's change"
    );
    theirs.apply_changes(&missed).unwrap();
    let loaded = app.load(chapter).await;
    assert_eq!(stored(&loaded), theirs, "both edits are stored");
    let segments = stored(&loaded).into_segments();
    assert_eq!(segments.len(), base.segments().len() + 1);
    assert!(segments.iter().any(|s| s.text == "Quite so."));
    let (project, _) = app.first_project().await;
    let trail: Vec<Value> = app
        .call(
            "audit_log",
            json!({ "project": project, "chapter": chapter }),
        )
        .await
        .ok();
    let edits = |split: usize, changed: usize| {
        json!({ "EditsSaved": { "segments": segments.len(),
            "edits": { "split": split, "merged": 0, "deleted": 0, "changed": changed, "other": 0 } } })
    };
    assert_eq!(
        [
            &trail[0]["who"],
            &trail[0]["entry"],
            &trail[1]["who"],
            &trail[1]["entry"]
        ],
        [
            &json!("ana"),
            &edits(0, 1),
            &json!("Demo producer"),
            &edits(1, 0)
        ],
        "each save is recorded with what it did"
    );
}

#[tokio::test]
async fn edits_of_the_same_segment_conflict_and_store_nothing() {
    let app = spawn_app().await;
    let editor = app.colleague("editor", "ana@studio.test").await;
    let (chapter, text, base) = chapter(&app).await;
    let version = app.load(chapter).await["version"].clone();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    let third = base.segments()[2].id;
    let a = edit(
        &mut mine,
        &text,
        Edit::EditText {
            id: third,
            text: "Mine.".into(),
        },
    );
    let b = edit(
        &mut theirs,
        &text,
        Edit::SetSpeaker {
            id: third,
            speaker: Some("narrator".into()),
        },
    );
    app.call(
        "save_changes",
        json!({ "chapter": chapter, "base": version, "changes": [a] }),
    )
    .await
    .ok::<Value>();
    let before = app.load(chapter).await;

    let answer = app
        .call_as(
            &editor,
            "save_changes",
            json!({ "chapter": chapter, "base": version, "changes": [b] }),
        )
        .await;

    assert_eq!(answer.status, 409, "{}", answer.body);
    assert_eq!(app.load(chapter).await, before, "nothing stored");
}

#[tokio::test]
async fn a_change_the_chapter_does_not_hold_is_refused_whole() {
    let app = spawn_app().await;
    let (chapter, text, base) = chapter(&app).await;
    let version = app.load(chapter).await["version"].clone();
    let mut mine = base.clone();
    let first = base.segments()[0].id;
    let mut forged = edit(&mut mine, &text, Edit::ToggleRevision { id: first });
    forged.inserted[0].original_text = "Not in the chapter".into();
    let before = app.load(chapter).await;

    let invalid = app
        .call(
            "save_changes",
            json!({ "chapter": chapter, "base": version, "changes": [forged] }),
        )
        .await;
    let malformed = app
        .call(
            "save_changes",
            json!({ "chapter": chapter, "base": version, "changes": [{ "removed": 3 }] }),
        )
        .await;
    let unknown = app
        .call(
            "save_changes",
            json!({ "chapter": chapter, "base": 999, "changes": [] }),
        )
        .await;

    assert_eq!(invalid.status, 422, "{}", invalid.body);
    assert_eq!(malformed.status, 400, "{}", malformed.body);
    assert_eq!(
        unknown.status, 409,
        "a version that never existed: {}",
        unknown.body
    );
    assert_eq!(app.load(chapter).await, before);
}

#[tokio::test]
async fn a_page_catches_up_by_changes_or_is_told_to_load_the_plan() {
    let app = spawn_app().await;
    let (chapter, text, base) = chapter(&app).await;
    let v1 = app.load(chapter).await["version"].as_i64().unwrap();
    let mut mine = base.clone();
    let last = base.segments().last().unwrap().id;
    let change = edit(&mut mine, &text, Edit::ToggleRevision { id: last });
    app.call(
        "save_changes",
        json!({ "chapter": chapter, "base": v1, "changes": [change] }),
    )
    .await
    .ok::<Value>();

    let caught: Value = app
        .call("changes_since", json!({ "chapter": chapter, "since": v1 }))
        .await
        .ok();
    app.call(
        "save_plan",
        json!({ "chapter": chapter, "version": v1 + 1, "segments": base.segments() }),
    )
    .await
    .ok::<Value>();
    let gap: Value = app
        .call("changes_since", json!({ "chapter": chapter, "since": v1 }))
        .await
        .ok();

    assert_eq!(caught["version"], v1 + 1);
    assert_eq!(caught["changes"], json!([change]));
    assert_eq!(gap["version"], v1 + 2);
    assert_eq!(
        gap["changes"],
        Value::Null,
        "a whole-plan save in between: load the plan"
    );
}

#[tokio::test]
async fn the_live_stream_shows_who_else_is_on_the_chapter_and_where() {
    let app = spawn_app().await;
    let viewer = app.colleague("viewer", "vera@studio.test").await;
    let (chapter, _, base) = chapter(&app).await;
    let segment = base.segments()[3].id;
    app.call_as(
        &viewer,
        "show_place",
        json!({ "chapter": chapter, "segment": segment }),
    )
    .await
    .ok::<Value>();
    let url = format!("{}/api/chapters/{chapter}/live", app.base);
    // The viewer's own stream keeps them present.
    let _theirs = viewer.get(&url).send().await.unwrap();

    let response = app.client.get(&url).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let mut response = response;
    let mut seen = String::new();
    while !seen.contains("vera") {
        let chunk = tokio::time::timeout(std::time::Duration::from_secs(10), response.chunk())
            .await
            .expect("an event within seconds")
            .unwrap()
            .expect("the stream stays open");
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }

    let data = seen
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("data: "))
        .unwrap();
    let live: Value = serde_json::from_str(data).unwrap();
    assert_eq!(
        live["others"],
        json!([{ "name": "vera", "segment": segment }])
    );
    assert_eq!(live["version"], app.load(chapter).await["version"]);
}
