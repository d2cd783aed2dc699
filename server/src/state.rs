//! `AppState`: what every axum handler can extract (Leptos options, the store, the voices).

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

use crate::{store::SqlStore, voices::EngineVoices};

/// Shared state of the router.
#[derive(Clone, FromRef)]
pub struct AppState {
    /// Leptos rendering options (site root, output name).
    pub leptos_options: LeptosOptions,
    /// The store behind the server functions' ports.
    pub store: Arc<SqlStore>,
    /// The voice catalogue behind `list_voices`.
    pub voices: Arc<EngineVoices>,
}
