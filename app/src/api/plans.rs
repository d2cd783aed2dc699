//! Server functions for a chapter's plan: load, generate and save (with a version check).

use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use shared::Segment;

use crate::{
    error::AppError,
    model::{ChapterId, ChapterPlan},
};

/// A chapter's text and stored plan.
#[server(input = Json, endpoint = "load_plan")]
pub async fn load_plan(chapter: ChapterId) -> Result<ChapterPlan, AppError> {
    let store = crate::api::use_plan_store()?;
    Ok(store.load_plan(chapter).await?)
}

/// Segments the chapter and stores the result, replacing the plan stored at `version`.
#[server(input = Json, endpoint = "generate_plan")]
pub async fn generate_plan(chapter: ChapterId, version: i64) -> Result<ChapterPlan, AppError> {
    let store = crate::api::use_plan_store()?;
    Ok(store.generate_plan(chapter, version).await?)
}

/// Saves the segments over the plan stored at `version`; returns the new version. Refused whole
/// when any segment is invalid or when someone saved since `version`.
#[server(input = Json, endpoint = "save_plan")]
pub async fn save_plan(
    chapter: ChapterId,
    version: i64,
    segments: Vec<Segment>,
) -> Result<i64, AppError> {
    let store = crate::api::use_plan_store()?;
    Ok(store.save_plan(chapter, version, segments).await?)
}
