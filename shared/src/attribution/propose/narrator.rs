//! The first-person narrator: which cast member, if any, tells the story as "I", guessed from the
//! text alone for the producer to confirm.

mod naming;

use std::ops::Range;

use self::naming::self_named;
use super::ProposedCharacter;
use crate::{
    attribution::{
        rules::{self, Subject},
        speakers::Speakers,
        text::Doc,
    },
    cast::{character::Character, character_id::CharacterId, Cast},
    text::{
        dialogue::{analyse, Analysis},
        language::Language,
        lexicon::{is_speech_verb, speech_verb_person, VerbPerson},
    },
};

/// First-person words per thousand words of narration above which a text is told in the first
/// person (third-person novels stay under about ten, first-person ones are over twenty).
const FIRST_PERSON_RATE: usize = 20;
/// Fewest first-person words in the narration for a first-person text.
const FIRST_PERSON_MIN: usize = 5;

/// Proposes the cast member who tells the story in the first person, for the producer to confirm
/// ([`Character::narrates`](crate::cast::character::Character::narrates)). It is a guess from the
/// text alone, never from known speakers: the narration (outside dialogue) must be in the first
/// person ("I", "me", "my"; "yo", "me", "mi"), someone must speak as "I" ("said I", "I answered",
/// "—dije yo") unless the narration names its "I" ("I was called Robinson", "call me Pip", a
/// signature), and the narrator's name shows up where others address them ("Well, Watson, …")
/// rather than in the narration, which calls them "I". So: the member addressed by name most
/// often inside dialogue, whose name occurs in the narration fewer times than that and in
/// others' speech at least twice; else the member most often addressed by the quotations that
/// answer "I" or that "I" answers (`addressed_next_to_i`), never one a tag gives lines to;
/// `None` when nobody or two people qualify.
pub fn propose_first_person_narrator(
    text: &str,
    cast: &Cast,
    language: Language,
) -> Option<CharacterId> {
    let analysis = analyse(text);
    if analysis.spans.is_empty() {
        return None;
    }
    let quotes: Vec<Range<usize>> = analysis
        .spans
        .iter()
        .map(|s| analysis.map.bytes(&s.span))
        .collect();
    let speakers = Speakers::new(cast);
    let owned = speakers.names(cast);
    let names: Vec<(&str, usize)> = owned.iter().map(|(n, w)| (n.as_str(), *w)).collect();
    let mut doc = Doc::new(text, language, &names);
    doc.mark_quoted(&quotes);
    let quoted = |at: usize| {
        let k = quotes.partition_point(|q| q.end <= at);
        quotes.get(k).is_some_and(|q| q.start <= at)
    };
    let narration: Vec<&str> = doc
        .tokens
        .iter()
        .filter(|t| !quoted(t.bytes.start))
        .map(|t| t.lower.as_str())
        .collect();
    let first = narration
        .iter()
        .filter(|w| is_first_person_word(w, language))
        .count();
    if first < FIRST_PERSON_MIN || first * 1000 < FIRST_PERSON_RATE * narration.len() {
        return None;
    }
    // The quotations a tag gives to "I".
    let spoken_as_i: Vec<&Range<usize>> = analysis
        .spans
        .iter()
        .zip(&quotes)
        .filter(|(span, _)| {
            span.tags.iter().any(|tag| {
                let tag = analysis.map.bytes(tag);
                [rules::tag_after(&doc, &tag), rules::tag_before(&doc, &tag)]
                    .into_iter()
                    .any(|s| matches!(s, Some(Subject::FirstPerson { .. })))
            })
        })
        .map(|(_, quote)| quote)
        .collect();
    // "My name was Ishmael", "call me Pip": the narration names its "I", tags or not.
    if let [who] = self_named(&doc, &spoken_as_i).as_slice() {
        return speakers.ids.get(*who).cloned();
    }
    if spoken_as_i.is_empty() {
        return None;
    }
    let mut addressed = vec![0usize; speakers.ids.len()];
    let mut named = vec![0usize; speakers.ids.len()];
    // Whom "I" addresses is someone else.
    let mut spoken_of = vec![0usize; speakers.ids.len()];
    for quote in quotes.iter().filter(|q| !spoken_as_i.contains(q)) {
        for (who, _) in rules::vocatives(&doc, quote) {
            addressed[who] += 1;
        }
    }
    for mention in &doc.mentions {
        let by_i = spoken_as_i
            .iter()
            .any(|q| q.start <= mention.bytes.start && mention.bytes.end <= q.end);
        if !mention.in_quote {
            named[mention.who] += 1;
        } else if !by_i {
            spoken_of[mention.who] += 1;
        }
    }
    // One vocative is too little: others name the one who tells the story again and again.
    let qualified: Vec<(usize, usize)> = (0..speakers.narrator)
        .filter(|&w| addressed[w] > 0 && named[w] < addressed[w] && spoken_of[w] >= 2)
        .map(|w| (w, addressed[w]))
        .collect();
    if let Some(who) = only_most(&qualified) {
        return speakers.ids.get(who).cloned();
    }
    // "“…?” I asked. / “Jane, …”": the answer to "I" calls "I" by name, however often the
    // narration names someone else of that name. Never someone a tag names as the speaker.
    let tagged = tagged_speakers(&doc, &analysis, speakers.ids.len());
    let answered: Vec<(usize, usize)> = addressed_next_to_i(&doc, &quotes, &spoken_as_i)
        .into_iter()
        .enumerate()
        .filter(|&(w, n)| w < speakers.narrator && n > 0 && tagged[w] == 0)
        .collect();
    only_most(&answered).and_then(|who| speakers.ids.get(who).cloned())
}

/// The member with the highest count, when no other has as many.
fn only_most(counts: &[(usize, usize)]) -> Option<usize> {
    let most = counts.iter().map(|&(_, n)| n).max()?;
    let mut best = counts.iter().filter(|&&(_, n)| n == most);
    match (best.next(), best.next()) {
        (Some(&(who, _)), None) => Some(who),
        _ => None,
    }
}

/// Most bytes of narration between a quotation spoken as "I" and the answer to it.
const ANSWER_GAP: usize = 300;

/// For each speaker, how often a quotation right before or after one spoken as "I" (and not
/// spoken as "I" itself, within [`ANSWER_GAP`]), or one "I" answers in the narration right after
/// ([`told_by_i`]), addresses them by name, unless the narration between the two names them
/// (then "I" speaks to them in turn: "“…, Jack.” / I came out to Jack.").
fn addressed_next_to_i(
    doc: &Doc<'_>,
    quotes: &[Range<usize>],
    spoken_as_i: &[&Range<usize>],
) -> Vec<usize> {
    let mut counts = vec![0usize; doc.mentions.iter().map(|m| m.who + 1).max().unwrap_or(0)];
    let by_i = |q: &Range<usize>| spoken_as_i.contains(&q);
    let named_between = |who: usize, gap: Range<usize>| {
        doc.mentions
            .iter()
            .any(|m| m.who == who && gap.start <= m.bytes.start && m.bytes.end <= gap.end)
    };
    for (k, quote) in quotes.iter().enumerate().filter(|(_, q)| !by_i(q)) {
        let before = k
            .checked_sub(1)
            .map(|p| &quotes[p])
            .filter(|b| by_i(b))
            .map(|b| b.end..quote.start);
        let after = quotes
            .get(k + 1)
            .filter(|a| by_i(a))
            .map(|a| quote.end..a.start);
        let next = quotes.get(k + 1).map_or(doc.text.len(), |a| a.start);
        let gaps: Vec<Range<usize>> = [before, after, told_by_i(doc, quote.end..next)]
            .into_iter()
            .flatten()
            .filter(|gap| gap.len() <= ANSWER_GAP)
            .collect();
        if gaps.is_empty() {
            continue;
        }
        for (who, _) in rules::vocatives(doc, quote) {
            if !gaps.iter().any(|gap| named_between(who, gap.clone())) {
                counts[who] += 1;
            }
        }
    }
    counts
}

/// The narration `after` a quotation up to the end of the first sentence of its next paragraph,
/// when that opens with "I" and a speech verb: "I told him.", "I answered that it was May.",
/// "Le contesté que sí." (an answer in reported speech).
fn told_by_i(doc: &Doc<'_>, after: Range<usize>) -> Option<Range<usize>> {
    let words = doc.tokens_in(&after);
    // The next paragraph, after the quotation's tag if any ("…,” said Holmes.\n\nI told him.").
    let first = (words.start..words.end).find(|&t| doc.gap_before(t).contains('\n'))?;
    let verb = match doc.language {
        Language::En => {
            let verb = doc.word(first + 1);
            (doc.word(first) == "i" && (verb == "told" || is_speech_verb(verb, doc.language)))
                .then_some(first + 1)
        }
        // "Le contesté que sí.", "Yo le dije que no."
        Language::Es => {
            let verb = (first..words.end)
                .take(3)
                .find(|&t| !matches!(doc.word(t), "yo" | "le" | "les" | "se" | "lo" | "la"))?;
            (speech_verb_person(doc.word(verb)) == Some(VerbPerson::First)).then_some(verb)
        }
    }
    .filter(|&verb| verb < words.end)?;
    let end = (verb..words.end)
        .find(|&t| doc.gap_after(t).contains(['.', '!', '?', '\n']))
        .and_then(|t| doc.tokens.get(t))
        .map_or(after.end, |t| t.bytes.end);
    Some(after.start..end)
}

/// For each speaker, how many speech tags name them as the one speaking ("said Holmes").
fn tagged_speakers(doc: &Doc<'_>, analysis: &Analysis, speakers: usize) -> Vec<usize> {
    let mut counts = vec![0usize; speakers];
    for span in &analysis.spans {
        for tag in &span.tags {
            let tag = analysis.map.bytes(tag);
            for subject in [rules::tag_after(doc, &tag), rules::tag_before(doc, &tag)] {
                if let Some(Subject::Name { who, .. }) = subject {
                    if let Some(count) = counts.get_mut(who) {
                        *count += 1;
                    }
                }
            }
        }
    }
    counts
}

/// Which of the candidate `names` (capitalised names found in the text, however rarely) the
/// first-person narrator answers to, as [`propose_first_person_narrator`] would find it with a
/// cast of all of them: the proposal keeps that name even when it occurs only once ("“…?” I
/// asked. / “Jane, …”").
pub(super) fn narrating_name<'n>(
    text: &str,
    names: &[&'n str],
    language: Language,
) -> Option<&'n str> {
    let mut characters = vec![Character::narrator(language)];
    let mut owners: Vec<(CharacterId, &str)> = Vec::new();
    for &name in names {
        let Some(character) = Character::named(name, language) else {
            continue;
        };
        let clash = characters.iter().any(|c| {
            c.id == character.id
                || c.names()
                    .any(|n| n.trim().eq_ignore_ascii_case(name.trim()))
        });
        if !clash {
            owners.push((character.id.clone(), name));
            characters.push(character);
        }
    }
    let cast = Cast::new(characters).ok()?;
    let id = propose_first_person_narrator(text, &cast, language)?;
    owners.iter().find(|(o, _)| *o == id).map(|&(_, name)| name)
}

/// Which of `proposals` the guess picks as the narrator on the cast they make (each with the
/// names no earlier proposal took).
pub(super) fn narrating_proposal(
    text: &str,
    proposals: &[ProposedCharacter],
    language: Language,
) -> Option<usize> {
    let members = super::proposed_characters(proposals, language);
    let characters = std::iter::once(Character::narrator(language))
        .chain(members.iter().map(|(_, c)| c.clone()))
        .collect();
    let cast = Cast::new(characters).ok()?;
    let id = propose_first_person_narrator(text, &cast, language)?;
    members.iter().find(|(_, c)| c.id == id).map(|&(at, _)| at)
}

/// First-person singular words of the narration.
fn is_first_person_word(word: &str, language: Language) -> bool {
    match language {
        Language::En => matches!(word, "i" | "me" | "my" | "myself"),
        Language::Es => matches!(word, "yo" | "me" | "mi" | "mis" | "conmigo"),
    }
}
