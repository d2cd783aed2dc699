//! Hourly allowances of paid and slow work: past the limit a render is refused with 429 and
//! `Retry-After`, in the page's language, while cached clips still play.

use serde_json::{json, Value};
use server::config::Config;

use crate::helpers::{spawn_app_with, TestApp};

async fn audition(app: &TestApp, project: i64, text: &str) -> reqwest::Response {
    app.client
        .post(format!("{}/api/audition", app.base))
        .header("accept-language", "es")
        .json(&json!({ "project": project, "text": text, "speaker": null }))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn renders_past_the_hourly_allowance_are_refused_and_cached_clips_still_play() {
    let app = spawn_app_with(|config: &mut Config| {
        config.seed_demo = false;
        config.usage.renders_per_user = 2;
    })
    .await;
    let project = app.project_with_cast("Usage", "en", &[]).await;
    for text in ["The first line.", "The second line."] {
        assert_eq!(audition(&app, project, text).await.status().as_u16(), 200);
    }

    let over = audition(&app, project, "A third line, never rendered.").await;
    assert_eq!(over.status().as_u16(), 429);
    let wait: u64 = over.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=3600).contains(&wait), "{wait}");
    let body: Value = over.json().await.unwrap();
    assert_eq!(body["OverLimit"]["work"], "Renders");
    assert_eq!(body["OverLimit"]["per_hour"], 2);
    let worded = app::i18n::Locale::Es.texts();
    let error: app::AppError = serde_json::from_value(body).unwrap();
    assert!(
        (worded.error)(&error).starts_with("se alcanzó el límite de 2 clips generados por hora")
    );

    let again = audition(&app, project, "The first line.").await;
    assert_eq!(again.status().as_u16(), 200, "a cached clip costs nothing");
    let clip: Value = again.json().await.unwrap();
    assert_eq!(clip["cached"], true);
}
