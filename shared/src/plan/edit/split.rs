//! `Edit::Split`: cuts a segment in two at a word boundary of its text and maps the cut back to the
//! chapter. An edited segment can be split only where its text still matches the chapter's.

#[cfg(test)]
mod tests;

use crate::plan::{
    chapter::advance_chars,
    error::SegmentError,
    limits::EngineLimits,
    offset::snap_to_word_boundary,
    segment::{Delimiter, Segment, SegmentId},
};

use crate::plan::{splice::Splice, Plan};

/// The splice that splits segment `id` at character `at` of its text (snapped to a word boundary).
pub(super) fn split(
    plan: &Plan,
    id: SegmentId,
    at: usize,
    limits: &EngineLimits,
) -> Result<Splice, SegmentError> {
    let index = plan.require(id)?;
    let segment = &plan.segments[index];
    let text = segment.text.as_str();
    let len = text.chars().count();
    if at > len {
        return Err(SegmentError::OffsetPastEnd { offset: at, len });
    }
    let cut = snap_to_word_boundary(text, at);
    let empty_half = SegmentError::SplitLeavesEmptyHalf { id, offset: cut };
    let (text_first, text_second) = cut_and_trim(text, cut);
    if text_first.is_empty() || text_second.is_empty() {
        return Err(empty_half);
    }
    let original_cut =
        original_offset(segment, cut, len).ok_or(SegmentError::SplitInsideEdit { id })?;
    let original = segment.original_text.as_str();
    let (original_first, original_second) = cut_and_trim(original, original_cut);
    if original_first.is_empty() || original_second.is_empty() {
        return Err(empty_half);
    }
    // The whitespace trimmed at the start of the second half is skipped in the chapter too.
    let skipped = original.len() - original_second.len();
    let second_start = segment
        .start
        .saturating_add(original[..skipped].chars().count());
    let second_id = plan.id_for_split(second_start);
    limits.check(id, text_first)?;
    limits.check(second_id, text_second)?;
    let first = Segment {
        id,
        start: segment.start,
        end: segment.start.saturating_add(original_first.chars().count()),
        delimiter: Delimiter::Manual,
        text: text_first.to_owned(),
        original_text: original_first.to_owned(),
        speaker: segment.speaker.clone(),
        needs_revision: segment.needs_revision,
        speaker_locked: segment.speaker_locked,
        // New text boundaries: what was reviewed is no longer what is there.
        reviewed: false,
        flag: segment.flag.clone(),
    };
    let second = Segment {
        id: second_id,
        start: second_start,
        end: segment.end,
        delimiter: segment.delimiter,
        text: text_second.to_owned(),
        original_text: original_second.to_owned(),
        speaker: segment.speaker.clone(),
        needs_revision: segment.needs_revision,
        speaker_locked: segment.speaker_locked,
        // New text boundaries: what was reviewed is no longer what is there.
        reviewed: false,
        flag: segment.flag.clone(),
    };
    Ok(Splice::new(
        index,
        vec![segment.clone()],
        vec![first, second],
    ))
}

/// `text` cut at character `at`: the part before without trailing whitespace, the part after
/// without leading whitespace. A blank part comes back empty.
fn cut_and_trim(text: &str, at: usize) -> (&str, &str) {
    let byte = advance_chars(text, 0, at).unwrap_or(text.len());
    let (before, after) = text.split_at(byte);
    (before.trim_end(), after.trim_start())
}

/// Where character `cut` of the segment's text falls in its original text: the same place when
/// the text is unedited, or when the cut lies in the common prefix or the common suffix of the two
/// texts. `None` when it falls inside the edited part.
fn original_offset(segment: &Segment, cut: usize, text_len: usize) -> Option<usize> {
    let (text, original) = (&segment.text, &segment.original_text);
    if text == original {
        return Some(cut);
    }
    let prefix = text
        .chars()
        .zip(original.chars())
        .take_while(|(a, b)| a == b)
        .count();
    if cut <= prefix {
        return Some(cut);
    }
    let original_len = original.chars().count();
    // The suffix may not overlap the prefix in either text.
    let room = text_len.min(original_len) - prefix;
    let suffix = text
        .chars()
        .rev()
        .zip(original.chars().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    (cut >= text_len - suffix).then(|| original_len - (text_len - cut))
}
