//! `EngineVoices`: the `VoiceCatalogue` port on the real engines. espeak-ng's voices come from
//! running `espeak-ng --voices` once per process; Azure Speech's from its `voices/list` endpoint
//! and ElevenLabs' from `GET /v1/voices` when a key is configured, each kept for a day. Parsing
//! is `shared::cast::voices`.

use std::{
    process::Stdio,
    sync::Arc,
    time::{Duration, Instant},
};

use app::{
    api::{StoreError, VoiceCatalogue},
    error::Unavailable,
};
use async_trait::async_trait;
use shared::{cast::voices, CatalogueVoice, VoiceEngine};
use tokio::sync::{Mutex, OnceCell};

use crate::{
    config::{AzureSpeech, Config},
    speech::elevenlabs::ElevenLabs,
};

/// How long `espeak-ng --voices` may take.
const ESPEAK_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a call to Azure Speech may take, connection included.
const AZURE_TIMEOUT: Duration = Duration::from_secs(20);
/// How long Azure's voice list is reused before it is asked again.
pub const AZURE_CACHE_TTL: Duration = Duration::from_secs(24 * 60 * 60);
/// Largest voice-list answer read from Azure (the real one is a few MB).
const AZURE_MAX_BYTES: usize = 32 * 1024 * 1024;

/// The voice catalogue of the configured engines.
pub struct EngineVoices {
    espeak_program: String,
    espeak: OnceCell<Arc<Vec<CatalogueVoice>>>,
    azure: Option<AzureVoices>,
    elevenlabs: Option<ElevenLabsVoices>,
}

/// ElevenLabs' list, fetched when first asked and again once it is a day old.
struct ElevenLabsVoices {
    engine: ElevenLabs,
    cache: Mutex<Option<(Instant, Arc<Vec<CatalogueVoice>>)>>,
}

/// Azure Speech's list, fetched when first asked and again once it is older than its TTL.
struct AzureVoices {
    speech: AzureSpeech,
    client: reqwest::Client,
    ttl: Duration,
    cache: Mutex<Option<(Instant, Arc<Vec<CatalogueVoice>>)>>,
}

impl EngineVoices {
    /// The catalogue of the engines `config` names.
    ///
    /// # Errors
    /// When the HTTP client for Azure Speech cannot be built.
    pub fn new(config: &Config) -> anyhow::Result<Self> {
        let azure = match &config.azure_speech {
            Some(speech) => Some(AzureVoices {
                speech: speech.clone(),
                client: reqwest::Client::builder()
                    .user_agent(concat!("audiobook-studio/", env!("CARGO_PKG_VERSION")))
                    .timeout(AZURE_TIMEOUT)
                    .build()?,
                ttl: AZURE_CACHE_TTL,
                cache: Mutex::new(None),
            }),
            None => None,
        };
        let elevenlabs = match &config.elevenlabs {
            Some(account) => Some(ElevenLabsVoices {
                engine: ElevenLabs::new(account.clone(), config.speech_retry)?,
                cache: Mutex::new(None),
            }),
            None => None,
        };
        Ok(Self {
            espeak_program: config.espeak_program.clone(),
            espeak: OnceCell::new(),
            azure,
            elevenlabs,
        })
    }

    /// espeak-ng's voices, listed once: an installed espeak-ng that fails is asked again next
    /// time, a missing one is an empty list for the life of the process.
    async fn espeak(&self) -> Result<Arc<Vec<CatalogueVoice>>, StoreError> {
        self.espeak
            .get_or_try_init(|| async {
                list_espeak_voices(&self.espeak_program).await.map(Arc::new)
            })
            .await
            .cloned()
    }
}

#[async_trait]
impl VoiceCatalogue for EngineVoices {
    #[tracing::instrument(skip(self))]
    async fn voices(&self, engine: VoiceEngine) -> Result<Vec<CatalogueVoice>, StoreError> {
        let voices = match engine {
            VoiceEngine::Espeak => self.espeak().await?,
            VoiceEngine::Azure => match &self.azure {
                Some(azure) => azure.voices().await?,
                None => return Ok(Vec::new()),
            },
            VoiceEngine::ElevenLabs => match &self.elevenlabs {
                Some(elevenlabs) => elevenlabs.voices().await?,
                None => return Ok(Vec::new()),
            },
        };
        Ok(voices.as_ref().clone())
    }
}

/// Runs `program --voices` and parses its answer; a program that is not installed lists nothing.
async fn list_espeak_voices(program: &str) -> Result<Vec<CatalogueVoice>, StoreError> {
    let run = tokio::process::Command::new(program)
        .arg("--voices")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .output();
    let output = match tokio::time::timeout(ESPEAK_TIMEOUT, run).await {
        Err(_) => {
            tracing::warn!(program, "espeak-ng --voices timed out");
            return Err(StoreError::Unavailable(Unavailable::EspeakTimedOut {
                seconds: ESPEAK_TIMEOUT.as_secs(),
            }));
        }
        Ok(Err(err)) if err.kind() == std::io::ErrorKind::NotFound => {
            tracing::warn!(program, "espeak-ng is not installed: no espeak voices");
            return Ok(Vec::new());
        }
        Ok(Err(err)) => {
            tracing::warn!(program, error = %err, "espeak-ng could not be started");
            return Err(StoreError::Unavailable(Unavailable::EspeakNotStarted));
        }
        Ok(Ok(output)) => output,
    };
    if !output.status.success() {
        tracing::warn!(
            program,
            status = %output.status,
            stderr = %String::from_utf8_lossy(&output.stderr),
            "espeak-ng --voices failed"
        );
        return Err(StoreError::Unavailable(Unavailable::EspeakFailed));
    }
    let voices = voices::parse_espeak_voices(&String::from_utf8_lossy(&output.stdout));
    tracing::info!(count = voices.len(), "espeak-ng voices listed");
    Ok(voices)
}

impl AzureVoices {
    /// The cached list while it is fresh; otherwise a new one, or the stale one (with a warning)
    /// when Azure cannot give a new one.
    async fn voices(&self) -> Result<Arc<Vec<CatalogueVoice>>, StoreError> {
        // Held across the fetch, so concurrent requests make one call.
        let mut cache = self.cache.lock().await;
        if let Some((fetched, voices)) = cache.as_ref() {
            if fetched.elapsed() < self.ttl {
                return Ok(voices.clone());
            }
        }
        match self.fetch().await {
            Ok(voices) => {
                let voices = Arc::new(voices);
                *cache = Some((Instant::now(), voices.clone()));
                Ok(voices)
            }
            Err(err) => match cache.as_ref() {
                Some((_, stale)) => {
                    tracing::warn!(error = %err, "keeping a stale Azure voice list");
                    Ok(stale.clone())
                }
                None => Err(err),
            },
        }
    }

    async fn fetch(&self) -> Result<Vec<CatalogueVoice>, StoreError> {
        let url = self.speech.voices_list_url();
        let unreachable = |err: reqwest::Error| {
            tracing::warn!(error = %err, %url, "Azure Speech voice list failed");
            StoreError::Unavailable(Unavailable::AzureUnreachable)
        };
        let mut response = self
            .client
            .get(&url)
            .header("Ocp-Apim-Subscription-Key", &self.speech.key)
            .send()
            .await
            .map_err(unreachable)?;
        let status = response.status();
        if status == reqwest::StatusCode::UNAUTHORIZED || status == reqwest::StatusCode::FORBIDDEN {
            tracing::warn!(%status, %url, "Azure Speech refused the key");
            return Err(StoreError::Unavailable(Unavailable::AzureRefusedKey {
                status: status.to_string(),
            }));
        }
        if !status.is_success() {
            tracing::warn!(%status, %url, "Azure Speech voice list failed");
            return Err(StoreError::Unavailable(Unavailable::AzureFailed {
                status: status.to_string(),
            }));
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(unreachable)? {
            if body.len() + chunk.len() > AZURE_MAX_BYTES {
                return Err(StoreError::Unavailable(Unavailable::AzureTooLarge));
            }
            body.extend_from_slice(&chunk);
        }
        let voices =
            voices::parse_azure_voices(&String::from_utf8_lossy(&body)).map_err(|err| {
                tracing::warn!(error = %err, %url, "Azure Speech voice list unreadable");
                let voices::VoiceListError::Malformed {
                    line,
                    column,
                    reason,
                } = err;
                StoreError::Unavailable(Unavailable::AzureUnreadable {
                    line,
                    column,
                    detail: reason,
                })
            })?;
        tracing::info!(count = voices.len(), "Azure Speech voices listed");
        Ok(voices)
    }
}

impl ElevenLabsVoices {
    /// The cached list while it is a day old at most; otherwise a new one, or the stale one when
    /// ElevenLabs cannot give a new one.
    async fn voices(&self) -> Result<Arc<Vec<CatalogueVoice>>, StoreError> {
        let mut cache = self.cache.lock().await;
        if let Some((fetched, voices)) = cache.as_ref() {
            if fetched.elapsed() < AZURE_CACHE_TTL {
                return Ok(voices.clone());
            }
        }
        match self.engine.voices().await {
            Ok(voices) => {
                tracing::info!(count = voices.len(), "ElevenLabs voices listed");
                let voices = Arc::new(voices);
                *cache = Some((Instant::now(), voices.clone()));
                Ok(voices)
            }
            Err(failure) => match cache.as_ref() {
                Some((_, stale)) => Ok(stale.clone()),
                None => Err(StoreError::Unavailable(Unavailable::Speech {
                    engine: VoiceEngine::ElevenLabs,
                    failure,
                })),
            },
        }
    }
}
