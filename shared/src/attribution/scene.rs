//! The scene around a conversation: who is present (named in the narration of the exchange or
//! just before it) and, for a turn that follows a paragraph of narration, who that narration is
//! about (its subject), whom a turn with no tag, or a tag with no subject ("—dijo—"), most
//! often belongs to.

#[cfg(test)]
mod tests;

use std::ops::Range;

use super::{
    rules::{self, Subject},
    text::Doc,
    turns::{Turn, CONVERSATION_GAP},
};
use crate::text::{dialogue::Analysis, language::Gender};

/// The cast members named in the narration of turns `conversation` or in the narration (up to
/// [`CONVERSATION_GAP`] bytes) before its first turn, in order of first mention.
pub(super) fn present(doc: &Doc<'_>, turns: &[Turn], conversation: &Range<usize>) -> Vec<usize> {
    let (Some(first), Some(last)) = (
        turns.get(conversation.start),
        conversation.end.checked_sub(1).and_then(|l| turns.get(l)),
    ) else {
        return Vec::new();
    };
    let from = first.bytes.start.saturating_sub(CONVERSATION_GAP);
    let at = doc.mentions.partition_point(|m| m.bytes.start < from);
    let mut out = Vec::new();
    for mention in doc.mentions[at..]
        .iter()
        .take_while(|m| m.bytes.start < last.bytes.end)
    {
        if !mention.in_quote && !out.contains(&mention.who) {
            out.push(mention.who);
        }
    }
    out
}

/// The cast member the narration paragraph right before the turn is about: the subject opening
/// its last sentence, else its first ("Elena dejó el paraguas junto a la puerta." / "—¿Y los
/// demás? —preguntó."). `None` when the turn follows another turn or the paragraph names no one
/// as its subject.
pub(super) fn topic(
    doc: &Doc<'_>,
    analysis: &Analysis,
    turn: &Turn,
) -> (Option<usize>, Option<Gender>) {
    let Some(before) = turn.paragraphs.start.checked_sub(1) else {
        return (None, None);
    };
    let at = analysis.spans.partition_point(|s| s.paragraph < before);
    if analysis
        .spans
        .get(at)
        .is_some_and(|s| s.paragraph == before)
    {
        return (None, None);
    }
    let Some((bytes, _)) = analysis.paragraphs.get(before) else {
        return (None, None);
    };
    let subject = rules::beat_before(doc, bytes).or_else(|| rules::beat_after(doc, bytes));
    match subject {
        Some(Subject::Name { who, .. }) => (Some(who), None),
        Some(Subject::Pronoun { gender, .. }) => (None, Some(gender)),
        _ => (None, None),
    }
}
