//! Whom the narration says a turn is spoken to: a name after "to" or "a" that follows a speech
//! verb or a verb of turning in the same clause ("said Holmes to Watson", "turning to Watson",
//! "—le preguntaba Joaquín a Abel", "volviéndose hacia Elena"). The person spoken to is not the
//! speaker, and is the likeliest to answer, as with a vocative inside the quotation.

#[cfg(test)]
mod tests;

use std::ops::Range;

use super::text::Doc;
use crate::text::{
    dialogue::Analysis,
    language::Language,
    lexicon::{is_addressee_marker, is_speech_verb, HONORIFICS},
};

/// How many words may stand between the verb and "to"/"a" ("said he to", "dijo Joaquín a").
const VERB_GAP: usize = 4;

/// Verbs of turning to someone, which take the person after "to", "towards", "a" or "hacia".
const TURNING: &[&str] = &[
    "turn",
    "turns",
    "turned",
    "turning",
    "volviéndose",
    "volvióse",
    "volvió",
    "dirigiéndose",
    "dirigióse",
    "dirigió",
    "encarándose",
    "encaróse",
];

/// Speech verbs of the lexicon ("went on", "came out with") whose "to" gives a direction.
const MOVING: &[&str] = &[
    "went", "came", "ran", "got", "put", "cut", "broke", "returned",
];

/// The cast members that the narration in `bytes` names as spoken to, with the byte range of
/// each name, in order.
pub(super) fn listeners(doc: &Doc<'_>, bytes: &Range<usize>) -> Vec<(usize, Range<usize>)> {
    let words = doc.tokens_in(bytes);
    let first = doc
        .mentions
        .partition_point(|m| m.bytes.start < bytes.start);
    let mut found = Vec::new();
    for mention in doc.mentions[first..]
        .iter()
        .take_while(|m| m.bytes.end <= bytes.end)
        .filter(|m| !m.in_quote)
    {
        let mut at = mention.tokens.start;
        while at > words.start
            && at + 2 > mention.tokens.start
            && HONORIFICS.contains(&doc.word(at - 1))
        {
            at -= 1;
        }
        let Some(marker) = at.checked_sub(1).filter(|&m| m >= words.start) else {
            continue;
        };
        let speaks = |w: usize| {
            let word = doc.word(w);
            (is_speech_verb(word, doc.language) && !MOVING.contains(&word))
                || TURNING.contains(&word)
        };
        let turning = (marker.saturating_sub(VERB_GAP).max(words.start)..marker)
            .rev()
            .take_while(|&w| !doc.clause_ends_after(w))
            .find(|&w| speaks(w))
            .map(|w| TURNING.contains(&doc.word(w)));
        let Some(turning) = turning else {
            continue;
        };
        if marks_listener(doc.word(marker), doc.language, turning)
            && !found.iter().any(|(who, _)| *who == mention.who)
        {
            found.push((mention.who, mention.bytes.clone()));
        }
    }
    found
}

/// Whether `word` introduces the person spoken to: "to", "a" (also the old accented "á"), and
/// after a verb of turning "towards" or "hacia".
fn marks_listener(word: &str, language: Language, turning: bool) -> bool {
    let old_spelling = language == Language::Es && word == "á";
    let towards = turning && matches!(word, "towards" | "toward" | "hacia");
    word != "al" && (is_addressee_marker(word, language) || old_spelling || towards)
}

/// The people a turn's narration speaks to: in the narration of its own paragraphs, and in the
/// narration paragraph right before it when the turn follows one ("Holmes turned to Watson." /
/// "“Well?”").
pub(super) fn turn_listeners(
    doc: &Doc<'_>,
    analysis: &Analysis,
    paragraphs: &Range<usize>,
) -> Vec<(usize, Range<usize>)> {
    let before = paragraphs.start.checked_sub(1).filter(|&p| {
        let at = analysis.spans.partition_point(|s| s.paragraph < p);
        analysis.spans.get(at).is_none_or(|s| s.paragraph != p)
    });
    let own = paragraphs.clone();
    let mut found: Vec<(usize, Range<usize>)> = Vec::new();
    for p in before.into_iter().chain(own) {
        let Some((bytes, _)) = analysis.paragraphs.get(p) else {
            continue;
        };
        for (who, name) in listeners(doc, bytes) {
            if !found.iter().any(|(w, _)| *w == who) {
                found.push((who, name));
            }
        }
    }
    found
}
