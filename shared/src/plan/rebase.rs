//! Re-import: a chapter's text changed under its plan. [`stale`] finds the segments that no
//! longer match the new text; [`rebase`] carries the plan over to it, keeping every segment whose
//! original text is still there (with its speaker, edits, flags and review) and cutting fresh
//! segments for the new passages. Nothing is dropped silently: the segments that could not be
//! kept are returned for the page to list.

use crate::plan::{
    limits::EngineLimits,
    segment::{Segment, SegmentId},
    segmenter::segment_chapter,
};

/// The segments whose original text is no longer the chapter's at their offsets.
pub fn stale(segments: &[Segment], text: &str) -> Vec<SegmentId> {
    let mut starts = text
        .char_indices()
        .map(|(byte, _)| byte)
        .chain([text.len()]);
    let mut char_at = 0;
    let mut byte_at = starts.next().unwrap_or(0);
    let mut byte_of = |chars: usize| -> Option<usize> {
        if chars < char_at {
            return None;
        }
        while char_at < chars {
            byte_at = starts.next()?;
            char_at += 1;
        }
        Some(byte_at)
    };
    let mut found = Vec::new();
    for segment in segments {
        let matches = match (byte_of(segment.start), byte_of(segment.end)) {
            (Some(from), Some(to)) => text.get(from..to) == Some(segment.original_text.as_str()),
            _ => false,
        };
        if !matches {
            found.push(segment.id);
        }
    }
    found
}

/// A plan carried over to a chapter's new text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebased {
    /// The new plan: kept segments at their new offsets, fresh ones for new passages.
    pub segments: Vec<Segment>,
    /// The old segments whose original text is no longer in the chapter.
    pub dropped: Vec<Segment>,
    /// How many fresh segments cover the new passages.
    pub added: usize,
}

/// How far past the last kept segment (in bytes of the new text) a segment's original text is
/// looked for; further away, a short line ("Yes.") would more likely match the wrong place.
const LOOKAHEAD: usize = 20_000;

/// Carries `segments` over to `text`: in order, each segment whose original text is found after
/// the previous kept one (within [`LOOKAHEAD`]) keeps everything but its offsets; the text between
/// kept segments is segmented afresh with `limits` (no speaker, new ids).
pub fn rebase(segments: &[Segment], text: &str, limits: &EngineLimits) -> Rebased {
    let mut next_id: u32 = segments.iter().map(|s| s.id.0).max().unwrap_or(0);
    let mut out = Vec::with_capacity(segments.len());
    let mut dropped = Vec::new();
    let mut added = 0;
    // Byte and character position of the end of the last kept segment.
    let (mut byte, mut chars) = (0_usize, 0_usize);
    let mut fresh = |from: usize, to: usize, at_char: usize, out: &mut Vec<Segment>| {
        for mut segment in segment_chapter(&text[from..to], limits) {
            next_id = next_id.saturating_add(1);
            segment.id = SegmentId(next_id);
            segment.start += at_char;
            segment.end += at_char;
            out.push(segment);
            added += 1;
        }
    };
    for segment in segments {
        let window = &text[byte..floor_char_boundary(text, byte.saturating_add(LOOKAHEAD))];
        let found = (!segment.original_text.is_empty())
            .then(|| window.find(&segment.original_text))
            .flatten();
        let Some(offset) = found else {
            dropped.push(segment.clone());
            continue;
        };
        let from = byte + offset;
        let from_chars = chars + text[byte..from].chars().count();
        fresh(byte, from, chars, &mut out);
        let len = segment.original_text.chars().count();
        out.push(Segment {
            start: from_chars,
            end: from_chars + len,
            ..segment.clone()
        });
        byte = from + segment.original_text.len();
        chars = from_chars + len;
    }
    fresh(byte, text.len(), chars, &mut out);
    Rebased {
        segments: out,
        dropped,
        added,
    }
}

/// The largest char boundary of `text` at or before `at` (clamped to its length).
fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{edit::Edit, Plan};

    const OLD: &str = "It was late.\n\n“Who is there?” said Holmes.\n\nNobody answered.";

    fn planned(text: &str) -> Vec<Segment> {
        let mut segments = segment_chapter(text, &EngineLimits::default());
        for segment in &mut segments {
            segment.speaker = Some("narrator".into());
        }
        segments
    }

    #[test]
    fn the_same_text_keeps_the_plan_as_it_is() {
        let segments = planned(OLD);
        assert!(stale(&segments, OLD).is_empty());
        let rebased = rebase(&segments, OLD, &EngineLimits::default());
        assert_eq!(rebased.segments, segments);
        assert!(rebased.dropped.is_empty());
        assert_eq!(rebased.added, 0);
    }

    #[test]
    fn kept_segments_move_changed_ones_are_reported_and_new_text_is_cut_fresh() {
        let mut segments = planned(OLD);
        let limits = EngineLimits::default();
        let mut plan = Plan::new(segments.clone());
        plan.apply(
            &Edit::EditText {
                id: segments[3].id,
                text: "Nobody answered at all.".into(),
            },
            OLD,
            &limits,
        )
        .unwrap();
        segments = plan.into_segments();
        let new = "Prologue added.\n\nIt was very late.\n\n“Who is there?” said Holmes.\n\nNobody answered.";

        let found = stale(&segments, new);
        let rebased = rebase(&segments, new, &limits);

        assert_eq!(found.len(), segments.len(), "every offset moved");
        let dropped: Vec<_> = rebased
            .dropped
            .iter()
            .map(|s| s.original_text.as_str())
            .collect();
        assert_eq!(dropped, ["It was late."]);
        assert_eq!(rebased.added, 2, "{:#?}", rebased.segments);
        Plan::new(rebased.segments.clone())
            .validate(new, &limits)
            .unwrap();
        let last = rebased.segments.last().unwrap();
        assert_eq!(last.id, segments[3].id);
        assert_eq!(
            last.text, "Nobody answered at all.",
            "the producer's edit is kept"
        );
        assert_eq!(last.speaker.as_deref(), Some("narrator"));
        assert!(
            rebased.segments[0].speaker.is_none(),
            "new text has no speaker yet"
        );
        let ids: std::collections::HashSet<_> = rebased.segments.iter().map(|s| s.id).collect();
        assert_eq!(ids.len(), rebased.segments.len(), "ids stay unique");
    }

    #[test]
    fn a_shorter_text_drops_what_is_gone() {
        let segments = planned(OLD);
        let rebased = rebase(&segments, "It was late.", &EngineLimits::default());
        assert_eq!(rebased.segments.len(), 1);
        assert_eq!(rebased.dropped.len(), segments.len() - 1);
        assert_eq!(
            stale(&segments, "It was late."),
            segments[1..].iter().map(|s| s.id).collect::<Vec<_>>()
        );
    }
}
