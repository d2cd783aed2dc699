//! Server functions of chapter renders: start one, cancel it, read the chapter's render state.
//! A job's progress is read as Server-Sent Events from [`JobId::render_events_url`], and the MP3
//! downloaded from [`crate::model::render_url`], both plain axum routes of the server.

use leptos::prelude::*;
use leptos::server_fn::codec::Json;

use crate::{
    error::AppError,
    model::{
        BookDelivery, ChapterId, ChapterRender, DeliverySettings, JobId, ProjectId, RenderAll,
    },
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

/// The book's delivery: settings, each chapter's render state, the audiobook and its job.
#[server(input = Json, endpoint = "load_delivery")]
pub async fn load_delivery(project: ProjectId) -> Result<BookDelivery, AppError> {
    let who = crate::api::use_principal()?;
    let renders = crate::api::use_port::<dyn crate::api::Renders>()?;
    Ok(renders.book(&who, project).await?)
}

/// Saves the book's author and the pauses its renders use. Refused with 422 for a pause out of
/// range or an author's name too long.
#[server(input = Json, endpoint = "save_delivery_settings")]
pub async fn save_delivery_settings(
    project: ProjectId,
    settings: DeliverySettings,
) -> Result<(), AppError> {
    let who = crate::api::use_principal()?;
    let renders = crate::api::use_port::<dyn crate::api::Renders>()?;
    Ok(renders.save_settings(&who, project, settings).await?)
}

/// Starts building the audiobook (M4B). Refused with 422 unless every planned chapter's render
/// is current and within the ACX rules; 409 while one is being built.
#[server(input = Json, endpoint = "start_book")]
pub async fn start_book(project: ProjectId) -> Result<JobId, AppError> {
    let who = crate::api::use_principal()?;
    let renders = crate::api::use_port::<dyn crate::api::Renders>()?;
    Ok(renders.start_book(&who, project).await?)
}

/// Cancels the audiobook's build; nothing is stored.
#[server(input = Json, endpoint = "cancel_book")]
pub async fn cancel_book(project: ProjectId, job: JobId) -> Result<(), AppError> {
    let who = crate::api::use_principal()?;
    let renders = crate::api::use_port::<dyn crate::api::Renders>()?;
    Ok(renders.cancel_book(&who, project, job).await?)
}

/// Starts a render of every planned chapter that is not rendered yet or is stale; chapters that
/// cannot be rendered are listed with why.
#[server(input = Json, endpoint = "render_chapters")]
pub async fn render_chapters(project: ProjectId) -> Result<RenderAll, AppError> {
    let who = crate::api::use_principal()?;
    let renders = crate::api::use_port::<dyn crate::api::Renders>()?;
    Ok(renders.render_all(&who, project).await?)
}
