//! The REST handlers of projects, chapters and plans. Each reads the principal the session layer
//! found, calls the same port as the page's server function, and answers JSON or a problem.

use std::sync::Arc;

use app::{
    api::PlanStore,
    model::{ChapterPlan, Principal},
};
use axum::{
    body::Bytes,
    extract::{
        rejection::{BytesRejection, PathRejection},
        Path, State,
    },
    http::HeaderMap,
    response::{IntoResponse, Response},
    Extension, Json,
};
use serde::{Deserialize, Serialize};
use shared::Segment;

use super::{
    answer, chapter_plan, checked_version, json_body, may_edit, principal, problem::Problem,
    project_id, with_etag, ChapterPath, IfMatch, Saved,
};
use crate::store::SqlStore;

type Store = State<Arc<SqlStore>>;
type Who = Option<Extension<Principal>>;

/// The projects of your organisation.
///
/// Each with its id, title, language and first chapter.
#[utoipa::path(
    get, path = "/api/projects", tag = "projects",
    responses((status = 200, description = "The organisation's projects", body = [app::model::ProjectSummary])),
)]
pub async fn projects(State(store): Store, who: Who, headers: HeaderMap) -> Response {
    let result = async {
        let who = principal(who)?;
        Ok(Json(store.list_projects(&who).await?).into_response())
    };
    answer(result.await, &headers)
}

/// The chapters of a project, in book order, with their status.
///
/// Not started, in progress or complete, and how many segments each plan has.
#[utoipa::path(
    get, path = "/api/projects/{project}/chapters/status", tag = "projects",
    params(("project" = i64, Path, description = "The project")),
    responses((status = 200, description = "The chapters in book order, with their status", body = [app::model::ChapterSummary])),
)]
pub async fn chapter_status(
    State(store): Store,
    who: Who,
    path: Result<Path<i64>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    let result = async {
        let who = principal(who)?;
        let chapters = store.list_chapters(&who, project_id(path)?);
        Ok(Json(chapters.await?).into_response())
    };
    answer(result.await, &headers)
}

/// A chapter's text, cast and plan.
///
/// The plan's version is the `ETag`: send it as `If-Match` with the next change.
#[utoipa::path(
    get, path = "/api/projects/{project}/chapters/{chapter}/plan", tag = "plans",
    params(ChapterPath),
    responses((status = 200, description = "The chapter's text, cast and plan", body = ChapterPlan, headers(("ETag" = String, description = "The version stored now")))),
)]
pub async fn plan(
    State(store): Store,
    who: Who,
    path: Result<Path<ChapterPath>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    let result = async {
        let who = principal(who)?;
        let plan = chapter_plan(&store, &who, path).await?;
        Ok(with_etag(plan.version, Json(plan)))
    };
    answer(result.await, &headers)
}

/// The body of `PUT …/plan`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct PlanBody {
    /// The whole plan, in order: it must cover the chapter's text.
    segments: Vec<Segment>,
}

/// Replaces a chapter's whole plan.
///
/// The segments must cover the chapter's text in order and fit the engine, as any save.
#[utoipa::path(
    put, path = "/api/projects/{project}/chapters/{chapter}/plan", tag = "plans",
    params(ChapterPath, IfMatch),
    request_body = PlanBody,
    responses((status = 200, description = "Stored: the new version", body = Saved, headers(("ETag" = String, description = "The version stored now")))),
)]
pub async fn put_plan(
    State(store): Store,
    who: Who,
    path: Result<Path<ChapterPath>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let result = async {
        let (who, plan) = writable(&store, who, path, &headers).await?;
        let PlanBody { segments } = json_body(body)?;
        let version = store
            .save_plan(&who, plan.chapter_id, plan.version, segments)
            .await?;
        Ok(with_etag(version, Json(Saved { version })))
    };
    answer(result.await, &headers)
}

/// Segments the chapter afresh.
///
/// Replaces the plan at the `If-Match` version (`"0"` before the first plan).
#[utoipa::path(
    post, path = "/api/projects/{project}/chapters/{chapter}/plan/generate", tag = "plans",
    params(ChapterPath, IfMatch),
    responses((status = 200, description = "The fresh plan", body = ChapterPlan, headers(("ETag" = String, description = "The version stored now")))),
)]
pub async fn generate(
    State(store): Store,
    who: Who,
    path: Result<Path<ChapterPath>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    let result = async {
        let (who, plan) = writable(&store, who, path, &headers).await?;
        let fresh = store
            .generate_plan(&who, plan.chapter_id, plan.version)
            .await?;
        Ok(with_etag(fresh.version, Json(fresh)))
    };
    answer(result.await, &headers)
}

/// Whether the chapter is signed off.
#[derive(Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct CompleteBody {
    /// `true` signs off (the default), `false` reopens.
    #[serde(default = "yes")]
    complete: bool,
}

fn yes() -> bool {
    true
}

/// Signs a chapter off, or reopens it.
///
/// Refused (422) with what blocks it: no plan, segments with no speaker, open flags or revision
/// marks, contradicted speakers, segments a re-import left stale.
#[utoipa::path(
    post, path = "/api/projects/{project}/chapters/{chapter}/complete", tag = "plans",
    params(ChapterPath),
    request_body(content = CompleteBody, description = "`{\"complete\": false}` reopens; `{}` (or no body) signs off"),
    responses((status = 200, description = "Signed off (or reopened)", body = CompleteBody)),
)]
pub async fn complete(
    State(store): Store,
    who: Who,
    path: Result<Path<ChapterPath>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let result = async {
        let who = principal(who)?;
        let plan = chapter_plan(&store, &who, path).await?;
        let CompleteBody { complete } = match &body {
            Ok(bytes) if bytes.is_empty() => CompleteBody { complete: true },
            _ => json_body(body)?,
        };
        store.set_complete(&who, plan.chapter_id, complete).await?;
        Ok(Json(CompleteBody { complete }).into_response())
    };
    answer(result.await, &headers)
}

/// The principal and the plan, when they may change it at the `If-Match` version: 401, 404,
/// 403 for a viewer, 428 without `If-Match`, 412 when it is not the stored version.
pub(super) async fn writable(
    store: &SqlStore,
    who: Who,
    path: Result<Path<ChapterPath>, PathRejection>,
    headers: &HeaderMap,
) -> Result<(Principal, ChapterPlan), Problem> {
    let who = principal(who)?;
    let plan = chapter_plan(store, &who, path).await?;
    may_edit(&who)?;
    checked_version(headers, plan.version)?;
    Ok((who, plan))
}
