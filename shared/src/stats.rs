//! `SegmentStats`: the live counters shown under the editor (words, characters, KB, seconds).
//! The same numbers decide whether a segment fits the engine, so browser and server agree.

use unicode_segmentation::UnicodeSegmentation;

use crate::limits::EngineLimits;

/// Size and reading time of a piece of text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SegmentStats {
    /// Words, by Unicode word boundaries (UAX #29).
    pub words: usize,
    /// Characters (Unicode scalar values).
    pub chars: usize,
    /// UTF-8 bytes of the text itself.
    pub bytes: usize,
    /// Estimated SSML bytes: the text's bytes plus the engine's markup overhead, rounded up.
    pub ssml_bytes: usize,
    /// Estimated seconds of audio at the engine's words per minute.
    pub seconds: f64,
}

impl SegmentStats {
    /// Measures `text` against `limits`.
    pub fn of(text: &str, limits: &EngineLimits) -> Self {
        let words = text.unicode_words().count();
        let bytes = text.len();
        let ssml_bytes = (bytes as f64 * (1.0 + limits.ssml_overhead)).ceil() as usize;
        let seconds = words as f64 * 60.0 / f64::from(limits.words_per_minute.max(1));
        Self {
            words,
            chars: text.chars().count(),
            bytes,
            ssml_bytes,
            seconds,
        }
    }

    /// Estimated SSML size in kilobytes (KiB), as shown to the producer.
    pub fn kilobytes(&self) -> f64 {
        self.ssml_bytes as f64 / 1024.0
    }
}
