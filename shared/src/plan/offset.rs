//! Cursor conversions: the browser reports UTF-16 indices, the plan counts characters.
//! Also snaps a cursor to the nearest word boundary, so a split never cuts a word in two.

#[cfg(test)]
mod tests;

use crate::plan::error::SegmentError;

/// Converts a UTF-16 code-unit index in `text` (a textarea's `selectionStart`) to a character index.
///
/// # Errors
/// [`SegmentError::OffsetPastEnd`] past the end (len in UTF-16 units),
/// [`SegmentError::OffsetInsideCharacter`] between the halves of a surrogate pair.
pub fn char_offset_from_utf16(text: &str, utf16: usize) -> Result<usize, SegmentError> {
    let mut units = 0;
    let mut chars = 0;
    for c in text.chars() {
        if units == utf16 {
            return Ok(chars);
        }
        units += c.len_utf16();
        chars += 1;
        if units > utf16 {
            return Err(SegmentError::OffsetInsideCharacter { offset: utf16 });
        }
    }
    if units == utf16 {
        Ok(chars)
    } else {
        Err(SegmentError::OffsetPastEnd {
            offset: utf16,
            len: units,
        })
    }
}

/// Converts a character index in `text` to a UTF-16 code-unit index (to place a cursor).
/// An index past the end gives the end.
pub fn utf16_from_char_offset(text: &str, chars: usize) -> usize {
    text.chars().take(chars).map(char::len_utf16).sum()
}

/// Snaps a character offset to the nearest boundary between a word and whitespace (or punctuation
/// followed by whitespace), preferring the earlier one on a tie. Returns an offset in `0..=len`.
///
/// Words are runs of non-whitespace, so punctuation stays with its word (`"Hola,"`). The start and
/// the end of the text are boundaries, and so is any offset inside a run of whitespace (a split
/// there trims the whitespace away). An offset past the end is taken as the end.
pub fn snap_to_word_boundary(text: &str, chars: usize) -> usize {
    // `word_start` is where the word at the cursor starts: just after the last whitespace seen
    // before the cursor (or 0).
    let mut word_start = 0;
    let mut len = 0;
    let mut chars_iter = text.chars().enumerate();
    for (i, c) in chars_iter.by_ref() {
        if i == chars {
            if c.is_whitespace() || i == word_start {
                return chars;
            }
            // The cursor is inside a word: find where that word ends.
            let mut word_end = i + 1;
            for (j, c) in chars_iter {
                if c.is_whitespace() {
                    break;
                }
                word_end = j + 1;
            }
            return if chars - word_start <= word_end - chars {
                word_start
            } else {
                word_end
            };
        }
        if c.is_whitespace() {
            word_start = i + 1;
        }
        len = i + 1;
    }
    // The cursor is at or past the end.
    len
}
