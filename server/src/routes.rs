//! Plain axum routes outside Leptos: the health check.

use axum::{routing::get, Router};

use crate::state::AppState;

/// Routes that are not pages or server functions.
pub fn routes() -> Router<AppState> {
    Router::new().route("/health", get(|| async { "ok" }))
}
