//! The REST handlers of a project's cast and pronunciation map, and of a chapter's plan file (the
//! desktop planner's format). Each is a versioned resource like the plan: `ETag` out, `If-Match`
//! on every write.

use std::sync::Arc;

use app::{
    api::{PlanStore, ProjectStore, PronunciationStore},
    model::Principal,
    AppError,
};
use axum::{
    body::Bytes,
    extract::{
        rejection::{BytesRejection, PathRejection},
        Path, State,
    },
    http::{header, HeaderMap, HeaderValue},
    response::Response,
    Extension, Json,
};
use serde::{Deserialize, Serialize};
use shared::{cast::character::Character, pronunciation::Entry};

use super::{
    answer, bad_request, chapter_plan, checked_version, json_body, may_edit, principal, project_id,
    with_etag, ChapterPath, IfMatch, Saved,
};
use crate::store::SqlStore;

type Store = State<Arc<SqlStore>>;
type Who = Option<Extension<Principal>>;

/// A project's cast and its version.
#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CastBody {
    /// The cast, narrator first.
    cast: Vec<Character>,
}

/// A project's cast.
///
/// The narrator first, then the characters with their voices; its version is the `ETag`.
#[utoipa::path(
    get, path = "/api/projects/{project}/cast", tag = "projects",
    params(("project" = i64, Path, description = "The project")),
    responses((status = 200, description = "The cast, narrator first", body = CastBody, headers(("ETag" = String, description = "The version stored now")))),
)]
pub async fn cast(
    State(store): Store,
    who: Who,
    path: Result<Path<i64>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    let result = async {
        let who = principal(who)?;
        let project = project_id(path)?;
        let detail = store.project(&who, project).await?;
        Ok(with_etag(
            detail.cast_version,
            Json(CastBody { cast: detail.cast }),
        ))
    };
    answer(result.await, &headers)
}

/// Replaces a project's cast.
///
/// Checked whole: unique ids and names, a narrator, voices the engines have.
#[utoipa::path(
    put, path = "/api/projects/{project}/cast", tag = "projects",
    params(("project" = i64, Path, description = "The project"), IfMatch),
    request_body = CastBody,
    responses((status = 200, description = "Stored: the cast's new version", body = Saved, headers(("ETag" = String, description = "The version stored now")))),
)]
pub async fn put_cast(
    State(store): Store,
    who: Who,
    path: Result<Path<i64>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let result = async {
        let who = principal(who)?;
        let project = project_id(path)?;
        let detail = store.project(&who, project).await?;
        may_edit(&who)?;
        let version = checked_version(&headers, detail.cast_version)?;
        let CastBody { cast } = json_body(body)?;
        let cast = shared::Cast::new(cast).map_err(AppError::from)?;
        let saved = store.save_cast(&who, project, version, cast).await?;
        Ok(with_etag(saved, Json(Saved { version: saved })))
    };
    answer(result.await, &headers)
}

/// A project's pronunciation map.
///
/// Its entries, the project's language and the map's version.
#[utoipa::path(
    get, path = "/api/projects/{project}/pronunciations", tag = "projects",
    params(("project" = i64, Path, description = "The project")),
    responses((status = 200, description = "The pronunciation map", body = app::model::ProjectPronunciations, headers(("ETag" = String, description = "The version stored now")))),
)]
pub async fn pronunciations(
    State(store): Store,
    who: Who,
    path: Result<Path<i64>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    let result = async {
        let who = principal(who)?;
        let map = store.pronunciations(&who, project_id(path)?).await?;
        Ok(with_etag(map.version, Json(map)))
    };
    answer(result.await, &headers)
}

/// The body of `PUT …/pronunciations`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct EntriesBody {
    /// Every entry of the map (it replaces the stored one whole).
    entries: Vec<Entry>,
}

/// Replaces a project's pronunciation map.
///
/// Checked whole: valid IPA, no two entries for the same written form and locale.
#[utoipa::path(
    put, path = "/api/projects/{project}/pronunciations", tag = "projects",
    params(("project" = i64, Path, description = "The project"), IfMatch),
    request_body = EntriesBody,
    responses((status = 200, description = "Stored: the map's new version", body = Saved, headers(("ETag" = String, description = "The version stored now")))),
)]
pub async fn put_pronunciations(
    State(store): Store,
    who: Who,
    path: Result<Path<i64>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let result = async {
        let who = principal(who)?;
        let project = project_id(path)?;
        let stored = store.pronunciations(&who, project).await?;
        may_edit(&who)?;
        let version = checked_version(&headers, stored.version)?;
        let EntriesBody { entries } = json_body(body)?;
        let map = shared::PronunciationMap::new(entries).map_err(AppError::from)?;
        let saved = store
            .save_pronunciations(&who, project, version, map)
            .await?;
        Ok(with_etag(saved, Json(Saved { version: saved })))
    };
    answer(result.await, &headers)
}

/// Exports a chapter's plan as a desktop plan file.
///
/// The desktop planner's format: its segments with their speakers by id.
#[utoipa::path(
    get, path = "/api/projects/{project}/chapters/{chapter}/plan/file", tag = "plans",
    params(ChapterPath),
    responses((status = 200, description = "The plan in the desktop planner's file format", body = [shared::Segment], headers(("ETag" = String, description = "The version stored now")))),
)]
pub async fn plan_file(
    State(store): Store,
    who: Who,
    path: Result<Path<ChapterPath>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    let result = async {
        let who = principal(who)?;
        let plan = chapter_plan(&store, &who, path).await?;
        let file = app::api::plans::plan_file(&plan)?;
        let mut response = with_etag(plan.version, file);
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        Ok(response)
    };
    answer(result.await, &headers)
}

/// Imports a desktop plan file as the chapter's plan.
///
/// The file is the body; a `voice` may name a cast member by id, name or alias.
#[utoipa::path(
    put, path = "/api/projects/{project}/chapters/{chapter}/plan/file", tag = "plans",
    params(ChapterPath, IfMatch),
    request_body(content = [shared::Segment], description = "A desktop plan file; `voice` may name a cast member by id, name or alias"),
    responses((status = 200, description = "Imported: the new version", body = Saved, headers(("ETag" = String, description = "The version stored now")))),
)]
pub async fn put_plan_file(
    State(store): Store,
    who: Who,
    path: Result<Path<ChapterPath>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let result = async {
        let who = principal(who)?;
        let plan = chapter_plan(&store, &who, path).await?;
        may_edit(&who)?;
        let version = checked_version(&headers, plan.version)?;
        let body = body.map_err(|err| bad_request(&err.body_text()))?;
        let file = std::str::from_utf8(&body).map_err(|err| bad_request(&err.to_string()))?;
        let segments = shared::plan::file::parse(file).map_err(AppError::from)?;
        let saved = store
            .import_plan(&who, plan.chapter_id, version, segments)
            .await?;
        Ok(with_etag(saved, Json(Saved { version: saved })))
    };
    answer(result.await, &headers)
}
