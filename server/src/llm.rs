//! Speaker attribution by a large language model, over the OpenAI chat-completions API (OpenAI,
//! Azure OpenAI or a local OpenAI-compatible server such as llama.cpp's `llama-server`).
//!
//! It decides the same quotations as the rule engine ([`shared::attribution::attribute`]): one
//! answer per dialogue span of [`shared::text::dialogue::detect`], in order. The method follows the
//! published LLM setup (Michel et al., NAACL 2025; see `shared/research/attribution.md` §2):
//!
//! * the chapter is cut at paragraph boundaries into chunks of about [`ChunkSizes::max_tokens`]
//!   tokens (estimated as characters / 4) that overlap by about [`ChunkSizes::overlap_tokens`];
//!   each quotation is decided by exactly one chunk, the one where it is most central (see
//!   [`plan_chunks`]), so that it has context on both sides;
//! * each chunk's quotations are marked `|Q07|…|/Q07|` with chapter-wide numbers; the prompt gives
//!   the cast (id, name, aliases, gender), the speakers already known in the chunk (the producer's
//!   manual choices and the previous chunks' answers), and asks for a JSON object only;
//! * the answer is constrained by a JSON schema (`response_format: json_schema`, strict): one
//!   required key per quotation to decide, each an enum of the cast ids plus `unresolved`. OpenAI's
//!   strict mode and llama-server's grammar both enforce it; it is validated here anyway.
//!
//! Nothing the model says is trusted: a reply that is not JSON, is cut off (`finish_reason:
//! "length"`), refused or filtered leaves the chunk's quotations unresolved; an id outside the cast
//! or a missing key leaves that quotation unresolved. A model answer never reports more than
//! [`MODEL_CONFIDENCE`] (below the rule engine's explicit-tag 0.95 and the 0.9 of certainty), and
//! a manual choice (an anchor) is never overwritten: the anchored quotation is not asked, only
//! shown to the model as known.
//!
//! Requests are spaced by a per-project [`RateLimiter`]; 429, 408 and 5xx answers and network
//! failures are retried with deterministic exponential back-off ([`RetryPolicy`]), honouring
//! `Retry-After` / `retry-after-ms`; any other 4xx stops the run with the service's message.
//! Tokens used are logged per chunk and summed in [`LlmOutcome::usage`].
//!
//! Integration: [`LlmEngine::new`] from [`crate::config::LlmConfig::from_env`]; when that is `None`
//! the rule engine is used. [`crate::speaker_jobs`] runs it for the page and turns each
//! [`LlmAttribution`] into a `shared::attribution::verdict::Attribution`
//! ([`LlmAttribution::to_attribution`]: [`Source::Model`] → `Rule::LanguageModel`,
//! [`Source::Anchor`] → `Rule::Anchor`, [`Source::Unresolved`] → `Rule::Unresolved`).

mod answer;
mod chunk;
mod client;
mod limiter;
mod outcome;
mod prompt;
#[cfg(test)]
mod tests;

use std::{ops::Range, sync::Arc, time::Duration};

use app::model::ProjectId;
use shared::{text::dialogue::DialogueSpan, CharacterId};
use tokio_util::sync::CancellationToken;

use self::{
    answer::{read_reply, Verdict},
    client::{Attempt, ChatClient},
    prompt::Prompt,
};
pub use self::{
    chunk::{estimate_tokens, plan_chunks, Chunk, ChunkSizes},
    client::RetryPolicy,
    limiter::{Clock, RateLimiter, SystemClock},
    outcome::{
        AttributionRequest, ChunkIssue, LlmAttribution, LlmError, LlmOutcome, Progress, Source,
        Stage, TokenUsage, Unresolved,
    },
};
use crate::config::LlmConfig;

/// Confidence of a speaker the model chose: a plausible guess, never presented as certain.
pub const MODEL_CONFIDENCE: f32 = 0.7;

/// The answer, in the JSON schema, for a quotation whose speaker the text does not tell.
pub const UNRESOLVED: &str = "unresolved";

/// The LLM attribution engine: one per server, shared by every project (its rate limiter is).
pub struct LlmEngine {
    client: ChatClient,
    limiter: RateLimiter,
    clock: Arc<dyn Clock>,
    retry: RetryPolicy,
    chunking: ChunkSizes,
}

impl std::fmt::Debug for LlmEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LlmEngine")
            .field("client", &self.client)
            .field("limiter", &self.limiter)
            .field("retry", &self.retry)
            .field("chunking", &self.chunking)
            .finish_non_exhaustive()
    }
}

impl LlmEngine {
    /// An engine for `config`, with the system clock, [`RetryPolicy::default`] and
    /// [`ChunkSizes::default`].
    ///
    /// # Errors
    /// [`LlmError::Client`] when the HTTP client cannot be built.
    pub fn new(config: &LlmConfig) -> Result<Self, LlmError> {
        Ok(Self {
            client: ChatClient::new(config)?,
            limiter: RateLimiter::per_minute(config.requests_per_minute),
            clock: Arc::new(SystemClock),
            retry: RetryPolicy::default(),
            chunking: ChunkSizes::default(),
        })
    }

    /// The same engine with another clock (tests use one whose sleeps return at once).
    #[must_use]
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// The same engine with another retry policy.
    #[must_use]
    pub fn with_retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// The same engine with other chunk sizes.
    #[must_use]
    pub fn with_chunking(mut self, chunking: ChunkSizes) -> Self {
        self.chunking = chunking;
        self
    }

    /// Attributes every dialogue span of the request's chapter, chunk by chunk, reporting
    /// `progress` as it goes and stopping at the next step once `cancel` is cancelled.
    ///
    /// A chunk whose reply is unusable leaves its quotations unresolved and is listed in
    /// [`LlmOutcome::issues`]; anchored quotations keep their manual speaker whatever happens.
    ///
    /// # Errors
    /// [`LlmError::Api`] when the service refuses a request, [`LlmError::GaveUp`] when retries run
    /// out, [`LlmError::Protocol`] when its answers are not chat completions,
    /// [`LlmError::Cancelled`] when cancelled.
    pub async fn attribute(
        &self,
        request: &AttributionRequest<'_>,
        progress: &(dyn Fn(Progress) + Send + Sync),
        cancel: &CancellationToken,
    ) -> Result<LlmOutcome, LlmError> {
        let spans = shared::text::dialogue::detect(request.text);
        let paragraphs = shared::text::dialogue::paragraphs(request.text);
        let anchored = anchor_spans(&spans, request.anchors);
        let quote_paragraphs: Vec<usize> = spans.iter().map(|s| s.paragraph).collect();
        let plan = plan_chunks(&paragraphs, &quote_paragraphs, &self.chunking);
        let mut attributions: Vec<LlmAttribution> = spans
            .iter()
            .zip(&anchored)
            .map(|(span, anchor)| match anchor {
                Some(id) => LlmAttribution {
                    span: span.span.clone(),
                    speaker: Some(id.clone()),
                    confidence: 1.0,
                    source: Source::Anchor,
                },
                None => unresolved(span.span.clone(), Unresolved::NotAnswered),
            })
            .collect();
        let work: Vec<(&Chunk, Vec<usize>)> = plan
            .iter()
            .map(|chunk| {
                let ask: Vec<usize> = chunk
                    .decides
                    .iter()
                    .copied()
                    .filter(|&q| anchored.get(q).is_some_and(Option::is_none))
                    .collect();
                (chunk, ask)
            })
            .filter(|(_, ask)| !ask.is_empty())
            .collect();
        let total = work.len();
        let report = |done_chunks, stage| {
            progress(Progress {
                done_chunks,
                total_chunks: total,
                stage,
            });
        };
        report(0, Stage::Started);
        let prompt = Prompt::new(
            request.text,
            &paragraphs,
            &spans,
            request.cast,
            request.language,
        );
        let mut outcome = LlmOutcome {
            attributions: Vec::new(),
            usage: TokenUsage::default(),
            chunks: total,
            issues: Vec::new(),
        };
        for (index, (chunk, ask)) in work.iter().enumerate() {
            if cancel.is_cancelled() {
                return Err(LlmError::Cancelled);
            }
            report(index, Stage::Requesting);
            let known: Vec<(usize, &CharacterId)> = chunk
                .quotes
                .clone()
                .filter_map(|q| {
                    let a = attributions.get(q)?;
                    let known = matches!(a.source, Source::Anchor | Source::Model);
                    known.then_some((q, a.speaker.as_ref()?))
                })
                .collect();
            let built = prompt.chunk(chunk, ask, &known);
            let body = self.client.body(&built);
            let (reply, usage) = self
                .send(request.project, &body, cancel, &|wait, attempt| {
                    report(index, Stage::Retrying { wait, attempt });
                })
                .await?;
            outcome.usage.add(usage);
            tracing::info!(
                project = request.project.0,
                chunk = index,
                chunks = total,
                quotes = ask.len(),
                prompt_tokens = usage.prompt_tokens,
                completion_tokens = usage.completion_tokens,
                requests = usage.requests,
                "llm chunk answered"
            );
            let read = read_reply(&reply, ask, &built.labels, request.cast, &built.unresolved);
            for issue in read.issues {
                tracing::warn!(chunk = index, reason = ?issue.0, detail = %issue.1, "llm answer not used");
                outcome.issues.push(ChunkIssue {
                    chunk: index,
                    reason: issue.0,
                    detail: issue.1,
                });
            }
            for (quote, verdict) in read.verdicts {
                if let Some(slot) = attributions.get_mut(quote) {
                    if slot.source == Source::Anchor {
                        continue;
                    }
                    *slot = match verdict {
                        Verdict::Speaker(id) => LlmAttribution {
                            span: slot.span.clone(),
                            speaker: Some(id),
                            confidence: MODEL_CONFIDENCE,
                            source: Source::Model,
                        },
                        Verdict::Unresolved(why) => unresolved(slot.span.clone(), why),
                    };
                }
            }
            report(index + 1, Stage::ChunkDone);
        }
        tracing::info!(
            project = request.project.0,
            chunks = total,
            prompt_tokens = outcome.usage.prompt_tokens,
            completion_tokens = outcome.usage.completion_tokens,
            requests = outcome.usage.requests,
            "llm attribution finished"
        );
        report(total, Stage::Finished);
        outcome.attributions = attributions;
        Ok(outcome)
    }

    /// Sends one request, waiting for the project's rate limit and retrying as the policy says.
    async fn send(
        &self,
        project: ProjectId,
        body: &serde_json::Value,
        cancel: &CancellationToken,
        retrying: &(dyn Fn(Duration, u32) + Send + Sync),
    ) -> Result<(client::ChatReply, TokenUsage), LlmError> {
        let mut usage = TokenUsage::default();
        let attempts = self.retry.max_attempts.max(1);
        for attempt in 1..=attempts {
            let wait = self.limiter.reserve(project, self.clock.now());
            if !wait.is_zero() {
                self.sleep(wait, cancel).await?;
            }
            usage.requests += 1;
            let result = tokio::select! {
                () = cancel.cancelled() => return Err(LlmError::Cancelled),
                result = self.client.send(body) => result,
            };
            let (retry_after, why) = match result {
                Attempt::Reply(reply) => {
                    usage.add(reply.usage);
                    return Ok((reply, usage));
                }
                Attempt::Fail(error) => return Err(error),
                Attempt::Retry { after, why } => (after, why),
            };
            if attempt == attempts {
                return Err(LlmError::GaveUp {
                    attempts,
                    last: why,
                });
            }
            let wait = self.retry.delay(attempt, retry_after);
            tracing::warn!(attempt, wait_ms = wait.as_millis() as u64, %why, "llm request failed; retrying");
            retrying(wait, attempt);
            self.sleep(wait, cancel).await?;
        }
        Err(LlmError::GaveUp {
            attempts,
            last: "no attempt made".to_owned(),
        })
    }

    async fn sleep(&self, wait: Duration, cancel: &CancellationToken) -> Result<(), LlmError> {
        tokio::select! {
            () = cancel.cancelled() => Err(LlmError::Cancelled),
            () = self.clock.sleep(wait) => Ok(()),
        }
    }
}

fn unresolved(span: Range<usize>, why: Unresolved) -> LlmAttribution {
    LlmAttribution {
        span,
        speaker: None,
        confidence: 0.0,
        source: Source::Unresolved(why),
    }
}

/// For each dialogue span, the speaker an anchor gives it: each anchor goes to the span it
/// overlaps most (as in the rule engine); a later anchor on the same span wins.
fn anchor_spans(
    spans: &[DialogueSpan],
    anchors: &[(Range<usize>, CharacterId)],
) -> Vec<Option<CharacterId>> {
    let mut anchored = vec![None; spans.len()];
    for (range, id) in anchors {
        let best = spans
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let overlap = s
                    .span
                    .end
                    .min(range.end)
                    .saturating_sub(s.span.start.max(range.start));
                (i, overlap)
            })
            .filter(|&(_, overlap)| overlap > 0)
            .max_by_key(|&(i, overlap)| (overlap, std::cmp::Reverse(i)));
        if let Some(slot) = best.and_then(|(i, _)| anchored.get_mut(i)) {
            *slot = Some(id.clone());
        }
    }
    anchored
}
