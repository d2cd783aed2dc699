//! `Plan::validate`: checks a whole plan against its chapter in one forward walk over the chapter,
//! so a long chapter with thousands of segments is checked in linear time.

#[cfg(test)]
mod tests;

use std::collections::HashSet;

use crate::plan::{
    chapter::advance_chars, error::SegmentError, limits::EngineLimits, segment::Segment,
};

/// The first rule `segments` break against `chapter`, in the order documented on `Plan::validate`.
pub(super) fn validate(
    segments: &[Segment],
    chapter: &str,
    limits: &EngineLimits,
) -> Result<(), SegmentError> {
    if segments.is_empty() {
        return Err(SegmentError::EmptyPlan);
    }
    let mut ids = HashSet::with_capacity(segments.len());
    // The walk's position in the chapter, in bytes and characters; it only moves forward because
    // segments are checked to be in order before the walk reaches them.
    let (mut byte, mut char) = (0, 0);
    let mut previous_end = None;
    for segment in segments {
        let Segment { id, start, end, .. } = *segment;
        if !ids.insert(id) {
            return Err(SegmentError::DuplicateId { id });
        }
        if start >= end {
            return Err(SegmentError::InvertedRange { id, start, end });
        }
        if let Some(previous_end) = previous_end.filter(|&previous_end| start < previous_end) {
            return Err(SegmentError::Overlap {
                id,
                start,
                previous_end,
            });
        }
        previous_end = Some(end);

        let original = segment.original_text.as_bytes();
        let matches = advance_chars(chapter, byte, start - char).is_some_and(|from| {
            byte = from;
            chapter.as_bytes().get(from..from + original.len()) == Some(original)
                && segment.original_text.chars().count() == end - start
        });
        if !matches {
            let len = chapter.chars().count();
            return Err(if end > len {
                SegmentError::OffsetPastEnd { offset: end, len }
            } else {
                SegmentError::OriginalMismatch { id, start, end }
            });
        }
        byte += original.len();
        char = end;

        if segment.text.trim().is_empty() {
            return Err(SegmentError::EmptyText { id });
        }
        limits.check_text(id, &segment.text)?;
    }
    Ok(())
}
