//! The voice catalogue: espeak-ng's installed voices (espeak-ng is installed by `.ci/run`), and
//! Azure Speech's list from a local stub of its endpoint.

use std::sync::{
    atomic::{AtomicUsize, Ordering},
    Arc,
};

use axum::{
    http::{HeaderMap, StatusCode},
    response::IntoResponse,
    routing::get,
    Router,
};
use serde_json::{json, Value};
use server::config::AzureSpeech;
use shared::{text::language::Gender, CatalogueVoice, VoiceEngine};

use crate::helpers::{spawn_app, spawn_app_with, TestApp};

const KEY: &str = "test-key-123";

const AZURE_LIST: &str = r#"[
  {
    "Name": "Microsoft Server Speech Text to Speech Voice (en-GB, SoniaNeural)",
    "DisplayName": "Sonia", "LocalName": "Sonia", "ShortName": "en-GB-SoniaNeural",
    "Gender": "Female", "Locale": "en-GB", "LocaleName": "English (United Kingdom)",
    "StyleList": ["cheerful", "sad"], "SampleRateHertz": "48000", "VoiceType": "Neural",
    "Status": "GA", "WordsPerMinute": "154"
  },
  {
    "Name": "Microsoft Server Speech Text to Speech Voice (es-ES, AlvaroNeural)",
    "DisplayName": "Alvaro", "LocalName": "Álvaro", "ShortName": "es-ES-AlvaroNeural",
    "Gender": "Male", "Locale": "es-ES", "LocaleName": "Spanish (Spain)",
    "SampleRateHertz": "48000", "VoiceType": "Neural", "Status": "GA"
  }
]"#;

async fn voices(app: &TestApp, engine: &str) -> crate::helpers::Answer {
    app.call("list_voices", json!({ "engine": engine })).await
}

/// Serves Azure's voices list on port 0 for requests with [`KEY`]; returns its base URL and the
/// number of requests it answered.
async fn azure_stub() -> (String, Arc<AtomicUsize>) {
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = hits.clone();
    let router = Router::new().route(
        "/cognitiveservices/voices/list",
        get(move |headers: HeaderMap| async move {
            counter.fetch_add(1, Ordering::SeqCst);
            let key = headers
                .get("Ocp-Apim-Subscription-Key")
                .and_then(|v| v.to_str().ok());
            if key != Some(KEY) {
                return (StatusCode::UNAUTHORIZED, "bad key").into_response();
            }
            ([("content-type", "application/json")], AZURE_LIST).into_response()
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await });
    (format!("http://{address}/"), hits)
}

async fn app_with_azure(endpoint: String, key: &str) -> TestApp {
    let key = key.to_owned();
    spawn_app_with(move |config| {
        config.azure_speech = Some(AzureSpeech {
            key,
            region: "westeurope".into(),
            endpoint: Some(endpoint),
        });
    })
    .await
}

#[tokio::test]
async fn espeak_lists_its_installed_english_and_spanish_voices() {
    let app = spawn_app().await;

    let listed: Vec<CatalogueVoice> = voices(&app, "espeak").await.ok();

    assert!(listed.len() > 50, "{} voices", listed.len());
    assert!(listed.iter().all(|v| v.engine == VoiceEngine::Espeak));
    let ids: Vec<_> = listed.iter().map(|v| v.id.as_str()).collect();
    for id in ["en-gb", "en-us", "es", "es-419"] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    let spanish = listed.iter().find(|v| v.id == "es").unwrap();
    assert_eq!(spanish.name, "Spanish (Spain)");
    assert!(spanish.speaks(shared::Language::Es));
}

#[tokio::test]
async fn espeak_missing_is_an_empty_list_not_an_error() {
    let app = spawn_app_with(|config| {
        config.espeak_program = "/nonexistent/espeak-ng".into();
    })
    .await;

    let answer = voices(&app, "espeak").await;

    assert_eq!(answer.status, 200);
    assert_eq!(answer.body, json!([]));
}

#[tokio::test]
async fn azure_without_a_key_lists_nothing() {
    let app = spawn_app().await;

    let answer = voices(&app, "azure").await;

    assert_eq!(answer.status, 200);
    assert_eq!(answer.body, json!([]));
}

#[tokio::test]
async fn azure_voices_come_from_its_list_endpoint_with_the_key_and_are_cached() {
    let (endpoint, hits) = azure_stub().await;
    let app = app_with_azure(endpoint, KEY).await;

    let first: Vec<CatalogueVoice> = voices(&app, "azure").await.ok();
    let second: Vec<CatalogueVoice> = voices(&app, "azure").await.ok();

    assert_eq!(hits.load(Ordering::SeqCst), 1);
    assert_eq!(first, second);
    assert_eq!(
        first[0],
        CatalogueVoice {
            engine: VoiceEngine::Azure,
            id: "en-GB-SoniaNeural".into(),
            name: "Sonia".into(),
            language: "en-GB".into(),
            gender: Some(Gender::Female),
            styles: vec!["cheerful".into(), "sad".into()],
        }
    );
    assert_eq!(first[1].id, "es-ES-AlvaroNeural");
    assert!(first[1].styles.is_empty());
}

#[tokio::test]
async fn a_refused_azure_key_is_a_clear_refusal_and_is_not_cached() {
    let (endpoint, hits) = azure_stub().await;
    let app = app_with_azure(endpoint, "wrong-key").await;

    let first = voices(&app, "azure").await;
    let second = voices(&app, "azure").await;

    assert_eq!(first.status, 422, "{}", first.body);
    let reason = first.body["Refused"].as_str().unwrap();
    assert!(reason.contains("refused the key"), "{reason}");
    assert!(!reason.contains("wrong-key"));
    assert_eq!(second.status, 422);
    assert_eq!(hits.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn an_unreachable_azure_endpoint_is_a_refusal() {
    // A port that was free a moment ago: nothing listens there.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let app = app_with_azure(endpoint, KEY).await;

    let answer = voices(&app, "azure").await;

    assert_eq!(answer.status, 422, "{}", answer.body);
    assert!(answer.body["Refused"]
        .as_str()
        .unwrap()
        .contains("could not be reached"));
}

#[tokio::test]
async fn an_unknown_engine_is_a_bad_request() {
    let app = spawn_app().await;

    let answer = voices(&app, "festival").await;
    let body: &Value = &answer.body;

    assert_eq!(answer.status, 400, "{body}");
    assert!(body.get("BadRequest").is_some(), "{body}");
}

#[tokio::test]
async fn a_spanish_page_hears_a_voice_engine_refusal_in_spanish() {
    let (endpoint, _) = azure_stub().await;
    let app = app_with_azure(endpoint, "wrong-key").await;

    let answer = app
        .call_in("list_voices", json!({ "engine": "azure" }), "es")
        .await;

    assert_eq!(answer.status, 422, "{}", answer.body);
    assert_eq!(
        answer.body,
        json!({ "Refused": "Azure Speech rechazó la clave (401 Unauthorized); revisa \
                            STUDIO_AZURE_SPEECH_KEY y STUDIO_AZURE_SPEECH_REGION" })
    );
}
