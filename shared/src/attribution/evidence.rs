//! What each quotation and each turn shows on its own: the subject of its speech tag, the action
//! beat next to it, its vocatives and anchor, and the guesses these give a turn (an explicit tag,
//! a pronoun resolved by gender and recency, a beat, the cast member its paragraph names).

use std::ops::Range;

use super::{
    pronoun,
    rules::{self, Subject, EXPLICIT, EXPLICIT_CLAUSE, NOMINAL},
    speakers::Speakers,
    text::Doc,
    turns::{Guess, Turn},
    verdict::Rule,
};
use crate::{
    cast::character_id::CharacterId,
    text::{
        dialogue::{Analysis, CharMap, DialogueSpan},
        language::Gender,
    },
};

/// Confidence of the cast member that opens the narration of a quotation's paragraph.
const MENTION_SUBJECT: f32 = 0.55;
/// Confidence of another cast member named in that narration.
const MENTION_OTHER: f32 = 0.4;
/// Confidence of an action beat naming a cast member ("Holmes smiled. “Well?”").
const BEAT_NAME: f32 = 0.6;
/// Factor on a pronoun's confidence when it opens an action beat rather than a tag.
const BEAT_PRONOUN: f32 = 0.75;

/// What a dialogue span shows on its own.
#[derive(Debug, Clone)]
pub(super) struct SpanEvidence {
    /// Byte range.
    pub(super) bytes: Range<usize>,
    /// The subject of its speech tag, if it has one.
    pub(super) subject: Option<Subject>,
    /// The subject opening the narration next to it (an action beat), if any.
    pub(super) beat: Option<Subject>,
    /// Who it addresses by name.
    pub(super) vocatives: Vec<(usize, Range<usize>)>,
}

pub(super) fn span_evidence(
    doc: &Doc<'_>,
    map: &CharMap,
    span: &DialogueSpan,
    bytes: &Range<usize>,
) -> SpanEvidence {
    let (mut after, mut before) = (None, None);
    let (mut beat_after, mut beat_before) = (None, None);
    // Whether the narration before it ends with a colon ("He had often said to me:"): the
    // quotation is that tag's, whatever the narration after it says.
    let mut introduced = false;
    for tag in &span.tags {
        let tag = map.bytes(tag);
        if tag.start >= bytes.end {
            after = rules::tag_after(doc, &tag);
            beat_after = rules::beat_after(doc, &tag);
        } else {
            before = rules::tag_before(doc, &tag);
            beat_before = rules::beat_before(doc, &tag);
            introduced = doc
                .text
                .get(tag.start..bytes.start)
                .is_some_and(|narration| narration.trim_end().ends_with(':'));
        }
    }
    let named = |s: &Option<Subject>| {
        matches!(
            s,
            Some(
                Subject::Name { .. }
                    | Subject::Nominal { .. }
                    | Subject::Pronoun { .. }
                    | Subject::FirstPerson { .. }
            )
        )
    };
    // Narration ending with a colon introduces the quotation: its opening subject speaks it
    // even with no speech verb ("Don Pedro pronunció un juramento, y denuestos contra ella:").
    if introduced && !named(&before) {
        if let Some(opening @ (Subject::Name { .. } | Subject::Pronoun { .. })) = &beat_before {
            before = Some(opening.clone());
        }
    }
    let subject = if (named(&after) && !introduced) || !named(&before) {
        after.or(before)
    } else {
        before
    };
    SpanEvidence {
        bytes: bytes.clone(),
        subject,
        beat: beat_after.or(beat_before),
        vocatives: rules::vocatives(doc, bytes),
    }
}

/// For each dialogue span, the speaker (index) an anchor gives it.
pub(super) fn anchor_spans(
    spans: &[DialogueSpan],
    anchors: &[(Range<usize>, CharacterId)],
    speakers: &mut Speakers,
) -> Vec<Option<usize>> {
    let mut anchored = vec![None; spans.len()];
    for (range, id) in anchors {
        if let Some(span) = most_overlapping(spans, range, |s| &s.span) {
            let at = spans.partition_point(|s| s.span.start < span.span.start);
            if let Some(slot) = anchored.get_mut(at) {
                *slot = Some(speakers.index_of(id));
            }
        }
    }
    anchored
}

/// Groups spans into turns (one per paragraph, continued quotations joined) with their anchor or
/// explicit tag.
pub(super) fn build_turns(
    spans: &[DialogueSpan],
    quotes: &[Range<usize>],
    evidence: &[SpanEvidence],
    anchored: &[Option<usize>],
    first_person: usize,
) -> Vec<Turn> {
    let mut turns: Vec<Turn> = Vec::new();
    for (i, span) in spans.iter().enumerate() {
        match turns.last_mut() {
            Some(turn) if span.continues || span.paragraph + 1 == turn.paragraphs.end => {
                turn.spans.end = i + 1;
                turn.paragraphs.end = span.paragraph + 1;
                turn.bytes.end = quotes[i].end;
            }
            _ => turns.push(Turn::new(
                i..i + 1,
                span.paragraph..span.paragraph + 1,
                quotes[i].clone(),
            )),
        }
    }
    for turn in &mut turns {
        let range = turn.spans.clone();
        turn.addressees = range
            .clone()
            .flat_map(|i| evidence[i].vocatives.iter().cloned())
            .collect();
        let anchor = range.clone().find_map(|i| anchored[i].map(|who| (i, who)));
        turn.guess = match anchor {
            Some((i, who)) => Some(Guess {
                who,
                confidence: 1.0,
                rule: Rule::Anchor,
                tag: Some(quotes[i].clone()),
            }),
            None => range
                .clone()
                .find_map(|i| explicit(&evidence[i], first_person)),
        };
        // A tag naming someone outside the cast: the turn is theirs, whoever it is.
        let stranger = range
            .clone()
            .any(|i| matches!(evidence[i].subject, Some(Subject::Stranger { .. })));
        turn.fixed = turn.guess.is_some();
        turn.stranger = stranger;
        turn.gender = range.clone().find_map(|i| match &evidence[i].subject {
            Some(Subject::Pronoun { gender, .. }) => Some(*gender),
            Some(Subject::Omitted { gender, .. } | Subject::Stranger { gender, .. }) => *gender,
            _ => None,
        });
        turn.described = range.clone().any(|i| {
            matches!(
                evidence[i].subject,
                Some(Subject::Stranger { definite: true, .. })
            )
        });
        // "—dijo—", "said my brother": the "I" of the story says "I said".
        turn.third_person = range.clone().any(|i| {
            matches!(
                evidence[i].subject,
                Some(
                    Subject::Omitted {
                        third_person: true,
                        ..
                    } | Subject::Stranger { .. }
                )
            )
        });
    }
    turns
}

/// The guess of an explicit tag naming a cast member, or "I" (`first_person`: the narrating
/// character, else the narrator).
pub(super) fn explicit(evidence: &SpanEvidence, first_person: usize) -> Option<Guess> {
    match &evidence.subject {
        Some(Subject::FirstPerson { bytes }) => Some(Guess {
            who: first_person,
            confidence: EXPLICIT,
            rule: Rule::ExplicitTag,
            tag: Some(bytes.clone()),
        }),
        Some(Subject::Nominal { who, bytes }) => Some(Guess {
            who: *who,
            confidence: NOMINAL,
            rule: Rule::ExplicitTag,
            tag: Some(bytes.clone()),
        }),
        Some(Subject::Name {
            who,
            bytes,
            adjacent,
        }) => Some(Guess {
            who: *who,
            confidence: if *adjacent { EXPLICIT } else { EXPLICIT_CLAUSE },
            rule: Rule::ExplicitTag,
            tag: Some(bytes.clone()),
        }),
        _ => None,
    }
}

/// Resolves pronoun tags, turn by turn, against the people named so far and the previous speakers.
pub(super) fn resolve_pronouns(
    doc: &Doc<'_>,
    evidence: &[SpanEvidence],
    people: &Speakers,
    turns: &mut [Turn],
) {
    let mut speakers: Vec<(usize, usize)> = Vec::new();
    for i in 0..turns.len() {
        if turns[i].guess.is_none() && !turns[i].stranger {
            // Turns alternate only when nothing is told between them: after a paragraph of
            // narration the same person speaks again almost as often as not.
            let previous = i
                .checked_sub(1)
                .filter(|&p| turns[i].follows(&turns[p]))
                .and_then(|p| turns[p].guess.as_ref())
                .map(|g| g.who);
            turns[i].guess = pronoun_guess(doc, evidence, people, &turns[i], &speakers, previous);
            turns[i].fixed = turns[i]
                .guess
                .as_ref()
                .is_some_and(|g| g.rule == Rule::PronounTag && g.confidence >= 0.65);
        }
        if let Some(guess) = &turns[i].guess {
            speakers.push((turns[i].bytes.start, guess.who));
        }
    }
}

/// The guess for a turn from its pronoun tag, else from its action beat (a name, or a pronoun).
fn pronoun_guess(
    doc: &Doc<'_>,
    evidence: &[SpanEvidence],
    people: &Speakers,
    turn: &Turn,
    speakers: &[(usize, usize)],
    previous: Option<usize>,
) -> Option<Guess> {
    let addressed: Vec<usize> = turn.addressees.iter().map(|(w, _)| *w).collect();
    // "he said" is never the one who tells the story as "I".
    let excluded: Vec<usize> = addressed
        .iter()
        .copied()
        .chain((people.first_person != people.narrator).then_some(people.first_person))
        .collect();
    let resolve = |gender: Gender, bytes: &Range<usize>, rule: Rule, factor: f32| {
        let found = pronoun::resolve_pronoun(
            doc,
            gender,
            bytes.start,
            &people.genders,
            speakers,
            previous,
            &excluded,
        );
        found.map(|r| Guess {
            who: r.who,
            confidence: r.confidence * factor,
            rule,
            tag: Some(bytes.clone()),
        })
    };
    let spans = turn.spans.clone();
    let tagged = spans.clone().find_map(|s| match &evidence[s].subject {
        Some(Subject::Pronoun { gender, bytes }) => Some((*gender, bytes.clone())),
        _ => None,
    });
    if let Some((gender, bytes)) = tagged {
        return resolve(gender, &bytes, Rule::PronounTag, 1.0);
    }
    spans.clone().find_map(|s| match &evidence[s].beat {
        Some(Subject::Name { who, bytes, .. }) if !addressed.contains(who) => Some(Guess {
            who: *who,
            confidence: BEAT_NAME,
            rule: Rule::Beat,
            tag: Some(bytes.clone()),
        }),
        Some(Subject::Pronoun { gender, bytes }) => {
            resolve(*gender, bytes, Rule::Beat, BEAT_PRONOUN)
        }
        // "I laughed. “Well?”": the narrating character, when the producer named one.
        Some(Subject::FirstPerson { bytes }) if people.first_person != people.narrator => {
            Some(Guess {
                who: people.first_person,
                confidence: BEAT_NAME,
                rule: Rule::Beat,
                tag: Some(bytes.clone()),
            })
        }
        _ => None,
    })
}

/// The cast member named in the narration of the turn's first paragraph: the speaker of a
/// quotation more often than not ("Holmes leaned back. “Well?”").
pub(super) fn paragraph_mention(doc: &Doc<'_>, analysis: &Analysis, turn: &Turn) -> Option<Guess> {
    let (paragraph, _) = analysis.paragraphs.get(turn.paragraphs.start)?;
    let addressed: Vec<usize> = turn.addressees.iter().map(|(w, _)| *w).collect();
    let first = doc
        .mentions
        .partition_point(|m| m.bytes.start < paragraph.start);
    let mention = doc.mentions[first..]
        .iter()
        .take_while(|m| m.bytes.end <= paragraph.end)
        .find(|m| !m.in_quote && !addressed.contains(&m.who))?;
    let opening = doc
        .tokens_in(paragraph)
        .next()
        .is_some_and(|t| t == mention.tokens.start);
    Some(Guess {
        who: mention.who,
        confidence: if opening {
            MENTION_SUBJECT
        } else {
            MENTION_OTHER
        },
        rule: Rule::Mention,
        tag: Some(mention.bytes.clone()),
    })
}

/// The item of `items` (sorted by start, not overlapping) overlapping `range` most.
pub(super) fn most_overlapping<'i, T>(
    items: &'i [T],
    range: &Range<usize>,
    span: impl Fn(&T) -> &Range<usize>,
) -> Option<&'i T> {
    let first = items.partition_point(|item| span(item).end <= range.start);
    items[first..]
        .iter()
        .take_while(|item| span(item).start < range.end)
        .map(|item| {
            let s = span(item);
            (
                item,
                s.end
                    .min(range.end)
                    .saturating_sub(s.start.max(range.start)),
            )
        })
        .filter(|&(_, overlap)| overlap > 0)
        .max_by_key(|&(_, overlap)| overlap)
        .map(|(item, _)| item)
}
