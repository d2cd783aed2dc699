//! Speaker assignment by the language model: a job started through `start_speaker_job`, its
//! progress read as Server-Sent Events, cancelled through `cancel_speaker_job`, against the
//! stub chat-completions server of `tests/api/stub.rs` (gated, so a request can be held in flight).

use std::time::Duration;

use serde_json::{json, Value};
use server::config::{LlmConfig, LlmProvider};

use crate::{
    helpers::{character, spawn_app, spawn_app_with, Answer, TestApp},
    stub::{self, answer_with, ok, reply, Stub},
};

/// Generous bound on waiting for an event: a hung job fails the test instead of hanging it.
const PATIENCE: Duration = Duration::from_secs(60);

/// A chapter long enough for several chunks: each paragraph a quotation of Holmes or Watson
/// with about 2,000 characters of narration (the engine's chunks hold about 16,000).
fn long_chapter(paragraphs: usize) -> String {
    (0..paragraphs)
        .map(|i| {
            let who = if i % 2 == 0 { "Holmes" } else { "Watson" };
            let mut paragraph = format!("“Line number {i},” said {who}.");
            while paragraph.chars().count() < 2_000 {
                paragraph.push_str(" The fog pressed against the windows.");
            }
            paragraph
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

const SHORT: &str = "“Where to?” asked Watson.\n\n\
                     “To Baker Street,” said Holmes.\n\n\
                     The cab rolled on through the fog.";

fn llm_config(stub: &Stub) -> LlmConfig {
    LlmConfig {
        provider: LlmProvider::OpenAi,
        url: format!("{}/v1", stub.url),
        api_key: Some("sk-test".to_owned()),
        model: "gpt-test".to_owned(),
        api_version: "2024-10-21".to_owned(),
        requests_per_minute: 60_000,
    }
}

async fn app_on(stub: &Stub) -> TestApp {
    let config = llm_config(stub);
    spawn_app_with(move |c| c.llm = Some(config)).await
}

/// A project whose cast is the narrator, Holmes and Watson, with one chapter of `text` whose
/// plan is generated; returns the project and the chapter.
async fn chapter(app: &TestApp, text: &str) -> (i64, i64) {
    let cast = [
        character("holmes", "Holmes", &[]),
        character("watson", "Watson", &[]),
    ];
    let project = app.project_with_cast("Baker Street", "en", &cast).await;
    let chapter = app.add_chapter(project, "The cab", text).await;
    app.generate(chapter, 0).await.ok::<Value>();
    (project, chapter)
}

/// Starts a job on `chapter` and reads its events to the end; returns the last one.
async fn run_to_end(app: &TestApp, project: i64, chapter: i64) -> Value {
    let job: u64 = start(app, project, chapter).await.ok();
    Events::open(app, project, chapter, job)
        .await
        .rest()
        .await
        .pop()
        .expect("a job ends with an event")
}

async fn start(app: &TestApp, project: i64, chapter: i64) -> Answer {
    start_in(app, project, chapter, "en").await
}

/// Starts a job from a browser whose language is `language`.
async fn start_in(app: &TestApp, project: i64, chapter: i64, language: &str) -> Answer {
    let args = json!({ "project": project, "chapter": chapter });
    app.call_in("start_speaker_job", args, language).await
}

/// A job's Server-Sent Events, read as they arrive; each is checked against the OpenAPI
/// document's schema for its route.
pub(crate) struct Events {
    response: reqwest::Response,
    buffer: String,
    /// The route as the document names it, with every id 1.
    route: &'static str,
}

impl Events {
    async fn open(app: &TestApp, project: i64, chapter: i64, job: u64) -> Self {
        Self::open_in(app, project, chapter, job, "en").await
    }

    /// Opens the events from a browser whose language is `language`.
    async fn open_in(app: &TestApp, project: i64, chapter: i64, job: u64, language: &str) -> Self {
        let path = format!("/api/projects/{project}/chapters/{chapter}/speaker_jobs/{job}/events");
        let route = "/api/projects/1/chapters/1/speaker_jobs/1/events";
        Self::at(app, &path, route, language).await
    }

    /// Opens the events at `path` (`route` is the same with every id 1, or empty for a route the
    /// OpenAPI document does not describe).
    pub(crate) async fn at(app: &TestApp, path: &str, route: &'static str, language: &str) -> Self {
        let response = app
            .client
            .get(format!("{}{path}", app.base))
            .header("accept-language", language)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 200);
        assert_eq!(
            response.headers()["content-type"].to_str().unwrap(),
            "text/event-stream"
        );
        Self {
            response,
            buffer: String::new(),
            route,
        }
    }

    /// The next event's JSON, or `None` when the stream ended.
    pub(crate) async fn next(&mut self) -> Option<Value> {
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let message: String = self.buffer.drain(..end + 2).collect();
                let data: String = message
                    .lines()
                    .filter_map(|line| line.strip_prefix("data:"))
                    .map(str::trim_start)
                    .collect();
                if data.is_empty() {
                    continue; // a keep-alive comment
                }
                let event = serde_json::from_str(&data).unwrap();
                if !self.route.is_empty() {
                    crate::contract::check_event(self.route, &event);
                }
                return Some(event);
            }
            let chunk = tokio::time::timeout(PATIENCE, self.response.chunk())
                .await
                .expect("an event within the patience")
                .unwrap()?;
            self.buffer.push_str(std::str::from_utf8(&chunk).unwrap());
        }
    }

    /// Reads events up to and including the first that `wanted` accepts; returns them all.
    pub(crate) async fn until(&mut self, wanted: impl Fn(&Value) -> bool) -> Vec<Value> {
        let mut seen = Vec::new();
        loop {
            let event = self.next().await.expect("the stream ended early");
            let stop = wanted(&event);
            seen.push(event);
            if stop {
                return seen;
            }
        }
    }

    /// Reads every remaining event, checking the stream then ends.
    pub(crate) async fn rest(&mut self) -> Vec<Value> {
        let mut seen = Vec::new();
        while let Some(event) = self.next().await {
            seen.push(event);
        }
        seen
    }
}

fn is_final(event: &Value) -> bool {
    event["event"] != "progress"
}

fn requesting(done: u64) -> impl Fn(&Value) -> bool {
    move |event| {
        event["event"] == "progress" && event["stage"] == "requesting" && event["done"] == done
    }
}

/// A provider that refuses the key: one 401 with its message.
async fn refusing_the_key() -> Stub {
    Stub::start(vec![reply(
        401,
        &[],
        r#"{"error":{"message":"Incorrect API key provided","type":"invalid_request_error"}}"#,
    )])
    .await
}

/// Answers every quotation asked with Holmes.
fn holmes_for_all() -> stub::Responder {
    answer_with(|_, keys| {
        let answer: serde_json::Map<String, Value> =
            keys.iter().map(|k| (k.clone(), json!("holmes"))).collect();
        Value::Object(answer).to_string()
    })
}

#[tokio::test]
async fn the_engine_in_use_is_named_for_the_page() {
    let stub = Stub::start(vec![]).await;
    let with_llm = app_on(&stub).await;
    let without = spawn_app().await;

    let llm: Value = with_llm.call("speaker_engine", json!({})).await.ok();
    let rules: Value = without.call("speaker_engine", json!({})).await.ok();

    assert_eq!(llm, json!({ "engine": "llm", "model": "gpt-test" }));
    assert_eq!(rules, json!({ "engine": "rules" }));
    let (project, chapter) = chapter(&without, SHORT).await;
    let refused = start(&without, project, chapter).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
}

#[tokio::test]
async fn progress_streams_chunk_by_chunk_and_the_result_names_a_speaker_per_segment() {
    let stub = Stub::start_gated((0..20).map(|_| holmes_for_all()).collect()).await;
    let app = app_on(&stub).await;
    let (project, chapter) = chapter(&app, &long_chapter(30)).await;
    let plan = app.load(chapter).await;

    let job: u64 = start(&app, project, chapter).await.ok();
    let mut events = Events::open(&app, project, chapter, job).await;
    // Each answer is held until the page has seen its request go out, then released.
    let mut progress = events.until(requesting(0)).await;
    let total = progress.last().unwrap()["total"].as_u64().unwrap();
    for k in 0..total {
        if k > 0 {
            progress.extend(events.until(requesting(k)).await);
        }
        stub.release(1);
    }
    let rest = events.until(is_final).await;
    progress.extend(rest);
    let after = events.rest().await;

    assert!(total >= 3, "{total} chunks");
    assert_eq!(stub.seen().len() as u64, total);
    assert!(after.is_empty(), "nothing after the final event: {after:?}");
    let done = progress.pop().unwrap();
    assert_eq!(done["event"], "done", "{done}");
    let step = |done: u64, stage: &str| json!({ "event": "progress", "done": done, "total": total, "stage": stage });
    let mut expected = vec![step(0, "started")];
    for k in 0..total {
        expected.push(step(k, "requesting"));
        expected.push(step(k + 1, "chunk_done"));
    }
    expected.push(step(total, "finished"));
    assert_eq!(progress, expected);
    let segments = done["segments"].as_array().unwrap();
    assert_eq!(segments.len(), plan["segments"].as_array().unwrap().len());
    for (pair, segment) in segments.iter().zip(plan["segments"].as_array().unwrap()) {
        assert_eq!(pair[0], segment["segment_id"], "{pair}");
        let text = segment["text"].as_str().unwrap();
        let attribution = &pair[1];
        if text.starts_with('“') {
            assert_eq!(attribution["speaker"], "holmes", "{pair}");
            assert_eq!(attribution["evidence"]["rule"], "language_model", "{pair}");
            assert!((attribution["confidence"].as_f64().unwrap() - 0.7).abs() < 1e-6);
        } else {
            assert_eq!(attribution["speaker"], "narrator", "{pair}");
            assert_eq!(attribution["evidence"]["rule"], "narration", "{pair}");
        }
    }
    assert_eq!(done["issues"], 0);
}

#[tokio::test]
async fn a_hand_picked_speaker_is_not_asked_and_comes_back_as_chosen() {
    let stub = Stub::start(vec![holmes_for_all()]).await;
    let app = app_on(&stub).await;
    let (project, chapter) = chapter(&app, SHORT).await;
    let mut plan = app.load(chapter).await;
    plan["segments"][0]["voice"] = json!("watson");
    plan["segments"][0]["speakerLocked"] = json!(true);
    app.call(
        "save_plan",
        json!({ "chapter": chapter, "version": plan["version"], "segments": plan["segments"] }),
    )
    .await
    .ok::<i64>();

    let job: u64 = start(&app, project, chapter).await.ok();
    let events = Events::open(&app, project, chapter, job).await.rest().await;

    let done = events.last().unwrap();
    assert_eq!(done["event"], "done", "{events:?}");
    assert_eq!(stub::keys(&stub.seen()[0]), vec!["Q02".to_owned()]);
    let first = &done["segments"][0][1];
    assert_eq!(first["speaker"], "watson");
    assert_eq!(first["evidence"]["rule"], "anchor");
}

#[tokio::test]
async fn a_cancelled_job_stops_its_request_and_frees_the_chapter() {
    // The gated stub never answers: only the cancellation can end the job.
    let stub = Stub::start_gated(vec![holmes_for_all(), holmes_for_all()]).await;
    let app = app_on(&stub).await;
    let (project, chapter) = chapter(&app, SHORT).await;
    let job: u64 = start(&app, project, chapter).await.ok();
    let mut events = Events::open(&app, project, chapter, job).await;
    events.until(requesting(0)).await;
    stub.wait_for_requests(1).await;

    let second = start(&app, project, chapter).await;
    let cancelled = app
        .call(
            "cancel_speaker_job",
            json!({ "project": project, "chapter": chapter, "job": job }),
        )
        .await;
    let last = events.until(is_final).await.pop().unwrap();
    let again = start(&app, project, chapter).await;

    assert_eq!(second.status, 409, "{}", second.body);
    assert!(
        second.body.to_string().contains("already being assigned"),
        "{}",
        second.body
    );
    assert_eq!(cancelled.status, 200, "{}", cancelled.body);
    assert_eq!(last, json!({ "event": "cancelled" }));
    assert_eq!(again.status, 200, "{}", again.body);
}

#[tokio::test]
async fn a_provider_that_refuses_the_key_ends_the_job_with_its_message() {
    let stub = refusing_the_key().await;
    let app = app_on(&stub).await;
    let (project, chapter) = chapter(&app, SHORT).await;

    let last = run_to_end(&app, project, chapter).await;

    assert_eq!(last["event"], "failed", "{last}");
    let message = last["message"].as_str().unwrap();
    assert!(
        message.contains("401") && message.contains("Incorrect API key"),
        "{message}"
    );
}

#[tokio::test]
async fn a_job_whose_every_answer_is_unusable_fails_instead_of_unassigning() {
    let stub = Stub::start(vec![ok("I think Holmes says the first line.")]).await;
    let app = app_on(&stub).await;
    let (project, chapter) = chapter(&app, SHORT).await;

    let last = run_to_end(&app, project, chapter).await;

    assert_eq!(last["event"], "failed", "{last}");
    assert!(
        last["message"].as_str().unwrap().contains("could be used"),
        "{last}"
    );
}

#[tokio::test]
async fn another_projects_chapter_and_job_are_not_found() {
    let stub = Stub::start_gated(vec![holmes_for_all()]).await;
    let app = app_on(&stub).await;
    let (project, chapter) = chapter(&app, SHORT).await;
    let (other_project, _) = self::chapter(&app, SHORT).await;
    let job: u64 = start(&app, project, chapter).await.ok();

    let started = start(&app, other_project, chapter).await;
    let cancelled = app
        .call(
            "cancel_speaker_job",
            json!({ "project": other_project, "chapter": chapter, "job": job }),
        )
        .await;
    let events = app
        .client
        .get(format!(
            "{}/api/projects/{other_project}/chapters/{chapter}/speaker_jobs/{job}/events",
            app.base
        ))
        .send()
        .await
        .unwrap();
    let unknown_job = app
        .client
        .get(format!(
            "{}/api/projects/{project}/chapters/{chapter}/speaker_jobs/{}/events",
            app.base,
            job + 100
        ))
        .send()
        .await
        .unwrap();

    assert_eq!(started.status, 404, "{}", started.body);
    assert_eq!(cancelled.status, 404, "{}", cancelled.body);
    assert_eq!(events.status().as_u16(), 404);
    assert_eq!(unknown_job.status().as_u16(), 404);
    // The job itself is untouched by those attempts.
    let mut events = Events::open(&app, project, chapter, job).await;
    events.until(requesting(0)).await;
    stub.release(1);
    assert_eq!(events.rest().await.pop().unwrap()["event"], "done");
}

#[tokio::test]
async fn a_reader_that_reconnects_resumes_after_the_last_event_it_saw() {
    let stub = Stub::start(vec![holmes_for_all()]).await;
    let app = app_on(&stub).await;
    let (project, chapter) = chapter(&app, SHORT).await;
    let job: u64 = start(&app, project, chapter).await.ok();
    let everything = Events::open(&app, project, chapter, job).await.rest().await;

    let response = app
        .client
        .get(format!(
            "{}/api/projects/{project}/chapters/{chapter}/speaker_jobs/{job}/events",
            app.base
        ))
        .header("last-event-id", "2")
        .send()
        .await
        .unwrap();
    let mut resumed = Events {
        response,
        buffer: String::new(),
        route: "/api/projects/1/chapters/1/speaker_jobs/1/events",
    };
    let rest = resumed.rest().await;

    assert_eq!(everything.len(), 5, "{everything:?}");
    assert_eq!(rest, everything[3..].to_vec());
}

#[tokio::test]
async fn a_spanish_page_hears_why_a_job_cannot_start_in_spanish() {
    let stub = Stub::start_gated(vec![holmes_for_all()]).await;
    let app = app_on(&stub).await;
    let without = spawn_app().await;
    let (project, chapter) = chapter(&app, SHORT).await;
    let (rules_project, rules_chapter) = self::chapter(&without, SHORT).await;
    let job: u64 = start(&app, project, chapter).await.ok();

    let busy = start_in(&app, project, chapter, "es-ES,es;q=0.9").await;
    let no_model = start_in(&without, rules_project, rules_chapter, "es").await;

    assert_eq!(busy.status, 409, "{}", busy.body);
    assert_eq!(
        busy.body,
        json!({ "Busy": "ya hay una asignación de hablantes en curso para este capítulo; \
                         espera a que termine o cancélala" })
    );
    assert_eq!(no_model.status, 422, "{}", no_model.body);
    assert_eq!(
        no_model.body,
        json!({ "Refused": "no hay ningún modelo de lenguaje configurado; la página asigna los \
                            hablantes con las reglas" })
    );
    stub.release(1);
    let mut events = Events::open(&app, project, chapter, job).await;
    assert_eq!(events.rest().await.pop().unwrap()["event"], "done");
}

#[tokio::test]
async fn a_failed_job_is_worded_for_a_spanish_page_and_typed_for_the_page_to_word() {
    let stub = refusing_the_key().await;
    let app = app_on(&stub).await;
    let (project, chapter) = chapter(&app, SHORT).await;
    let job: u64 = start(&app, project, chapter).await.ok();

    let mut events = Events::open_in(&app, project, chapter, job, "es").await;
    let last = events.rest().await.pop().unwrap();

    assert_eq!(last["event"], "failed", "{last}");
    assert_eq!(
        last["message"],
        "el servicio del modelo de lenguaje respondió 401: Incorrect API key provided"
    );
    assert_eq!(
        last["reason"],
        json!({ "refused": { "status": 401, "detail": "Incorrect API key provided" } })
    );
}

mod durable;
