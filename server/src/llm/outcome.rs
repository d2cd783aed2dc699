//! The LLM engine's public vocabulary: what to attribute ([`AttributionRequest`]), what comes back
//! ([`LlmOutcome`]: one [`LlmAttribution`] per quotation, its [`Source`], token usage, chunk
//! issues), how far a run is ([`Progress`]) and why it stopped ([`LlmError`]).

use std::{ops::Range, time::Duration};

use app::model::ProjectId;
use serde::{Deserialize, Serialize};
use shared::{Cast, CharacterId, Language};

/// What to attribute.
#[derive(Debug, Clone, Copy)]
pub struct AttributionRequest<'a> {
    /// The project, whose requests share one rate limit.
    pub project: ProjectId,
    /// The chapter's text.
    pub text: &'a str,
    /// The confirmed cast; its ids are the only answers accepted.
    pub cast: &'a Cast,
    /// The language of the text (named in the prompt).
    pub language: Language,
    /// The producer's manual choices (character ranges): the dialogue span overlapping each most
    /// keeps that speaker, as in the rule engine.
    pub anchors: &'a [(Range<usize>, CharacterId)],
}

/// Where a quotation's speaker came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The producer's manual choice, untouched.
    Anchor,
    /// The model's answer, a valid cast id.
    Model,
    /// No speaker, and why.
    Unresolved(Unresolved),
}

/// Why a quotation was left without a speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unresolved {
    /// The model answered `unresolved`.
    ModelUnsure,
    /// The model named an id that is not in the cast.
    UnknownId {
        /// What it answered.
        answered: String,
    },
    /// The model's JSON had no (string) answer for it.
    NotAnswered,
    /// The reply was cut off (`finish_reason: "length"`): the whole chunk is discarded.
    CutOff,
    /// The reply was not a JSON object.
    NotJson,
    /// The model refused, or a content filter blocked the prompt or the reply.
    Refused,
}

/// The speaker of one dialogue span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LlmAttribution {
    /// Character range in the chapter (the span of [`shared::text::dialogue::detect`]).
    pub span: Range<usize>,
    /// The speaker, or `None` when unresolved.
    pub speaker: Option<CharacterId>,
    /// 1 for an anchor, [`MODEL_CONFIDENCE`](super::MODEL_CONFIDENCE) for a model answer, 0 when
    /// unresolved.
    pub confidence: f32,
    /// Where it came from.
    pub source: Source,
}

impl LlmAttribution {
    /// The same answer in the rule engine's terms, so that the page shows both alike.
    pub fn to_attribution(&self) -> shared::attribution::verdict::Attribution {
        use shared::attribution::verdict::{Attribution, Evidence, Rule};
        let rule = match self.source {
            Source::Anchor => Rule::Anchor,
            Source::Model => Rule::LanguageModel,
            Source::Unresolved(_) => Rule::Unresolved,
        };
        Attribution {
            span: self.span.clone(),
            speaker: self.speaker.clone(),
            confidence: self.confidence,
            evidence: Evidence {
                rule,
                tag: None,
                contradiction: None,
            },
        }
    }
}

/// A problem with one chunk's reply; its quotations (or the one named) are unresolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChunkIssue {
    /// Index of the chunk among those sent (0-based).
    pub chunk: usize,
    /// What went wrong.
    pub reason: Unresolved,
    /// Details for the log (the start of the reply, the unknown id).
    pub detail: String,
}

/// Tokens the service reported.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenUsage {
    /// Prompt tokens (`usage.prompt_tokens`).
    pub prompt_tokens: u64,
    /// Completion tokens (`usage.completion_tokens`).
    pub completion_tokens: u64,
    /// Requests sent, retries included.
    pub requests: u32,
}

impl TokenUsage {
    pub(super) fn add(&mut self, other: TokenUsage) {
        self.prompt_tokens += other.prompt_tokens;
        self.completion_tokens += other.completion_tokens;
        self.requests += other.requests;
    }
}

/// The result of a run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LlmOutcome {
    /// One per dialogue span, in order.
    pub attributions: Vec<LlmAttribution>,
    /// Tokens used, summed over the chunks.
    pub usage: TokenUsage,
    /// Chunks sent to the model (chunks with nothing to decide are not sent).
    pub chunks: usize,
    /// Problems met, in order.
    pub issues: Vec<ChunkIssue>,
}

/// How far a run is, for the page.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// Chunks answered.
    pub done_chunks: usize,
    /// Chunks to send.
    pub total_chunks: usize,
    /// What is happening.
    pub stage: Stage,
}

/// The step a run is at.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Chunks planned, nothing sent yet.
    Started,
    /// A chunk's request is being sent (or waits for the rate limit).
    Requesting,
    /// The service asked to wait (429, 5xx, network): retrying after `wait`.
    Retrying {
        /// The delay before the next attempt.
        wait: Duration,
        /// The attempt that failed (1-based).
        attempt: u32,
    },
    /// A chunk was answered.
    ChunkDone,
    /// Every chunk was answered.
    Finished,
}

/// Why a run stopped without a result. The caller keeps what it had (the rule engine's answers
/// and every manual choice).
#[derive(Debug, thiserror::Error)]
pub enum LlmError {
    /// The HTTP client could not be built.
    #[error("could not set up the llm client: {0}")]
    Client(String),
    /// The service refused the request (a 4xx other than 408 and 429), with its message.
    #[error("the llm service answered {status}: {message}")]
    Api {
        /// HTTP status.
        status: u16,
        /// The service's `error.message`, or the start of its body.
        message: String,
    },
    /// Every attempt failed with a 429, 408, 5xx or a network error.
    #[error("the llm service failed {attempts} times; last: {last}")]
    GaveUp {
        /// Attempts made.
        attempts: u32,
        /// The last failure.
        last: String,
    },
    /// A successful HTTP answer that is not a chat completion (wrong URL?).
    #[error("the llm service's answer is not a chat completion: {0}")]
    Protocol(String),
    /// The run was cancelled.
    #[error("the attribution was cancelled")]
    Cancelled,
}
