//! `AppState`: what every axum handler can extract (Leptos options and the store).

use std::sync::Arc;

use app::api::PlanStore;
use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

/// Shared state of the router.
#[derive(Clone, FromRef)]
pub struct AppState {
    /// Leptos rendering options (site root, output name).
    pub leptos_options: LeptosOptions,
    /// The store the server functions use.
    pub store: Arc<dyn PlanStore>,
}
