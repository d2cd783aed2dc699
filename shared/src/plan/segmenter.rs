//! The segmenter: cuts a chapter into segments that fit the engine. Paragraphs first, then
//! dialogue turns apart from their narration tags, then sentences, then words; never inside a
//! quotation unless the quotation alone is over the limit.

mod pack;
pub(crate) mod sentence;
#[cfg(test)]
mod tests;

use std::ops::Range;

use crate::{
    plan::{
        limits::EngineLimits,
        segment::{Delimiter, Segment, SegmentId},
    },
    text::{dialogue::dialogue_pieces, paragraph::paragraph_ranges},
};

/// Cuts `chapter` into segments with ids 1, 2, 3, ...
///
/// Invariant: every non-whitespace character belongs to exactly one segment, in order; each
/// segment's `original_text` is the chapter at its offsets and has no leading or trailing whitespace;
/// every segment passes `limits.check`, except a single word longer than the limit.
///
/// Paragraphs are separated by blank lines when the chapter has any (single line breaks are then
/// soft wraps, kept inside the text); otherwise each line is a paragraph. A paragraph that mixes
/// dialogue with narration (`“Hello,” said John, “how are you?”`) is cut at the edges of its
/// quotations, so that each quotation can be voiced by its character and each tag by the narrator
/// (those cuts end with [`Delimiter::Dialogue`]; see [`crate::text::dialogue`]). A paragraph or
/// piece over `limits.recommended_chars` is cut between sentences (UAX #29, except after
/// abbreviations such as "Mr." or "Sra.", before a lowercase continuation, and inside a quotation
/// no longer than the limit), packing as many sentences per segment as fit; a sentence that alone
/// is over the limit is cut between words.
pub fn segment_chapter(chapter: &str, limits: &EngineLimits) -> Vec<Segment> {
    let mut output = Output {
        chapter,
        segments: Vec::new(),
        byte: 0,
        char: 0,
    };
    let mut units = sentence::Units::default();
    for paragraph in paragraph_ranges(chapter) {
        let pieces = dialogue_pieces(&chapter[paragraph.clone()]);
        let count = pieces.len();
        for (i, piece) in pieces.into_iter().enumerate() {
            let last = if i + 1 == count {
                Delimiter::Paragraph
            } else {
                Delimiter::Dialogue
            };
            let piece = paragraph.start + piece.start..paragraph.start + piece.end;
            push_piece(&mut output, &mut units, piece, limits, last);
        }
    }
    output.segments
}

/// Emits the segments of one piece of a paragraph (bytes of the chapter): the whole piece when it
/// fits, otherwise its sentences packed; the last segment ends with `last`.
fn push_piece(
    output: &mut Output<'_>,
    units: &mut sentence::Units,
    piece: Range<usize>,
    limits: &EngineLimits,
    last: Delimiter,
) {
    let base = output.char_at(piece.start);
    let text = &output.chapter[piece.clone()];
    let chars = text.chars().count();
    if pack::fits(limits, text, chars) {
        output.push(text, base..base + chars, last);
    } else {
        sentence::units(text, limits.recommended_chars, units);
        pack::pack(text, units, limits, last, &mut |bytes, range, delimiter| {
            let range = base + range.start..base + range.end;
            output.push(&text[bytes], range, delimiter);
        });
    }
    output.byte = piece.end;
    output.char = base + chars;
}

/// The segments made so far, and a cursor that converts byte offsets of the chapter into
/// character offsets by counting forward only, so the whole conversion is linear.
struct Output<'a> {
    chapter: &'a str,
    segments: Vec<Segment>,
    byte: usize,
    char: usize,
}

impl Output<'_> {
    /// The character offset of byte `byte`, which must not be before the cursor.
    fn char_at(&mut self, byte: usize) -> usize {
        self.char += self.chapter[self.byte..byte].chars().count();
        self.byte = byte;
        self.char
    }

    fn push(&mut self, text: &str, chars: Range<usize>, delimiter: Delimiter) {
        let id = SegmentId(u32::try_from(self.segments.len() + 1).unwrap_or(u32::MAX));
        self.segments.push(Segment {
            id,
            start: chars.start,
            end: chars.end,
            delimiter,
            text: text.to_owned(),
            original_text: text.to_owned(),
            speaker: None,
            needs_revision: false,
            speaker_locked: false,
            reviewed: false,
            flag: None,
        });
    }
}
