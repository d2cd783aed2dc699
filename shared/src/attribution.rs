//! The attribution layer: who speaks each stretch of dialogue found by [`crate::text::dialogue`],
//! decided by rules. Imports `text`, `cast` and `plan`.
//!
//! The rules, from strongest to weakest: a manual choice (an anchor, never overwritten); a speech
//! tag naming a cast member next to the quotation ("said Holmes", "Holmes said", "—dijo Augusto"),
//! or a definite description whose head word is in one member's name ("said the parson"), or
//! "I" ("said I": the member marked as narrating in the first person, else the narrator);
//! a tag with a subject pronoun ("he said", "dijo ella"), resolved by gender and recency; the cast
//! member named in the paragraph's narration; and turn-taking: a paragraph is a turn, turns form
//! conversations (reset at narration breaks), and the speakers of a conversation are decided
//! together ([`decode`]) from every turn's evidence, the people spoken to (a name inside a
//! quotation, or after "said to", "turning to" in the narration: someone else, who often
//! answers, [`address`]) and a model of how speakers alternate. Each
//! attribution carries a confidence in 0..=1 and the evidence that fired; below a floor the speaker
//! is left unresolved rather than guessed.

mod address;
mod decode;
mod evidence;
mod outcome;
mod pronoun;
pub mod propose;
mod rules;
mod scene;
#[cfg(test)]
mod spanish_tests;
mod speakers;
#[cfg(test)]
mod tests;
mod text;
mod turns;
pub mod verdict;

use std::ops::Range;

use serde::{Deserialize, Serialize};

use self::{
    evidence::{
        anchor_spans, build_turns, most_overlapping, paragraph_mention, resolve_pronouns,
        span_evidence, SpanEvidence,
    },
    outcome::output,
    speakers::Speakers,
    text::Doc,
    turns::narration_break,
    verdict::{Attribution, Evidence, Rule},
};
use crate::{
    cast::{character_id::CharacterId, Cast},
    plan::segment::{Segment, SegmentId},
    text::{dialogue::analyse, language::Language},
};

/// Confidence that a segment with no dialogue in it is narration.
const NARRATION: f32 = 0.9;

/// Attributes every stretch of dialogue of `text` (see [`crate::text::dialogue::detect`]), in
/// order.
///
/// `anchors` are character ranges whose speaker the producer chose: the dialogue span overlapping
/// each most keeps that speaker ([`Rule::Anchor`]) and anchors turn-taking; when an explicit tag
/// next to it names someone else, that is reported in [`Evidence::contradiction`]. With a cast of
/// only the narrator every quotation is unresolved; with no dialogue the result is empty.
pub fn attribute(
    text: &str,
    cast: &Cast,
    language: Language,
    anchors: &[(Range<usize>, CharacterId)],
) -> Vec<Attribution> {
    let analysis = analyse(text);
    if analysis.spans.is_empty() {
        return Vec::new();
    }
    let mut speakers = Speakers::new(cast);
    let owned = speakers.names(cast);
    let names: Vec<(&str, usize)> = owned.iter().map(|(n, w)| (n.as_str(), *w)).collect();
    let quotes: Vec<Range<usize>> = analysis
        .spans
        .iter()
        .map(|s| analysis.map.bytes(&s.span))
        .collect();
    let mut doc = Doc::new(text, language, &names);
    doc.mark_quoted(&quotes);
    let spans: Vec<SpanEvidence> = analysis
        .spans
        .iter()
        .zip(&quotes)
        .map(|(span, bytes)| span_evidence(&doc, &analysis.map, span, bytes))
        .collect();
    let anchored = anchor_spans(&analysis.spans, anchors, &mut speakers);
    let mut turns = build_turns(
        &analysis.spans,
        &quotes,
        &spans,
        &anchored,
        speakers.first_person,
    );
    for turn in &mut turns {
        // "said Holmes to Watson", "Holmes turned to Watson.": spoken to, as a vocative is.
        let speaker = turn.guess.as_ref().map(|g| g.who);
        for (who, name) in address::turn_listeners(&doc, &analysis, &turn.paragraphs) {
            if Some(who) != speaker && !turn.addressees.iter().any(|(w, _)| *w == who) {
                turn.addressees.push((who, name));
            }
        }
    }
    resolve_pronouns(&doc, &spans, &speakers, &mut turns);
    for turn in &mut turns {
        if turn.guess.is_none() && !turn.stranger {
            turn.guess = paragraph_mention(&doc, &analysis, turn);
        }
        (turn.topic, turn.topic_gender) = scene::topic(&doc, &analysis, turn);
    }
    let gap = |between: Range<usize>| narration_break(&analysis, text, between);
    for conversation in turns::conversations(&turns, &gap) {
        let present = scene::present(&doc, &turns, &conversation);
        decode::decode(&mut turns, conversation, &speakers, &present);
    }
    output(&analysis, &spans, &anchored, &turns, &speakers)
}

/// Attributes the segments of a plan: a segment holding dialogue takes the speaker of the
/// quotation it overlaps most; any other segment is narration. Returns one attribution per
/// segment, in order, whose span is the segment's.
pub fn attribute_segments(
    text: &str,
    segments: &[Segment],
    cast: &Cast,
    language: Language,
    anchors: &[(Range<usize>, CharacterId)],
) -> Vec<(SegmentId, Attribution)> {
    let quotes = attribute(text, cast, language, anchors);
    segments_from_quotes(segments, &quotes)
}

/// One attribution per segment from attributions of the chapter's quotations (sorted by start,
/// not overlapping), whichever engine made them: a segment holding dialogue takes the speaker of
/// the quotation it overlaps most; any other segment is narration. The span is the segment's.
pub fn segments_from_quotes(
    segments: &[Segment],
    quotes: &[Attribution],
) -> Vec<(SegmentId, Attribution)> {
    segments
        .iter()
        .map(|segment| {
            let range = segment.start..segment.end;
            let best = most_overlapping(quotes, &range, |a| &a.span);
            let attribution = match best {
                Some(quote) => Attribution {
                    span: range,
                    ..quote.clone()
                },
                None => Attribution {
                    span: range,
                    speaker: Some(CharacterId::narrator()),
                    confidence: NARRATION,
                    evidence: Evidence {
                        rule: Rule::Narration,
                        tag: None,
                        contradiction: None,
                    },
                },
            };
            (segment.id, attribution)
        })
        .collect()
}

/// A dialogue segment whose speaker an explicit tag next to it contradicts: `“Hush,” said
/// Holmes` read by Watson, or by the narrator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contradiction {
    /// The segment.
    pub segment: SegmentId,
    /// Who reads it now.
    pub assigned: CharacterId,
    /// Who the tag names.
    pub named: CharacterId,
}

/// The segments whose speaker (whoever chose it: a person, the rule engine or an LLM) is
/// contradicted by an explicit speech tag naming another cast member. Every assigned speaker is
/// taken as given, so only explicit tags (97 % right on the dev set) can raise one.
pub fn contradictions(
    text: &str,
    segments: &[Segment],
    cast: &Cast,
    language: Language,
) -> Vec<Contradiction> {
    let anchors: Vec<_> = segments
        .iter()
        .filter_map(|s| Some((s.start..s.end, CharacterId(s.speaker.clone()?))))
        .collect();
    if anchors.is_empty() {
        return Vec::new();
    }
    attribute_segments(text, segments, cast, language, &anchors)
        .into_iter()
        .zip(segments)
        .filter_map(|((id, found), segment)| {
            let named = found.evidence.contradiction?;
            let assigned = CharacterId(segment.speaker.clone()?);
            (named != assigned).then_some(Contradiction {
                segment: id,
                assigned,
                named,
            })
        })
        .collect()
}
