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
