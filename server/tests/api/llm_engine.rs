//! Tests of the LLM speaker-attribution engine over HTTP: a stub chat-completions server (axum on
//! 127.0.0.1, port 0) checks each provider's request shape and plays scripted answers; an opt-in
//! test runs against a real llama-server (see `server/tests/llama/run.sh`).

mod config;
// Needs a running llama-server: built only with `--features llama-test`, by
// `server/tests/llama/run.sh`, so the default test run has no test that can skip itself.
#[cfg(feature = "llama-test")]
mod llama;

use std::{
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use app::model::ProjectId;
use serde_json::{json, Value};
use server::{
    config::{LlmConfig, LlmProvider},
    llm::{
        AttributionRequest, ChunkSizes, Clock, LlmAttribution, LlmEngine, LlmError, LlmOutcome,
        Progress, Source, Stage, Unresolved, MODEL_CONFIDENCE,
    },
};
use shared::{text::language::Gender, Cast, Character, CharacterId, Language};
use tokio_util::sync::CancellationToken;

use crate::stub::{self, answer_with, completion, ok, reply, Seen, Stub};

/// Four quotations: Watson's, two of Holmes's in one paragraph, and "said he".
pub(crate) const TEXT: &str = "“Where to?” asked Watson.\n\n\
“To Baker Street,” said Holmes. “And quickly.”\n\n\
The cab rolled on through the fog.\n\n\
“You know my methods,” said he.";

pub(crate) fn cast() -> Cast {
    let mut holmes = Character::named("Sherlock Holmes", Language::En).unwrap();
    holmes.id = CharacterId("holmes".to_owned());
    holmes.aliases = vec!["Holmes".to_owned(), "Mr. Holmes".to_owned()];
    holmes.gender = Gender::Male;
    let mut watson = Character::named("John Watson", Language::En).unwrap();
    watson.id = CharacterId("watson".to_owned());
    watson.aliases = vec!["Watson".to_owned()];
    watson.gender = Gender::Male;
    Cast::new(vec![Character::narrator(Language::En), holmes, watson]).unwrap()
}

fn id(name: &str) -> CharacterId {
    CharacterId(name.to_owned())
}

/// A clock whose sleeps return at once, advance its time and are recorded.
#[derive(Debug)]
pub(crate) struct FakeClock {
    start: Instant,
    elapsed: Mutex<Duration>,
    sleeps: Mutex<Vec<Duration>>,
}

impl FakeClock {
    pub(crate) fn new() -> Arc<Self> {
        Arc::new(Self {
            start: Instant::now(),
            elapsed: Mutex::new(Duration::ZERO),
            sleeps: Mutex::new(Vec::new()),
        })
    }

    fn sleeps(&self) -> Vec<Duration> {
        self.sleeps.lock().unwrap().clone()
    }
}

#[async_trait::async_trait]
impl Clock for FakeClock {
    fn now(&self) -> Instant {
        self.start + *self.elapsed.lock().unwrap()
    }

    async fn sleep(&self, duration: Duration) {
        self.sleeps.lock().unwrap().push(duration);
        *self.elapsed.lock().unwrap() += duration;
    }
}

pub(crate) fn config(provider: LlmProvider, url: String, key: Option<&str>) -> LlmConfig {
    LlmConfig {
        provider,
        url,
        api_key: key.map(str::to_owned),
        model: match provider {
            LlmProvider::Azure => "studio-gpt4o".to_owned(),
            _ => "gpt-test".to_owned(),
        },
        api_version: "2024-10-21".to_owned(),
        // High enough that the limiter never waits in these tests unless they say so.
        requests_per_minute: 60_000,
    }
}

/// An OpenAI engine on the stub with a fake clock.
fn openai(stub: &Stub, clock: &Arc<FakeClock>) -> LlmEngine {
    LlmEngine::new(&config(
        LlmProvider::OpenAi,
        format!("{}/v1", stub.url),
        Some("sk-test"),
    ))
    .unwrap()
    .with_clock(clock.clone())
}

pub(crate) fn request<'a>(
    text: &'a str,
    cast: &'a Cast,
    anchors: &'a [(std::ops::Range<usize>, CharacterId)],
) -> AttributionRequest<'a> {
    AttributionRequest {
        project: ProjectId(7),
        text,
        cast,
        language: Language::En,
        anchors,
    }
}

/// Runs the engine, collecting progress.
pub(crate) async fn run(
    engine: &LlmEngine,
    request: &AttributionRequest<'_>,
) -> (Result<LlmOutcome, LlmError>, Vec<Progress>) {
    let events = Mutex::new(Vec::new());
    let progress = |p: Progress| events.lock().unwrap().push(p);
    let result = engine
        .attribute(request, &progress, &CancellationToken::new())
        .await;
    (result, events.into_inner().unwrap())
}

fn speakers(outcome: &LlmOutcome) -> Vec<Option<&str>> {
    outcome
        .attributions
        .iter()
        .map(|a| a.speaker.as_ref().map(CharacterId::as_str))
        .collect()
}

fn sources(outcome: &LlmOutcome) -> Vec<Source> {
    outcome
        .attributions
        .iter()
        .map(|a| a.source.clone())
        .collect()
}

/// What every provider's body must hold: messages, temperature 0, the strict schema whose keys
/// are the quotations and whose enum is the cast ids plus `unresolved`.
fn check_common_body(seen: &Seen) {
    let body = &seen.body;
    assert_eq!(seen.method, "POST");
    assert_eq!(
        seen.header("content-type").as_deref(),
        Some("application/json")
    );
    assert_eq!(body["temperature"], json!(0));
    assert_eq!(body["messages"][0]["role"], "system");
    assert_eq!(body["messages"][1]["role"], "user");
    let format = &body["response_format"];
    assert_eq!(format["type"], "json_schema");
    assert_eq!(format["json_schema"]["strict"], json!(true));
    assert_eq!(format["json_schema"]["name"], "speaker_attributions");
    let schema = &format["json_schema"]["schema"];
    assert_eq!(schema["type"], "object");
    assert_eq!(schema["additionalProperties"], json!(false));
    assert_eq!(
        schema["$defs"]["speaker"]["enum"],
        json!(["narrator", "holmes", "watson", "unresolved"])
    );
    assert_eq!(schema["required"], json!(["Q01", "Q02", "Q03", "Q04"]));
    for key in ["Q01", "Q02", "Q03", "Q04"] {
        assert_eq!(schema["properties"][key]["$ref"], "#/$defs/speaker");
    }
    let user = body["messages"][1]["content"].as_str().unwrap();
    assert!(
        user.contains("|Q01|“Where to?”|/Q01| asked Watson."),
        "{user}"
    );
    assert!(
        user.contains("- watson: John Watson; also called Watson; male"),
        "{user}"
    );
}

const GOOD: &str = r#"{"Q01": "watson", "Q02": "holmes", "Q03": "holmes", "Q04": "holmes"}"#;

fn assert_good(outcome: &LlmOutcome) {
    assert_eq!(
        speakers(outcome),
        vec![
            Some("watson"),
            Some("holmes"),
            Some("holmes"),
            Some("holmes")
        ]
    );
    assert!(outcome
        .attributions
        .iter()
        .all(|a| a.source == Source::Model
            && a.confidence == MODEL_CONFIDENCE
            && a.confidence < 0.9));
    assert!(outcome.issues.is_empty(), "{:?}", outcome.issues);
}

#[tokio::test]
async fn openai_requests_carry_bearer_auth_model_and_the_schema() {
    let stub = Stub::start(vec![ok(GOOD)]).await;
    let clock = FakeClock::new();
    let cast = cast();
    let (result, progress) = run(&openai(&stub, &clock), &request(TEXT, &cast, &[])).await;
    let outcome = result.unwrap();
    assert_good(&outcome);
    let seen = stub.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].path, "/v1/chat/completions");
    assert_eq!(seen[0].query, None);
    assert_eq!(
        seen[0].header("authorization").as_deref(),
        Some("Bearer sk-test")
    );
    assert_eq!(seen[0].header("api-key"), None);
    assert_eq!(seen[0].body["model"], "gpt-test");
    assert!(seen[0].body.get("max_tokens").is_none());
    check_common_body(&seen[0]);
    assert_eq!(outcome.usage.prompt_tokens, 100);
    assert_eq!(outcome.usage.completion_tokens, 10);
    assert_eq!(outcome.usage.requests, 1);
    assert_eq!(outcome.chunks, 1);
    let stages: Vec<Stage> = progress.iter().map(|p| p.stage).collect();
    assert_eq!(
        stages,
        vec![
            Stage::Started,
            Stage::Requesting,
            Stage::ChunkDone,
            Stage::Finished
        ]
    );
    assert!(progress.iter().all(|p| p.total_chunks == 1));
    assert_eq!(progress.last().unwrap().done_chunks, 1);
    assert!(clock.sleeps().is_empty());
}

#[tokio::test]
async fn azure_requests_name_the_deployment_in_the_url_and_send_api_key() {
    let stub = Stub::start(vec![ok(GOOD)]).await;
    let engine = LlmEngine::new(&config(
        LlmProvider::Azure,
        stub.url.clone(),
        Some("azure-key"),
    ))
    .unwrap()
    .with_clock(FakeClock::new());
    let cast = cast();
    let (result, _) = run(&engine, &request(TEXT, &cast, &[])).await;
    assert_good(&result.unwrap());
    let seen = stub.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(
        seen[0].path,
        "/openai/deployments/studio-gpt4o/chat/completions"
    );
    assert_eq!(seen[0].query.as_deref(), Some("api-version=2024-10-21"));
    assert_eq!(seen[0].header("api-key").as_deref(), Some("azure-key"));
    assert_eq!(seen[0].header("authorization"), None);
    assert!(seen[0].body.get("model").is_none(), "{}", seen[0].body);
    check_common_body(&seen[0]);
}

#[tokio::test]
async fn local_requests_send_the_model_no_key_and_a_token_cap() {
    let stub = Stub::start(vec![ok(GOOD), ok(GOOD)]).await;
    let cast = cast();
    let engine = LlmEngine::new(&config(
        LlmProvider::Local,
        format!("{}/v1/", stub.url),
        None,
    ))
    .unwrap()
    .with_clock(FakeClock::new());
    let (result, _) = run(&engine, &request(TEXT, &cast, &[])).await;
    assert_good(&result.unwrap());
    // With a key, a local server gets it as a bearer token.
    let keyed = LlmEngine::new(&config(
        LlmProvider::Local,
        format!("{}/v1", stub.url),
        Some("local-key"),
    ))
    .unwrap()
    .with_clock(FakeClock::new());
    let (result, _) = run(&keyed, &request(TEXT, &cast, &[])).await;
    assert_good(&result.unwrap());
    let seen = stub.seen();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].path, "/v1/chat/completions");
    assert_eq!(seen[0].header("authorization"), None);
    assert_eq!(seen[0].header("api-key"), None);
    assert_eq!(seen[0].body["model"], "gpt-test");
    assert!(seen[0].body["max_tokens"].as_u64().unwrap() >= 4 * 20);
    check_common_body(&seen[0]);
    assert_eq!(
        seen[1].header("authorization").as_deref(),
        Some("Bearer local-key")
    );
}

#[tokio::test]
async fn a_429_with_retry_after_waits_that_long_then_retries() {
    let stub = Stub::start(vec![
        reply(
            429,
            &[("retry-after", "1")],
            r#"{"error":{"message":"Rate limit reached. Please retry after 1 second.","code":"429"}}"#,
        ),
        ok(GOOD),
    ])
    .await;
    let clock = FakeClock::new();
    let cast = cast();
    let (result, progress) = run(&openai(&stub, &clock), &request(TEXT, &cast, &[])).await;
    let outcome = result.unwrap();
    assert_good(&outcome);
    assert_eq!(stub.seen().len(), 2);
    assert_eq!(clock.sleeps(), vec![Duration::from_secs(1)]);
    assert_eq!(outcome.usage.requests, 2);
    assert!(progress.iter().any(|p| p.stage
        == Stage::Retrying {
            wait: Duration::from_secs(1),
            attempt: 1
        }));
}

#[tokio::test]
async fn a_retry_after_in_milliseconds_and_a_long_one_are_honoured_within_the_cap() {
    let stub = Stub::start(vec![
        reply(
            429,
            &[("retry-after-ms", "250"), ("retry-after", "1")],
            "{}",
        ),
        reply(503, &[("retry-after", "3600")], "busy"),
        ok(GOOD),
    ])
    .await;
    let clock = FakeClock::new();
    let cast = cast();
    let (result, _) = run(&openai(&stub, &clock), &request(TEXT, &cast, &[])).await;
    assert_good(&result.unwrap());
    assert_eq!(
        clock.sleeps(),
        vec![Duration::from_millis(250), Duration::from_secs(60)]
    );
}

#[tokio::test]
async fn server_errors_are_retried_with_back_off() {
    let stub = Stub::start(vec![
        reply(500, &[], r#"{"error":{"message":"internal"}}"#),
        reply(502, &[], "<html>bad gateway</html>"),
        ok(GOOD),
    ])
    .await;
    let clock = FakeClock::new();
    let cast = cast();
    let (result, _) = run(&openai(&stub, &clock), &request(TEXT, &cast, &[])).await;
    let outcome = result.unwrap();
    assert_good(&outcome);
    assert_eq!(stub.seen().len(), 3);
    assert_eq!(
        clock.sleeps(),
        vec![Duration::from_secs(1), Duration::from_secs(2)]
    );
    assert_eq!(outcome.usage.requests, 3);
}

#[tokio::test]
async fn when_retries_run_out_the_run_fails_with_the_last_error() {
    let stub = Stub::start(vec![
        reply(503, &[], "down"),
        reply(503, &[], "down"),
        reply(503, &[], "down"),
        reply(503, &[], r#"{"error":{"message":"still down"}}"#),
        ok(GOOD),
    ])
    .await;
    let clock = FakeClock::new();
    let cast = cast();
    let (result, _) = run(&openai(&stub, &clock), &request(TEXT, &cast, &[])).await;
    match result {
        Err(LlmError::GaveUp { attempts, last }) => {
            assert_eq!(attempts, 4);
            assert!(
                last.contains("503") && last.contains("still down"),
                "{last}"
            );
        }
        other => panic!("expected GaveUp, got {other:?}"),
    }
    assert_eq!(stub.seen().len(), 4);
    assert_eq!(
        clock.sleeps(),
        vec![
            Duration::from_secs(1),
            Duration::from_secs(2),
            Duration::from_secs(4)
        ]
    );
}

#[tokio::test]
async fn a_network_failure_is_retried() {
    // Nothing listens on this port once the listener is dropped.
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let clock = FakeClock::new();
    let engine = LlmEngine::new(&config(
        LlmProvider::Local,
        format!("http://127.0.0.1:{port}/v1"),
        None,
    ))
    .unwrap()
    .with_clock(clock.clone());
    let cast = cast();
    let (result, _) = run(&engine, &request(TEXT, &cast, &[])).await;
    match result {
        Err(LlmError::GaveUp { attempts, last }) => {
            assert_eq!(attempts, 4);
            assert!(last.starts_with("network"), "{last}");
        }
        other => panic!("expected GaveUp, got {other:?}"),
    }
    assert_eq!(clock.sleeps().len(), 3);
}

#[tokio::test]
async fn a_400_stops_the_run_with_the_services_message_and_no_retry() {
    let stub = Stub::start(vec![
        reply(
            400,
            &[],
            r#"{"error":{"message":"Invalid schema for response_format 'speaker_attributions'","type":"invalid_request_error","code":"invalid_json_schema"}}"#,
        ),
        ok(GOOD),
    ])
    .await;
    let clock = FakeClock::new();
    let cast = cast();
    let (result, _) = run(&openai(&stub, &clock), &request(TEXT, &cast, &[])).await;
    match result {
        Err(LlmError::Api { status, message }) => {
            assert_eq!(status, 400);
            assert_eq!(
                message,
                "Invalid schema for response_format 'speaker_attributions'"
            );
        }
        other => panic!("expected Api, got {other:?}"),
    }
    assert_eq!(stub.seen().len(), 1);
    assert!(clock.sleeps().is_empty());
    // A 401 likewise, with a plain-text body.
    let stub = Stub::start(vec![reply(401, &[], "Unauthorized")]).await;
    let (result, _) = run(&openai(&stub, &clock), &request(TEXT, &cast, &[])).await;
    let error = result.unwrap_err();
    assert_eq!(
        error.to_string(),
        "the llm service answered 401: Unauthorized"
    );
}

#[tokio::test]
async fn an_azure_content_filter_leaves_the_chunk_unresolved_and_goes_on() {
    let stub = Stub::start(vec![reply(
        400,
        &[],
        r#"{"error":{"message":"The response was filtered","code":"content_filter","status":400}}"#,
    )])
    .await;
    let engine = LlmEngine::new(&config(LlmProvider::Azure, stub.url.clone(), Some("k")))
        .unwrap()
        .with_clock(FakeClock::new());
    let cast = cast();
    let (result, _) = run(&engine, &request(TEXT, &cast, &[])).await;
    let outcome = result.unwrap();
    assert_eq!(speakers(&outcome), vec![None; 4]);
    assert!(sources(&outcome)
        .iter()
        .all(|s| *s == Source::Unresolved(Unresolved::Refused)));
    assert_eq!(outcome.issues.len(), 1);
    assert!(outcome.issues[0].detail.contains("filtered"));
}

#[tokio::test]
async fn content_that_is_not_json_leaves_every_quote_unresolved() {
    let stub = Stub::start(vec![ok("Sure! Q01 is Watson, and the rest are Holmes.")]).await;
    let cast = cast();
    let (result, _) = run(
        &openai(&stub, &FakeClock::new()),
        &request(TEXT, &cast, &[]),
    )
    .await;
    let outcome = result.unwrap();
    assert_eq!(speakers(&outcome), vec![None; 4]);
    assert!(outcome
        .attributions
        .iter()
        .all(|a| a.confidence == 0.0 && a.source == Source::Unresolved(Unresolved::NotJson)));
    assert_eq!(outcome.issues.len(), 1);
    assert_eq!(outcome.issues[0].reason, Unresolved::NotJson);
    assert!(outcome.issues[0].detail.contains("Sure!"));
}

#[tokio::test]
async fn a_body_that_is_not_a_chat_completion_is_a_protocol_error() {
    let stub = Stub::start(vec![reply(200, &[], "<html>It works!</html>")]).await;
    let cast = cast();
    let (result, _) = run(
        &openai(&stub, &FakeClock::new()),
        &request(TEXT, &cast, &[]),
    )
    .await;
    assert!(
        matches!(result, Err(LlmError::Protocol(ref m)) if m.contains("It works")),
        "{result:?}"
    );
}

#[tokio::test]
async fn an_unknown_id_is_unresolved_for_that_quote_only() {
    let stub = Stub::start(vec![ok(
        r#"{"Q01": "watson", "Q02": "moriarty", "Q03": "holmes", "Q04": "unresolved"}"#,
    )])
    .await;
    let cast = cast();
    let (result, _) = run(
        &openai(&stub, &FakeClock::new()),
        &request(TEXT, &cast, &[]),
    )
    .await;
    let outcome = result.unwrap();
    assert_eq!(
        speakers(&outcome),
        vec![Some("watson"), None, Some("holmes"), None]
    );
    assert_eq!(
        sources(&outcome),
        vec![
            Source::Model,
            Source::Unresolved(Unresolved::UnknownId {
                answered: "moriarty".to_owned()
            }),
            Source::Model,
            Source::Unresolved(Unresolved::ModelUnsure),
        ]
    );
    assert_eq!(outcome.issues.len(), 1);
}

#[tokio::test]
async fn a_cut_off_answer_is_never_trusted() {
    // Both a truncated object and one that happens to be complete are discarded.
    for content in [
        r#"{"Q01": "watson", "Q02": "hol"#,
        r#"{"Q01": "watson", "Q02": "holmes", "Q03": "holmes", "Q04": "watson"}"#,
    ] {
        let stub = Stub::start(vec![reply(200, &[], &completion(content, "length"))]).await;
        let cast = cast();
        let (result, _) = run(
            &openai(&stub, &FakeClock::new()),
            &request(TEXT, &cast, &[]),
        )
        .await;
        let outcome = result.unwrap();
        assert_eq!(speakers(&outcome), vec![None; 4], "{content}");
        assert!(sources(&outcome)
            .iter()
            .all(|s| *s == Source::Unresolved(Unresolved::CutOff)));
        assert_eq!(outcome.issues[0].reason, Unresolved::CutOff);
        assert_eq!(outcome.usage.completion_tokens, 10);
    }
}

#[tokio::test]
async fn manual_anchors_are_never_asked_never_overwritten_and_shown_as_known() {
    let spans = shared::text::dialogue::detect(TEXT);
    // The producer says the second quotation is Watson's, against its tag.
    let anchors = vec![(spans[1].span.clone(), id("watson"))];
    let stub = Stub::start(vec![answer_with(|seen, keys| {
        let schema = &seen.body["response_format"]["json_schema"]["schema"];
        assert_eq!(schema["required"], json!(["Q01", "Q03", "Q04"]));
        let user = seen.body["messages"][1]["content"].as_str().unwrap();
        assert!(user.contains("- Q02: watson"), "{user}");
        // The model answers the anchored quotation anyway: ignored.
        let mut answer: serde_json::Map<String, Value> =
            keys.iter().map(|k| (k.clone(), json!("holmes"))).collect();
        answer.insert("Q02".to_owned(), json!("holmes"));
        Value::Object(answer).to_string()
    })])
    .await;
    let cast = cast();
    for failing in [false, true] {
        let (stub, anchors) = if failing {
            (Stub::start(vec![ok("not json")]).await, anchors.clone())
        } else {
            (stub.clone(), anchors.clone())
        };
        let (result, _) = run(
            &openai(&stub, &FakeClock::new()),
            &request(TEXT, &cast, &anchors),
        )
        .await;
        let outcome = result.unwrap();
        let second: &LlmAttribution = &outcome.attributions[1];
        assert_eq!(second.speaker, Some(id("watson")));
        assert_eq!(second.source, Source::Anchor);
        assert_eq!(second.confidence, 1.0);
        if !failing {
            assert_eq!(
                speakers(&outcome),
                vec![
                    Some("holmes"),
                    Some("watson"),
                    Some("holmes"),
                    Some("holmes")
                ]
            );
        }
    }
    // When every quotation is anchored, nothing is sent.
    let all: Vec<_> = spans
        .iter()
        .map(|s| (s.span.clone(), id("holmes")))
        .collect();
    let empty = Stub::start(vec![]).await;
    let (result, progress) = run(
        &openai(&empty, &FakeClock::new()),
        &request(TEXT, &cast, &all),
    )
    .await;
    let outcome = result.unwrap();
    assert!(empty.seen().is_empty());
    assert_eq!(outcome.chunks, 0);
    assert!(sources(&outcome).iter().all(|s| *s == Source::Anchor));
    assert_eq!(progress.last().unwrap().stage, Stage::Finished);
}

/// A chapter of `n` paragraphs alternating Holmes's and Watson's lines, each padded with
/// narration to about 400 characters (100 estimated tokens).
pub(crate) fn long_chapter(n: usize) -> String {
    (0..n)
        .map(|i| {
            let (who, line) = if i % 2 == 0 {
                ("Holmes", "Observe the mud on his boots")
            } else {
                ("Watson", "I see nothing remarkable there")
            };
            let mut paragraph = format!("“{line}, number {i},” said {who}.");
            while paragraph.chars().count() < 390 {
                paragraph.push_str(" The fog pressed against the windows.");
            }
            paragraph
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Answers every key from its number: odd quotations are Holmes's, even ones Watson's.
fn by_parity(_: &Seen, keys: &[String]) -> String {
    let answer: serde_json::Map<String, Value> = keys
        .iter()
        .map(|k| {
            let n: usize = k.trim_start_matches('Q').parse().unwrap();
            let who = if n % 2 == 1 { "holmes" } else { "watson" };
            (k.clone(), json!(who))
        })
        .collect();
    Value::Object(answer).to_string()
}

fn small_chunks() -> ChunkSizes {
    ChunkSizes {
        max_tokens: 1_000,
        overlap_tokens: 250,
        max_quotes: 80,
    }
}

#[tokio::test]
async fn a_long_chapter_is_sent_in_chunks_that_carry_the_previous_answers() {
    let text = long_chapter(30);
    let stub = Stub::start((0..10).map(|_| answer_with(by_parity)).collect()).await;
    let clock = FakeClock::new();
    let cast = cast();
    let engine = openai(&stub, &clock).with_chunking(small_chunks());
    let (result, progress) = run(&engine, &request(&text, &cast, &[])).await;
    let outcome = result.unwrap();
    let seen = stub.seen();
    assert!(seen.len() >= 3, "{} requests", seen.len());
    assert_eq!(outcome.chunks, seen.len());
    // Every quotation asked exactly once, and answered as the stub said.
    let mut asked: Vec<String> = Vec::new();
    for (k, request) in seen.iter().enumerate() {
        let keys = stub::keys(request);
        let user = request.body["messages"][1]["content"].as_str().unwrap();
        if k > 0 {
            // The previous chunk's answers for the quotations this chunk shares with it.
            let shared: Vec<&String> = asked
                .iter()
                .filter(|label| user.contains(&format!("|{label}|")))
                .collect();
            assert!(!shared.is_empty(), "chunk {k} shares no quotation");
            assert!(user.contains("Already attributed"));
            for label in shared {
                let n: usize = label.trim_start_matches('Q').parse().unwrap();
                let who = if n % 2 == 1 { "holmes" } else { "watson" };
                assert!(
                    user.contains(&format!("- {label}: {who}")),
                    "{label} in {user}"
                );
            }
        }
        for key in &keys {
            assert!(!asked.contains(key), "{key} asked twice");
        }
        asked.extend(keys);
    }
    let expected: Vec<String> = (1..=30).map(|n| format!("Q{n:02}")).collect();
    asked.sort();
    assert_eq!(asked, expected);
    let expected_speakers: Vec<Option<&str>> = (0..30)
        .map(|i| Some(if i % 2 == 0 { "holmes" } else { "watson" }))
        .collect();
    assert_eq!(speakers(&outcome), expected_speakers);
    // Tokens summed over the chunks.
    assert_eq!(outcome.usage.prompt_tokens, 100 * seen.len() as u64);
    assert_eq!(outcome.usage.completion_tokens, 10 * seen.len() as u64);
    let done: Vec<usize> = progress
        .iter()
        .filter(|p| p.stage == Stage::ChunkDone)
        .map(|p| p.done_chunks)
        .collect();
    assert_eq!(done, (1..=seen.len()).collect::<Vec<_>>());
}

#[tokio::test]
async fn the_rate_limiter_spaces_a_projects_requests() {
    // Fake time: 60 requests a minute means a second between two requests of one project.
    let text = long_chapter(30);
    let stub = Stub::start((0..20).map(|_| answer_with(by_parity)).collect()).await;
    let clock = FakeClock::new();
    let mut settings = config(LlmProvider::OpenAi, format!("{}/v1", stub.url), Some("k"));
    settings.requests_per_minute = 60;
    let engine = LlmEngine::new(&settings)
        .unwrap()
        .with_clock(clock.clone())
        .with_chunking(small_chunks());
    let cast = cast();
    let (result, _) = run(&engine, &request(&text, &cast, &[])).await;
    let chunks = result.unwrap().chunks;
    assert!(chunks >= 3);
    assert_eq!(clock.sleeps(), vec![Duration::from_secs(1); chunks - 1]);
    // Another project is not held up by this one's slots.
    let mut other = request(TEXT, &cast, &[]);
    other.project = ProjectId(8);
    let before = clock.sleeps().len();
    let (result, _) = run(&engine, &other).await;
    result.unwrap();
    assert_eq!(clock.sleeps().len(), before);
}

#[tokio::test]
async fn the_rate_limiter_spaces_requests_in_real_time() {
    let text = long_chapter(30);
    let stub = Stub::start((0..20).map(|_| answer_with(by_parity)).collect()).await;
    let mut settings = config(LlmProvider::OpenAi, format!("{}/v1", stub.url), Some("k"));
    settings.requests_per_minute = 600; // 100 ms apart
    let engine = LlmEngine::new(&settings)
        .unwrap()
        .with_chunking(small_chunks());
    let cast = cast();
    let started = std::time::Instant::now();
    let (result, _) = run(&engine, &request(&text, &cast, &[])).await;
    result.unwrap();
    let took = started.elapsed();
    let seen = stub.seen();
    assert!(seen.len() >= 3);
    // A lower bound only: a loaded machine makes the run slower, never faster, so this cannot
    // fail for want of speed (the gaps between arrivals at the stub can shrink under load).
    let spacing = Duration::from_millis(100) * u32::try_from(seen.len() - 1).unwrap();
    assert!(took >= spacing, "{} requests in {took:?}", seen.len());
}

#[tokio::test]
async fn a_cancelled_run_stops_before_sending() {
    let stub = Stub::start(vec![ok(GOOD)]).await;
    let cast = cast();
    let engine = openai(&stub, &FakeClock::new());
    let cancel = CancellationToken::new();
    cancel.cancel();
    let result = engine
        .attribute(&request(TEXT, &cast, &[]), &|_| {}, &cancel)
        .await;
    assert!(matches!(result, Err(LlmError::Cancelled)), "{result:?}");
    assert!(stub.seen().is_empty());
}

#[tokio::test]
async fn a_run_cancelled_while_its_request_is_in_flight_stops_at_once() {
    // The gated stub never answers: only the cancellation can end this run.
    let stub = Stub::start_gated(vec![ok(GOOD)]).await;
    let engine = Arc::new(openai(&stub, &FakeClock::new()));
    let cancel = CancellationToken::new();
    let run = tokio::spawn({
        let (engine, cancel) = (engine.clone(), cancel.clone());
        async move {
            let cast = cast();
            engine
                .attribute(&request(TEXT, &cast, &[]), &|_| {}, &cancel)
                .await
        }
    });
    stub.wait_for_requests(1).await;

    cancel.cancel();
    let result = tokio::time::timeout(Duration::from_secs(30), run)
        .await
        .expect("the run ends once cancelled")
        .unwrap();

    assert!(matches!(result, Err(LlmError::Cancelled)), "{result:?}");
    assert_eq!(stub.seen().len(), 1);
}

#[tokio::test]
async fn a_chapter_without_dialogue_sends_nothing() {
    let stub = Stub::start(vec![]).await;
    let cast = cast();
    let (result, _) = run(
        &openai(&stub, &FakeClock::new()),
        &request("The fog lay thick.\n\nNobody spoke.", &cast, &[]),
    )
    .await;
    let outcome = result.unwrap();
    assert!(outcome.attributions.is_empty());
    assert!(stub.seen().is_empty());
}
