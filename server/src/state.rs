//! `AppState`: what every axum handler can extract (Leptos options, the store, the voices, the
//! speaker jobs, the auditions).

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

use crate::{
    accounts::SqlAccounts, render::ChapterRenders, speaker_jobs::LlmJobs, speech::Auditioner,
    store::SqlStore, voices::EngineVoices,
};

/// Shared state of the router.
#[derive(Clone, FromRef)]
pub struct AppState {
    /// Leptos rendering options (site root, output name).
    pub leptos_options: LeptosOptions,
    /// Accounts and sessions, behind the session layer and the account server functions.
    pub accounts: Arc<SqlAccounts>,
    /// The store behind the server functions' ports.
    pub store: Arc<SqlStore>,
    /// The voice catalogue behind `list_voices`.
    pub voices: Arc<EngineVoices>,
    /// Speaker assignment by the language model, behind the speaker-job server functions and
    /// their Server-Sent Events.
    pub speaker_jobs: Arc<LlmJobs>,
    /// Auditions and the audio cache, behind the `audition` server function and `/audio/…`.
    pub auditions: Arc<Auditioner>,
    /// Chapter renders, behind the render server functions, their events and the MP3 download.
    pub renders: Arc<ChapterRenders>,
    /// The reader of PDF text layers behind the import preview.
    pub pdf: Arc<crate::pdftotext::Pdftotext>,
}
