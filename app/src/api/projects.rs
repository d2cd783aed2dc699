//! Server functions for projects.

use leptos::prelude::*;
use leptos::server_fn::codec::Json;

use crate::{error::AppError, model::ProjectSummary};

/// Every project, by name.
#[server(input = Json, endpoint = "list_projects")]
pub async fn list_projects() -> Result<Vec<ProjectSummary>, AppError> {
    let store = crate::api::use_plan_store()?;
    Ok(store.list_projects().await?)
}
