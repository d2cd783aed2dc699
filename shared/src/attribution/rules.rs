//! The local rules: a speech tag next to a quotation (a speech verb with a cast name or a subject
//! pronoun on either side, "said Holmes", "Holmes said", "he replied", "—dijo Augusto", "—dijo
//! ella"), the subject opening an action beat, and names used as vocatives inside a quotation.

mod apposition;
mod indirect;
mod inserted;
mod omitted;
mod stranger;

use std::ops::Range;

use super::text::{word_capitalised, Doc};
use crate::text::{
    language::Gender,
    lexicon::{
        is_addressee_marker, is_adverb, is_auxiliary, is_clitic, is_first_person,
        is_phrasal_speech_verb, is_skippable, is_speech_verb, is_vocative_lead, subject_pronoun,
    },
};

/// Confidence of a tag that names the speaker next to the verb.
pub(super) const EXPLICIT: f32 = 0.95;
/// Confidence of a tag whose clause opens with the speaker's name, away from the verb.
pub(super) const EXPLICIT_CLAUSE: f32 = 0.88;
/// Confidence of a definite description matching a word of one cast member's name.
pub(super) const NOMINAL: f32 = 0.8;

/// How many words into a tag after a quotation its verb may be ("Mrs. Jennings quietly said").
const VERB_LEAD: usize = 6;
/// How many words from the end of a tag before a quotation its verb may be.
const VERB_TAIL: usize = 8;

/// Who a speech tag says is speaking.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Subject {
    /// A cast member by name; `adjacent` when the name stands next to the verb.
    Name {
        who: usize,
        bytes: Range<usize>,
        adjacent: bool,
    },
    /// A subject pronoun of this gender.
    Pronoun { gender: Gender, bytes: Range<usize> },
    /// A definite description whose head word is in one cast member's name ("said the parson").
    Nominal { who: usize, bytes: Range<usize> },
    /// "I" or "yo" (with no cast member called "I"): the first-person narrator.
    FirstPerson { bytes: Range<usize> },
    /// A speech verb whose subject is someone outside the cast ("said the weeping handmaiden",
    /// "—dijo un caballero"), with the gender its head noun tells, and whether it is definite
    /// ([`stranger`]).
    Stranger {
        gender: Option<Gender>,
        definite: bool,
    },
    /// A speech verb whose subject is not a cast member or is left out ("—dijo."): in Spanish
    /// a verb in the third person is someone other than the "I" of the story, and an adjective
    /// agreeing with the left-out subject ("—dijo, asustada") tells the speaker's gender.
    Omitted {
        gender: Option<Gender>,
        third_person: bool,
    },
}

/// The tag in the narration `tag` (bytes) right after a quotation: a speech verb within its first
/// words, before the clause ends.
pub(super) fn tag_after(doc: &Doc<'_>, tag: &Range<usize>) -> Option<Subject> {
    let tokens = doc.tokens_in(tag);
    let clause_end = tokens
        .clone()
        .find(|&t| doc.clause_ends_after(t))
        .map_or(tokens.end, |t| t + 1);
    let clause = tokens.start..clause_end;
    let Some(verb) = (clause.start..clause.end.min(clause.start + VERB_LEAD))
        .find(|&t| is_verb_at(doc, t, &clause))
    else {
        return inserted::unknown_verb(doc, &clause);
    };
    if indirect::reports(doc, verb, &clause) {
        return None;
    }
    Some(subject_of(doc, verb, &clause))
}

/// The tag in the narration `tag` (bytes) right before a quotation: a speech verb in its last
/// clause ("Holmes said:", "—dijo, y pensó:"). A clause closed by a period counts only when the
/// verb ends it ("Holmes answered.").
pub(super) fn tag_before(doc: &Doc<'_>, tag: &Range<usize>) -> Option<Subject> {
    let tokens = doc.tokens_in(tag);
    let last = tokens.end.checked_sub(1).filter(|&l| l >= tokens.start)?;
    let clause_start = (tokens.start..last)
        .rev()
        .find(|&t| doc.clause_ends_after(t))
        .map_or(tokens.start, |t| t + 1);
    let clause = clause_start..tokens.end;
    let verb = (clause.start.max(clause.end.saturating_sub(VERB_TAIL))..clause.end)
        .rev()
        .find(|&t| is_verb_at(doc, t, &clause))?;
    let tail = doc
        .text
        .get(doc.tokens.get(last).map_or(tag.end, |t| t.bytes.end)..tag.end)
        .unwrap_or_default();
    let introduces = tail.contains([':', ',', '—', '–']) || tail.trim().is_empty();
    if !introduces && verb + 3 < clause.end {
        return None;
    }
    Some(subject_of(doc, verb, &clause))
}

/// Whether token `at` is a speech verb of a tag (not an infinitive: "wanted to say").
fn is_verb_at(doc: &Doc<'_>, at: usize, clause: &Range<usize>) -> bool {
    let word = doc.word(at);
    let verb = is_speech_verb(word, doc.language)
        || is_phrasal_speech_verb(word, doc.word(at + 1), doc.language);
    verb && !(at > clause.start && doc.word(at - 1) == "to")
}

/// The subject of the speech verb at token `verb` in `clause`: a name or pronoun right before it
/// (adverbs and clitics aside), right after it (titles and articles aside), or opening the clause.
fn subject_of(doc: &Doc<'_>, verb: usize, clause: &Range<usize>) -> Subject {
    if let Some(subject) = subject_before(doc, verb, clause) {
        return subject;
    }
    if let Some(subject) = subject_after(doc, verb, clause) {
        return subject;
    }
    let phrasal = is_phrasal_speech_verb(doc.word(verb), doc.word(verb + 1), doc.language);
    if let Some(subject) = inserted::set_apart(doc, verb + 1 + usize::from(phrasal), clause) {
        return subject;
    }
    let mut first = clause.start;
    while first < verb && is_skippable(doc.word(first)) {
        first += 1;
    }
    // A pronoun between the opening name and the verb: "Tom looked up and she said", "Mary
    // heard her say". Past a coordinated verb ("Tom looked at her and said"), only another
    // subject counts.
    let pronoun_between = |from: usize, subjects_only: bool| {
        (from..verb).any(|t| {
            let word = doc.word(t);
            pronoun_subject(doc, t).is_some()
                || matches!(word, "they" | "we" | "ellos" | "ellas")
                || !subjects_only && matches!(word, "her" | "him" | "them" | "me" | "us" | "it")
        })
    };
    let coordinated = coordinated(doc, first, verb);
    match inserted::opening_mention(doc, first, verb) {
        Some(mention)
            if mention.tokens.end <= verb && !pronoun_between(mention.tokens.end, coordinated) =>
        {
            Subject::Name {
                who: mention.who,
                bytes: mention.bytes.clone(),
                adjacent: false,
            }
        }
        // "He held the bowl aloft and intoned:", "I took the letter and said:".
        None if coordinated
            && !(first..verb).any(|t| doc.mention_starting(t).is_some())
            && !pronoun_between(first + 1, true) =>
        {
            pronoun_subject(doc, first).unwrap_or_else(|| omitted::left_out(doc, verb, clause))
        }
        _ => omitted::left_out(doc, verb, clause),
    }
}

/// Whether the speech verb at token `verb` is the second of two verbs joined by "and" ("y"),
/// auxiliaries and adverbs aside, after the clause's first word `first`: "He rose and said".
fn coordinated(doc: &Doc<'_>, first: usize, verb: usize) -> bool {
    let mut at = verb;
    while at > first + 1 {
        at -= 1;
        let word = doc.word(at);
        if matches!(word, "and" | "y" | "e") {
            return true;
        }
        if !(is_auxiliary(word, doc.language) || is_adverb(word, doc.language)) {
            return false;
        }
    }
    false
}

fn subject_before(doc: &Doc<'_>, verb: usize, clause: &Range<usize>) -> Option<Subject> {
    let mut at = verb;
    let mut skipped = 0;
    while at > clause.start {
        at -= 1;
        if doc.clause_ends_after(at) {
            return None;
        }
        if let Some(mention) = doc.mention_ending(at) {
            return Some(Subject::Name {
                who: mention.who,
                bytes: mention.bytes.clone(),
                adjacent: true,
            });
        }
        if let Some(subject) = pronoun_subject(doc, at) {
            return Some(subject);
        }
        let word = doc.word(at);
        let skippable = is_adverb(word, doc.language)
            || is_clitic(word, doc.language)
            || is_auxiliary(word, doc.language);
        if skipped < 2 && skippable {
            skipped += 1;
            continue;
        }
        return None;
    }
    None
}

fn subject_after(doc: &Doc<'_>, verb: usize, clause: &Range<usize>) -> Option<Subject> {
    let phrasal = is_phrasal_speech_verb(doc.word(verb), doc.word(verb + 1), doc.language);
    let mut at = verb + 1 + usize::from(phrasal);
    let mut skipped = 0;
    while at < clause.end {
        if doc.clause_ends_after(at - 1) {
            return None;
        }
        if let Some(mention) = doc.mention_starting(at) {
            return Some(Subject::Name {
                who: mention.who,
                bytes: mention.bytes.clone(),
                adjacent: true,
            });
        }
        let word = doc.word(at);
        if let Some(subject) = pronoun_subject(doc, at) {
            return Some(subject);
        }
        if is_addressee_marker(word, doc.language) {
            return None;
        }
        if stranger::is_determiner(word, doc.language) {
            let named = (at..clause.end.min(at + 4)).any(|k| doc.mention_starting(k).is_some());
            if !named {
                return Some(
                    stranger::nominal(doc, at, clause)
                        .unwrap_or_else(|| stranger::description(doc, at, clause)),
                );
            }
        }
        if skipped < 3 && (is_skippable(word) || is_adverb(word, doc.language)) {
            skipped += 1;
            at += 1;
            continue;
        }
        // "said Watson" with no Watson in the cast: someone outside it.
        if doc
            .tokens
            .get(at)
            .is_some_and(|t| word_capitalised(doc.text, t))
        {
            return Some(Subject::Stranger {
                gender: None,
                definite: false,
            });
        }
        return None;
    }
    None
}

/// The subject pronoun at token `at`, if it is one.
fn pronoun_subject(doc: &Doc<'_>, at: usize) -> Option<Subject> {
    let bytes = doc.tokens.get(at).map_or(0..0, |t| t.bytes.clone());
    let word = doc.word(at);
    if is_first_person(word, doc.language) {
        return Some(Subject::FirstPerson { bytes });
    }
    subject_pronoun(word, doc.language).map(|gender| Subject::Pronoun { gender, bytes })
}

/// An action beat after a quotation: the narration right after it opens with a cast member or a
/// subject pronoun ("She went to the open door", "Holmes smiled").
pub(super) fn beat_after(doc: &Doc<'_>, tag: &Range<usize>) -> Option<Subject> {
    let tokens = doc.tokens_in(tag);
    opening_subject(doc, tokens.start, tokens.end)
}

/// An action beat before a quotation: the last clause of the narration before it opens with a
/// cast member or a subject pronoun ("Holmes leaned back.").
pub(super) fn beat_before(doc: &Doc<'_>, tag: &Range<usize>) -> Option<Subject> {
    let tokens = doc.tokens_in(tag);
    let last = tokens.end.checked_sub(1).filter(|&l| l >= tokens.start)?;
    let start = (tokens.start..last)
        .rev()
        .find(|&t| doc.clause_ends_after(t))
        .map_or(tokens.start, |t| t + 1);
    opening_subject(doc, start, tokens.end)
}

/// The cast member or pronoun at token `at` (titles and articles aside), before `end`.
fn opening_subject(doc: &Doc<'_>, mut at: usize, end: usize) -> Option<Subject> {
    if let Some(mention) = doc.mention_starting(at) {
        return Some(name(mention, false));
    }
    if let Some(subject) = pronoun_subject(doc, at).filter(|_| at < end) {
        return Some(subject);
    }
    let mut skipped = 0;
    while at < end && skipped < 2 && is_skippable(doc.word(at)) {
        at += 1;
        skipped += 1;
    }
    doc.mention_starting(at)
        .filter(|_| at < end)
        .map(|mention| name(mention, false))
}

fn name(mention: &super::text::Mention, adjacent: bool) -> Subject {
    Subject::Name {
        who: mention.who,
        bytes: mention.bytes.clone(),
        adjacent,
    }
}

/// The cast members addressed by name inside the quotation `quote` (bytes): a name standing alone
/// between punctuation, perhaps after "my dear", "oh" or a title ("Well, Watson, ...",
/// "¡Adiós, Joaquín!"). Returns (who, byte range of the name).
pub(super) fn vocatives(doc: &Doc<'_>, quote: &Range<usize>) -> Vec<(usize, Range<usize>)> {
    let words = doc.tokens_in(quote);
    let first = doc
        .mentions
        .partition_point(|m| m.bytes.start < quote.start);
    let mut found = Vec::new();
    for mention in doc.mentions[first..]
        .iter()
        .take_while(|m| m.bytes.end <= quote.end)
    {
        let mut start = mention.tokens.start;
        let mut leads = 0;
        while start > words.start
            && leads < 2
            && is_vocative_lead(doc.word(start - 1))
            && !doc
                .gap_before(start)
                .contains([',', '.', '!', '?', ';', ':'])
        {
            start -= 1;
            leads += 1;
        }
        let before = start == words.start
            || doc.gap_before(start).contains([
                ',', '!', '?', ';', ':', '—', '–', '“', '"', '‘', '\'', '«', '¡', '¿', '(', '.',
            ]);
        let last = mention.tokens.end - 1;
        let after = mention.tokens.end >= words.end
            || doc.gap_after(last).trim_start().starts_with([
                ',', '!', '?', '.', ';', ':', '—', '–', '…', '”', '"', '’', '\'', '»', ')',
            ]);
        // "Dr. Mortimer is here." opens a sentence: a name after a period must be followed by a
        // comma or an exclamation to be a vocative.
        let after_period = start > words.start
            && doc.gap_before(start).contains('.')
            && !doc
                .gap_after(last)
                .trim_start()
                .starts_with([',', '!', '?']);
        if before && after && !after_period {
            found.push((mention.who, mention.bytes.clone()));
        }
    }
    found
}
