//! Server functions, grouped by resource. Each is thin: take the store from context, call one
//! port method, map its error. The port itself (`store`) compiles only on the server.

pub mod chapters;
pub mod plans;
pub mod projects;
#[cfg(feature = "ssr")]
pub mod store;

#[cfg(feature = "ssr")]
pub use store::{use_plan_store, use_project_store, PlanStore, ProjectStore, StoreError};
