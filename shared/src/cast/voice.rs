//! `Voice`: how one cast member sounds (engine, voice, style, rate, pitch), with its bounds, and
//! `VoiceEngine`, the text-to-speech engines a voice can come from.

use serde::{Deserialize, Serialize};

use crate::{cast::error::CastError, text::language::Language};

/// A text-to-speech engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum VoiceEngine {
    /// espeak-ng, local and free: the default.
    #[default]
    Espeak,
    /// Azure Speech, through its REST API.
    Azure,
    /// ElevenLabs, through its REST API (no SSML: pronunciations go as respellings).
    ElevenLabs,
}

impl VoiceEngine {
    /// The lowercase name used in forms and settings.
    pub fn as_str(self) -> &'static str {
        match self {
            VoiceEngine::Espeak => "espeak",
            VoiceEngine::Azure => "azure",
            VoiceEngine::ElevenLabs => "elevenlabs",
        }
    }

    /// Every engine, in the order the page offers them.
    pub const ALL: [VoiceEngine; 3] = [
        VoiceEngine::Espeak,
        VoiceEngine::Azure,
        VoiceEngine::ElevenLabs,
    ];

    /// The engine named `name` ([`VoiceEngine::as_str`]).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|engine| engine.as_str() == name)
    }
}

/// How one cast member sounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Voice {
    /// The engine that renders it.
    pub engine: VoiceEngine,
    /// The engine's voice name (`en-gb`, `es-ES-ElviraNeural`).
    pub voice_id: String,
    /// Speaking style (Azure `mstts:express-as`), if any.
    #[serde(default)]
    pub style: Option<String>,
    /// Intensity of the style, from [`Voice::STYLE_DEGREE`] bounds.
    pub style_degree: f32,
    /// Speaking rate change, in percent (0 = the voice's default).
    pub rate: i32,
    /// Pitch change, in percent (0 = the voice's default).
    pub pitch: i32,
}

impl Voice {
    /// Accepted style degrees (Azure's documented range).
    pub const STYLE_DEGREE: std::ops::RangeInclusive<f32> = 0.01..=2.0;
    /// Accepted rate changes, in percent.
    pub const RATE: std::ops::RangeInclusive<i32> = -50..=100;
    /// Accepted pitch changes, in percent.
    pub const PITCH: std::ops::RangeInclusive<i32> = -50..=50;

    /// The default espeak-ng voice for a language.
    pub fn default_for(language: Language) -> Self {
        Self {
            engine: VoiceEngine::Espeak,
            voice_id: language.code().to_owned(),
            style: None,
            style_degree: 1.0,
            rate: 0,
            pitch: 0,
        }
    }

    /// Checks every bound.
    ///
    /// # Errors
    /// The first [`CastError`] found.
    pub fn validate(&self) -> Result<(), CastError> {
        if self.voice_id.trim().is_empty() {
            return Err(CastError::EmptyVoiceId);
        }
        if !Self::STYLE_DEGREE.contains(&self.style_degree) {
            return Err(CastError::StyleDegreeOutOfRange {
                value: self.style_degree,
            });
        }
        if !Self::RATE.contains(&self.rate) {
            return Err(CastError::RateOutOfRange { value: self.rate });
        }
        if !Self::PITCH.contains(&self.pitch) {
            return Err(CastError::PitchOutOfRange { value: self.pitch });
        }
        Ok(())
    }

    /// Whether two voices would sound the same (same engine, voice, style and prosody).
    pub fn sounds_like(&self, other: &Voice) -> bool {
        self.engine == other.engine
            && self.voice_id == other.voice_id
            && self.style == other.style
            && self.rate == other.rate
            && self.pitch == other.pitch
    }
}
