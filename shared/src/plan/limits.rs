//! `EngineLimits`: what one text-to-speech request may hold, as data so each project can set its
//! own (the defaults are our margin under Azure Speech's documented limits: 64 KB SSML, 10 minutes
//! of audio), and `SegmentStats`, the editor's live counters, from which `check` decides what fits.

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use crate::plan::{error::SegmentError, segment::SegmentId};

/// Limits of the voice engine a plan is made for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EngineLimits {
    /// Largest SSML document, in bytes, that one request may carry (overhead included).
    pub max_ssml_bytes: usize,
    /// Share of the text's size that SSML markup adds (0.15 = 15 %).
    pub ssml_overhead: f64,
    /// The size the segmenter aims for, in characters; a paragraph longer than this is cut.
    pub recommended_chars: usize,
    /// Reading speed used to estimate durations.
    pub words_per_minute: u32,
    /// Most audio one request may produce, in seconds.
    pub max_audio_seconds: u32,
}

impl Default for EngineLimits {
    fn default() -> Self {
        Self {
            max_ssml_bytes: 48 * 1024,
            ssml_overhead: 0.15,
            recommended_chars: 1_500,
            words_per_minute: 150,
            max_audio_seconds: 600,
        }
    }
}

impl EngineLimits {
    /// Checks that `text`, read as segment `id`, fits one engine request.
    ///
    /// # Errors
    /// [`SegmentError::EmptyText`] for blank text, [`SegmentError::OverByteLimit`] or
    /// [`SegmentError::OverAudioLimit`] when it does not fit.
    pub fn check(&self, id: SegmentId, text: &str) -> Result<(), SegmentError> {
        if text.trim().is_empty() {
            return Err(SegmentError::EmptyText { id });
        }
        let stats = SegmentStats::of(text, self);
        if stats.ssml_bytes > self.max_ssml_bytes {
            return Err(SegmentError::OverByteLimit {
                id,
                bytes: stats.ssml_bytes,
                max_bytes: self.max_ssml_bytes,
            });
        }
        let seconds = stats.seconds.ceil() as u32;
        if seconds > self.max_audio_seconds {
            return Err(SegmentError::OverAudioLimit {
                id,
                seconds,
                max_seconds: self.max_audio_seconds,
            });
        }
        Ok(())
    }

    /// The same answer as [`Self::check`], without counting words when the text is clearly
    /// small enough (a text has no more words than characters). Checking a long chapter's
    /// segments this way costs little more than reading them.
    pub(crate) fn check_text(&self, id: SegmentId, text: &str) -> Result<(), SegmentError> {
        if self.surely_fits(text.len(), text.chars().count()) && !text.trim().is_empty() {
            Ok(())
        } else {
            self.check(id, text)
        }
    }

    /// Whether any non-blank text of `bytes` bytes and `chars` characters passes
    /// [`Self::check`]: the size test is exact, and the duration test assumes one word per
    /// character, an upper bound.
    pub(crate) fn surely_fits(&self, bytes: usize, chars: usize) -> bool {
        let ssml_bytes = (bytes as f64 * (1.0 + self.ssml_overhead)).ceil() as usize;
        let seconds = chars as f64 * 60.0 / f64::from(self.words_per_minute.max(1));
        ssml_bytes <= self.max_ssml_bytes && seconds.ceil() as u32 <= self.max_audio_seconds
    }
}

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
