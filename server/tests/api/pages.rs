//! Server-rendered pages: readable without JavaScript.

use serde_json::Value;

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_home_page_lists_the_projects() {
    let app = spawn_app().await;

    let (status, html) = app.page("/").await;

    assert_eq!(status, 200);
    assert!(html.contains("The Hound of the Baskervilles (demo)"));
    assert!(html.contains("Niebla (demo)"));
}

#[tokio::test]
async fn the_chapter_page_renders_the_segment_table_on_the_server() {
    let app = spawn_app().await;
    let (project, chapters) = app.first_project().await;
    let chapter = chapters[0]["id"].as_i64().unwrap();
    let plan: Value = app.generate(chapter, 0).await.ok();
    let count = plan["segments"].as_array().unwrap().len();

    let (status, html) = app
        .page(&format!("/projects/{project}/chapters/{chapter}"))
        .await;

    assert_eq!(status, 200);
    assert_eq!(html.matches("<tr id=\"seg-").count(), count);
    assert!(html.contains("Mark chapter complete"));
}

#[tokio::test]
async fn the_project_page_lists_its_chapters_and_links_cast_and_pronunciations() {
    let app = spawn_app().await;
    let (project, chapters) = app.first_project().await;

    let (status, html) = app.page(&format!("/projects/{project}")).await;

    assert_eq!(status, 200);
    assert!(html.contains("Chapters"), "{html}");
    assert!(html.contains(&format!("0 of {} chapters complete", chapters.len())));
    for chapter in &chapters {
        let href = format!("/projects/{project}/chapters/{}", chapter["id"]);
        assert!(html.contains(&href), "no link to {href}");
    }
    assert!(html.contains(&format!("href=\"/projects/{project}/cast\"")));
    assert!(html.contains(&format!("href=\"/projects/{project}/pronunciations\"")));
}

#[tokio::test]
async fn the_cast_page_renders_each_character_on_the_server() {
    let app = spawn_app().await;
    let project = app
        .project_with_cast(
            "Cast page",
            "en",
            &[crate::helpers::character(
                "holmes",
                "Sherlock Holmes",
                &["Holmes"],
            )],
        )
        .await;

    let (status, html) = app.page(&format!("/projects/{project}/cast")).await;

    assert_eq!(status, 200);
    assert!(html.contains("<legend>Sherlock Holmes</legend>"), "{html}");
    assert!(html.contains("aria-label=\"Name (holmes)\""));
    assert!(html.contains("Save cast"));
}

#[tokio::test]
async fn a_spanish_browser_gets_the_page_in_spanish() {
    let app = spawn_app().await;
    let (project, _) = app.first_project().await;

    let (status, html) = app
        .page_in(&format!("/projects/{project}"), "es-ES,es;q=0.9")
        .await;

    assert_eq!(status, 200);
    assert!(html.contains("<html lang=\"es\""), "{html}");
    assert!(html.contains("Capítulos"));
    assert!(!html.contains(">Chapters<"));
}

#[tokio::test]
async fn an_unknown_address_is_a_404_page() {
    let app = spawn_app().await;

    let (status, html) = app.page("/no/such/page").await;

    assert_eq!(status, 404);
    assert!(html.contains("Page not found"));
}

#[tokio::test]
async fn an_unknown_project_says_not_found_and_answers_404() {
    let app = spawn_app().await;

    let (status, html) = app.page("/projects/999999").await;

    assert_eq!(status, 404);
    assert!(
        html.contains("not found") || html.contains("Not found"),
        "{html}"
    );
}
