//! `ChapterText`: a chapter's text, accepted only when it is UTF-8, not blank and not oversize.
//! Offsets into it count Unicode scalar values; `slice_chars` turns them into a `&str`.

#[cfg(test)]
mod tests;

use crate::plan::error::SegmentError;

/// The text of one chapter, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChapterText(String);

impl ChapterText {
    /// Largest chapter accepted, in bytes (20 MB).
    pub const MAX_BYTES: usize = 20 * 1024 * 1024;

    /// Accepts untrusted text.
    ///
    /// # Errors
    /// [`SegmentError::EmptyChapter`] for blank text, [`SegmentError::ChapterTooLarge`] over
    /// [`Self::MAX_BYTES`].
    pub fn parse(text: String) -> Result<Self, SegmentError> {
        check_size(text.len())?;
        if text.trim().is_empty() {
            return Err(SegmentError::EmptyChapter);
        }
        Ok(Self(text))
    }

    /// Accepts untrusted bytes (an upload), which must be UTF-8.
    ///
    /// # Errors
    /// As [`Self::parse`], plus [`SegmentError::NotUtf8`].
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Self, SegmentError> {
        // The size is checked first so that an oversize upload is not decoded at all.
        check_size(bytes.len())?;
        let text = String::from_utf8(bytes).map_err(|error| SegmentError::NotUtf8 {
            byte: error.utf8_error().valid_up_to(),
        })?;
        Self::parse(text)
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Length in characters (Unicode scalar values).
    pub fn char_len(&self) -> usize {
        self.0.chars().count()
    }
}

/// The characters `start..end` of `text`, or `None` when the range is reversed or past the end.
///
/// Runs in time proportional to `end` and does not allocate.
pub fn slice_chars(text: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    let from = advance_chars(text, 0, start)?;
    let to = advance_chars(text, from, end - start)?;
    text.get(from..to)
}

/// The byte index `chars` characters after byte index `from` (a character boundary of `text`),
/// or `None` when the text ends first. `text.len()` is returned for the exact end.
pub(crate) fn advance_chars(text: &str, from: usize, chars: usize) -> Option<usize> {
    // Counting the bytes that start a character in fixed-size blocks, with a byte-sized counter,
    // lets the compiler vectorise the scan (tens of GB/s); this is what keeps `validate` and
    // merges fast on long chapters. A block of 128 bytes cannot overflow the `u8` counter.
    const BLOCK: usize = 128;
    let bytes = text.as_bytes();
    let mut pos = from;
    let mut left = chars;
    for block in bytes.get(from..).unwrap_or_default().chunks_exact(BLOCK) {
        let mut starts: u8 = 0;
        for &byte in block {
            starts += u8::from(is_char_start(byte));
        }
        let starts = usize::from(starts);
        if starts > left {
            break;
        }
        left -= starts;
        pos += BLOCK;
    }
    while let Some(&byte) = bytes.get(pos) {
        if is_char_start(byte) {
            if left == 0 {
                return Some(pos);
            }
            left -= 1;
        }
        pos += 1;
    }
    (left == 0).then_some(bytes.len())
}

/// Whether a UTF-8 byte begins a character (it is not a continuation byte `0b10xx_xxxx`).
fn is_char_start(byte: u8) -> bool {
    (byte as i8) >= -0x40
}

fn check_size(bytes: usize) -> Result<(), SegmentError> {
    if bytes > ChapterText::MAX_BYTES {
        return Err(SegmentError::ChapterTooLarge {
            bytes,
            max_bytes: ChapterText::MAX_BYTES,
        });
    }
    Ok(())
}
