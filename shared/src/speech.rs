//! What a text-to-speech engine is sent for one segment: the SSML document (or, for engines that
//! take none, the plain text) built from the segment's words, its speaker's [`Voice`] and the
//! project's [`PronunciationMap`], with the entries that were applied and where, and the key
//! under which the resulting clip is cached.
//!
//! [`Pronouncer`] finds the map's entries in a text in one pass (an Aho-Corasick automaton built
//! once per map and locale); [`render`] writes the document for a [`Dialect`]; [`ClipKey`] hashes
//! everything that changes the audio. Sits above `cast`, `plan` and `pronunciation`.

pub mod concordance;
pub mod key;
pub mod planner;
pub mod pronouncer;
mod ssml;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use key::{ClipKey, ClipSource};
pub use pronouncer::{Match, Pronouncer};

use crate::{
    cast::voice::{Voice, VoiceEngine},
    plan::limits::EngineLimits,
    text::language::Language,
};

/// The form of input an engine takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dialect {
    /// Azure Speech SSML: voice name, `mstts:express-as`, prosody, IPA phonemes.
    Azure,
    /// espeak-ng SSML: prosody, espeak phoneme mnemonics or a respelling (it ignores IPA).
    Espeak,
    /// Plain text (ElevenLabs takes no SSML): an entry becomes its respelling.
    Plain,
}

impl Dialect {
    /// The dialect an engine takes.
    pub fn of(engine: VoiceEngine) -> Self {
        match engine {
            VoiceEngine::Espeak => Dialect::Espeak,
            VoiceEngine::Azure => Dialect::Azure,
            VoiceEngine::ElevenLabs => Dialect::Plain,
        }
    }
}

/// How an applied entry reached the engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// As IPA (`<phoneme alphabet="ipa">`).
    Ipa,
    /// As espeak-ng phoneme mnemonics (`<phoneme alphabet="espeak"/>`).
    Espeak,
    /// As its respelling (`<sub alias>`, or the respelling in place of the word).
    Respelling,
}

/// One pronunciation entry applied to the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applied {
    /// Start of the word in the text, in characters.
    pub start: usize,
    /// End of the word (exclusive), in characters.
    pub end: usize,
    /// The entry's written form.
    pub grapheme: String,
    /// How it was sent.
    pub form: Form,
}

/// What one engine request carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rendering {
    /// The document's dialect.
    pub dialect: Dialect,
    /// The SSML document, or the plain text for [`Dialect::Plain`].
    pub document: String,
    /// The entries applied, in text order.
    pub applied: Vec<Applied>,
    /// Entries found in the text that this dialect cannot say (an espeak-ng voice and an entry
    /// with neither an espeak-ng string nor a respelling): their words are read as written.
    pub unsaid: Vec<Match>,
    /// Estimated seconds of audio.
    pub seconds: f64,
    /// The characters an engine bills for this request: Azure bills what it receives inside
    /// `<voice>` (the markup of styles, prosody and phonemes included), the others the text.
    pub billable_chars: usize,
}

/// Why a text cannot be sent to an engine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum SpeechError {
    /// Nothing to say.
    #[error("the text is empty")]
    Empty,
    /// The document is larger than one request may carry.
    #[error("the request has {bytes} bytes, over the limit of {max}")]
    TooManyBytes {
        /// Its size.
        bytes: usize,
        /// The project's limit.
        max: usize,
    },
    /// The audio would be longer than one request may produce.
    #[error("the audio would last about {seconds} s, over the limit of {max} s")]
    TooLong {
        /// The estimate, rounded up.
        seconds: u32,
        /// The project's limit.
        max: u32,
    },
}

/// What to say, with whose voice.
#[derive(Debug, Clone, Copy)]
pub struct Utterance<'a> {
    /// The words.
    pub text: &'a str,
    /// The voice.
    pub voice: &'a Voice,
    /// The project's language, for voices whose name tells none.
    pub language: Language,
}

/// The document for `utterance` in `dialect`, with `pronouncer`'s entries applied, checked
/// against `limits` before any engine sees it.
///
/// # Errors
/// [`SpeechError::Empty`] for blank text; `TooManyBytes` or `TooLong` when it does not fit.
pub fn render(
    utterance: Utterance<'_>,
    dialect: Dialect,
    pronouncer: &Pronouncer,
    limits: &EngineLimits,
) -> Result<Rendering, SpeechError> {
    if utterance.text.trim().is_empty() {
        return Err(SpeechError::Empty);
    }
    let matches = pronouncer.find(utterance.text);
    let locale = voice_locale(utterance.voice, utterance.language);
    let ssml::Written {
        document,
        applied,
        unsaid,
        billable_chars,
    } = ssml::write(utterance, &locale, dialect, &matches);
    if document.len() > limits.max_ssml_bytes {
        return Err(SpeechError::TooManyBytes {
            bytes: document.len(),
            max: limits.max_ssml_bytes,
        });
    }
    let seconds = estimate_seconds(utterance.text, utterance.voice, limits);
    let rounded = seconds.ceil() as u32;
    if rounded > limits.max_audio_seconds {
        return Err(SpeechError::TooLong {
            seconds: rounded,
            max: limits.max_audio_seconds,
        });
    }
    Ok(Rendering {
        dialect,
        document,
        applied,
        unsaid,
        seconds,
        billable_chars,
    })
}

/// Seconds of audio for `text` at the project's reading speed, scaled by the voice's rate.
pub fn estimate_seconds(text: &str, voice: &Voice, limits: &EngineLimits) -> f64 {
    let at_default = crate::plan::limits::SegmentStats::of(text, limits).seconds;
    at_default / (1.0 + f64::from(voice.rate) / 100.0).max(0.1)
}

/// The locale a voice speaks, for `xml:lang` and for choosing pronunciation entries: the region
/// of an Azure name (`es-ES-ElviraNeural` → `es-ES`), an espeak-ng voice without its variant
/// (`en-gb+f3` → `en-gb`), else the project's language.
pub fn voice_locale(voice: &Voice, language: Language) -> String {
    let id = voice.voice_id.split('+').next().unwrap_or_default();
    let mut subtags = id.split('-');
    let primary = subtags.next().unwrap_or_default();
    let primary_ok =
        (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic());
    if !primary_ok || id.contains('/') {
        return language.code().to_owned();
    }
    match subtags.next() {
        Some(region)
            if (region.len() == 2 && region.chars().all(|c| c.is_ascii_alphabetic()))
                || (region.len() == 3 && region.chars().all(|c| c.is_ascii_digit())) =>
        {
            format!("{primary}-{region}")
        }
        _ => primary.to_owned(),
    }
}
