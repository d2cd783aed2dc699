//! ElevenLabs through its REST API: `POST {endpoint}/v1/text-to-speech/{voice_id}` with the
//! `xi-api-key` header, the model and the voice settings, answered as raw 24 kHz 16-bit PCM that
//! becomes a WAV here. It takes no SSML: the document is the plain text `shared::speech` writes,
//! where a pronunciation entry is its respelling.
//!
//! A voice's settings map onto ElevenLabs' own: the rate onto `speed` (0.7–1.2, its range), the
//! style degree above 1 onto `style` exaggeration (0–1); a pitch change has no equivalent.

use app::error::SpeechFailure;
use async_trait::async_trait;
use reqwest::header::{ACCEPT, CONTENT_TYPE};
use serde_json::json;
use shared::{cast::voices, CatalogueVoice, Voice, VoiceEngine};

use super::{cloud, wav, Audio, EngineIdentity, SpeechEngine};
use crate::{config::ElevenLabsConfig, retry::RetryPolicy};

/// The audio format asked for, and its sample rate.
pub const OUTPUT_FORMAT: &str = "pcm_24000";
const SAMPLE_RATE: u32 = 24_000;
/// ElevenLabs' range of speaking speeds.
const SPEED: std::ops::RangeInclusive<f64> = 0.7..=1.2;

/// An ElevenLabs account.
pub struct ElevenLabs {
    config: ElevenLabsConfig,
    client: reqwest::Client,
    retry: RetryPolicy,
}

impl ElevenLabs {
    /// The engine of `config`, trying a failed request again as `retry` says.
    ///
    /// # Errors
    /// When the HTTP client cannot be built.
    pub fn new(config: ElevenLabsConfig, retry: RetryPolicy) -> reqwest::Result<Self> {
        Ok(Self {
            config,
            client: cloud::client()?,
            retry,
        })
    }
}

/// Whether `id` can stand in the URL's path as it is (ElevenLabs' ids are letters and digits).
fn plausible_voice(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric())
}

/// The request body: the text, the model and `voice`'s settings in ElevenLabs' terms.
pub fn body(text: &str, model: &str, voice: &Voice) -> serde_json::Value {
    let speed = (1.0 + f64::from(voice.rate) / 100.0).clamp(*SPEED.start(), *SPEED.end());
    let style = (f64::from(voice.style_degree) - 1.0).clamp(0.0, 1.0);
    json!({
        "text": text,
        "model_id": model,
        "voice_settings": {
            "stability": 0.5,
            "similarity_boost": 0.75,
            "style": (style * 100.0).round() / 100.0,
            "use_speaker_boost": true,
            "speed": (speed * 100.0).round() / 100.0,
        },
    })
}

impl ElevenLabs {
    /// The account's voices (`GET /v1/voices`).
    ///
    /// # Errors
    /// What went wrong, as the page words it.
    pub async fn voices(&self) -> Result<Vec<CatalogueVoice>, SpeechFailure> {
        let url = format!("{}/v1/voices", self.config.base_url());
        let body = cloud::send(&self.retry, "elevenlabs", || {
            self.client
                .get(&url)
                .header("xi-api-key", &self.config.key)
                .header(ACCEPT, "application/json")
        })
        .await?;
        voices::parse_elevenlabs_voices(&String::from_utf8_lossy(&body)).map_err(|err| {
            tracing::warn!(error = %err, "ElevenLabs voice list unreadable");
            SpeechFailure::UnreadableAnswer
        })
    }
}

#[async_trait]
impl SpeechEngine for ElevenLabs {
    fn engine(&self) -> VoiceEngine {
        VoiceEngine::ElevenLabs
    }

    async fn identity(&self) -> Result<EngineIdentity, SpeechFailure> {
        Ok(EngineIdentity {
            version: self.config.model.clone(),
            format: OUTPUT_FORMAT.to_owned(),
        })
    }

    async fn synthesize(&self, voice: &Voice, document: &str) -> Result<Audio, SpeechFailure> {
        let unknown = || SpeechFailure::UnknownVoice {
            voice: voice.voice_id.clone(),
        };
        if !plausible_voice(&voice.voice_id) {
            return Err(unknown());
        }
        let url = format!(
            "{}/v1/text-to-speech/{}",
            self.config.base_url(),
            voice.voice_id
        );
        let body = body(document, &self.config.model, voice);
        let pcm = cloud::send(&self.retry, "elevenlabs", || {
            self.client
                .post(&url)
                .query(&[("output_format", OUTPUT_FORMAT)])
                .header("xi-api-key", &self.config.key)
                .header(CONTENT_TYPE, "application/json")
                .header(ACCEPT, "audio/pcm")
                .json(&body)
        })
        .await
        .map_err(|failure| match failure {
            SpeechFailure::Rejected { status: 404 } => unknown(),
            other => other,
        })?;
        let bytes = wav::from_pcm(&pcm, SAMPLE_RATE).map_err(|err| {
            tracing::warn!(error = %err, "ElevenLabs sent no usable audio");
            SpeechFailure::BadAudio
        })?;
        let seconds = wav::check(&bytes).map_err(|_| SpeechFailure::BadAudio)?;
        Ok(Audio { bytes, seconds })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn voice_settings_map_onto_elevenlabs_ranges() {
        let mut voice = Voice::default_for(shared::Language::En);
        voice.rate = 10;
        voice.style_degree = 1.5;
        let sent = body("Hello.", "eleven_multilingual_v2", &voice);
        assert_eq!(sent["voice_settings"]["speed"], 1.1);
        assert_eq!(sent["voice_settings"]["style"], 0.5);
        assert_eq!(sent["model_id"], "eleven_multilingual_v2");

        voice.rate = -50;
        voice.style_degree = 0.5;
        let sent = body("Hello.", "m", &voice);
        assert_eq!(sent["voice_settings"]["speed"], 0.7);
        assert_eq!(sent["voice_settings"]["style"], 0.0);
    }

    #[test]
    fn only_letters_and_digits_make_a_voice_id() {
        assert!(plausible_voice("JBFqnCBsd6RMkjVDRZzb"));
        assert!(!plausible_voice("../v1/user"));
        assert!(!plausible_voice(""));
    }
}
