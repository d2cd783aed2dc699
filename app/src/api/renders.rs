//! Server functions of chapter renders: start one, cancel it, read the chapter's render state.
//! A job's progress is read as Server-Sent Events from [`JobId::render_events_url`], and the MP3
//! downloaded from [`crate::model::render_url`], both plain axum routes of the server.

use leptos::prelude::*;
use leptos::server_fn::codec::Json;

use crate::{
    error::AppError,
    model::{ChapterId, ChapterRender, JobId, ProjectId},
};

/// Starts rendering the chapter's stored plan. Refused with 409 while a render runs for the
/// chapter; 422 without a plan or naming the first segment that cannot be rendered.
#[server(input = Json, endpoint = "start_render")]
pub async fn start_render(project: ProjectId, chapter: ChapterId) -> Result<JobId, AppError> {
    let who = crate::api::use_principal()?;
    let renders = crate::api::use_port::<dyn crate::api::Renders>()?;
    Ok(renders.start(&who, project, chapter).await?)
}

/// Cancels a render; it stops before its next clip and stores nothing.
#[server(input = Json, endpoint = "cancel_render")]
pub async fn cancel_render(
    project: ProjectId,
    chapter: ChapterId,
    job: JobId,
) -> Result<(), AppError> {
    let who = crate::api::use_principal()?;
    let renders = crate::api::use_port::<dyn crate::api::Renders>()?;
    Ok(renders.cancel(&who, project, chapter, job).await?)
}

/// The chapter's stored render and its ACX report, whether it is stale, and the job under way.
#[server(input = Json, endpoint = "render_state")]
pub async fn render_state(
    project: ProjectId,
    chapter: ChapterId,
) -> Result<ChapterRender, AppError> {
    let who = crate::api::use_principal()?;
    let renders = crate::api::use_port::<dyn crate::api::Renders>()?;
    Ok(renders.state(&who, project, chapter).await?)
}
