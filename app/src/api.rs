//! Server functions, grouped by resource. Each is thin: take the port from context, call one
//! port method, map its error. The port itself (`store`) compiles only on the server.

pub mod chapters;
pub mod plans;
pub mod projects;
pub mod pronunciations;
pub mod speakers;
#[cfg(feature = "ssr")]
pub mod store;
pub mod voices;

#[cfg(feature = "ssr")]
pub use store::{
    refuse, use_port, PlanStore, ProjectStore, PronunciationStore, SpeakerJobs, StoreError,
    VoiceCatalogue,
};
