//! The chat-completions client: the request each provider expects, one HTTP attempt, and what
//! the answer means (a reply, a retry, or a failure).

use std::time::Duration;

use serde::Deserialize;
use serde_json::{json, Value};

use super::{prompt::BuiltPrompt, LlmError, TokenUsage};
pub use crate::retry::RetryPolicy;
use crate::{
    config::{LlmConfig, LlmProvider},
    retry::retry_after,
};

/// Longest wait for one answer: a local model on two cores needs tens of seconds for a chunk.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(300);
/// Longest wait for a connection.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Characters of an error body kept in a message.
const MESSAGE_CHARS: usize = 300;
/// The JSON schema's name (OpenAI: letters, digits, `_` and `-`, at most 64).
const SCHEMA_NAME: &str = "speaker_attributions";

/// What one chat completion said.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ChatReply {
    /// `choices[0].message.content`.
    pub(crate) content: Option<String>,
    /// `choices[0].message.refusal`, or a content filter's message.
    pub(crate) refusal: Option<String>,
    /// `choices[0].finish_reason`.
    pub(crate) finish_reason: Option<String>,
    /// `usage`, with one request.
    pub(crate) usage: TokenUsage,
}

/// The result of one HTTP attempt.
#[derive(Debug)]
pub(crate) enum Attempt {
    /// An answer to read.
    Reply(ChatReply),
    /// A failure worth retrying, with the service's requested delay.
    Retry {
        after: Option<Duration>,
        why: String,
    },
    /// A failure that retrying will not fix.
    Fail(LlmError),
}

/// A configured chat-completions endpoint.
pub(crate) struct ChatClient {
    http: reqwest::Client,
    provider: LlmProvider,
    endpoint: String,
    api_key: Option<String>,
    model: String,
    api_version: String,
}

impl std::fmt::Debug for ChatClient {
    // Without the key.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChatClient")
            .field("provider", &self.provider)
            .field("endpoint", &self.endpoint)
            .field("model", &self.model)
            .finish_non_exhaustive()
    }
}

impl ChatClient {
    pub(crate) fn new(config: &LlmConfig) -> Result<Self, LlmError> {
        let http = reqwest::Client::builder()
            .timeout(REQUEST_TIMEOUT)
            .connect_timeout(CONNECT_TIMEOUT)
            .user_agent(concat!("audiobook-studio/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| LlmError::Client(e.to_string()))?;
        let base = config.url.trim_end_matches('/');
        let endpoint = match config.provider {
            LlmProvider::OpenAi | LlmProvider::Local => format!("{base}/chat/completions"),
            LlmProvider::Azure => format!(
                "{base}/openai/deployments/{}/chat/completions",
                config.model
            ),
        };
        Ok(Self {
            http,
            provider: config.provider,
            endpoint,
            api_key: config.api_key.clone(),
            model: config.model.clone(),
            api_version: config.api_version.clone(),
        })
    }

    /// The request body for a prompt: system and user messages, temperature 0 and the strict JSON
    /// schema; `model` except for Azure (the deployment is in the URL); `max_tokens` only for a
    /// local server (cloud reasoning models count hidden tokens against it, and strict mode
    /// already bounds the answer).
    pub(crate) fn body(&self, prompt: &BuiltPrompt) -> Value {
        let mut body = json!({
            "messages": [
                {"role": "system", "content": prompt.system},
                {"role": "user", "content": prompt.user},
            ],
            "temperature": 0,
            "response_format": {
                "type": "json_schema",
                "json_schema": {
                    "name": SCHEMA_NAME,
                    "strict": true,
                    "schema": prompt.schema,
                },
            },
        });
        if let Some(object) = body.as_object_mut() {
            if self.provider != LlmProvider::Azure {
                object.insert("model".to_owned(), json!(self.model));
            }
            if self.provider == LlmProvider::Local {
                object.insert("max_tokens".to_owned(), json!(prompt.max_tokens));
            }
        }
        body
    }

    /// One attempt: sends `body` and sorts the answer.
    pub(crate) async fn send(&self, body: &Value) -> Attempt {
        let mut request = self.http.post(&self.endpoint).json(body);
        match (self.provider, &self.api_key) {
            (LlmProvider::Azure, key) => {
                request = request.query(&[("api-version", self.api_version.as_str())]);
                if let Some(key) = key {
                    request = request.header("api-key", key);
                }
            }
            (LlmProvider::OpenAi | LlmProvider::Local, Some(key)) => {
                request = request.bearer_auth(key);
            }
            (LlmProvider::OpenAi | LlmProvider::Local, None) => {}
        }
        let response = match request.send().await {
            Ok(response) => response,
            Err(e) if e.is_builder() => return Attempt::Fail(LlmError::Client(e.to_string())),
            Err(e) => {
                return Attempt::Retry {
                    after: None,
                    why: format!("network: {e}"),
                }
            }
        };
        let status = response.status();
        let after = retry_after(response.headers());
        let text = match response.text().await {
            Ok(text) => text,
            Err(e) => {
                return Attempt::Retry {
                    after,
                    why: format!("reading the answer: {e}"),
                }
            }
        };
        if status.is_success() {
            return match parse_completion(&text) {
                Ok(reply) => Attempt::Reply(reply),
                Err(e) => Attempt::Fail(e),
            };
        }
        let (message, code) = error_message(&text);
        let code_number = status.as_u16();
        if code_number == 429 || code_number == 408 || status.is_server_error() {
            return Attempt::Retry {
                after,
                why: format!("{code_number}: {message}"),
            };
        }
        if code.as_deref() == Some("content_filter") {
            // Azure refuses prompts its filter flags: the chunk stays unresolved, the run goes on.
            return Attempt::Reply(ChatReply {
                content: None,
                refusal: Some(message),
                finish_reason: Some("content_filter".to_owned()),
                usage: TokenUsage::default(),
            });
        }
        Attempt::Fail(LlmError::Api {
            status: code_number,
            message,
        })
    }
}

/// The `error.message` and `error.code` of an error body (OpenAI, Azure, llama-server), else
/// the start of the body.
pub(super) fn error_message(body: &str) -> (String, Option<String>) {
    #[derive(Deserialize)]
    struct Envelope {
        error: ErrorBody,
    }
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum ErrorBody {
        Object {
            message: Option<String>,
            code: Option<Value>,
        },
        Text(String),
    }
    let short = || {
        let trimmed = body.trim();
        if trimmed.is_empty() {
            "(empty body)".to_owned()
        } else {
            trimmed.chars().take(MESSAGE_CHARS).collect()
        }
    };
    match serde_json::from_str::<Envelope>(body) {
        Ok(Envelope {
            error: ErrorBody::Object { message, code },
        }) => {
            let code = code.map(|c| match c {
                Value::String(s) => s,
                other => other.to_string(),
            });
            (message.unwrap_or_else(short), code)
        }
        Ok(Envelope {
            error: ErrorBody::Text(message),
        }) => (message, None),
        Err(_) => (short(), None),
    }
}

/// Reads a successful chat-completions body.
fn parse_completion(body: &str) -> Result<ChatReply, LlmError> {
    #[derive(Deserialize)]
    struct Completion {
        #[serde(default)]
        choices: Vec<Choice>,
        #[serde(default)]
        usage: Option<Usage>,
    }
    #[derive(Deserialize)]
    struct Choice {
        #[serde(default)]
        message: Option<Message>,
        #[serde(default)]
        finish_reason: Option<String>,
    }
    #[derive(Deserialize)]
    struct Message {
        #[serde(default)]
        content: Option<String>,
        #[serde(default)]
        refusal: Option<String>,
    }
    #[derive(Deserialize)]
    struct Usage {
        #[serde(default)]
        prompt_tokens: Option<u64>,
        #[serde(default)]
        completion_tokens: Option<u64>,
    }
    let completion: Completion = serde_json::from_str(body).map_err(|e| {
        let start: String = body.trim().chars().take(MESSAGE_CHARS).collect();
        LlmError::Protocol(format!("{e}: {start}"))
    })?;
    let choice = completion
        .choices
        .into_iter()
        .next()
        .ok_or_else(|| LlmError::Protocol("no choices in the answer".to_owned()))?;
    let message = choice.message.unwrap_or(Message {
        content: None,
        refusal: None,
    });
    let usage = completion.usage.unwrap_or(Usage {
        prompt_tokens: None,
        completion_tokens: None,
    });
    Ok(ChatReply {
        content: message.content,
        refusal: message.refusal,
        finish_reason: choice.finish_reason,
        usage: TokenUsage {
            prompt_tokens: usage.prompt_tokens.unwrap_or(0),
            completion_tokens: usage.completion_tokens.unwrap_or(0),
            requests: 0,
        },
    })
}
