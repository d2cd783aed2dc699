//! `Config`: everything the server reads from its environment, in one typed place.
//! This is the only module that reads environment variables.

use std::net::SocketAddr;

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
        Ok(Self {
            address,
            database_url: var("DATABASE_URL")
                .unwrap_or_else(|| "sqlite://studio.db?mode=rwc".to_owned()),
            site_root: var("STUDIO_SITE_ROOT").unwrap_or_else(|| "target/site".to_owned()),
            seed_demo,
        })
    }
}
