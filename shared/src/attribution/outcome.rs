//! The outcome for each quotation: its anchor, else its own explicit tag, else its turn's guess,
//! kept only above [`MIN_CONFIDENCE`] and reported with a confidence calibrated on the dev set.

use std::ops::Range;

use super::{
    evidence::{explicit, SpanEvidence},
    rules::Subject,
    speakers::Speakers,
    turns::{Guess, Turn},
    verdict::{Attribution, Evidence, Rule, MIN_CONFIDENCE},
};
use crate::text::{dialogue::Analysis, language::Gender};

/// Confidence of a quotation in the same turn as an anchored one.
const SAME_TURN_AS_ANCHOR: f32 = 0.9;
/// Factor on turn-taking for a quotation whose tag names someone outside the cast.
const STRANGER: f32 = 0.6;
/// Highest confidence reported for a pronoun tag (see [`calibrated`]).
pub(super) const PRONOUN_CEILING: f32 = 0.66;
/// Reported turn-taking confidence at strength 0 (see [`calibrated`]).
const TURN_TAKING_BASE: f32 = 0.25;
/// Reported turn-taking confidence per unit of strength (see [`calibrated`]).
const TURN_TAKING_SLOPE: f32 = 0.6;

/// Turns the turns' guesses into one attribution per dialogue span.
pub(super) fn output(
    analysis: &Analysis,
    evidence: &[SpanEvidence],
    anchored: &[Option<usize>],
    turns: &[Turn],
    speakers: &Speakers,
) -> Vec<Attribution> {
    let map = &analysis.map;
    let id = |who: usize| speakers.ids.get(who).cloned();
    let chars = |bytes: &Option<Range<usize>>| bytes.as_ref().map(|b| map.chars(b));
    let mut out = Vec::with_capacity(analysis.spans.len());
    for turn in turns {
        for i in turn.spans.clone() {
            let span = analysis.spans[i].span.clone();
            let own = explicit(&evidence[i], speakers.first_person);
            let (guess, contradiction) = match (anchored[i], own) {
                (Some(who), own) => {
                    let contradiction = own.filter(|g| g.who != who).and_then(|g| id(g.who));
                    let anchor = Guess {
                        who,
                        confidence: 1.0,
                        rule: Rule::Anchor,
                        tag: Some(evidence[i].bytes.clone()),
                    };
                    (Some(anchor), contradiction)
                }
                (None, Some(own)) => (Some(own), None),
                (None, None) if matches!(evidence[i].subject, Some(Subject::Stranger { .. })) => {
                    (turn.guess.clone().and_then(stranger_guess), None)
                }
                // "‘Nonsense, Fergus!’" is not Fergus's, nor "“No,” he answered" the "I", though
                // another quotation of the paragraph is tagged with them: it has two speakers.
                // A quotation carried on from the paragraph before keeps its speaker.
                (None, None)
                    if turn.fixed
                        && !analysis.spans[i].continues
                        && turn.guess.as_ref().is_some_and(|g| {
                            evidence[i].vocatives.iter().any(|(who, _)| *who == g.who)
                                || !pronoun_fits(&evidence[i].subject, g.who, speakers)
                        }) =>
                {
                    (None, None)
                }
                (None, None) => (turn.guess.clone().map(inherited), None),
            };
            let attribution = match guess.filter(|g| g.confidence >= MIN_CONFIDENCE) {
                Some(guess) => Attribution {
                    span,
                    speaker: id(guess.who),
                    confidence: calibrated(guess.rule, guess.confidence).clamp(0.0, 1.0),
                    evidence: Evidence {
                        rule: guess.rule,
                        tag: chars(&guess.tag),
                        contradiction,
                    },
                },
                None => Attribution {
                    span,
                    speaker: None,
                    confidence: 0.0,
                    evidence: Evidence {
                        rule: Rule::Unresolved,
                        tag: None,
                        contradiction,
                    },
                },
            };
            out.push(attribution);
        }
    }
    out
}

/// The confidence reported for a guess of `rule` whose internal strength is `strength` (the
/// strengths rank proposals against each other; the reported value estimates how often such a
/// guess is right). Measured on the LitBank dev set (62 excerpts, 1,149 quotes): a pronoun tag
/// with a single candidate of its gender was right about 66% of the time (the speaker is often
/// someone the cast does not name), so a pronoun never reports more than [`PRONOUN_CEILING`];
/// turn-taking at strength 0.45 was right about half the time and at 0.85 about 78%, hence the
/// linear map [`TURN_TAKING_BASE`] + [`TURN_TAKING_SLOPE`] × strength. Other rules report their
/// strength. Both maps keep the order of strengths.
pub(super) fn calibrated(rule: Rule, strength: f32) -> f32 {
    match rule {
        Rule::PronounTag => strength.min(PRONOUN_CEILING),
        Rule::TurnTaking => TURN_TAKING_BASE + TURN_TAKING_SLOPE * strength,
        _ => strength,
    }
}

/// The turn's guess for a quotation whose own tag names someone outside the cast: never a
/// sibling quotation's tag (the paragraph has two speakers), and turn-taking only with less
/// confidence (the stranger may be a cast member under another description).
fn stranger_guess(guess: Guess) -> Option<Guess> {
    matches!(guess.rule, Rule::TurnTaking | Rule::Vocative).then(|| Guess {
        confidence: guess.confidence * STRANGER,
        ..guess
    })
}

/// Whether a quotation's own pronoun tag, if any, may refer to `who`: not the "I" of the story
/// nor someone of another known gender.
fn pronoun_fits(subject: &Option<Subject>, who: usize, speakers: &Speakers) -> bool {
    let Some(Subject::Pronoun { gender, .. }) = subject else {
        return true;
    };
    let known = speakers.genders.get(who).copied().unwrap_or_default();
    who != speakers.first_person && (known == Gender::Unknown || known == *gender)
}

/// A turn's guess as given to a quotation of the turn without evidence of its own: an anchor
/// elsewhere in the turn counts as turn-taking.
fn inherited(guess: Guess) -> Guess {
    if guess.rule == Rule::Anchor {
        Guess {
            confidence: SAME_TURN_AS_ANCHOR,
            rule: Rule::TurnTaking,
            ..guess
        }
    } else {
        guess
    }
}
