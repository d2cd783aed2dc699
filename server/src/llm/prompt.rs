//! The prompt and the JSON schema of one chunk.

use std::fmt::Write as _;

use serde_json::{json, Map, Value};
use shared::{
    text::{dialogue::DialogueSpan, language::Gender},
    Cast, CharacterId, Language,
};

use super::{chunk::Chunk, UNRESOLVED};

/// The instructions, the same for every chunk.
const SYSTEM: &str = "You attribute quotations in fiction to their speakers. \
In the text, each quotation is marked |Q07|like this|/Q07| with its number. \
For each quotation listed under \"Answer\", decide who says it, using the narration around it, \
speech tags (\"said Holmes\"), pronouns, and the turn-taking of the conversation. \
Answer with one JSON object and nothing else: one key per quotation to answer, \
whose value is the speaker's id from the cast list. \
Use the narrator's id only for quoted words no character says aloud (quoted writing, signs, \
the narrator's own remarks). \
Use \"unresolved\" when the text does not let you tell who speaks. \
Never answer a name, or an id that is not in the cast list.";

/// One chunk's messages and schema.
#[derive(Debug, Clone)]
pub(crate) struct BuiltPrompt {
    /// The system message.
    pub(crate) system: String,
    /// The user message: cast, known speakers, what to answer, the marked text.
    pub(crate) user: String,
    /// The JSON schema of the answer.
    pub(crate) schema: Value,
    /// The JSON key of each quotation to answer, in the order asked.
    pub(crate) labels: Vec<String>,
    /// The answer meaning "unresolved" ([`UNRESOLVED`], or `_unresolved` when a cast member has
    /// that id).
    pub(crate) unresolved: String,
    /// A generous cap on the answer's tokens (sent to local servers).
    pub(crate) max_tokens: u32,
}

/// What every chunk's prompt of one chapter shares.
pub(crate) struct Prompt<'a> {
    text: &'a str,
    spans: &'a [DialogueSpan],
    offsets: ByteOffsets,
    cast: &'a Cast,
    cast_list: String,
    language: Language,
    width: usize,
    unresolved: String,
}

impl<'a> Prompt<'a> {
    pub(crate) fn new(
        text: &'a str,
        paragraphs: &[std::ops::Range<usize>],
        spans: &'a [DialogueSpan],
        cast: &'a Cast,
        language: Language,
    ) -> Self {
        let wanted = paragraphs
            .iter()
            .flat_map(|p| [p.start, p.end])
            .chain(spans.iter().flat_map(|s| [s.span.start, s.span.end]))
            .collect();
        let unresolved = if cast.contains(UNRESOLVED) {
            format!("_{UNRESOLVED}")
        } else {
            UNRESOLVED.to_owned()
        };
        Self {
            text,
            spans,
            offsets: ByteOffsets::new(text, wanted),
            cast,
            cast_list: cast_list(cast),
            language,
            width: spans.len().to_string().len().max(2),
            unresolved,
        }
    }

    /// The label of quotation `quote` (0-based): `Q` and its 1-based number, zero-padded to the
    /// same width for the whole chapter so that labels sort in text order.
    pub(crate) fn label(&self, quote: usize) -> String {
        format!("Q{:0width$}", quote + 1, width = self.width)
    }

    /// The prompt of `chunk`, asking for the quotations `ask` and showing `known` speakers.
    pub(crate) fn chunk(
        &self,
        chunk: &Chunk,
        ask: &[usize],
        known: &[(usize, &CharacterId)],
    ) -> BuiltPrompt {
        let labels: Vec<String> = ask.iter().map(|&q| self.label(q)).collect();
        let mut user = String::new();
        let language = match self.language {
            Language::En => "English",
            Language::Es => "Spanish",
        };
        let _ = writeln!(user, "The text is in {language}.\n");
        let _ = writeln!(user, "Cast (id: name, other names, gender):");
        user.push_str(&self.cast_list);
        if !known.is_empty() {
            let _ = writeln!(
                user,
                "\nAlready attributed (by the producer or from the previous part of the text; do \
                 not answer these, use them as context):"
            );
            for (quote, id) in known {
                let _ = writeln!(user, "- {}: {id}", self.label(*quote));
            }
        }
        let later: Vec<String> = chunk
            .quotes
            .clone()
            .filter(|q| !ask.contains(q) && !known.iter().any(|(k, _)| k == q))
            .map(|q| self.label(q))
            .collect();
        if !later.is_empty() {
            let _ = writeln!(
                user,
                "\nNot to answer here (decided with another part of the text): {}",
                later.join(", ")
            );
        }
        let _ = writeln!(user, "\nAnswer: {}", labels.join(", "));
        let _ = writeln!(user, "\nText:\n<<<\n{}\n>>>", self.marked_text(chunk));

        let longest = self
            .cast
            .characters()
            .iter()
            .map(|c| c.id.as_str().len())
            .chain([self.unresolved.len()])
            .max()
            .unwrap_or(0);
        let per_quote = 24 + longest;
        let max_tokens = 32 + labels.len().saturating_mul(per_quote);
        BuiltPrompt {
            system: SYSTEM.to_owned(),
            user,
            schema: self.schema(&labels),
            labels,
            unresolved: self.unresolved.clone(),
            max_tokens: u32::try_from(max_tokens).unwrap_or(u32::MAX),
        }
    }

    /// An object with one required key per label, each an enum of the cast ids and
    /// "unresolved", no other key. The enum is a shared definition so its size does not grow
    /// with the number of quotations (OpenAI strict mode and llama-server both resolve `$ref`).
    fn schema(&self, labels: &[String]) -> Value {
        let mut properties = Map::new();
        for label in labels {
            properties.insert(label.clone(), json!({"$ref": "#/$defs/speaker"}));
        }
        let ids: Vec<&str> = self
            .cast
            .characters()
            .iter()
            .map(|c| c.id.as_str())
            .chain([self.unresolved.as_str()])
            .collect();
        json!({
            "type": "object",
            "properties": properties,
            "required": labels,
            "additionalProperties": false,
            "$defs": {
                "speaker": {"type": "string", "enum": ids},
            },
        })
    }

    /// The chunk's text with its quotations marked `|Q07|…|/Q07|`.
    fn marked_text(&self, chunk: &Chunk) -> String {
        let byte = |c: usize| self.offsets.byte(c);
        let (Some(start), Some(end)) = (byte(chunk.chars.start), byte(chunk.chars.end)) else {
            return String::new();
        };
        let mut out = String::with_capacity(end.saturating_sub(start) + 16 * chunk.quotes.len());
        let mut cursor = start;
        for quote in chunk.quotes.clone() {
            let Some(span) = self.spans.get(quote) else {
                continue;
            };
            let (Some(from), Some(to)) = (byte(span.span.start), byte(span.span.end)) else {
                continue;
            };
            let (from, to) = (from.clamp(cursor, end), to.clamp(cursor, end));
            let label = self.label(quote);
            out.push_str(self.text.get(cursor..from).unwrap_or_default());
            let _ = write!(
                out,
                "|{label}|{}|/{label}|",
                self.text.get(from..to).unwrap_or_default()
            );
            cursor = to;
        }
        out.push_str(self.text.get(cursor..end).unwrap_or_default());
        out
    }
}

/// The cast, one member per line.
fn cast_list(cast: &Cast) -> String {
    let mut out = String::new();
    for c in cast.characters() {
        let _ = write!(out, "- {}: {}", c.id, c.name);
        if !c.aliases.is_empty() {
            let _ = write!(out, "; also called {}", c.aliases.join(", "));
        }
        if c.gender != Gender::Unknown {
            let _ = write!(out, "; {}", c.gender.as_str());
        }
        if c.id.is_narrator() {
            out.push_str("; the voice that tells the story");
        }
        if c.narrates {
            out.push_str("; tells the story in the first person (\"I\")");
        }
        out.push('\n');
    }
    out
}

/// Byte offsets of chosen character offsets of a text, found in one pass.
struct ByteOffsets {
    chars: Vec<usize>,
    bytes: Vec<usize>,
}

impl ByteOffsets {
    fn new(text: &str, mut wanted: Vec<usize>) -> Self {
        wanted.sort_unstable();
        wanted.dedup();
        let mut bytes = Vec::with_capacity(wanted.len());
        let mut chars = Vec::with_capacity(wanted.len());
        let mut next = wanted.iter().copied().peekable();
        let positions = text
            .char_indices()
            .map(|(b, _)| b)
            .chain([text.len()])
            .enumerate();
        for (c, b) in positions {
            while next.peek().is_some_and(|&w| w < c) {
                next.next();
            }
            if next.peek() == Some(&c) {
                chars.push(c);
                bytes.push(b);
                next.next();
            }
            if next.peek().is_none() {
                break;
            }
        }
        Self { chars, bytes }
    }

    /// The byte offset of character offset `c`, when it was asked for and is in the text.
    fn byte(&self, c: usize) -> Option<usize> {
        let at = self.chars.binary_search(&c).ok()?;
        self.bytes.get(at).copied()
    }
}
