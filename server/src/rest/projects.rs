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
    with_etag, ChapterPath, Saved,
};
use crate::store::SqlStore;

type Store = State<Arc<SqlStore>>;
type Who = Option<Extension<Principal>>;

/// A project's cast and its version.
#[derive(Debug, Serialize, Deserialize)]
struct CastBody {
    cast: Vec<Character>,
}

/// `GET /api/projects/{project}/cast`.
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

/// `PUT /api/projects/{project}/cast` `{cast}`: replaces the cast saved at the `If-Match` version.
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

/// `GET /api/projects/{project}/pronunciations`: the map, its language and version.
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

#[derive(Debug, Deserialize)]
struct EntriesBody {
    entries: Vec<Entry>,
}

/// `PUT /api/projects/{project}/pronunciations` `{entries}`: replaces the map at `If-Match`.
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

/// `GET …/chapters/{chapter}/plan/file`: the plan in the desktop planner's format.
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

/// `PUT …/chapters/{chapter}/plan/file` (the file as the body): replaces the plan at `If-Match`
/// with the file's segments, speaker names matched to the cast.
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
