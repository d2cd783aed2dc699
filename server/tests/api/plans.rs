//! Plans: generate, load, save with version checks, and every kind of invalid save refused whole.

use serde_json::{json, Value};
use shared::{Edit, EngineLimits, Plan, Segment};

use crate::helpers::{spawn_app, TestApp};

async fn planned_chapter(app: &TestApp) -> (i64, String, Vec<Segment>) {
    let chapter = app.unplanned_chapter().await;
    let plan: Value = app.generate(chapter, 0).await.ok();
    let text = plan["text"].as_str().unwrap().to_owned();
    let segments = serde_json::from_value(plan["segments"].clone()).unwrap();
    (chapter, text, segments)
}

async fn save(
    app: &TestApp,
    chapter: i64,
    version: i64,
    segments: &[Segment],
) -> crate::helpers::Answer {
    app.call(
        "save_plan",
        json!({ "chapter": chapter, "version": version, "segments": segments }),
    )
    .await
}

#[tokio::test]
async fn a_generated_plan_covers_the_chapter_and_is_stored_as_version_one() {
    let app = spawn_app().await;

    let (chapter, text, segments) = planned_chapter(&app).await;
    let loaded = app.load(chapter).await;

    assert_eq!(loaded["version"], 1);
    assert!(Plan::new(segments.clone())
        .validate(&text, &EngineLimits::default())
        .is_ok());
    let covered: String = segments.iter().map(|s| s.original_text.as_str()).collect();
    let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    assert_eq!(strip(&covered), strip(&text));
    assert_eq!(loaded["segments"], serde_json::to_value(&segments).unwrap());
}

#[tokio::test]
async fn an_edited_plan_is_saved_as_the_next_version_and_loads_back() {
    let app = spawn_app().await;
    let (chapter, text, segments) = planned_chapter(&app).await;
    let limits = EngineLimits::default();
    let mut plan = Plan::new(segments);
    let first = plan.segments()[0].id;
    let third = plan.segments()[2].id;
    plan.apply(&Edit::Split { id: first, at: 8 }, &text, &limits)
        .unwrap();
    plan.apply(&Edit::MergeNext { id: third }, &text, &limits)
        .unwrap();
    plan.apply(
        &Edit::SetSpeaker {
            id: first,
            speaker: Some("narrator".into()),
        },
        &text,
        &limits,
    )
    .unwrap();

    let version: i64 = save(&app, chapter, 1, plan.segments()).await.ok();
    let loaded = app.load(chapter).await;

    assert_eq!(version, 2);
    assert_eq!(loaded["version"], 2);
    assert_eq!(
        loaded["segments"],
        serde_json::to_value(plan.segments()).unwrap()
    );
    assert_eq!(loaded["segments"][0]["voice"], "narrator");
}

#[tokio::test]
async fn a_speaker_outside_the_cast_is_refused_and_nothing_changes() {
    let app = spawn_app().await;
    let (chapter, _, mut segments) = planned_chapter(&app).await;
    segments[1].speaker = Some("moriarty".into());

    let refused = save(&app, chapter, 1, &segments).await;
    let loaded = app.load(chapter).await;

    assert_eq!(refused.status, 422);
    assert_eq!(
        refused.body["Invalid"]["UnknownSpeaker"]["speaker"],
        "moriarty"
    );
    assert_eq!(loaded["version"], 1);
    assert!(loaded["segments"][1]["voice"].is_null());
}

#[tokio::test]
async fn a_stale_save_is_a_conflict_and_changes_nothing() {
    let app = spawn_app().await;
    let (chapter, _, segments) = planned_chapter(&app).await;
    save(&app, chapter, 1, &segments[1..]).await.ok::<i64>();

    let stale = save(&app, chapter, 1, &segments).await;
    let loaded = app.load(chapter).await;

    assert_eq!(stale.status, 409);
    assert_eq!(stale.body, json!({ "Conflict": { "current_version": 2 } }));
    assert_eq!(
        loaded["segments"].as_array().unwrap().len(),
        segments.len() - 1
    );
}

#[tokio::test]
async fn regenerating_from_a_stale_version_is_a_conflict() {
    let app = spawn_app().await;
    let (chapter, _, _) = planned_chapter(&app).await;

    let stale = app.generate(chapter, 0).await;
    let fresh = app.generate(chapter, 1).await;

    assert_eq!(stale.status, 409);
    assert_eq!(fresh.status, 200);
    assert_eq!(app.load(chapter).await["version"], 2);
}

async fn assert_refused(app: &TestApp, chapter: i64, segments: &[Segment], expected: Value) {
    let before = app.load(chapter).await;

    let answer = save(app, chapter, 1, segments).await;

    assert_eq!(answer.status, 422, "{}", answer.body);
    assert_eq!(answer.body, json!({ "Invalid": expected }));
    assert_eq!(app.load(chapter).await, before);
}

#[tokio::test]
async fn a_save_with_an_oversize_segment_is_refused() {
    let app = spawn_app().await;
    let (chapter, _, mut segments) = planned_chapter(&app).await;
    segments[1].text = "word ".repeat(12_000);

    let id = segments[1].id.0;
    let bytes = (60_000_f64 * 1.15).ceil() as usize;
    let expected = json!({ "OverByteLimit": { "id": id, "bytes": bytes, "max_bytes": 49152 } });
    assert_refused(&app, chapter, &segments, expected).await;
}

#[tokio::test]
async fn a_save_with_overlapping_offsets_is_refused() {
    let app = spawn_app().await;
    let (chapter, _, mut segments) = planned_chapter(&app).await;
    segments[2].start = segments[1].end - 1;

    let expected = json!({ "Overlap": { "id": segments[2].id.0, "start": segments[2].start, "previous_end": segments[1].end } });
    assert_refused(&app, chapter, &segments, expected).await;
}

#[tokio::test]
async fn a_save_with_a_duplicate_id_is_refused() {
    let app = spawn_app().await;
    let (chapter, _, mut segments) = planned_chapter(&app).await;
    segments[3].id = segments[0].id;

    assert_refused(
        &app,
        chapter,
        &segments,
        json!({ "DuplicateId": { "id": segments[0].id.0 } }),
    )
    .await;
}

#[tokio::test]
async fn a_save_whose_original_text_does_not_match_the_chapter_is_refused() {
    let app = spawn_app().await;
    let (chapter, _, mut segments) = planned_chapter(&app).await;
    segments[1].original_text.push('!');

    let s = &segments[1];
    let expected = json!({ "OriginalMismatch": { "id": s.id.0, "start": s.start, "end": s.end } });
    assert_refused(&app, chapter, &segments, expected).await;
}

#[tokio::test]
async fn an_empty_plan_is_refused() {
    let app = spawn_app().await;
    let (chapter, _, _) = planned_chapter(&app).await;

    assert_refused(&app, chapter, &[], json!("EmptyPlan")).await;
}

#[tokio::test]
async fn malformed_arguments_are_a_bad_request() {
    let app = spawn_app().await;
    let (chapter, _, _) = planned_chapter(&app).await;

    let answer = app
        .call("save_plan", json!({ "chapter": chapter, "version": "one" }))
        .await;

    assert!(
        (400..500).contains(&answer.status),
        "{} {}",
        answer.status,
        answer.body
    );
    assert_eq!(app.load(chapter).await["version"], 1);
}
