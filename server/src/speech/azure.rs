//! Azure Speech through its REST API: the SSML `shared::speech` writes, posted to
//! `{endpoint}/cognitiveservices/v1` with the resource key, answered as a 24 kHz 16-bit mono WAV.
//! The voice, its style and prosody are in the document; Azure rejects (400) a document with a
//! voice it lacks or a phone it does not know, and ignores a style the voice lacks.

use app::error::SpeechFailure;
use async_trait::async_trait;
use reqwest::header::{CONTENT_TYPE, USER_AGENT};
use shared::{Voice, VoiceEngine};

use super::{cloud, wav, Audio, EngineIdentity, SpeechEngine};
use crate::{config::AzureSpeech, retry::RetryPolicy};

/// The audio format asked for: WAV with a header, Azure's neural voices' own rate.
pub const OUTPUT_FORMAT: &str = "riff-24khz-16bit-mono-pcm";
/// The REST API's path, also the engine version in every clip's key.
const SYNTHESIS_PATH: &str = "/cognitiveservices/v1";
/// Sent with every request, as Azure requires.
pub const USER_AGENT_VALUE: &str = concat!("audiobook-studio/", env!("CARGO_PKG_VERSION"));

/// An Azure Speech resource.
pub struct Azure {
    speech: AzureSpeech,
    client: reqwest::Client,
    retry: RetryPolicy,
}

impl Azure {
    /// The engine of `speech`, trying a failed request again as `retry` says.
    ///
    /// # Errors
    /// When the HTTP client cannot be built.
    pub fn new(speech: AzureSpeech, retry: RetryPolicy) -> reqwest::Result<Self> {
        Ok(Self {
            speech,
            client: cloud::client()?,
            retry,
        })
    }
}

#[async_trait]
impl SpeechEngine for Azure {
    fn engine(&self) -> VoiceEngine {
        VoiceEngine::Azure
    }

    async fn identity(&self) -> Result<EngineIdentity, SpeechFailure> {
        Ok(EngineIdentity {
            version: SYNTHESIS_PATH.to_owned(),
            format: OUTPUT_FORMAT.to_owned(),
        })
    }

    async fn synthesize(&self, _voice: &Voice, document: &str) -> Result<Audio, SpeechFailure> {
        let url = format!("{}{SYNTHESIS_PATH}", self.speech.base_url());
        let bytes = cloud::send(&self.retry, "azure", || {
            self.client
                .post(&url)
                .header("Ocp-Apim-Subscription-Key", &self.speech.key)
                .header("X-Microsoft-OutputFormat", OUTPUT_FORMAT)
                .header(CONTENT_TYPE, "application/ssml+xml")
                .header(USER_AGENT, USER_AGENT_VALUE)
                .body(document.to_owned())
        })
        .await?;
        let seconds = wav::check(&bytes).map_err(|err| {
            tracing::warn!(error = %err, "Azure Speech sent audio that is not a whole WAV");
            SpeechFailure::BadAudio
        })?;
        Ok(Audio { bytes, seconds })
    }
}
