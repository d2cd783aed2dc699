//! Turns and conversations: a paragraph with dialogue is a turn (a quotation carried on into the
//! next paragraph stays in its turn); turns close together form a conversation, which narration
//! breaks and scene breaks end. [`super::decode`] decides a conversation's speakers together.

use std::ops::Range;

use super::verdict::Rule;
use crate::text::{dialogue::Analysis, language::Gender};

/// Narration between two turns longer than this (in characters) ends a conversation.
pub(super) const CONVERSATION_GAP: usize = 600;

/// A turn's current best guess.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Guess {
    /// Index into the speaker table.
    pub(super) who: usize,
    pub(super) confidence: f32,
    pub(super) rule: Rule,
    /// Byte range of the evidence: the tag, name or quotation it came from.
    pub(super) tag: Option<Range<usize>>,
}

/// A turn of a conversation.
#[derive(Debug, Clone)]
pub(super) struct Turn {
    /// Indices of its dialogue spans.
    pub(super) spans: Range<usize>,
    /// Its paragraphs (first and last, inclusive, as a range).
    pub(super) paragraphs: Range<usize>,
    /// Byte range from its first quotation to its last.
    pub(super) bytes: Range<usize>,
    /// The guess so far.
    pub(super) guess: Option<Guess>,
    /// Whether the guess comes from the turn's own evidence (anchor or tag) and must not change.
    pub(super) fixed: bool,
    /// Who the turn addresses by name, with the byte range of the name.
    pub(super) addressees: Vec<(usize, Range<usize>)>,
    /// Whether a tag gives the turn to someone outside the cast ("said the old gentleman").
    pub(super) stranger: bool,
    /// Whether that tag is a definite description ("said the old man"), which points back at
    /// someone already in the story, who may be a cast member described.
    pub(super) described: bool,
    /// The gender of the pronoun in its tag ("she said"), if any: nobody of another gender speaks it.
    pub(super) gender: Option<Gender>,
    /// Whether its tag's verb is in the third person with no subject ("—dijo—") or with someone
    /// outside the cast ("said my brother"): someone other than the "I" of the story speaks it.
    pub(super) third_person: bool,
    /// The cast member the narration paragraph right before it is about, if any.
    pub(super) topic: Option<usize>,
    /// The gender of the pronoun the narration paragraph right before it opens with ("She
    /// turned away."), if any.
    pub(super) topic_gender: Option<Gender>,
}

impl Turn {
    /// A turn of the dialogue spans `spans`, in `paragraphs`, over `bytes`, with no evidence yet.
    pub(super) fn new(spans: Range<usize>, paragraphs: Range<usize>, bytes: Range<usize>) -> Self {
        Self {
            spans,
            paragraphs,
            bytes,
            guess: None,
            fixed: false,
            addressees: Vec::new(),
            stranger: false,
            described: false,
            gender: None,
            third_person: false,
            topic: None,
            topic_gender: None,
        }
    }

    /// Whether this turn comes right after `previous` with no narration paragraph between them:
    /// only then do speakers almost always alternate (95 % on the dev set, against 55 % across a
    /// paragraph of narration).
    pub(super) fn follows(&self, previous: &Turn) -> bool {
        previous.paragraphs.end == self.paragraphs.start
    }
}

/// Splits turns into conversations: a new one starts after a narration break (more than
/// `max_gap` characters of narration paragraphs between two turns, or a scene break).
pub(super) fn conversations(
    turns: &[Turn],
    paragraph_gap: &dyn Fn(Range<usize>) -> bool,
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..turns.len() {
        let between = turns[i - 1].paragraphs.end..turns[i].paragraphs.start;
        if paragraph_gap(between) {
            out.push(start..i);
            start = i;
        }
    }
    if !turns.is_empty() {
        out.push(start..turns.len());
    }
    out
}

/// Whether the paragraphs `between` two turns break the conversation: a scene break, or more
/// narration than [`CONVERSATION_GAP`].
pub(super) fn narration_break(analysis: &Analysis, text: &str, between: Range<usize>) -> bool {
    let mut chars = 0;
    for (bytes, range) in analysis.paragraphs.get(between).unwrap_or_default() {
        let paragraph = text.get(bytes.clone()).unwrap_or_default();
        if !paragraph.chars().any(char::is_alphanumeric) || is_heading(paragraph) {
            return true;
        }
        chars += range.len();
    }
    chars > CONVERSATION_GAP
}

/// A chapter heading: "CHAPTER II", "Chapter 3.", "III".
fn is_heading(paragraph: &str) -> bool {
    let first = paragraph.split_whitespace().next().unwrap_or_default();
    let roman = !first.is_empty()
        && first
            .trim_end_matches('.')
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'));
    first.eq_ignore_ascii_case("chapter")
        || first.eq_ignore_ascii_case("capítulo")
        || (roman && paragraph.len() < 40)
}
