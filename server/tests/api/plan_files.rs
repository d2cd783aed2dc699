//! Desktop plan files: export, import, and every bad file refused whole with its reason.

use serde_json::{json, Value};

use crate::helpers::{character, spawn_app, Answer, TestApp};

const CHAPTER: &str = "“You have been in Afghanistan, I perceive,” said Holmes.\n\n\
                       I was astonished. “How on earth did you know that?”\n\n\
                       The fire crackled.";

/// A project with Holmes in its cast and one generated chapter; returns the chapter.
async fn study(app: &TestApp) -> i64 {
    let holmes = character("holmes", "Sherlock Holmes", &["Holmes"]);
    let project = app
        .project_with_cast("A Study in Scarlet", "en", &[holmes])
        .await;
    let chapter = app
        .add_chapter(project, "The Science of Deduction", CHAPTER)
        .await;
    app.generate(chapter, 0).await.ok::<Value>();
    chapter
}

async fn export(app: &TestApp, chapter: i64) -> Answer {
    app.call("export_plan", json!({ "chapter": chapter })).await
}

async fn import(app: &TestApp, chapter: i64, version: i64, file: &str) -> Answer {
    app.call(
        "import_plan",
        json!({ "chapter": chapter, "version": version, "file": file }),
    )
    .await
}

/// Saves the stored plan again with the first segment read by Holmes (locked, as a pick by hand)
/// and the second flagged for revision; returns the plan as loaded.
async fn edited(app: &TestApp, chapter: i64) -> Value {
    let mut plan = app.load(chapter).await;
    plan["segments"][0]["voice"] = json!("holmes");
    plan["segments"][0]["speakerLocked"] = json!(true);
    plan["segments"][1]["needsRevision"] = json!(true);
    plan["segments"][1]["text"] = json!("I was utterly astonished.");
    app.call(
        "save_plan",
        json!({ "chapter": chapter, "version": plan["version"], "segments": plan["segments"] }),
    )
    .await
    .ok::<i64>();
    app.load(chapter).await
}

#[tokio::test]
async fn an_export_imported_back_gives_the_same_plan() {
    let app = spawn_app().await;
    let chapter = study(&app).await;
    let before = edited(&app, chapter).await;

    let file: String = export(&app, chapter).await.ok();
    let version: i64 = import(&app, chapter, 2, &file).await.ok();
    let after = app.load(chapter).await;

    assert_eq!(version, 3);
    assert_eq!(after["version"], 3);
    assert_eq!(after["segments"], before["segments"]);
    assert_eq!(after["segments"][0]["speakerLocked"], true);
}

#[tokio::test]
async fn an_export_has_the_desktop_fields_only() {
    let app = spawn_app().await;
    let chapter = study(&app).await;
    let before = edited(&app, chapter).await;

    let file: String = export(&app, chapter).await.ok();
    let segments: Vec<Value> = serde_json::from_str(&file).unwrap();

    assert!(!file.contains("speakerLocked"));
    assert!(file.starts_with("[\n  {\n    \"segment_id\": "), "{file}");
    assert_eq!(segments.len(), before["segments"].as_array().unwrap().len());
    for (segment, stored) in segments.iter().zip(before["segments"].as_array().unwrap()) {
        let mut keys: Vec<_> = segment.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "delimiter",
                "end_idx",
                "needsRevision",
                "originalText",
                "segment_id",
                "start_idx",
                "text",
                "voice"
            ]
        );
        for key in ["segment_id", "start_idx", "end_idx", "text", "originalText"] {
            assert_eq!(segment[key], stored[key], "{key}");
        }
    }
    assert_eq!(segments[0]["voice"], "holmes");
    assert_eq!(segments[1]["needsRevision"], true);
}

#[tokio::test]
async fn a_voice_naming_a_cast_member_becomes_their_id() {
    let app = spawn_app().await;
    let chapter = study(&app).await;
    let file: String = export(&app, chapter).await.ok();
    let mut segments: Vec<Value> = serde_json::from_str(&file).unwrap();
    segments[0]["voice"] = json!("Sherlock Holmes");
    segments[1]["voice"] = json!("NARRATOR");
    segments[2]["voice"] = json!(" holmes ");
    let desktop = serde_json::to_string_pretty(&segments).unwrap();

    let version: i64 = import(&app, chapter, 1, &desktop).await.ok();
    let loaded = app.load(chapter).await;

    assert_eq!(version, 2);
    assert_eq!(loaded["segments"][0]["voice"], "holmes");
    assert_eq!(loaded["segments"][1]["voice"], "narrator");
    assert_eq!(loaded["segments"][2]["voice"], "holmes");
}

#[tokio::test]
async fn a_voice_outside_the_cast_is_refused_with_its_name() {
    let app = spawn_app().await;
    let chapter = study(&app).await;
    let before = app.load(chapter).await;
    let mut segments: Vec<Value> =
        serde_json::from_str(&export(&app, chapter).await.ok::<String>()).unwrap();
    segments[1]["voice"] = json!("Watson");

    let refused = import(&app, chapter, 1, &segments_file(&segments)).await;

    assert_eq!(refused.status, 422, "{}", refused.body);
    assert_eq!(
        refused.body["Invalid"]["UnknownSpeaker"]["speaker"],
        "Watson"
    );
    assert_eq!(app.load(chapter).await, before);
}

#[tokio::test]
async fn offsets_that_do_not_match_the_chapter_are_refused_and_nothing_changes() {
    let app = spawn_app().await;
    let chapter = study(&app).await;
    let before = app.load(chapter).await;
    let mut segments: Vec<Value> =
        serde_json::from_str(&export(&app, chapter).await.ok::<String>()).unwrap();
    let start = segments[1]["start_idx"].as_u64().unwrap();
    segments[1]["start_idx"] = json!(start + 2);
    let mut past_end = segments.clone();
    past_end.last_mut().unwrap()["end_idx"] = json!(10_000);

    let shifted = import(&app, chapter, 1, &segments_file(&segments)).await;
    let too_long = import(&app, chapter, 1, &segments_file(&past_end)).await;

    assert_eq!(shifted.status, 422, "{}", shifted.body);
    assert_eq!(
        shifted.body["Invalid"]["OriginalMismatch"]["id"],
        segments[1]["segment_id"]
    );
    assert_eq!(too_long.status, 422, "{}", too_long.body);
    assert_eq!(app.load(chapter).await, before);
}

#[tokio::test]
async fn a_file_that_is_not_a_plan_is_refused_with_where_it_breaks() {
    let app = spawn_app().await;
    let chapter = study(&app).await;
    let before = app.load(chapter).await;

    let broken = import(
        &app,
        chapter,
        1,
        "[\n  {\"segment_id\": 1,\n  \"start_idx\" 0}\n]",
    )
    .await;
    let object = import(&app, chapter, 1, r#"{"segments": []}"#).await;
    let empty = import(&app, chapter, 1, "[]").await;

    assert_eq!(broken.status, 422);
    assert_eq!(
        broken.body,
        json!({ "Refused": "the plan file is not valid JSON (line 3, column 15): expected `:`" })
    );
    assert_eq!(object.status, 422);
    assert!(object.body["Refused"]
        .as_str()
        .unwrap()
        .starts_with("the plan file is not a list of plan segments (line 1, column "));
    assert_eq!(empty.status, 422);
    assert_eq!(empty.body, json!({ "Invalid": "EmptyPlan" }));
    assert_eq!(app.load(chapter).await, before);
}

#[tokio::test]
async fn a_stale_import_is_a_conflict_and_changes_nothing() {
    let app = spawn_app().await;
    let chapter = study(&app).await;
    let file: String = export(&app, chapter).await.ok();
    import(&app, chapter, 1, &file).await.ok::<i64>();
    let before = app.load(chapter).await;

    let stale = import(&app, chapter, 1, &file).await;

    assert_eq!(stale.status, 409);
    assert_eq!(stale.body, json!({ "Conflict": { "current_version": 2 } }));
    assert_eq!(app.load(chapter).await, before);
}

#[tokio::test]
async fn a_plan_file_can_give_a_chapter_its_first_plan() {
    let app = spawn_app().await;
    let chapter = study(&app).await;
    let file: String = export(&app, chapter).await.ok();
    let project = app.load(chapter).await["project_id"].as_i64().unwrap();
    let copy: i64 = app
        .call(
            "add_chapter",
            json!({ "project": project, "title": "Copy", "text": CHAPTER }),
        )
        .await
        .ok();

    let version: i64 = import(&app, copy, 0, &file).await.ok();

    assert_eq!(version, 1);
    assert_eq!(
        app.load(copy).await["segments"],
        app.load(chapter).await["segments"]
    );
}

#[tokio::test]
async fn exporting_needs_a_plan_and_a_chapter() {
    let app = spawn_app().await;
    let chapter = study(&app).await;
    let project = app.load(chapter).await["project_id"].as_i64().unwrap();
    let unplanned: i64 = app
        .call(
            "add_chapter",
            json!({ "project": project, "title": "Later", "text": "Not yet planned." }),
        )
        .await
        .ok();

    let none = export(&app, unplanned).await;
    let missing = export(&app, 999_999).await;
    let import_missing = import(&app, 999_999, 0, "[]").await;

    assert_eq!(none.status, 422);
    assert!(none.body["Refused"]
        .as_str()
        .unwrap()
        .contains("no plan to export"));
    assert_eq!(missing.status, 404);
    assert_eq!(import_missing.status, 404);
}

fn segments_file(segments: &[Value]) -> String {
    serde_json::to_string_pretty(segments).unwrap()
}
