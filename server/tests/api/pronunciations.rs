//! The pronunciation map: load, save whole with a version, import a PLS file (merged, all or
//! nothing) and export one; bad IPA and malformed files are refused with 422 and store nothing.

use serde_json::{json, Value};

use crate::helpers::{spawn_empty_app, TestApp};

async fn new_project(app: &TestApp, language: &str) -> i64 {
    app.call(
        "create_project",
        json!({ "name": "Pronunciations", "language": language }),
    )
    .await
    .ok()
}

async fn load(app: &TestApp, project: i64) -> Value {
    app.call("load_pronunciations", json!({ "project": project }))
        .await
        .ok()
}

fn entry(grapheme: &str, ipa: &str) -> Value {
    json!({ "grapheme": grapheme, "ipa": ipa, "espeak": null, "respelling": null,
            "locale": "en", "case_sensitive": false, "status": "needs_review" })
}

const PLS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"
         alphabet="ipa" xml:lang="en-GB">
  <lexeme>
    <grapheme>Baskerville</grapheme>
    <grapheme>Baskervilles</grapheme>
    <phoneme>ˈbæskəvɪl</phoneme>
    <alias>BASK-er-vil</alias>
  </lexeme>
  <lexeme>
    <grapheme>Holmes</grapheme>
    <phoneme>həʊmz</phoneme>
  </lexeme>
</lexicon>"#;

#[tokio::test]
async fn a_new_project_has_an_empty_map_at_version_zero() {
    let app = spawn_empty_app().await;
    let project = new_project(&app, "es").await;

    let map = load(&app, project).await;

    assert_eq!(map["version"], 0);
    assert_eq!(map["language"], "es");
    assert_eq!(map["map"], json!([]));
}

#[tokio::test]
async fn the_map_is_saved_whole_and_a_stale_save_is_a_conflict() {
    let app = spawn_empty_app().await;
    let project = new_project(&app, "en").await;
    let mut holmes = entry(" Holmes ", "həʊmz");
    holmes["espeak"] = json!("h'oUmz");
    holmes["status"] = json!("approved");
    holmes["case_sensitive"] = json!(true);

    let saved: i64 = app
        .call(
            "save_pronunciations",
            json!({ "project": project, "version": 0, "entries": [holmes] }),
        )
        .await
        .ok();
    let stale = app
        .call(
            "save_pronunciations",
            json!({ "project": project, "version": 0, "entries": [] }),
        )
        .await;
    let stored = load(&app, project).await;

    assert_eq!(saved, 1);
    assert_eq!(stale.status, 409);
    assert_eq!(stale.body, json!({ "Conflict": { "current_version": 1 } }));
    assert_eq!(stored["version"], 1);
    assert_eq!(stored["map"][0]["grapheme"], "Holmes");
    assert_eq!(stored["map"][0]["espeak"], "h'oUmz");
    assert_eq!(stored["map"][0]["status"], "approved");
    assert_eq!(stored["map"][0]["case_sensitive"], true);
}

#[tokio::test]
async fn bad_entries_are_refused_with_the_reason_and_nothing_is_stored() {
    let app = spawn_empty_app().await;
    let project = new_project(&app, "en").await;
    let save = |entries: Value| {
        let app = &app;
        async move {
            app.call(
                "save_pronunciations",
                json!({ "project": project, "version": 0, "entries": entries }),
            )
            .await
        }
    };
    let mut injected = entry("Watson", "ˈwɒtsən");
    injected["espeak"] = json!("]] evil [[");

    let bad_ipa = save(json!([entry("Holmes", "həʊmz"), entry("Watson", "wat$on")])).await;
    let duplicate = save(json!([entry("Holmes", "həʊmz"), entry("HOLMES", "hoʊmz")])).await;
    let empty = save(json!([entry("  ", "a")])).await;
    let espeak = save(json!([injected])).await;

    assert_eq!(bad_ipa.status, 422);
    assert_eq!(
        bad_ipa.body,
        json!({ "Refused": "entry 2 (“Watson”): “$” (U+0024) at character 4 is not an IPA symbol" })
    );
    assert_eq!(duplicate.status, 422);
    assert_eq!(
        duplicate.body,
        json!({ "Refused": "entries 1 and 2 both give the pronunciation of “HOLMES” in en" })
    );
    assert_eq!(empty.status, 422);
    assert_eq!(
        empty.body,
        json!({ "Refused": "entry 1 (“”): the written form is empty" })
    );
    assert_eq!(espeak.status, 422);
    let stored = load(&app, project).await;
    assert_eq!(stored["version"], 0);
    assert_eq!(stored["map"], json!([]));
}

#[tokio::test]
async fn an_unknown_project_is_not_found() {
    let app = spawn_empty_app().await;

    let loaded = app
        .call("load_pronunciations", json!({ "project": 999 }))
        .await;
    let saved = app
        .call(
            "save_pronunciations",
            json!({ "project": 999, "version": 0, "entries": [] }),
        )
        .await;
    let imported = app
        .call(
            "import_pls",
            json!({ "project": 999, "version": 0, "text": PLS }),
        )
        .await;
    let exported = app.call("export_pls", json!({ "project": 999 })).await;

    assert_eq!(loaded.status, 404);
    assert_eq!(saved.status, 404);
    assert_eq!(imported.status, 404);
    assert_eq!(exported.status, 404);
}

#[tokio::test]
async fn a_pls_import_merges_into_the_stored_map() {
    let app = spawn_empty_app().await;
    let project = new_project(&app, "en").await;
    let mut holmes = entry("holmes", "hoʊmz");
    holmes["locale"] = json!("en-GB");
    let _: i64 = app
        .call(
            "save_pronunciations",
            json!({ "project": project, "version": 0,
                    "entries": [holmes, entry("Watson", "ˈwɒtsən")] }),
        )
        .await
        .ok();

    let imported: Value = app
        .call(
            "import_pls",
            json!({ "project": project, "version": 1, "text": PLS }),
        )
        .await
        .ok();
    let stored = load(&app, project).await;

    assert_eq!(imported, stored);
    assert_eq!(stored["version"], 2);
    let graphemes: Vec<&str> = stored["map"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["grapheme"].as_str().unwrap())
        .collect();
    assert_eq!(
        graphemes,
        ["Holmes", "Watson", "Baskerville", "Baskervilles"]
    );
    assert_eq!(stored["map"][0]["ipa"], "həʊmz");
    assert_eq!(stored["map"][0]["status"], "needs_review");
    assert_eq!(stored["map"][3]["respelling"], "BASK-er-vil");
    assert_eq!(stored["map"][3]["locale"], "en-GB");
}

#[tokio::test]
async fn a_stale_import_is_a_conflict() {
    let app = spawn_empty_app().await;
    let project = new_project(&app, "en").await;
    let _: i64 = app
        .call(
            "save_pronunciations",
            json!({ "project": project, "version": 0, "entries": [] }),
        )
        .await
        .ok();

    let stale = app
        .call(
            "import_pls",
            json!({ "project": project, "version": 0, "text": PLS }),
        )
        .await;

    assert_eq!(stale.status, 409);
    assert_eq!(load(&app, project).await["map"], json!([]));
}

#[tokio::test]
async fn malformed_or_invalid_pls_files_are_refused_whole() {
    let app = spawn_empty_app().await;
    let project = new_project(&app, "en").await;
    let import = |text: String| {
        let app = &app;
        async move {
            app.call(
                "import_pls",
                json!({ "project": project, "version": 0, "text": text }),
            )
            .await
        }
    };

    let truncated = import(PLS[..PLS.len() - 20].to_owned()).await;
    let wrong_root = import("<speak version=\"1.0\"/>".to_owned()).await;
    let wrong_version = import(PLS.replace("version=\"1.0\" xmlns", "version=\"0.9\" xmlns")).await;
    let bad_ipa = import(PLS.replace("həʊmz", "HOLMZ")).await;
    let sampa = import(PLS.replace("<phoneme>həʊmz", "<phoneme alphabet=\"x-sampa\">h@Umz")).await;

    assert_eq!(truncated.status, 422);
    assert!(truncated.body["Refused"]
        .as_str()
        .unwrap()
        .starts_with("the file is not well-formed XML"));
    assert_eq!(
        wrong_root.body,
        json!({ "Refused": "the file is not a PLS lexicon: its root element is <speak>" })
    );
    assert_eq!(wrong_version.status, 422);
    assert_eq!(
        wrong_version.body,
        json!({ "Refused": "PLS version “0.9” is not supported; only 1.0 is" })
    );
    assert_eq!(bad_ipa.status, 422);
    assert_eq!(
        bad_ipa.body,
        json!({ "Refused": "lexeme 2: entry 3 (“Holmes”): “H” (U+0048) at character 1 is not an IPA symbol" })
    );
    assert_eq!(
        sampa.body,
        json!({ "Refused": "lexeme 2: the alphabet “x-sampa” is not supported (only ipa and x-espeak)" })
    );
    let stored = load(&app, project).await;
    assert_eq!(stored["version"], 0);
    assert_eq!(stored["map"], json!([]));
}

#[tokio::test]
async fn an_export_imports_back_into_an_empty_project_as_the_same_map() {
    let app = spawn_empty_app().await;
    let source = new_project(&app, "en").await;
    let target = new_project(&app, "en").await;
    let mut augusto = entry("Augusto", "awˈɣusto");
    augusto["locale"] = json!("es-ES");
    augusto["respelling"] = json!("ow-GOOS-toh");
    augusto["status"] = json!("approved");
    let mut holmes = entry("Holmes & Co", "həʊmz");
    holmes["espeak"] = json!("h'oUmz");
    holmes["case_sensitive"] = json!(true);
    let _: i64 = app
        .call(
            "save_pronunciations",
            json!({ "project": source, "version": 0, "entries": [holmes, augusto] }),
        )
        .await
        .ok();

    let xml: String = app
        .call("export_pls", json!({ "project": source }))
        .await
        .ok();
    let imported: Value = app
        .call(
            "import_pls",
            json!({ "project": target, "version": 0, "text": xml }),
        )
        .await
        .ok();

    assert!(xml.contains("<lexicon version=\"1.0\""), "{xml}");
    assert!(
        xml.contains("<grapheme>Holmes &amp; Co</grapheme>"),
        "{xml}"
    );
    assert_eq!(imported["map"], load(&app, source).await["map"]);
}

#[tokio::test]
async fn an_empty_map_exports_in_the_project_language() {
    let app = spawn_empty_app().await;
    let project = new_project(&app, "es").await;

    let xml: String = app
        .call("export_pls", json!({ "project": project }))
        .await
        .ok();

    assert!(xml.contains("xml:lang=\"es\""), "{xml}");
    assert!(!xml.contains("<lexeme"), "{xml}");
}

#[tokio::test]
async fn the_page_renders_the_entries_on_the_server() {
    let app = spawn_empty_app().await;
    let project = new_project(&app, "en").await;
    let mut approved = entry("Baskerville", "ˈbæskəvɪl");
    approved["status"] = json!("approved");
    approved["case_sensitive"] = json!(true);
    let _: i64 = app
        .call(
            "save_pronunciations",
            json!({ "project": project, "version": 0,
                    "entries": [approved] }),
        )
        .await
        .ok();

    let (status, html) = app
        .page(&format!("/projects/{project}/pronunciations"))
        .await;
    let (_, project_page) = app.page(&format!("/projects/{project}")).await;

    assert_eq!(status, 200);
    assert!(html.contains("Save pronunciations"), "{html}");
    assert!(html.contains("value=\"Baskerville\""), "{html}");
    assert!(html.contains("value=\"ˈbæskəvɪl\""), "{html}");
    assert!(
        html.contains("<option value=\"approved\" selected>"),
        "{html}"
    );
    assert!(
        html.contains("aria-label=\"Case-sensitive of entry 1\" checked"),
        "{html}"
    );
    assert!(project_page.contains(&format!("href=\"/projects/{project}/pronunciations\"")));
}

#[tokio::test]
async fn a_spanish_browser_reads_a_refused_lexicon_in_spanish() {
    let app = spawn_empty_app().await;
    let project: i64 = app
        .call(
            "create_project",
            json!({ "name": "Léxico", "language": "es" }),
        )
        .await
        .ok();

    let response = app
        .client
        .post(format!("{}/api/import_pls", app.base))
        .header("accept-language", "es-ES,es;q=0.9")
        .json(&json!({ "project": project, "version": 0, "text": "<speak/>" }))
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let body: Value = response.json().await.unwrap();

    assert_eq!(status, 422);
    assert_eq!(
        body,
        json!({ "Refused": "el archivo no es un léxico PLS: su elemento raíz es <speak>" })
    );
}
