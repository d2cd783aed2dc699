//! What a server function takes from its request's context: the ports, the signed-in principal,
//! and the response whose status an error sets.

use std::sync::Arc;

use leptos::prelude::*;

use crate::{error::AppError, model::Principal};

/// The port `P` (`dyn PlanStore`, `dyn ProjectStore`, `dyn PronunciationStore`,
/// `dyn VoiceCatalogue`, `dyn SpeakerJobs`, `dyn Auditions`) provided to this request by the server.
///
/// # Errors
/// `AppError::Internal` when the server did not provide it (a wiring bug).
pub fn use_port<P: ?Sized + Send + Sync + 'static>() -> Result<Arc<P>, AppError> {
    use_context::<Arc<P>>().ok_or_else(|| {
        tracing::error!("no {} in context", std::any::type_name::<P>());
        AppError::Internal
    })
}

/// What the server's session layer put in the current request's extensions as a `T` (the
/// principal, the session cookie, the client's address), if anything.
pub fn request_extension<T: Clone + Send + Sync + 'static>() -> Option<T> {
    use_context::<http::request::Parts>().and_then(|parts| parts.extensions.get::<T>().cloned())
}

/// The signed-in principal of the current request; `Unauthorized` (401) without one.
///
/// # Errors
/// `Unauthorized` when the request has no valid session.
pub fn use_principal() -> Result<Principal, AppError> {
    request_extension::<Principal>().ok_or_else(|| {
        set_status(&AppError::Unauthorized);
        AppError::Unauthorized
    })
}

/// Sets the HTTP status of the current response (a server function's, or a page's) to
/// [`AppError::status`].
pub fn set_status(err: &AppError) {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(status) = http::StatusCode::from_u16(err.status()) {
            response.set_status(status);
        }
        if let AppError::TooManyAttempts {
            retry_after_seconds,
        }
        | AppError::OverLimit {
            retry_after_seconds,
            ..
        } = err
        {
            response.insert_header(
                http::header::RETRY_AFTER,
                http::HeaderValue::from(*retry_after_seconds),
            );
        }
    }
}
