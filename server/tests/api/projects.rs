//! Projects: create, rename, delete, the cast and adding imported chapters.

use serde_json::{json, Value};

use crate::helpers::{character, spawn_app, TestApp};

async fn new_project(app: &TestApp, name: &str, language: &str) -> i64 {
    app.call(
        "create_project",
        json!({ "name": name, "language": language }),
    )
    .await
    .ok()
}

fn holmes() -> Value {
    json!({
        "id": "holmes", "name": "Sherlock Holmes", "aliases": ["Holmes"], "gender": "male",
        "age": "adult", "description": "",
        "voice": { "engine": "espeak", "voice_id": "en-gb", "style": null,
                   "style_degree": 1.0, "rate": 10, "pitch": -5 }
    })
}

#[tokio::test]
async fn a_new_project_has_its_language_and_a_narrator_only_cast() {
    let app = spawn_app().await;

    let id = new_project(&app, "  La Regenta  ", "es").await;
    let project: Value = app
        .call("load_project", json!({ "project": id }))
        .await
        .ok();
    let listed: Vec<Value> = app.call("list_projects", json!({})).await.ok();

    assert_eq!(project["name"], "La Regenta");
    assert_eq!(project["language"], "es");
    assert_eq!(project["cast_version"], 0);
    assert_eq!(project["cast"].as_array().unwrap().len(), 1);
    assert_eq!(project["cast"][0]["id"], "narrator");
    assert_eq!(project["cast"][0]["name"], "Narrador");
    assert!(listed
        .iter()
        .any(|p| p["id"] == id && p["chapter_count"] == 0));
}

#[tokio::test]
async fn bad_project_names_and_languages_are_refused() {
    let app = spawn_app().await;
    let before: Vec<Value> = app.call("list_projects", json!({})).await.ok();

    let blank = app
        .call("create_project", json!({ "name": "  ", "language": "en" }))
        .await;
    let long = app
        .call(
            "create_project",
            json!({ "name": "x".repeat(201), "language": "en" }),
        )
        .await;
    let klingon = app
        .call(
            "create_project",
            json!({ "name": "Qo'noS", "language": "tlh" }),
        )
        .await;
    let after: Vec<Value> = app.call("list_projects", json!({})).await.ok();

    assert_eq!(blank.status, 422);
    assert_eq!(blank.body, json!({ "Refused": "a project needs a name" }));
    assert_eq!(long.status, 422);
    assert_eq!(klingon.status, 400);
    assert_eq!(after.len(), before.len());
}

#[tokio::test]
async fn a_project_can_be_renamed_and_deleted_with_its_chapters() {
    let app = spawn_app().await;
    let id = new_project(&app, "Draft", "en").await;
    let chapters: Vec<i64> = app
        .call(
            "add_chapters",
            json!({ "project": id, "chapters": [{ "title": "One", "text": "Hello." }] }),
        )
        .await
        .ok();

    let renamed = app
        .call("rename_project", json!({ "project": id, "name": "Final" }))
        .await;
    let name = app
        .call("load_project", json!({ "project": id }))
        .await
        .ok::<Value>()["name"]
        .clone();
    let deleted = app.call("delete_project", json!({ "project": id })).await;
    let gone = app.call("load_project", json!({ "project": id })).await;
    let chapter_gone = app
        .call("load_plan", json!({ "chapter": chapters[0] }))
        .await;
    let again = app.call("delete_project", json!({ "project": id })).await;

    assert_eq!(renamed.status, 200);
    assert_eq!(name, "Final");
    assert_eq!(deleted.status, 200);
    assert_eq!(gone.status, 404);
    assert_eq!(chapter_gone.status, 404);
    assert_eq!(again.status, 404);
}

#[tokio::test]
async fn the_cast_is_saved_whole_and_a_stale_save_is_a_conflict() {
    let app = spawn_app().await;
    let id = new_project(&app, "Hound", "en").await;
    let project: Value = app
        .call("load_project", json!({ "project": id }))
        .await
        .ok();
    let narrator = project["cast"][0].clone();

    let version: i64 = app
        .call(
            "save_cast",
            json!({ "project": id, "version": 0, "cast": [narrator, holmes()] }),
        )
        .await
        .ok();
    let stale = app
        .call(
            "save_cast",
            json!({ "project": id, "version": 0, "cast": [narrator] }),
        )
        .await;
    let stored: Value = app
        .call("load_project", json!({ "project": id }))
        .await
        .ok();

    assert_eq!(version, 1);
    assert_eq!(stale.status, 409);
    assert_eq!(stored["cast_version"], 1);
    assert_eq!(stored["cast"][1]["aliases"], json!(["Holmes"]));
    assert_eq!(stored["cast"][1]["voice"]["rate"], 10);
}

#[tokio::test]
async fn an_invalid_cast_is_refused_with_its_reason_and_nothing_changes() {
    let app = spawn_app().await;
    let id = new_project(&app, "Hound", "en").await;
    let project: Value = app
        .call("load_project", json!({ "project": id }))
        .await
        .ok();
    let narrator = project["cast"][0].clone();
    let mut loud = holmes();
    loud["voice"]["style_degree"] = json!(5.0);
    let mut twin = holmes();
    twin["id"] = json!("twin");
    twin["name"] = json!("HOLMES");
    twin["aliases"] = json!([]);

    let degree = app
        .call(
            "save_cast",
            json!({ "project": id, "version": 0, "cast": [narrator, loud] }),
        )
        .await;
    let duplicate = app
        .call(
            "save_cast",
            json!({ "project": id, "version": 0, "cast": [narrator, holmes(), twin] }),
        )
        .await;
    let no_narrator = app
        .call(
            "save_cast",
            json!({ "project": id, "version": 0, "cast": [holmes()] }),
        )
        .await;
    let stored: Value = app
        .call("load_project", json!({ "project": id }))
        .await
        .ok();

    assert_eq!(degree.status, 422);
    assert_eq!(
        degree.body,
        json!({ "Cast": { "StyleDegreeOutOfRange": { "value": 5.0 } } })
    );
    assert_eq!(duplicate.status, 422);
    assert_eq!(
        duplicate.body,
        json!({ "Cast": { "DuplicateName": { "name": "HOLMES" } } })
    );
    assert_eq!(no_narrator.body, json!({ "Cast": "NoNarrator" }));
    assert_eq!(stored["cast_version"], 0);
    assert_eq!(stored["cast"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn imported_chapters_are_added_all_or_none() {
    let app = spawn_app().await;
    let id = new_project(&app, "Import", "en").await;

    let refused = app
        .call(
            "add_chapters",
            json!({ "project": id, "chapters": [
                { "title": "One", "text": "First." },
                { "title": "Blank", "text": "   " }
            ] }),
        )
        .await;
    let none: Vec<Value> = app
        .call("list_chapters", json!({ "project": id }))
        .await
        .ok();
    let added: Vec<i64> = app
        .call(
            "add_chapters",
            json!({ "project": id, "chapters": [
                { "title": "One", "text": "First." },
                { "title": " ", "text": "Second." }
            ] }),
        )
        .await
        .ok();
    let listed: Vec<Value> = app
        .call("list_chapters", json!({ "project": id }))
        .await
        .ok();
    let unknown = app
        .call(
            "add_chapters",
            json!({ "project": 999_999, "chapters": [{ "title": "x", "text": "y" }] }),
        )
        .await;

    assert_eq!(refused.status, 422);
    assert_eq!(
        refused.body,
        json!({ "Refused": "chapter \"Blank\": the chapter text is empty" })
    );
    assert!(none.is_empty());
    assert_eq!(added.len(), 2);
    assert_eq!(listed[0]["title"], "One");
    assert_eq!(listed[1]["title"], "Untitled chapter");
    assert_eq!(unknown.status, 404);
}

#[tokio::test]
async fn the_cast_proposal_offers_the_speakers_the_cast_lacks() {
    let app = spawn_app().await;
    let holmes = character("holmes", "Sherlock Holmes", &["Holmes"]);
    let id = app.project_with_cast("Proposals", "en", &[holmes]).await;
    let text = "“Well?” said Holmes.\n\n“Nothing,” said Mrs. Hudson.\n\n“Good,” said Holmes.";
    app.add_chapter(id, "One", text).await;

    let proposed: Vec<Value> = app
        .call("propose_cast", json!({ "project": id }))
        .await
        .ok();
    let unknown = app
        .call("propose_cast", json!({ "project": 999_999 }))
        .await;

    let names: Vec<_> = proposed
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Mrs. Hudson"]);
    assert_eq!(proposed[0]["gender"], "female");
    assert_eq!(proposed[0]["speech_tags"], 1);
    assert_eq!(unknown.status, 404);
}

#[tokio::test]
async fn a_re_imported_text_replaces_the_chapter_and_reports_stale_segments() {
    let app = spawn_app().await;
    let id = new_project(&app, "Re-import", "en").await;
    let old = "It was late.\n\nNobody answered.";
    let chapters: Vec<i64> = app
        .call(
            "add_chapters",
            json!({ "project": id, "chapters": [{ "title": "One", "text": old }] }),
        )
        .await
        .ok();
    let chapter = chapters[0];
    let plan: Value = app.generate(chapter, 0).await.ok();
    assert_eq!(plan["version"], 1);

    let same: i64 = app
        .call(
            "replace_chapter_text",
            json!({ "chapter": chapter, "text": old }),
        )
        .await
        .ok();
    let after_same = app.load(chapter).await;
    let stale: i64 = app
        .call(
            "replace_chapter_text",
            json!({ "chapter": chapter, "text": "It was very late.\n\nNobody answered." }),
        )
        .await
        .ok();
    let after = app.load(chapter).await;
    let blank = app
        .call(
            "replace_chapter_text",
            json!({ "chapter": chapter, "text": "   " }),
        )
        .await;
    let unknown = app
        .call(
            "replace_chapter_text",
            json!({ "chapter": 999_999, "text": "Hello." }),
        )
        .await;

    assert_eq!(same, 0);
    assert_eq!(after_same["version"], 1, "the same text changes nothing");
    assert_eq!(stale, 2, "both offsets moved");
    assert_eq!(after["version"], 2, "an open editor gets a conflict");
    assert_eq!(after["text"], "It was very late.\n\nNobody answered.");
    assert_eq!(
        after["segments"].as_array().unwrap().len(),
        2,
        "the plan is kept, not thrown away"
    );
    assert_eq!(blank.status, 422);
    assert_eq!(unknown.status, 404);
    assert_eq!(app.load(chapter).await["version"], 2);
}
