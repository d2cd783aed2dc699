//! `AppError`: the only error type that crosses the wire between the browser and the server.
//! It carries user-meaningful variants only; internal detail is logged on the server and dropped.

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};
use shared::SegmentError;

/// What a server function can answer instead of its result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The project, chapter or plan does not exist (or is not yours).
    #[error("not found")]
    NotFound,
    /// Someone saved this plan since it was loaded; reload before saving again.
    #[error(
        "this plan was changed elsewhere (now at version {current_version}); reload to see it"
    )]
    Conflict {
        /// The version now stored.
        current_version: i64,
    },
    /// A domain rule refused the request; nothing was stored.
    #[error("{0}")]
    Invalid(SegmentError),
    /// The cast was refused; nothing was stored.
    #[error("{0}")]
    Cast(shared::CastError),
    /// The chapter cannot be marked complete yet, for these reasons.
    #[error("the chapter cannot be completed yet: {}", blockers_text(.0))]
    Blocked(Vec<shared::signoff::Blocker>),
    /// A rule refused the request (a file, a name), with the reason; nothing was stored.
    #[error("{0}")]
    Refused(String),
    /// The same work is already under way (a speaker assignment for this chapter), with the
    /// reason; try again when it ends.
    #[error("{0}")]
    Busy(String),
    /// The request itself is malformed.
    #[error("{0}")]
    BadRequest(String),
    /// Something failed on the server; details are in its log.
    #[error("the server failed; try again")]
    Internal,
    /// The request did not reach the server function or its answer could not be read.
    #[error("network or protocol error: {0}")]
    Transport(String),
}

impl AppError {
    /// The HTTP status that goes with this error.
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::Conflict { .. } | AppError::Busy(_) => 409,
            AppError::Invalid(_)
            | AppError::Cast(_)
            | AppError::Blocked(_)
            | AppError::Refused(_) => 422,
            AppError::BadRequest(_) => 400,
            AppError::Internal | AppError::Transport(_) => 500,
        }
    }
}

fn blockers_text(blockers: &[shared::signoff::Blocker]) -> String {
    blockers
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

impl From<SegmentError> for AppError {
    fn from(err: SegmentError) -> Self {
        AppError::Invalid(err)
    }
}

impl From<shared::CastError> for AppError {
    fn from(err: shared::CastError) -> Self {
        AppError::Cast(err)
    }
}

// Pronunciation refusals travel as text in the language of the request (its `lang` cookie or
// `Accept-Language`), read when the server function answers.
impl From<shared::pronunciation::MapError> for AppError {
    fn from(err: shared::pronunciation::MapError) -> Self {
        AppError::Refused((crate::i18n::initial_locale().texts().map_error)(&err))
    }
}

impl From<shared::pronunciation::pls::PlsError> for AppError {
    fn from(err: shared::pronunciation::pls::PlsError) -> Self {
        AppError::Refused((crate::i18n::initial_locale().texts().pls_error)(&err))
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        let err = match value {
            ServerFnErrorErr::Args(msg) => AppError::BadRequest(msg),
            // On the server this is the request's arguments failing to decode; in the browser it
            // is an answer that could not be read.
            ServerFnErrorErr::Deserialization(msg) if cfg!(feature = "ssr") => {
                AppError::BadRequest(msg)
            }
            other => AppError::Transport(other.to_string()),
        };
        // On the server this runs while answering the request, so the status can follow the error.
        #[cfg(feature = "ssr")]
        crate::api::store::set_status(&err);
        err
    }
}
