//! Projects and chapters: listing with status, adding text, completion.

use serde_json::{json, Value};

use crate::helpers::{character, spawn_app, spawn_empty_app, TestApp};

/// A project whose cast is only its narrator, with one chapter of narration and no speech tag;
/// returns the project and the chapter.
async fn narrated_chapter(app: &TestApp) -> (i64, i64) {
    let project = app.project_with_cast("Narrated", "en", &[]).await;
    let text = (1..=8)
        .map(|n| format!("The moor lay still on the {n}th night. Nobody came to the hall."))
        .collect::<Vec<_>>()
        .join("\n\n");
    (project, app.add_chapter(project, "One", &text).await)
}

#[tokio::test]
async fn demo_projects_are_seeded_in_english_and_spanish() {
    let app = spawn_app().await;

    let projects: Vec<Value> = app.call("list_projects", json!({})).await.ok();

    let languages: Vec<&str> = projects
        .iter()
        .filter_map(|p| p["language"].as_str())
        .collect();
    assert_eq!(projects.len(), 2);
    assert!(languages.contains(&"en") && languages.contains(&"es"));
}

#[tokio::test]
async fn an_empty_database_lists_no_project() {
    let app = spawn_empty_app().await;

    let projects: Vec<Value> = app.call("list_projects", json!({})).await.ok();

    assert!(projects.is_empty());
}

#[tokio::test]
async fn chapters_have_text_only_status_before_a_plan_and_planned_after() {
    let app = spawn_app().await;
    let (project, chapters) = app.first_project().await;
    let at = chapters
        .iter()
        .position(|c| c["status"] == "text_only")
        .expect("a demo chapter with its text only");
    let chapter = chapters[at]["id"].as_i64().unwrap();

    app.generate(chapter, 0).await.ok::<Value>();
    let after: Vec<Value> = app
        .call("list_chapters", json!({ "project": project }))
        .await
        .ok();

    assert_eq!(chapters[0]["status"], "planned", "the demo's first chapter");
    assert_eq!(chapters[at]["segment_count"], 0);
    assert_eq!(after[at]["status"], "planned");
    assert!(after[at]["segment_count"].as_i64().unwrap() > 10);
}

#[tokio::test]
async fn a_chapter_is_added_at_the_end_of_its_project() {
    let app = spawn_app().await;
    let (project, before) = app.first_project().await;

    let added = app
        .call(
            "add_chapter",
            json!({ "project": project, "title": "Two", "text": "Hello there." }),
        )
        .await;
    let after: Vec<Value> = app
        .call("list_chapters", json!({ "project": project }))
        .await
        .ok();

    assert_eq!(added.status, 200, "{}", added.body);
    assert_eq!(after.len(), before.len() + 1);
    assert_eq!(after.last().unwrap()["title"], "Two");
    assert_eq!(after.last().unwrap()["position"], before.len() as i64 + 1);
}

#[tokio::test]
async fn blank_or_oversize_chapter_text_is_refused_and_nothing_is_stored() {
    let app = spawn_app().await;
    let (project, before) = app.first_project().await;
    let huge = "a".repeat(20 * 1024 * 1024 + 1);

    let blank = app
        .call(
            "add_chapter",
            json!({ "project": project, "title": "x", "text": " \n " }),
        )
        .await;
    let oversize = app
        .call(
            "add_chapter",
            json!({ "project": project, "title": "x", "text": huge }),
        )
        .await;
    let after: Vec<Value> = app
        .call("list_chapters", json!({ "project": project }))
        .await
        .ok();

    assert_eq!(blank.status, 422);
    assert_eq!(blank.body, json!({ "Invalid": "EmptyChapter" }));
    assert_eq!(oversize.status, 422);
    assert!(
        oversize.body["Invalid"]["ChapterTooLarge"].is_object(),
        "{}",
        oversize.body
    );
    assert_eq!(after.len(), before.len());
}

#[tokio::test]
async fn unknown_projects_and_chapters_are_not_found() {
    let app = spawn_app().await;

    let chapters = app.call("list_chapters", json!({ "project": 9999 })).await;
    let plan = app.call("load_plan", json!({ "chapter": 9999 })).await;
    let add = app
        .call(
            "add_chapter",
            json!({ "project": 9999, "title": "x", "text": "y" }),
        )
        .await;

    assert_eq!((chapters.status, plan.status, add.status), (404, 404, 404));
    assert_eq!(plan.body, json!("NotFound"));
}

#[tokio::test]
async fn a_chapter_without_plan_cannot_be_completed() {
    let app = spawn_app().await;
    let chapter = app.unplanned_chapter().await;

    let answer = app
        .call(
            "set_chapter_complete",
            json!({ "chapter": chapter, "complete": true }),
        )
        .await;

    assert_eq!(answer.status, 404);
}

#[tokio::test]
async fn a_planned_chapter_can_be_completed_and_reopened() {
    let app = spawn_empty_app().await;
    let (project, chapter) = narrated_chapter(&app).await;
    let plan: Value = app.generate(chapter, 0).await.ok();
    let mut segments = plan["segments"].as_array().unwrap().clone();
    for segment in &mut segments {
        segment["voice"] = json!("narrator");
    }
    app.call(
        "save_plan",
        json!({ "chapter": chapter, "version": 1, "segments": segments }),
    )
    .await
    .ok::<Value>();

    app.call(
        "set_chapter_complete",
        json!({ "chapter": chapter, "complete": true }),
    )
    .await
    .ok::<Value>();
    let completed: Vec<Value> = app
        .call("list_chapters", json!({ "project": project }))
        .await
        .ok();
    app.call(
        "set_chapter_complete",
        json!({ "chapter": chapter, "complete": false }),
    )
    .await
    .ok::<Value>();
    let reopened: Vec<Value> = app
        .call("list_chapters", json!({ "project": project }))
        .await
        .ok();

    assert_eq!(completed[0]["status"], "complete");
    assert_eq!(app.load(chapter).await["complete"], false);
    assert_eq!(reopened[0]["status"], "planned");
}

#[tokio::test]
async fn a_chapter_with_unassigned_or_flagged_segments_cannot_be_completed() {
    let app = spawn_empty_app().await;
    let (_, chapter) = narrated_chapter(&app).await;
    let plan: Value = app.generate(chapter, 0).await.ok();
    let mut segments = plan["segments"].as_array().unwrap().clone();
    for segment in &mut segments {
        segment["voice"] = json!("narrator");
    }
    segments[2]["voice"] = Value::Null;
    segments[4]["needsRevision"] = json!(true);
    app.call(
        "save_plan",
        json!({ "chapter": chapter, "version": 1, "segments": segments }),
    )
    .await
    .ok::<Value>();
    let id = |i: usize| segments[i]["segment_id"].as_i64().unwrap();

    let answer = app
        .call(
            "set_chapter_complete",
            json!({ "chapter": chapter, "complete": true }),
        )
        .await;

    assert_eq!(answer.status, 422);
    assert_eq!(
        answer.body,
        json!({ "Blocked": [
            { "NoSpeaker": { "count": 1, "first": id(2) } },
            { "Flagged": { "count": 1, "first": id(4) } },
        ] })
    );
    assert_eq!(app.load(chapter).await["complete"], false);
}

#[tokio::test]
async fn a_speaker_a_speech_tag_contradicts_blocks_completion_until_picked_by_hand() {
    let app = spawn_app().await;
    let cast = [
        character("holmes", "Holmes", &[]),
        character("watson", "Watson", &[]),
    ];
    let project = app.project_with_cast("Tags", "en", &cast).await;
    let text = "“Hush,” said Holmes.\n\nThe fire crackled.";
    let chapter = app.add_chapter(project, "One", text).await;
    let plan: Value = app.generate(chapter, 0).await.ok();
    let mut segments = plan["segments"].as_array().unwrap().clone();
    for segment in &mut segments {
        segment["voice"] = json!("narrator");
    }
    let quote = segments
        .iter()
        .position(|s| s["text"].as_str().unwrap().contains("Hush"))
        .unwrap();
    segments[quote]["voice"] = json!("watson");
    let complete = json!({ "chapter": chapter, "complete": true });

    let version: i64 = app
        .call(
            "save_plan",
            json!({ "chapter": chapter, "version": 1, "segments": segments }),
        )
        .await
        .ok();
    let blocked = app.call("set_chapter_complete", complete.clone()).await;
    segments[quote]["speakerLocked"] = json!(true);
    app.call(
        "save_plan",
        json!({ "chapter": chapter, "version": version, "segments": segments }),
    )
    .await
    .ok::<Value>();
    let confirmed = app.call("set_chapter_complete", complete).await;

    let first = segments[quote]["segment_id"].as_i64().unwrap();
    assert_eq!(blocked.status, 422);
    assert_eq!(
        blocked.body,
        json!({ "Blocked": [{ "Contradicted": { "count": 1, "first": first } }] })
    );
    assert_eq!(confirmed.status, 200, "{:?}", confirmed.body);
    assert_eq!(app.load(chapter).await["complete"], true);
}
