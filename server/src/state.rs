//! `AppState`: what every axum handler can extract (Leptos options and the store).

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

use crate::store::SqlStore;

/// Shared state of the router.
#[derive(Clone, FromRef)]
pub struct AppState {
    /// Leptos rendering options (site root, output name).
    pub leptos_options: LeptosOptions,
    /// The store behind the server functions' ports.
    pub store: Arc<SqlStore>,
}
