//! What the cloud engines (Azure Speech, ElevenLabs) share: one request sent until it succeeds,
//! fails for good or runs out of attempts, and each HTTP answer turned into the audio or the
//! [`SpeechFailure`] the page words.
//!
//! - 2xx: the body, read up to [`MAX_AUDIO_BYTES`].
//! - 401, 403: the key is refused; any other 4xx but 408 and 429: the request is refused (the
//!   engine may say more: a 404 from ElevenLabs is an unknown voice). None is tried again: it
//!   would fail the same way.
//! - 429, 408, 5xx, a network error or a timeout: tried again after the service's `Retry-After`,
//!   else an exponential back-off ([`RetryPolicy`]); the last failure is reported.

use std::time::Duration;

use app::error::SpeechFailure;
use reqwest::{RequestBuilder, StatusCode};

use crate::retry::{retry_after, RetryPolicy};

/// Most bytes of audio read from one answer: ten minutes of 48 kHz 16-bit mono is 57.6 MB.
pub const MAX_AUDIO_BYTES: usize = 64 * 1024 * 1024;
/// Longest wait for one answer, connection included.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);
/// Longest wait for a connection.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Characters of an error body kept in the log.
const LOGGED_CHARS: usize = 300;

/// An HTTP client for a speech service.
///
/// # Errors
/// When TLS cannot be set up.
pub fn client() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .timeout(REQUEST_TIMEOUT)
        .connect_timeout(CONNECT_TIMEOUT)
        .build()
}

/// What one attempt came to.
enum Attempt {
    Audio(Vec<u8>),
    /// Worth another attempt, after the wait the service asked for, if any.
    Retry(SpeechFailure, Option<Duration>),
    Fail(SpeechFailure),
}

/// Sends the request `build` makes, again while it fails in a way worth retrying; `service`
/// names the engine in the log.
///
/// # Errors
/// The failure that stopped it, or the last one when the attempts ran out.
pub async fn send(
    retry: &RetryPolicy,
    service: &'static str,
    build: impl Fn() -> RequestBuilder,
) -> Result<Vec<u8>, SpeechFailure> {
    let attempts = retry.max_attempts.max(1);
    let mut attempt = 1;
    loop {
        let (failure, after) = match once(service, build()).await {
            Attempt::Audio(bytes) => return Ok(bytes),
            Attempt::Fail(failure) => return Err(failure),
            Attempt::Retry(failure, after) => (failure, after),
        };
        if attempt >= attempts {
            tracing::warn!(service, attempts, ?failure, "speech request gave up");
            return Err(failure);
        }
        let wait = retry.delay(attempt, after);
        tracing::info!(
            service,
            attempt,
            wait_ms = wait.as_millis() as u64,
            ?failure,
            "speech request failed; retrying"
        );
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}

async fn once(service: &'static str, request: RequestBuilder) -> Attempt {
    let mut response = match request.send().await {
        Ok(response) => response,
        Err(err) => return Attempt::Retry(network(service, &err), None),
    };
    let status = response.status();
    if !status.is_success() {
        let after = retry_after(response.headers());
        let body = response.text().await.unwrap_or_default();
        let body: String = body.chars().take(LOGGED_CHARS).collect();
        tracing::warn!(service, %status, %body, "speech request refused");
        return answer(status, after);
    }
    let mut bytes = Vec::new();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                if bytes.len() + chunk.len() > MAX_AUDIO_BYTES {
                    tracing::warn!(service, "speech answer over the size limit");
                    return Attempt::Fail(SpeechFailure::BadAudio);
                }
                bytes.extend_from_slice(&chunk);
            }
            Ok(None) => return Attempt::Audio(bytes),
            Err(err) => return Attempt::Retry(network(service, &err), None),
        }
    }
}

/// What a refused answer means, and whether it is worth another attempt.
fn answer(status: StatusCode, after: Option<Duration>) -> Attempt {
    let code = status.as_u16();
    match status {
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => {
            Attempt::Fail(SpeechFailure::RefusedKey { status: code })
        }
        StatusCode::TOO_MANY_REQUESTS => Attempt::Retry(SpeechFailure::RateLimited, after),
        StatusCode::REQUEST_TIMEOUT => {
            Attempt::Retry(SpeechFailure::Failed { status: code }, after)
        }
        _ if status.is_server_error() => {
            Attempt::Retry(SpeechFailure::Failed { status: code }, after)
        }
        _ => Attempt::Fail(SpeechFailure::Rejected { status: code }),
    }
}

fn network(service: &'static str, err: &reqwest::Error) -> SpeechFailure {
    tracing::warn!(service, error = %err, "speech service not reached");
    if err.is_timeout() {
        SpeechFailure::TimedOut {
            seconds: REQUEST_TIMEOUT.as_secs(),
        }
    } else {
        SpeechFailure::Unreachable
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failure(status: u16) -> (Option<SpeechFailure>, bool) {
        match answer(StatusCode::from_u16(status).unwrap(), None) {
            Attempt::Audio(_) => (None, false),
            Attempt::Retry(failure, _) => (Some(failure), true),
            Attempt::Fail(failure) => (Some(failure), false),
        }
    }

    #[test]
    fn each_status_is_a_failure_retried_only_when_it_may_pass() {
        assert_eq!(
            failure(401),
            (Some(SpeechFailure::RefusedKey { status: 401 }), false)
        );
        assert_eq!(
            failure(403),
            (Some(SpeechFailure::RefusedKey { status: 403 }), false)
        );
        assert_eq!(
            failure(400),
            (Some(SpeechFailure::Rejected { status: 400 }), false)
        );
        assert_eq!(
            failure(415),
            (Some(SpeechFailure::Rejected { status: 415 }), false)
        );
        assert_eq!(
            failure(404),
            (Some(SpeechFailure::Rejected { status: 404 }), false)
        );
        assert_eq!(failure(429), (Some(SpeechFailure::RateLimited), true));
        assert_eq!(
            failure(408),
            (Some(SpeechFailure::Failed { status: 408 }), true)
        );
        assert_eq!(
            failure(503),
            (Some(SpeechFailure::Failed { status: 503 }), true)
        );
    }
}
