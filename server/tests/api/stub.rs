//! A scripted HTTP server standing in for a cloud service (chat completions, Azure Speech,
//! ElevenLabs): records every request and answers each with the next scripted reply (a 418 once
//! the script runs out, which the engine reports as an error). A gated
//! stub holds each answer until the test releases it, so a test can see a request in flight.

use std::{
    collections::VecDeque,
    sync::{Arc, Mutex},
    time::Instant,
};

use axum::{
    body::Bytes,
    extract::State,
    http::{HeaderMap, Method, StatusCode, Uri},
    response::{IntoResponse, Response},
    Router,
};
use serde_json::{json, Value};

/// One request the stub received.
#[derive(Debug, Clone)]
pub(crate) struct Seen {
    pub(crate) method: String,
    pub(crate) path: String,
    pub(crate) query: Option<String>,
    pub(crate) headers: HeaderMap,
    /// The body read as JSON (`Null` when it is not).
    pub(crate) body: Value,
    /// The body as sent.
    pub(crate) raw: Vec<u8>,
    pub(crate) at: Instant,
}

impl Seen {
    pub(crate) fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    }
}

/// A scripted answer: status, headers, body, made from the request.
pub(crate) type Responder =
    Box<dyn Fn(&Seen) -> (u16, Vec<(String, String)>, Vec<u8>) + Send + Sync>;

#[derive(Default)]
struct Inner {
    /// Answers to a path, given every time and not recorded (a service's lookups beside the
    /// requests a test is about, such as a voice list).
    fixed: Vec<(String, Responder)>,
    seen: Mutex<Vec<Seen>>,
    script: Mutex<VecDeque<Responder>>,
    /// When set, each answer waits for a permit from [`Stub::release`].
    gate: Option<Arc<tokio::sync::Semaphore>>,
    /// Woken at each request.
    arrived: tokio::sync::Notify,
}

/// A running stub.
#[derive(Clone)]
pub(crate) struct Stub {
    /// `http://127.0.0.1:<port>`.
    pub(crate) url: String,
    inner: Arc<Inner>,
}

impl Stub {
    pub(crate) async fn start(script: Vec<Responder>) -> Self {
        Self::serve(script, Vec::new(), None).await
    }

    /// A stub that also answers each of `fixed`'s paths with its responder, every time, without
    /// recording those requests.
    // Used by `tests/api`, which shares this file.
    #[allow(dead_code)]
    pub(crate) async fn start_with(
        script: Vec<Responder>,
        fixed: Vec<(String, Responder)>,
    ) -> Self {
        Self::serve(script, fixed, None).await
    }

    /// A stub that records each request at once but answers it only once [`Stub::release`] gave
    /// it a permit.
    pub(crate) async fn start_gated(script: Vec<Responder>) -> Self {
        Self::serve(
            script,
            Vec::new(),
            Some(Arc::new(tokio::sync::Semaphore::new(0))),
        )
        .await
    }

    /// Lets `answers` more requests of a gated stub be answered.
    // Used by `tests/api`, which shares this file.
    #[allow(dead_code)]
    pub(crate) fn release(&self, answers: usize) {
        if let Some(gate) = &self.inner.gate {
            gate.add_permits(answers);
        }
    }

    async fn serve(
        script: Vec<Responder>,
        fixed: Vec<(String, Responder)>,
        gate: Option<Arc<tokio::sync::Semaphore>>,
    ) -> Self {
        let inner = Arc::new(Inner {
            fixed,
            seen: Mutex::new(Vec::new()),
            script: Mutex::new(script.into()),
            gate,
            arrived: tokio::sync::Notify::new(),
        });
        let app = Router::new().fallback(handle).with_state(inner.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        Self { url, inner }
    }

    /// Waits until at least `count` requests have arrived.
    pub(crate) async fn wait_for_requests(&self, count: usize) {
        loop {
            // Created before the check, so a request arriving in between still wakes it.
            let arrived = self.inner.arrived.notified();
            if self.inner.seen.lock().unwrap().len() >= count {
                return;
            }
            arrived.await;
        }
    }

    /// The requests received so far, in order.
    pub(crate) fn seen(&self) -> Vec<Seen> {
        self.inner.seen.lock().unwrap().clone()
    }
}

async fn handle(
    State(inner): State<Arc<Inner>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let seen = Seen {
        method: method.to_string(),
        path: uri.path().to_owned(),
        query: uri.query().map(str::to_owned),
        headers,
        body: serde_json::from_slice(&body).unwrap_or(Value::Null),
        raw: body.to_vec(),
        at: Instant::now(),
    };
    if let Some((_, fixed)) = inner.fixed.iter().find(|(path, _)| *path == seen.path) {
        return respond(fixed(&seen));
    }
    inner.seen.lock().unwrap().push(seen.clone());
    inner.arrived.notify_waiters();
    if let Some(gate) = &inner.gate {
        gate.acquire().await.unwrap().forget();
    }
    let responder = inner.script.lock().unwrap().pop_front();
    let Some(responder) = responder else {
        return (StatusCode::IM_A_TEAPOT, "the stub's script ran out").into_response();
    };
    respond(responder(&seen))
}

/// The HTTP response of a scripted answer (JSON unless it says otherwise).
fn respond((status, headers, body): (u16, Vec<(String, String)>, Vec<u8>)) -> Response {
    let typed = headers
        .iter()
        .any(|(name, _)| name.eq_ignore_ascii_case("content-type"));
    let mut response = (StatusCode::from_u16(status).unwrap(), body).into_response();
    for (name, value) in headers {
        response.headers_mut().insert(
            axum::http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
            value.parse().unwrap(),
        );
    }
    if status == 200 && !typed {
        response.headers_mut().insert(
            axum::http::header::CONTENT_TYPE,
            "application/json".parse().unwrap(),
        );
    }
    response
}

/// A chat-completions body whose message content is `content`, with 100 prompt and 10
/// completion tokens.
pub(crate) fn completion(content: &str, finish_reason: &str) -> String {
    json!({
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 0,
        "model": "gpt-test",
        "choices": [{
            "index": 0,
            "message": {"role": "assistant", "content": content, "refusal": null},
            "finish_reason": finish_reason,
        }],
        "usage": {"prompt_tokens": 100, "completion_tokens": 10, "total_tokens": 110},
    })
    .to_string()
}

/// Any status, headers and body.
pub(crate) fn reply(status: u16, headers: &[(&str, &str)], body: &str) -> Responder {
    let headers: Vec<(String, String)> = headers
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect();
    reply_bytes(status, &headers, body.as_bytes().to_vec())
}

/// Any status, headers and bytes.
pub(crate) fn reply_bytes(status: u16, headers: &[(String, String)], body: Vec<u8>) -> Responder {
    let headers = headers.to_vec();
    Box::new(move |_| (status, headers.clone(), body.clone()))
}

/// A 200 whose message content is `content`, finished normally.
pub(crate) fn ok(content: &str) -> Responder {
    reply(200, &[], &completion(content, "stop"))
}

/// The keys the request's schema requires: the quotations to answer.
pub(crate) fn keys(seen: &Seen) -> Vec<String> {
    seen.body["response_format"]["json_schema"]["schema"]["required"]
        .as_array()
        .map(|keys| {
            keys.iter()
                .map(|k| k.as_str().unwrap().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// A 200 whose content `answer` makes from the request and its required keys.
pub(crate) fn answer_with(
    answer: impl Fn(&Seen, &[String]) -> String + Send + Sync + 'static,
) -> Responder {
    Box::new(move |seen| {
        let content = answer(seen, &keys(seen));
        (200, Vec::new(), completion(&content, "stop").into_bytes())
    })
}
