//! Server functions for a chapter's plan: load, generate and save (with a version check), and
//! export and import in the desktop planner's plan-file format.

use crate::model::Version;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use shared::{plan::change::Change, Segment, SegmentId};

use crate::{
    error::AppError,
    model::{ChapterId, ChapterPlan, PlanChanges},
};

/// A chapter's text and stored plan.
#[server(input = Json, endpoint = "load_plan")]
pub async fn load_plan(chapter: ChapterId) -> Result<ChapterPlan, AppError> {
    let who = crate::api::use_principal()?;
    let store = crate::api::use_port::<dyn crate::api::PlanStore>()?;
    Ok(store.load_plan(&who, chapter).await?)
}

/// Segments the chapter and stores the result, replacing the plan stored at `version`.
#[server(input = Json, endpoint = "generate_plan")]
pub async fn generate_plan(chapter: ChapterId, version: Version) -> Result<ChapterPlan, AppError> {
    let who = crate::api::use_principal()?;
    let store = crate::api::use_port::<dyn crate::api::PlanStore>()?;
    Ok(store.generate_plan(&who, chapter, version).await?)
}

/// Saves the segments over the plan stored at `version`; returns the new version. Refused whole
/// when any segment is invalid or when someone saved since `version`.
#[server(input = Json, endpoint = "save_plan")]
pub async fn save_plan(
    chapter: ChapterId,
    version: Version,
    segments: Vec<Segment>,
) -> Result<Version, AppError> {
    let who = crate::api::use_principal()?;
    let store = crate::api::use_port::<dyn crate::api::PlanStore>()?;
    Ok(store.save_plan(&who, chapter, version, segments).await?)
}

/// Applies the edits a page made since `base` (its last stored version) to the stored plan, so
/// that a colleague's save in between is kept when it touched other segments; returns the new
/// version and the colleague's changes the page lacks. A conflict when a change touches a segment
/// changed since `base`; refused whole when the result is invalid.
#[server(input = Json, endpoint = "save_changes")]
pub async fn save_changes(
    chapter: ChapterId,
    base: Version,
    changes: Vec<Change>,
) -> Result<PlanChanges, AppError> {
    let who = crate::api::use_principal()?;
    let store = crate::api::use_port::<dyn crate::api::PlanStore>()?;
    Ok(store.save_changes(&who, chapter, base, changes).await?)
}

/// The changes stored after version `since`: what a page open on the chapter replays to catch
/// up with a colleague's save (none when it must load the plan).
#[server(input = Json, endpoint = "changes_since")]
pub async fn changes_since(chapter: ChapterId, since: Version) -> Result<PlanChanges, AppError> {
    let who = crate::api::use_principal()?;
    let store = crate::api::use_port::<dyn crate::api::PlanStore>()?;
    Ok(store.changes_since(&who, chapter, since).await?)
}

/// Raises, comments on or moves along segment `segment`'s review flag, signed by the signed-in
/// user (a viewer may); returns the plan's new version, whose change the page then pulls in.
#[server(input = Json, endpoint = "review_flag")]
pub async fn review_flag(
    chapter: ChapterId,
    segment: SegmentId,
    action: shared::plan::review::FlagAction,
) -> Result<Version, AppError> {
    let who = crate::api::use_principal()?;
    let store = crate::api::use_port::<dyn crate::api::PlanStore>()?;
    Ok(store.review_flag(&who, chapter, segment, action).await?)
}

/// Tells colleagues on the chapter which segment the signed-in user is on (none: none selected).
#[server(input = Json, endpoint = "show_place")]
pub async fn show_place(chapter: ChapterId, segment: Option<SegmentId>) -> Result<(), AppError> {
    let who = crate::api::use_principal()?;
    let store = crate::api::use_port::<dyn crate::api::PlanStore>()?;
    Ok(store.show_place(&who, chapter, segment).await?)
}

/// The chapter's plan as a desktop plan file (`<chapterId>.plan.json`): pretty-printed JSON with
/// the desktop fields only. Refused when the chapter has no plan yet.
#[server(input = Json, endpoint = "export_plan")]
pub async fn export_plan(chapter: ChapterId) -> Result<String, AppError> {
    let who = crate::api::use_principal()?;
    let store = crate::api::use_port::<dyn crate::api::PlanStore>()?;
    plan_file(&store.load_plan(&who, chapter).await?)
}

/// The chapter's plan in the desktop planner's file format; refused when it has none. The page's
/// export and the REST API's both write it here.
///
/// # Errors
/// `Refused` (no plan yet); `Internal` when the plan cannot be written (logged).
#[cfg(feature = "ssr")]
pub fn plan_file(plan: &crate::model::ChapterPlan) -> Result<String, AppError> {
    if !plan.has_plan() {
        return Err(crate::error::Refusal::NoPlanToExport.into());
    }
    shared::plan::file::export(&plan.segments).map_err(|err| {
        tracing::error!(error = %err, "exporting a plan");
        AppError::Internal
    })
}

/// Replaces the plan stored at `version` by the plan in `file` (a desktop plan file), checked
/// exactly as a save; a `voice` may name a cast member by id, name or alias. Returns the new
/// version. Refused whole, with the reason, when the file is not a plan, a segment does not match
/// the chapter text or a voice is not in the cast; a conflict when someone saved since `version`.
#[server(input = Json, endpoint = "import_plan")]
pub async fn import_plan(
    chapter: ChapterId,
    version: Version,
    file: String,
) -> Result<Version, AppError> {
    let who = crate::api::use_principal()?;
    let store = crate::api::use_port::<dyn crate::api::PlanStore>()?;
    let segments = shared::plan::file::parse(&file)?;
    Ok(store.import_plan(&who, chapter, version, segments).await?)
}
