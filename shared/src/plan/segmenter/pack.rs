//! Packing sentence units into segments: as many whole units as fit, and a unit that alone does
//! not fit is cut between words. Offsets stay relative to the paragraph.

use std::ops::Range;

use crate::plan::{
    limits::EngineLimits,
    segment::{Delimiter, SegmentId},
};

use super::sentence::{ends_with_abbreviation, Unit, Units};

/// Receives a segment: its byte and character ranges in the paragraph, and how it ends.
pub(super) type Emit<'e> = dyn FnMut(Range<usize>, Range<usize>, Delimiter) + 'e;

/// Whether `text`, of `chars` characters, can be one segment: within the recommended size and
/// the engine's limits.
pub(super) fn fits(limits: &EngineLimits, text: &str, chars: usize) -> bool {
    chars <= limits.recommended_chars
        && (limits.surely_fits(text.len(), chars) || limits.check(SegmentId(0), text).is_ok())
}

/// Emits the segments of `paragraph` (a paragraph, or a piece of one), cut into `units`, greedily
/// packed; the last segment ends with `last`.
pub(super) fn pack(
    paragraph: &str,
    units: &Units,
    limits: &EngineLimits,
    last: Delimiter,
    emit: &mut Emit<'_>,
) {
    let Units { units, quotes } = units;
    let end_of = |next: usize| {
        if next == units.len() {
            last
        } else {
            Delimiter::Sentence
        }
    };
    let mut i = 0;
    while let Some(first) = units.get(i) {
        if !fits(limits, &paragraph[first.bytes.clone()], first.chars.len()) {
            split_words(paragraph, first, quotes, limits, end_of(i + 1), emit);
            i += 1;
            continue;
        }
        let mut last = first;
        i += 1;
        while let Some(unit) = units.get(i) {
            let text = &paragraph[first.bytes.start..unit.bytes.end];
            if !fits(limits, text, unit.chars.end - first.chars.start) {
                break;
            }
            last = unit;
            i += 1;
        }
        emit(
            first.bytes.start..last.bytes.end,
            first.chars.start..last.chars.end,
            end_of(i),
        );
    }
}

/// Emits `unit` cut between words, as many words per segment as fit; the last piece ends with
/// `last`, the others with [`Delimiter::Word`]. A word that alone does not fit is a segment.
/// The words of a quotation in `quotes` count as one word, so the quotation stays whole, and so
/// does an abbreviation with the word after it ("Mr. Holmes").
fn split_words(
    paragraph: &str,
    unit: &Unit,
    quotes: &[Range<usize>],
    limits: &EngineLimits,
    last: Delimiter,
    emit: &mut Emit<'_>,
) {
    // The piece being built, as (start byte, start char) and (end byte, end char).
    let mut piece: Option<((usize, usize), (usize, usize))> = None;
    let mut add_word = |start: (usize, usize), end: (usize, usize)| match piece {
        Some((from, _)) if fits(limits, &paragraph[from.0..end.0], end.1 - from.1) => {
            piece = Some((from, end));
        }
        Some((from, to)) => {
            emit(from.0..to.0, from.1..to.1, Delimiter::Word);
            piece = Some((start, end));
        }
        None => piece = Some((start, end)),
    };
    let mut word_start: Option<(usize, usize)> = None;
    let mut quote = quotes.partition_point(|quote| quote.end <= unit.bytes.start);
    let chars = (unit.chars.start..).zip(paragraph[unit.bytes.clone()].char_indices());
    for (char, (offset, c)) in chars {
        let byte = unit.bytes.start + offset;
        while quotes.get(quote).is_some_and(|q| q.end <= byte) {
            quote += 1;
        }
        let in_quote = quotes.get(quote).is_some_and(|q| q.start < byte);
        match (c.is_whitespace() && !in_quote, word_start) {
            (true, Some(start))
                if !ends_with_abbreviation(
                    paragraph[start.0..byte].trim_end(),
                    &paragraph[byte..],
                ) =>
            {
                add_word(start, (byte, char));
                word_start = None;
            }
            (false, None) => word_start = Some((byte, char)),
            _ => {}
        }
    }
    if let Some(start) = word_start {
        add_word(start, (unit.bytes.end, unit.chars.end));
    }
    if let Some((from, to)) = piece {
        emit(from.0..to.0, from.1..to.1, last);
    }
}
