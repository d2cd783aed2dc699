//! Reading a model's reply without trusting it: only a complete JSON object is read, only cast
//! ids are speakers, anything else leaves the quotation unresolved.

use serde_json::{Map, Value};
use shared::{Cast, CharacterId};

use super::{client::ChatReply, Unresolved};

/// Characters of a bad reply kept in an issue's detail.
const DETAIL_CHARS: usize = 200;

/// The decision for one quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// A cast member.
    Speaker(CharacterId),
    /// No speaker.
    Unresolved(Unresolved),
}

/// What a reply decided.
#[derive(Debug, Default)]
pub(crate) struct Read {
    /// One verdict per quotation asked, in order.
    pub(crate) verdicts: Vec<(usize, Verdict)>,
    /// Problems found, with details.
    pub(crate) issues: Vec<(Unresolved, String)>,
}

/// Reads `reply` for the quotations `ask` (whose JSON keys are `labels`), accepting only ids of
/// `cast` and `unresolved`.
pub(crate) fn read_reply(
    reply: &ChatReply,
    ask: &[usize],
    labels: &[String],
    cast: &Cast,
    unresolved: &str,
) -> Read {
    let all = |why: Unresolved, detail: String| Read {
        verdicts: ask
            .iter()
            .map(|&q| (q, Verdict::Unresolved(why.clone())))
            .collect(),
        issues: vec![(why, detail)],
    };
    let content = reply.content.as_deref().unwrap_or_default();
    let finish = reply.finish_reason.as_deref();
    if reply.refusal.is_some() || finish == Some("content_filter") {
        let detail = reply
            .refusal
            .clone()
            .unwrap_or_else(|| "content filter".to_owned());
        return all(Unresolved::Refused, detail);
    }
    if finish == Some("length") {
        // Even a reply that happens to parse may be missing answers or be mid-thought.
        return all(
            Unresolved::CutOff,
            format!(
                "cut off after {} completion tokens: {}",
                reply.usage.completion_tokens,
                start_of(content)
            ),
        );
    }
    let object: Map<String, Value> = match serde_json::from_str(strip_fences(content)) {
        Ok(object) => object,
        Err(e) => return all(Unresolved::NotJson, format!("{e}: {}", start_of(content))),
    };
    let mut read = Read::default();
    for (&quote, label) in ask.iter().zip(labels) {
        let verdict = match object.get(label) {
            Some(Value::String(answer)) if answer == unresolved => {
                Verdict::Unresolved(Unresolved::ModelUnsure)
            }
            Some(Value::String(answer)) if cast.contains(answer) => {
                Verdict::Speaker(CharacterId(answer.clone()))
            }
            Some(Value::String(answer)) => {
                let why = Unresolved::UnknownId {
                    answered: answer.clone(),
                };
                read.issues
                    .push((why.clone(), format!("{label}: {}", start_of(answer))));
                Verdict::Unresolved(why)
            }
            Some(other) => {
                read.issues.push((
                    Unresolved::NotAnswered,
                    format!("{label}: {}", start_of(&other.to_string())),
                ));
                Verdict::Unresolved(Unresolved::NotAnswered)
            }
            None => {
                read.issues
                    .push((Unresolved::NotAnswered, format!("{label}: no answer")));
                Verdict::Unresolved(Unresolved::NotAnswered)
            }
        };
        read.verdicts.push((quote, verdict));
    }
    let extra = object.keys().filter(|k| !labels.contains(k)).count();
    if extra > 0 {
        tracing::debug!(extra, "llm answered quotations it was not asked; ignored");
    }
    read
}

/// The reply without a Markdown code fence around it (some local models add one).
fn strip_fences(content: &str) -> &str {
    let trimmed = content.trim();
    let Some(rest) = trimmed.strip_prefix("```") else {
        return trimmed;
    };
    let body = rest.split_once('\n').map_or("", |(_, body)| body);
    body.trim_end().strip_suffix("```").unwrap_or(body).trim()
}

fn start_of(text: &str) -> String {
    let mut out: String = text.trim().chars().take(DETAIL_CHARS).collect();
    if text.trim().chars().count() > DETAIL_CHARS {
        out.push('…');
    }
    out
}
