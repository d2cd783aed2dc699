//! `Config`: everything the server reads from its environment, in one typed place.
//! This is the only module that reads environment variables.

use std::{fmt, net::SocketAddr, time::Duration};

use anyhow::Context;

mod audio;

pub use audio::{AudioBucket, AudioStore};

use crate::retry::RetryPolicy;

/// The server's settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where to listen (`STUDIO_ADDR`, default `127.0.0.1:3000`; port 0 picks a free one).
    pub address: SocketAddr,
    /// Database URL (`DATABASE_URL`, default `sqlite://studio.db?mode=rwc`); `postgres://` works too.
    pub database_url: String,
    /// Directory with the built `pkg/` assets (`STUDIO_SITE_ROOT`, default `target/site`).
    pub site_root: String,
    /// Whether an empty database gets the demo projects (`STUDIO_DEMO`, default `true`).
    pub seed_demo: bool,
    /// The espeak-ng program whose `--voices` lists its voices (`STUDIO_ESPEAK_PROGRAM`, default
    /// `espeak-ng`, found on `PATH`).
    pub espeak_program: String,
    /// How many espeak-ng processes may render at once (`STUDIO_ESPEAK_PROCESSES`, default the
    /// number of cores).
    pub espeak_processes: usize,
    /// The ffmpeg program that encodes chapter renders (`STUDIO_FFMPEG_PROGRAM`, default `ffmpeg`,
    /// found on `PATH`).
    pub ffmpeg_program: String,
    /// The pdftotext program that reads PDF manuscripts (`STUDIO_PDFTOTEXT_PROGRAM`, default
    /// `pdftotext`, found on `PATH`).
    pub pdftotext_program: String,
    /// Where the audio cache keeps its clips: a local folder (`STUDIO_AUDIO_DIR`, default
    /// `audio`), or an S3-compatible bucket when `STUDIO_AUDIO_BUCKET` is set ([`AudioBucket`]).
    pub audio_store: AudioStore,
    /// Most bytes of audio the cache keeps before evicting the least recently used clips
    /// (`STUDIO_AUDIO_CACHE_MB`, default 2048).
    pub audio_cache_bytes: u64,
    /// Azure Speech, when `STUDIO_AZURE_SPEECH_KEY` and `STUDIO_AZURE_SPEECH_REGION` are set.
    pub azure_speech: Option<AzureSpeech>,
    /// ElevenLabs, when `STUDIO_ELEVENLABS_API_KEY` is set.
    pub elevenlabs: Option<ElevenLabsConfig>,
    /// The planner's price per million billed characters of each engine, in US dollars:
    /// `STUDIO_PRICE_AZURE` (default 16, neural voices pay-as-you-go) and
    /// `STUDIO_PRICE_ELEVENLABS` (default 100, Multilingual v2); espeak-ng is free.
    pub prices: Vec<(shared::VoiceEngine, f64)>,
    /// How the cloud speech engines try a failed request again (not read from the environment:
    /// four attempts, 1 s, 2 s, 4 s or the service's `Retry-After`).
    pub speech_retry: RetryPolicy,
    /// Hourly allowances of rendered clips and speaker jobs, per user and per organisation.
    pub usage: crate::usage::UsageLimits,
    /// The LLM speaker engine, when `STUDIO_LLM_PROVIDER` is set ([`LlmConfig::from_env`]);
    /// without it the page assigns speakers with the rule engine.
    pub llm: Option<LlmConfig>,
    /// How durable jobs are claimed and kept ([`crate::jobs::JobSettings`]).
    pub jobs: crate::jobs::JobSettings,
}

/// An Azure Speech resource. `Debug` does not show the key.
#[derive(Clone)]
pub struct AzureSpeech {
    /// The resource key, sent as `Ocp-Apim-Subscription-Key` (`STUDIO_AZURE_SPEECH_KEY`).
    pub key: String,
    /// The resource's region, e.g. `westeurope` (`STUDIO_AZURE_SPEECH_REGION`).
    pub region: String,
    /// Base URL replacing `https://{region}.tts.speech.microsoft.com`
    /// (`STUDIO_AZURE_SPEECH_ENDPOINT`; tests point it at a local stub).
    pub endpoint: Option<String>,
}

impl AzureSpeech {
    /// The base URL of the text-to-speech service, without a trailing slash.
    pub fn base_url(&self) -> String {
        match &self.endpoint {
            Some(endpoint) => endpoint.trim_end_matches('/').to_owned(),
            None => format!("https://{}.tts.speech.microsoft.com", self.region),
        }
    }

    /// The URL of the voices list.
    pub fn voices_list_url(&self) -> String {
        format!("{}/cognitiveservices/voices/list", self.base_url())
    }
}

/// An ElevenLabs account. `Debug` does not show the key.
#[derive(Clone)]
pub struct ElevenLabsConfig {
    /// The API key, sent as `xi-api-key` (`STUDIO_ELEVENLABS_API_KEY`).
    pub key: String,
    /// The model (`STUDIO_ELEVENLABS_MODEL`, default `eleven_multilingual_v2`).
    pub model: String,
    /// Base URL replacing `https://api.elevenlabs.io` (`STUDIO_ELEVENLABS_ENDPOINT`; tests point
    /// it at a local stub).
    pub endpoint: Option<String>,
}

impl ElevenLabsConfig {
    /// The model used when none is configured.
    pub const DEFAULT_MODEL: &'static str = "eleven_multilingual_v2";

    /// The API's base URL, without a trailing slash.
    pub fn base_url(&self) -> String {
        self.endpoint
            .as_deref()
            .unwrap_or("https://api.elevenlabs.io")
            .trim_end_matches('/')
            .to_owned()
    }
}

impl fmt::Debug for ElevenLabsConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ElevenLabsConfig")
            .field("key", &"<redacted>")
            .field("model", &self.model)
            .field("endpoint", &self.endpoint)
            .finish()
    }
}

impl fmt::Debug for AzureSpeech {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AzureSpeech")
            .field("key", &"<redacted>")
            .field("region", &self.region)
            .field("endpoint", &self.endpoint)
            .finish()
    }
}

impl Config {
    /// Reads the configuration from the environment.
    ///
    /// # Errors
    /// When a variable is set but cannot be parsed.
    pub fn from_env() -> anyhow::Result<Self> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let address = var("STUDIO_ADDR")
            .unwrap_or_else(|| "127.0.0.1:3000".to_owned())
            .parse()
            .context("STUDIO_ADDR must be host:port")?;
        let seed_demo = match var("STUDIO_DEMO").as_deref() {
            None | Some("1" | "true" | "yes") => true,
            Some("0" | "false" | "no") => false,
            Some(other) => anyhow::bail!("STUDIO_DEMO must be true or false, not {other:?}"),
        };
        let azure_speech = match (
            var("STUDIO_AZURE_SPEECH_KEY"),
            var("STUDIO_AZURE_SPEECH_REGION"),
        ) {
            (Some(key), Some(region)) => Some(AzureSpeech {
                key: key.trim().to_owned(),
                region: region.trim().to_owned(),
                endpoint: var("STUDIO_AZURE_SPEECH_ENDPOINT"),
            }),
            (None, None) => None,
            (Some(_), None) => {
                anyhow::bail!("STUDIO_AZURE_SPEECH_KEY is set without STUDIO_AZURE_SPEECH_REGION")
            }
            (None, Some(_)) => {
                anyhow::bail!("STUDIO_AZURE_SPEECH_REGION is set without STUDIO_AZURE_SPEECH_KEY")
            }
        };
        let number = |name: &str, default: u64| -> anyhow::Result<u64> {
            match var(name) {
                None => Ok(default),
                Some(text) => match text.trim().parse::<u64>() {
                    Ok(n) if n > 0 => Ok(n),
                    _ => anyhow::bail!("{name} must be a whole number above 0, not {text:?}"),
                },
            }
        };
        let price = |name: &str, default: f64| -> anyhow::Result<f64> {
            match var(name) {
                None => Ok(default),
                Some(text) => match text.trim().parse::<f64>() {
                    Ok(n) if n.is_finite() && n >= 0.0 => Ok(n),
                    _ => anyhow::bail!(
                        "{name} must be a price in US dollars per million characters, not {text:?}"
                    ),
                },
            }
        };
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get);
        Ok(Self {
            address,
            espeak_processes: usize::try_from(number("STUDIO_ESPEAK_PROCESSES", cores as u64)?)
                .unwrap_or(cores),
            audio_store: AudioStore::from_vars(var)?,
            audio_cache_bytes: number("STUDIO_AUDIO_CACHE_MB", 2048)?.saturating_mul(1024 * 1024),
            database_url: var("DATABASE_URL")
                .unwrap_or_else(|| "sqlite://studio.db?mode=rwc".to_owned()),
            site_root: var("STUDIO_SITE_ROOT").unwrap_or_else(|| "target/site".to_owned()),
            seed_demo,
            espeak_program: var("STUDIO_ESPEAK_PROGRAM").unwrap_or_else(|| "espeak-ng".to_owned()),
            ffmpeg_program: var("STUDIO_FFMPEG_PROGRAM").unwrap_or_else(|| "ffmpeg".to_owned()),
            pdftotext_program: var("STUDIO_PDFTOTEXT_PROGRAM")
                .unwrap_or_else(|| "pdftotext".to_owned()),
            azure_speech,
            elevenlabs: var("STUDIO_ELEVENLABS_API_KEY").map(|key| ElevenLabsConfig {
                key: key.trim().to_owned(),
                model: var("STUDIO_ELEVENLABS_MODEL")
                    .unwrap_or_else(|| ElevenLabsConfig::DEFAULT_MODEL.to_owned()),
                endpoint: var("STUDIO_ELEVENLABS_ENDPOINT"),
            }),
            speech_retry: RetryPolicy::default(),
            prices: vec![
                (shared::VoiceEngine::Espeak, 0.0),
                (
                    shared::VoiceEngine::Azure,
                    price("STUDIO_PRICE_AZURE", 16.0)?,
                ),
                (
                    shared::VoiceEngine::ElevenLabs,
                    price("STUDIO_PRICE_ELEVENLABS", 100.0)?,
                ),
            ],
            usage: crate::usage::UsageLimits {
                renders_per_user: number("STUDIO_RENDERS_PER_HOUR", 600)?,
                renders_per_organisation: number("STUDIO_ORGANISATION_RENDERS_PER_HOUR", 3_000)?,
                speaker_jobs_per_user: number("STUDIO_SPEAKER_JOBS_PER_HOUR", 30)?,
                speaker_jobs_per_organisation: number(
                    "STUDIO_ORGANISATION_SPEAKER_JOBS_PER_HOUR",
                    150,
                )?,
            },
            llm: LlmConfig::from_env()?,
            jobs: crate::jobs::JobSettings {
                lease: Duration::from_secs(number("STUDIO_JOB_LEASE_SECS", 15)?),
                ..crate::jobs::JobSettings::default()
            },
        })
    }
}

/// Which chat-completions service the LLM speaker-attribution engine talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LlmProvider {
    /// OpenAI: `POST {url}/chat/completions`, `Authorization: Bearer {key}`, `model` in the body.
    OpenAi,
    /// Azure OpenAI: `POST {url}/openai/deployments/{model}/chat/completions?api-version={v}`,
    /// `api-key: {key}`; the deployment is named in the URL.
    Azure,
    /// An OpenAI-compatible local server such as llama.cpp's `llama-server`: like OpenAI, the key
    /// optional.
    Local,
}

impl LlmProvider {
    /// The name used in `STUDIO_LLM_PROVIDER`.
    pub fn as_str(self) -> &'static str {
        match self {
            LlmProvider::OpenAi => "openai",
            LlmProvider::Azure => "azure",
            LlmProvider::Local => "local",
        }
    }
}

/// Settings of the LLM speaker-attribution engine ([`crate::llm`]). Without
/// `STUDIO_LLM_PROVIDER` there are none and the rule engine attributes speakers.
#[derive(Clone, PartialEq, Eq)]
pub struct LlmConfig {
    /// The service (`STUDIO_LLM_PROVIDER`: `openai`, `azure` or `local`).
    pub provider: LlmProvider,
    /// Base URL (`STUDIO_LLM_URL`): default `https://api.openai.com/v1` for OpenAI and
    /// `http://127.0.0.1:8080/v1` for a local server; required for Azure
    /// (`https://{resource}.openai.azure.com`). No trailing slash.
    pub url: String,
    /// The key (`STUDIO_LLM_API_KEY`): required for OpenAI and Azure, optional for a local server.
    pub api_key: Option<String>,
    /// The model (`STUDIO_LLM_MODEL`); for Azure, the deployment name. Required for OpenAI and
    /// Azure; a local server's default is `local` (llama-server ignores it).
    pub model: String,
    /// Azure's `api-version` query parameter (`STUDIO_LLM_API_VERSION`, default
    /// [`LlmConfig::DEFAULT_AZURE_API_VERSION`]); unused by the other providers.
    pub api_version: String,
    /// Requests per minute allowed for one project (`STUDIO_LLM_REQUESTS_PER_MINUTE`, default 30).
    pub requests_per_minute: u32,
}

impl std::fmt::Debug for LlmConfig {
    // Written by hand so that the key never reaches a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LlmConfig")
            .field("provider", &self.provider)
            .field("url", &self.url)
            .field("api_key", &self.api_key.as_ref().map(|_| "<set>"))
            .field("model", &self.model)
            .field("api_version", &self.api_version)
            .field("requests_per_minute", &self.requests_per_minute)
            .finish()
    }
}

impl LlmConfig {
    /// The Azure OpenAI API version used when `STUDIO_LLM_API_VERSION` is not set: the first GA
    /// version with structured outputs.
    pub const DEFAULT_AZURE_API_VERSION: &'static str = "2024-10-21";
    /// Requests per minute per project when `STUDIO_LLM_REQUESTS_PER_MINUTE` is not set.
    pub const DEFAULT_REQUESTS_PER_MINUTE: u32 = 30;

    /// Reads the LLM settings from the environment; `None` when `STUDIO_LLM_PROVIDER` is unset.
    ///
    /// # Errors
    /// When a variable is set but invalid, or one the provider needs is missing.
    pub fn from_env() -> anyhow::Result<Option<Self>> {
        Self::from_vars(|name| std::env::var(name).ok())
    }

    /// [`LlmConfig::from_env`] over any source of variables (tests pass a map).
    ///
    /// # Errors
    /// As [`LlmConfig::from_env`].
    pub fn from_vars(lookup: impl Fn(&str) -> Option<String>) -> anyhow::Result<Option<Self>> {
        let var = |name: &str| {
            lookup(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let provider = match var("STUDIO_LLM_PROVIDER").as_deref() {
            None => return Ok(None),
            Some("openai") => LlmProvider::OpenAi,
            Some("azure") => LlmProvider::Azure,
            Some("local") => LlmProvider::Local,
            Some(other) => {
                anyhow::bail!("STUDIO_LLM_PROVIDER must be openai, azure or local, not {other:?}")
            }
        };
        let url = match (provider, var("STUDIO_LLM_URL")) {
            (_, Some(url)) => url,
            (LlmProvider::OpenAi, None) => "https://api.openai.com/v1".to_owned(),
            (LlmProvider::Local, None) => "http://127.0.0.1:8080/v1".to_owned(),
            (LlmProvider::Azure, None) => anyhow::bail!(
                "STUDIO_LLM_URL must name the Azure resource (https://<resource>.openai.azure.com)"
            ),
        };
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            anyhow::bail!("STUDIO_LLM_URL must start with http:// or https://, not {url:?}");
        }
        let url = url.trim_end_matches('/').to_owned();
        let api_key = var("STUDIO_LLM_API_KEY");
        if api_key.is_none() && provider != LlmProvider::Local {
            anyhow::bail!(
                "STUDIO_LLM_API_KEY is required with STUDIO_LLM_PROVIDER={}",
                provider.as_str()
            );
        }
        let model = match (provider, var("STUDIO_LLM_MODEL")) {
            (_, Some(model)) => model,
            (LlmProvider::Local, None) => "local".to_owned(),
            (LlmProvider::OpenAi, None) => anyhow::bail!("STUDIO_LLM_MODEL must name the model"),
            (LlmProvider::Azure, None) => {
                anyhow::bail!("STUDIO_LLM_MODEL must name the Azure deployment")
            }
        };
        let safe = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
        if provider == LlmProvider::Azure && !model.chars().all(safe) {
            anyhow::bail!("STUDIO_LLM_MODEL (the Azure deployment) may only hold letters, digits, '-', '_' and '.', not {model:?}");
        }
        let api_version = var("STUDIO_LLM_API_VERSION")
            .unwrap_or_else(|| Self::DEFAULT_AZURE_API_VERSION.to_owned());
        let requests_per_minute = match var("STUDIO_LLM_REQUESTS_PER_MINUTE") {
            None => Self::DEFAULT_REQUESTS_PER_MINUTE,
            Some(text) => match text.parse::<u32>() {
                Ok(n) if n > 0 => n,
                _ => anyhow::bail!(
                    "STUDIO_LLM_REQUESTS_PER_MINUTE must be a whole number above 0, not {text:?}"
                ),
            },
        };
        Ok(Some(Self {
            provider,
            url,
            api_key,
            model,
            api_version,
            requests_per_minute,
        }))
    }
}
