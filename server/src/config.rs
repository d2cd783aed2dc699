//! `Config`: everything the server reads from its environment, in one typed place.
//! This is the only module that reads environment variables.

use std::{fmt, net::SocketAddr};

use anyhow::Context;

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
    /// Azure Speech, when `STUDIO_AZURE_SPEECH_KEY` and `STUDIO_AZURE_SPEECH_REGION` are set.
    pub azure_speech: Option<AzureSpeech>,
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
        Ok(Self {
            address,
            database_url: var("DATABASE_URL")
                .unwrap_or_else(|| "sqlite://studio.db?mode=rwc".to_owned()),
            site_root: var("STUDIO_SITE_ROOT").unwrap_or_else(|| "target/site".to_owned()),
            seed_demo,
            espeak_program: var("STUDIO_ESPEAK_PROGRAM").unwrap_or_else(|| "espeak-ng".to_owned()),
            azure_speech,
        })
    }
}
