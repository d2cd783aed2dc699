//! Joint turn-taking: the speakers of a whole conversation decided together, as the best systems
//! do (see `research/attribution.md`, "attribute jointly"). Each turn is a hidden speaker; a
//! turn's own evidence (tag, pronoun, beat, name in its narration, whom it addresses, the gender
//! of its pronoun) weighs the candidates, and a second-order model of turn-taking links the turns:
//! between turns with no narration between them the speaker changes 95 % of the time and the
//! third turn returns to the first speaker 81 % of the time; across a paragraph of narration the
//! same speaker goes on 45 % of the time (all three measured on the dev set). Forward-backward
//! gives each turn the probability of each candidate; a turn takes the most probable one, with
//! that probability as its strength. A candidate "someone else" stands for the people the cast
//! lacks, so a conversation with a stranger leaves the stranger's turns unresolved.

#[cfg(test)]
mod tests;

use std::ops::Range;

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
/// Between adjacent turns: the same speaker again.
const ADJACENT_SAME: f64 = 0.05;
/// Between adjacent turns: the speaker two turns back (A-B-A).
const ADJACENT_RETURN: f64 = 0.8;
/// Across narration: the same speaker again.
const ACROSS_SAME: f64 = 0.45;
/// Across narration: the speaker two turns back.
const ACROSS_RETURN: f64 = 0.35;
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
/// Weight kept by the narrating character when the turn's verb is in the third person.
const WRONG_PERSON: f64 = 0.01;
/// Weight gained by a candidate the turn right before addressed by name.
const ANSWERS: f64 = 4.0;
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
            emission(&turns[t], asked, &candidates, speakers)
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

/// How well each candidate (and, last, "someone else") fits a turn's own evidence, and whom the
/// turn right before (`asked`) addressed: "Well, Watson?" is answered by Watson.
fn emission(
    turn: &Turn,
    asked: Option<&Turn>,
    candidates: &[usize],
    speakers: &Speakers,
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
        weights[k - 1] = 1.0;
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

/// P(next | previous, current) of the turn-taking model over `k` speakers (`previous == k` at the
/// start of a conversation).
fn transition(previous: usize, current: usize, next: usize, k: usize, adjacent: bool) -> f64 {
    let (same, back) = if adjacent {
        (ADJACENT_SAME, ADJACENT_RETURN)
    } else {
        (ACROSS_SAME, ACROSS_RETURN)
    };
    if next == current {
        return same;
    }
    let returning = previous < k && previous != current;
    if !returning {
        return (1.0 - same) / (k - 1).max(1) as f64;
    }
    match (next == previous, k.saturating_sub(2)) {
        // Two speakers only: whoever is not speaking now is the one who spoke before.
        (true, 0) => 1.0 - same,
        (true, _) => back,
        (false, others) => (1.0 - same - back) / others.max(1) as f64,
    }
}

/// The probability of each speaker at each turn given every turn's evidence, over pairs of
/// (previous, current) speakers; `links[t]` says whether turns `t` and `t + 1` are adjacent.
fn forward_backward(emissions: &[Vec<f64>], links: &[bool], k: usize) -> Vec<Vec<f64>> {
    let n = emissions.len();
    // State (p, c): p in 0..=k (k = no previous turn), c in 0..k.
    let states = (k + 1) * k;
    let index = |p: usize, c: usize| p * k + c;
    let mut forward = vec![vec![0.0; states]; n];
    for c in 0..k {
        forward[0][index(k, c)] = emissions[0][c];
    }
    normalise(&mut forward[0]);
    for t in 1..n {
        let (done, rest) = forward.split_at_mut(t);
        let (previous, current) = (&done[t - 1], &mut rest[0]);
        for p in 0..=k {
            for c in 0..k {
                let from = previous[index(p, c)];
                if from == 0.0 {
                    continue;
                }
                for next in 0..k {
                    current[index(c, next)] +=
                        from * transition(p, c, next, k, links[t - 1]) * emissions[t][next];
                }
            }
        }
        normalise(current);
    }
    let mut backward = vec![vec![1.0; states]; n];
    for t in (0..n.saturating_sub(1)).rev() {
        let (head, tail) = backward.split_at_mut(t + 1);
        let (current, next_row) = (&mut head[t], &tail[0]);
        for p in 0..=k {
            for c in 0..k {
                current[index(p, c)] = (0..k)
                    .map(|next| {
                        transition(p, c, next, k, links[t])
                            * emissions[t + 1][next]
                            * next_row[index(c, next)]
                    })
                    .sum();
            }
        }
        normalise(current);
    }
    (0..n)
        .map(|t| {
            let mut marginal = vec![0.0; k];
            for p in 0..=k {
                for c in 0..k {
                    marginal[c] += forward[t][index(p, c)] * backward[t][index(p, c)];
                }
            }
            normalise(&mut marginal);
            marginal
        })
        .collect()
}

fn normalise(row: &mut [f64]) {
    let total: f64 = row.iter().sum();
    if total > 0.0 {
        for value in row.iter_mut() {
            *value /= total;
        }
    }
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
