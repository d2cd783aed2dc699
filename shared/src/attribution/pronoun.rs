//! Pronoun resolution: the person a subject pronoun ("he said", "dijo ella") refers to, by gender
//! and recency among the people named or heard before it, with how sure that is.

use super::text::Doc;
use crate::text::{language::Gender, lexicon::subject_pronoun};

/// Confidence of a pronoun with one candidate of its gender.
const PRONOUN_UNIQUE: f32 = 0.8;
/// Confidence of a pronoun resolved to the most recent of several candidates of its gender.
const PRONOUN_RECENT: f32 = 0.68;
/// Confidence of a pronoun resolved to a candidate of unknown gender.
const PRONOUN_UNKNOWN_GENDER: f32 = 0.5;
/// Confidence of a pronoun resolved to the previous speaker, the only candidate left.
const PRONOUN_SAME_SPEAKER: f32 = 0.45;
/// How much less recent (in bytes) a name counts when it does not open a clause.
const OBJECT_PENALTY: usize = 100;
/// How far back (in bytes) a pronoun looks for the people it may refer to.
const PRONOUN_WINDOW: usize = 2_500;

/// How many words back a name looks for the subject pronoun of its sentence.
const SENTENCE_WORDS: usize = 30;

/// Whether a subject pronoun of `gender` comes before token `at` in its sentence.
fn after_pronoun_subject(doc: &Doc<'_>, at: usize, gender: Gender) -> bool {
    let mut k = at;
    while k > 0 && at - k < SENTENCE_WORDS {
        k -= 1;
        if doc.clause_ends_after(k) {
            return false;
        }
        if subject_pronoun(doc.word(k), doc.language) == Some(gender) {
            return true;
        }
    }
    false
}

/// A cast member a pronoun may refer to, and how sure that is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Referent {
    pub(super) who: usize,
    pub(super) confidence: f32,
}

/// Resolves a subject pronoun of `gender` at byte `at`: the most recent person of that gender
/// named in the narration before it, or who spoke before it (`speakers`: byte positions and who),
/// within a window. `previous` is the speaker of the previous turn when the pronoun opens a new
/// turn: the other candidates are preferred to them, as turns alternate. Whom the quotation
/// addresses by name (`addressed`) is no candidate.
pub(super) fn resolve_pronoun(
    doc: &Doc<'_>,
    gender: Gender,
    at: usize,
    genders: &[Gender],
    speakers: &[(usize, usize)],
    previous: Option<usize>,
    addressed: &[usize],
) -> Option<Referent> {
    let from = at.saturating_sub(PRONOUN_WINDOW);
    // (position, who, whether the mention follows a subject pronoun of this gender in its
    // sentence: "he took the mirror from Stephen" — that "he", and the "he" who goes on
    // speaking, are not Stephen).
    let mut seen: Vec<(usize, usize, bool)> = doc
        .mentions
        .iter()
        .filter(|m| !m.in_quote && m.bytes.start >= from && m.bytes.start < at)
        .map(|m| {
            let t = m.tokens.start;
            let subject =
                t == 0 || doc.clause_ends_after(t - 1) || doc.gap_before(t).contains([',', '\n']);
            if !subject && after_pronoun_subject(doc, t, gender) {
                return (m.bytes.start, m.who, true);
            }
            let position = if subject {
                m.bytes.start
            } else {
                m.bytes.start.saturating_sub(OBJECT_PENALTY)
            };
            (position, m.who, false)
        })
        .chain(
            speakers
                .iter()
                .filter(|&&(pos, _)| pos >= from && pos < at)
                .map(|&(pos, who)| (pos, who, false)),
        )
        .collect();
    seen.sort_by_key(|&(pos, _, _)| std::cmp::Reverse(pos));
    // Someone whose latest appearance is such a mention is not who the pronoun refers to.
    let mut order: Vec<usize> = Vec::new();
    let mut ruled_out: Vec<usize> = addressed.to_vec();
    for (_, who, blocked) in seen {
        if order.contains(&who) || ruled_out.contains(&who) {
            continue;
        }
        if blocked {
            ruled_out.push(who);
        } else {
            order.push(who);
        }
    }
    let gender_of = |who: usize| genders.get(who).copied().unwrap_or_default();
    let strong: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&w| gender_of(w) == gender)
        .collect();
    let fresh: Vec<usize> = strong
        .iter()
        .copied()
        .filter(|&w| Some(w) != previous)
        .collect();
    if let Some(&who) = fresh.first() {
        let confidence = if fresh.len() == 1 {
            PRONOUN_UNIQUE
        } else {
            PRONOUN_RECENT
        };
        return Some(Referent { who, confidence });
    }
    let weak = order
        .iter()
        .copied()
        .find(|&w| gender_of(w) == Gender::Unknown && Some(w) != previous);
    if let Some(who) = weak {
        return Some(Referent {
            who,
            confidence: PRONOUN_UNKNOWN_GENDER,
        });
    }
    strong.first().map(|&who| Referent {
        who,
        confidence: PRONOUN_SAME_SPEAKER,
    })
}
