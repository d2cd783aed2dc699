//! Server functions, grouped by resource. Each is thin: take the port from context, call one
//! port method, map its error. The port itself (`store`) compiles only on the server.
//!
//! Their errors are [`AppError`]s. Over HTTP one is answered with [`AppError::status`] and, when it
//! is a refusal, worded in the request's language ([`crate::i18n::worded`]).

#[cfg(feature = "ssr")]
pub mod account_port;
pub mod accounts;
pub mod audition;
pub mod chapters;
pub mod plans;
pub mod projects;
pub mod pronunciations;
pub mod renders;
pub mod speakers;
#[cfg(feature = "ssr")]
pub mod store;
pub mod tokens;
pub mod voices;

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};

use crate::error::{AppError, Transport};

#[cfg(feature = "ssr")]
pub use account_port::{
    Accounts, ClientAddress, NewAccount, SessionCookie, SessionToken, SESSION_COOKIE, SESSION_DAYS,
};
#[cfg(feature = "ssr")]
pub use store::{
    request_extension, use_port, use_principal, Auditions, PlanStore, ProjectStore,
    PronunciationStore, Renders, SpeakerJobs, StoreError, VoiceCatalogue,
};

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(msg) => AppError::BadRequest(msg),
            // On the server this is the request's arguments failing to decode; in the browser it
            // is an answer that could not be read.
            ServerFnErrorErr::Deserialization(msg) if cfg!(feature = "ssr") => {
                AppError::BadRequest(msg)
            }
            other => AppError::Transport(Transport::Failed(other.to_string())),
        }
    }

    // The answer to a server function that failed: its status follows the error, and a refusal
    // is worded in the language of the request.
    #[cfg(feature = "ssr")]
    fn ser(&self) -> leptos::server_fn::Bytes {
        store::set_status(self);
        let wire = crate::i18n::worded(self.clone(), crate::i18n::initial_locale());
        match serde_json::to_vec(&wire) {
            Ok(json) => json.into(),
            Err(err) => {
                tracing::error!(error = %err, "encoding an error answer");
                leptos::server_fn::Bytes::from_static(b"\"Internal\"")
            }
        }
    }
}
