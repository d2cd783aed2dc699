//! `Edit::MergeNext` and `Edit::MergePrevious`: joins two neighbouring segments into one, reading
//! the chapter text between them so the whitespace (or any text a deletion left there) is exact.

#[cfg(test)]
mod tests;

use crate::plan::{
    chapter::advance_chars, error::SegmentError, limits::EngineLimits, segment::Segment,
};

use crate::plan::splice::Splice;

/// The splice that merges `segments[index]` with `segments[index + 1]`, which must both exist.
///
/// The result keeps the first segment's id, speaker and start, the second's end and delimiter,
/// and needs revision when either did.
pub(super) fn merge(
    segments: &[Segment],
    index: usize,
    chapter: &str,
    limits: &EngineLimits,
) -> Result<Splice, SegmentError> {
    let (first, second) = (&segments[index], &segments[index + 1]);
    for segment in [first, second] {
        if segment.start > segment.end {
            return Err(SegmentError::InvertedRange {
                id: segment.id,
                start: segment.start,
                end: segment.end,
            });
        }
    }
    if second.start < first.end {
        return Err(SegmentError::Overlap {
            id: second.id,
            start: second.start,
            previous_end: first.end,
        });
    }
    let past_end = || SegmentError::OffsetPastEnd {
        offset: second.end,
        len: chapter.chars().count(),
    };
    // One forward walk over the chapter finds all four byte offsets.
    let from = advance_chars(chapter, 0, first.start).ok_or_else(past_end)?;
    let gap_from = advance_chars(chapter, from, first.end - first.start).ok_or_else(past_end)?;
    let gap_to = advance_chars(chapter, gap_from, second.start - first.end).ok_or_else(past_end)?;
    let to = advance_chars(chapter, gap_to, second.end - second.start).ok_or_else(past_end)?;
    let gap = &chapter[gap_from..gap_to];

    let mut text = String::with_capacity(first.text.len() + gap.len() + second.text.len());
    text.push_str(&first.text);
    text.push_str(gap);
    text.push_str(&second.text);
    limits.check(first.id, &text)?;
    let merged = Segment {
        id: first.id,
        start: first.start,
        end: second.end,
        delimiter: second.delimiter,
        text,
        original_text: chapter[from..to].to_owned(),
        speaker: first.speaker.clone(),
        needs_revision: first.needs_revision || second.needs_revision,
        speaker_locked: first.speaker_locked,
        reviewed: false,
        flag: first.flag.clone().or_else(|| second.flag.clone()),
    };
    Ok(Splice::new(
        index,
        vec![first.clone(), second.clone()],
        vec![merged],
    ))
}
