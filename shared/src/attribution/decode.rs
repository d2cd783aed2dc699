//! Joint turn-taking: the speakers of a whole conversation decided together, as the best systems
//! do (see `research/attribution.md`, "attribute jointly"). Each turn is a hidden speaker; a
//! turn's own evidence (tag, pronoun, beat, name in its narration, whom it addresses, the gender
//! of its pronoun) weighs the candidates, and a third-order model of turn-taking links the turns
//! ([`model`]): speakers alternate between adjacent turns, a third person who has just spoken
//! comes back before anyone new joins, and across a paragraph of narration the same speaker often
//! goes on. People only named in the narration, whom no turn gives a voice, are less likely to
//! speak than those who talk or are talked to. Forward-backward gives each turn the probability
//! of each candidate; a turn takes the most probable one, with that probability as its strength.
//! A candidate "someone else" stands for the people the cast lacks, so a conversation with a
//! stranger leaves the stranger's turns unresolved.

mod model;
#[cfg(test)]
mod tests;

use std::ops::Range;

use self::model::forward_backward;
use super::{
    speakers::Speakers,
    turns::{Guess, Turn},
    verdict::Rule,
};
use crate::text::language::Gender;

/// Most turns decided together (a window of a longer conversation).
const MAX_TURNS: usize = 512;
/// Most candidates a conversation is decided over (the most evident ones), "someone else" aside.
const MAX_CANDIDATES: usize = 10;
/// Weight kept by a candidate the turn addresses by name.
const ADDRESSED: f64 = 0.1;
/// Weight kept by a candidate whose gender the turn's pronoun rules out.
const WRONG_GENDER: f64 = 0.001;
/// How much being named in the narration of a conversation counts towards being one of its
/// candidates (a tag counts its confidence, a vocative 0.5).
const PRESENT: f32 = 0.2;
/// Weight gained by the subject of the narration paragraph right before a turn that has no
/// evidence of its own.
const TOPIC: f64 = 2.0;
/// Weight kept, in a turn with no evidence of its own, by a candidate of another gender than the
/// pronoun opening the narration paragraph right before it ("She turned away." / "“Well?”").
const TOPIC_GENDER: f64 = 0.5;
/// Weight kept by the narrating character when the turn's verb is in the third person.
const WRONG_PERSON: f64 = 0.01;
/// Weight gained by a candidate the turn right before addressed by name.
const ANSWERS: f64 = 4.0;
/// Weight kept, in a turn with no evidence of its own, by a candidate who is only named in the
/// narration: nobody's tag, pronoun or beat gives them a turn and nobody speaks to them.
const SILENT: f64 = 0.3;
/// Weight of "someone else" for a turn tagged with a definite description ("said the old man"):
/// someone already in the story, often a cast member described, though not always.
const DESCRIBED: f64 = 0.5;
/// Weight of "someone else" for a turn with no evidence of its own.
const OTHER_PRIOR: f64 = 0.1;
/// Probability given to a turn's fixed evidence (a tag, an anchor, a sure pronoun), and the most
/// given to any other evidence.
const CERTAIN: f64 = 0.999_999;

/// Decides the turns of `turns[conversation]` that have no evidence fixed on their own (tags,
/// anchors, sure pronouns keep theirs), from the evidence of every turn of the conversation.
/// `genders` are the speakers' genders. A conversation longer than [`MAX_TURNS`] is decided in
/// consecutive windows, so memory stays bounded on any input.
pub(super) fn decode(
    turns: &mut [Turn],
    conversation: Range<usize>,
    speakers: &Speakers,
    present: &[usize],
) {
    let mut start = conversation.start;
    while start < conversation.end {
        let end = conversation.end.min(start + MAX_TURNS);
        decode_window(turns, start..end, speakers, present);
        start = end;
    }
}

fn decode_window(
    turns: &mut [Turn],
    conversation: Range<usize>,
    speakers: &Speakers,
    present: &[usize],
) {
    let candidates = candidates(turns, &conversation, present);
    if candidates.is_empty() || conversation.is_empty() {
        return;
    }
    let other = candidates.len();
    let k = other + 1;
    let voiced = voiced(turns, &conversation, &candidates);
    // links[i]: whether turn i + 1 of the window follows turn i with no narration between.
    let links: Vec<bool> = conversation
        .clone()
        .skip(1)
        .map(|t| turns[t].follows(&turns[t - 1]))
        .collect();
    let emissions: Vec<Vec<f64>> = conversation
        .clone()
        .enumerate()
        .map(|(offset, t)| {
            let asked = offset
                .checked_sub(1)
                .filter(|&link| links[link])
                .map(|_| &turns[t - 1]);
            emission(&turns[t], asked, &candidates, speakers, &voiced)
        })
        .collect();
    let posterior = forward_backward(&emissions, &links, k);
    for (offset, probabilities) in posterior.iter().enumerate() {
        let t = conversation.start + offset;
        // Anchors and tags are always fixed (see `build_turns`), as are sure pronouns.
        if turns[t].fixed {
            continue;
        }
        let Some((best, &p)) = probabilities[..other]
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
        else {
            continue;
        };
        if probabilities[other] > p {
            turns[t].guess = None;
            continue;
        }
        let who = candidates[best];
        let own = turns[t].guess.as_ref().filter(|g| g.who == who);
        turns[t].guess = Some(match own {
            Some(own) => own.clone(),
            None => guess_from_context(turns, &conversation, t, who, p as f32),
        });
    }
}

/// The people a conversation may be between: whoever its turns' own evidence names or addresses,
/// most evident first, then whoever the narration shows present (`present`).
fn candidates(turns: &[Turn], conversation: &Range<usize>, present: &[usize]) -> Vec<usize> {
    let mut weight: Vec<(usize, f32)> = Vec::new();
    let mut add = |who: usize, w: f32| match weight.iter_mut().find(|(c, _)| *c == who) {
        Some(entry) => entry.1 += w,
        None => weight.push((who, w)),
    };
    for turn in &turns[conversation.clone()] {
        if let Some(guess) = &turn.guess {
            add(guess.who, guess.confidence);
        }
        for (who, _) in &turn.addressees {
            add(*who, 0.5);
        }
        if let Some(who) = turn.topic {
            add(who, PRESENT);
        }
    }
    for &who in present {
        add(who, PRESENT);
    }
    weight.sort_by(|a, b| b.1.total_cmp(&a.1));
    weight.truncate(MAX_CANDIDATES);
    weight.into_iter().map(|(who, _)| who).collect()
}

/// For each candidate, whether the conversation gives them a voice: a turn of their own by its
/// own evidence, or a turn that speaks to them.
fn voiced(turns: &[Turn], conversation: &Range<usize>, candidates: &[usize]) -> Vec<bool> {
    candidates
        .iter()
        .map(|&who| {
            turns[conversation.clone()].iter().any(|turn| {
                turn.guess.as_ref().is_some_and(|g| g.who == who)
                    || turn.addressees.iter().any(|(a, _)| *a == who)
            })
        })
        .collect()
}

/// How well each candidate (and, last, "someone else") fits a turn's own evidence, and whom the
/// turn right before (`asked`) addressed: "Well, Watson?" is answered by Watson.
fn emission(
    turn: &Turn,
    asked: Option<&Turn>,
    candidates: &[usize],
    speakers: &Speakers,
    voiced: &[bool],
) -> Vec<f64> {
    let genders = &speakers.genders;
    // "—dijo—" is not the narrating character, who says "—dije—".
    let storyteller = (speakers.first_person != speakers.narrator).then_some(speakers.first_person);
    let k = candidates.len() + 1;
    let mut weights = vec![1.0; k];
    weights[k - 1] = OTHER_PRIOR;
    if let Some(guess) = &turn.guess {
        // A turn whose own evidence is fixed keeps its speaker whatever the decoding says, so
        // the decoding takes it as certain.
        let c = if turn.fixed {
            CERTAIN
        } else {
            f64::from(guess.confidence).min(CERTAIN)
        };
        let rest = (1.0 - c) / (k - 1) as f64;
        for (i, w) in weights.iter_mut().enumerate() {
            *w = if candidates.get(i) == Some(&guess.who) {
                c
            } else {
                rest
            };
        }
    } else if turn.stranger {
        // "said the man with the basket": someone the cast names do not name, who may still be
        // a cast member under a description; "someone else" keeps its full weight.
        weights[k - 1] = if turn.described { DESCRIBED } else { 1.0 };
    }
    let speaker_before = asked.and_then(|a| a.guess.as_ref()).map(|g| g.who);
    for (i, &who) in candidates.iter().enumerate() {
        if turn.addressees.iter().any(|(a, _)| *a == who) {
            weights[i] *= ADDRESSED;
        }
        if asked.is_some_and(|a| a.addressees.iter().any(|(x, _)| *x == who))
            && speaker_before != Some(who)
        {
            weights[i] *= ANSWERS;
        }
        if turn.guess.is_none() && turn.topic == Some(who) {
            weights[i] *= TOPIC;
        }
        if let (None, Some(wanted)) = (&turn.guess, turn.topic_gender) {
            let known = genders.get(who).copied().unwrap_or_default();
            if known != Gender::Unknown && known != wanted {
                weights[i] *= TOPIC_GENDER;
            }
        }
        if turn.guess.is_none() && !voiced[i] {
            weights[i] *= SILENT;
        }
        if turn.third_person && storyteller == Some(who) {
            weights[i] *= WRONG_PERSON;
        }
        let known = genders.get(who).copied().unwrap_or_default();
        if let Some(wanted) = turn.gender {
            if known != Gender::Unknown && known != wanted {
                weights[i] *= WRONG_GENDER;
            }
        }
    }
    weights
}

/// A turn-taking guess for turn `t`: a vocative when the turn before addressed `who`, else
/// turn-taking, with the nearest turn whose own evidence names `who` as its evidence.
fn guess_from_context(
    turns: &[Turn],
    conversation: &Range<usize>,
    t: usize,
    who: usize,
    strength: f32,
) -> Guess {
    if let Some((_, bytes)) = t
        .checked_sub(1)
        .filter(|p| conversation.contains(p))
        .and_then(|p| turns[p].addressees.iter().find(|(a, _)| *a == who))
    {
        return Guess {
            who,
            confidence: strength,
            rule: Rule::Vocative,
            tag: Some(bytes.clone()),
        };
    }
    let source = conversation
        .clone()
        .filter(|&s| s != t && turns[s].guess.as_ref().is_some_and(|g| g.who == who))
        .min_by_key(|&s| s.abs_diff(t));
    Guess {
        who,
        confidence: strength,
        rule: Rule::TurnTaking,
        tag: source.map(|s| turns[s].bytes.clone()),
    }
}
