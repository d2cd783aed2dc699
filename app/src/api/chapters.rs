//! Server functions for chapters: list them with status, add one, mark one complete.

use leptos::prelude::*;
use leptos::server_fn::codec::Json;

use crate::{
    error::AppError,
    model::{ChapterId, ChapterSummary, ProjectId},
};

/// The chapters of a project in book order, with their status.
#[server(input = Json, endpoint = "list_chapters")]
pub async fn list_chapters(project: ProjectId) -> Result<Vec<ChapterSummary>, AppError> {
    let who = crate::api::use_principal()?;
    let store = crate::api::use_port::<dyn crate::api::PlanStore>()?;
    Ok(store.list_chapters(&who, project).await?)
}

/// Adds a chapter with its text at the end of a project; the text must be non-blank and at most
/// 20 MB.
#[server(input = Json, endpoint = "add_chapter")]
pub async fn add_chapter(
    project: ProjectId,
    title: String,
    text: String,
) -> Result<ChapterId, AppError> {
    let who = crate::api::use_principal()?;
    let store = crate::api::use_port::<dyn crate::api::PlanStore>()?;
    let text = shared::ChapterText::parse(text)?;
    Ok(store.add_chapter(&who, project, title, text).await?)
}

/// Marks a planned chapter complete, or reopens it.
#[server(input = Json, endpoint = "set_chapter_complete")]
pub async fn set_chapter_complete(chapter: ChapterId, complete: bool) -> Result<(), AppError> {
    let who = crate::api::use_principal()?;
    let store = crate::api::use_port::<dyn crate::api::PlanStore>()?;
    Ok(store.set_complete(&who, chapter, complete).await?)
}
