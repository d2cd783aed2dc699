//! The REST API for scripts, beside the page's server functions and behind the same session
//! layer, ports and roles: a chapter's plan is a resource whose version is its `ETag`; every
//! write names the version it was made on in `If-Match` (missing: 428, stale: 412). A
//! single-segment operation runs the same `shared` edit as the page and is stored as the same
//! delta (`save_changes`), so open pages pull it in like a colleague's edit. Errors are
//! `application/problem+json` ([`problem`]).

mod create;
mod jobs;
pub mod openapi;
mod plans;
pub mod problem;
mod projects;
mod segments;

use app::{
    api::PlanStore,
    model::{ChapterId, ChapterPlan, Principal, ProjectId, Role, Version},
    AppError,
};
use axum::{
    body::Bytes,
    extract::{
        rejection::{BytesRejection, PathRejection},
        Path,
    },
    http::{header, HeaderMap, HeaderValue, Method},
    response::{IntoResponse, Response},
    routing::{delete, get, post, put, MethodRouter},
    Extension,
};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

use crate::{state::AppState, store::SqlStore};
use problem::Problem;

/// The API's routes, each with its method and path as the router has them.
pub fn routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    const PLAN: &str = "/api/projects/{project}/chapters/{chapter}/plan";
    const SEGMENT: &str = "/api/projects/{project}/chapters/{chapter}/plan/segments/{segment}";
    const PLAN_FILE: &str = "/api/projects/{project}/chapters/{chapter}/plan/file";
    const CAST: &str = "/api/projects/{project}/cast";
    const PRONUNCIATIONS: &str = "/api/projects/{project}/pronunciations";
    vec![
        (Method::GET, "/api/openapi.json", get(openapi::openapi_json)),
        (Method::GET, "/api/projects", get(plans::projects)),
        (Method::POST, "/api/projects", post(create::create_project)),
        (
            Method::POST,
            "/api/projects/{project}/chapters",
            post(create::add_chapters),
        ),
        (
            Method::GET,
            "/api/projects/{project}/chapters/status",
            get(plans::chapter_status),
        ),
        (Method::GET, PLAN, get(plans::plan)),
        (Method::PUT, PLAN, put(plans::put_plan)),
        (
            Method::POST,
            "/api/projects/{project}/chapters/{chapter}/plan/generate",
            post(plans::generate),
        ),
        (
            Method::POST,
            "/api/projects/{project}/chapters/{chapter}/plan/segments/{segment}/split",
            post(segments::split),
        ),
        (
            Method::POST,
            "/api/projects/{project}/chapters/{chapter}/plan/segments/{segment}/merge",
            post(segments::merge),
        ),
        (Method::DELETE, SEGMENT, delete(segments::delete_segment)),
        (
            Method::POST,
            "/api/projects/{project}/chapters/{chapter}/plan/segments/{segment}/revision",
            post(segments::revision),
        ),
        (
            Method::POST,
            "/api/projects/{project}/chapters/{chapter}/complete",
            post(plans::complete),
        ),
        (
            Method::POST,
            "/api/projects/{project}/chapters/{chapter}/plan/assign-characters",
            post(jobs::assign_characters),
        ),
        (
            Method::DELETE,
            "/api/projects/{project}/chapters/{chapter}/speaker_jobs/{job}",
            delete(jobs::cancel),
        ),
        (Method::GET, CAST, get(projects::cast)),
        (Method::PUT, CAST, put(projects::put_cast)),
        (Method::GET, PRONUNCIATIONS, get(projects::pronunciations)),
        (
            Method::PUT,
            PRONUNCIATIONS,
            put(projects::put_pronunciations),
        ),
        (Method::GET, PLAN_FILE, get(projects::plan_file)),
        (Method::PUT, PLAN_FILE, put(projects::put_plan_file)),
    ]
}

/// The `If-Match` header of a write, as the OpenAPI document describes it.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Header)]
pub struct IfMatch {
    /// The version the change was made on: the `ETag` of the last read, e.g. `"7"`.
    #[param(rename = "If-Match")]
    #[allow(
        dead_code,
        reason = "read from the headers by `if_match`; here for the document"
    )]
    if_match: String,
}

/// The signed-in principal, or 401.
fn principal(who: Option<Extension<Principal>>) -> Result<Principal, Problem> {
    who.map(|Extension(who)| who)
        .ok_or(Problem::App(AppError::Unauthorized))
}

/// The version a write names in `If-Match` (`"7"`, `W/"7"` or `7`); 428 without one.
fn if_match(headers: &HeaderMap) -> Result<Version, Problem> {
    let value = headers
        .get(header::IF_MATCH)
        .ok_or(Problem::VersionRequired)?
        .to_str()
        .map_err(|_| bad_request("If-Match is not text"))?;
    value
        .trim()
        .trim_start_matches("W/")
        .trim_matches('"')
        .parse::<i64>()
        .map(Version)
        .map_err(|_| bad_request("If-Match must be the plan's ETag, a version number"))
}

/// The version a write names in `If-Match`, when it is `current` (428 without, 412 when stale).
fn checked_version(headers: &HeaderMap, current: Version) -> Result<Version, Problem> {
    let named = if_match(headers)?;
    if named == current {
        Ok(named)
    } else {
        Err(Problem::Stale { current: current.0 })
    }
}

/// `body` as the answer, with `version` as its `ETag`.
fn with_etag(version: Version, body: impl IntoResponse) -> Response {
    let mut response = body.into_response();
    response.headers_mut().insert(header::ETAG, etag(version));
    response
}

/// The `ETag` of a resource stored at `version`.
fn etag(version: Version) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{}\"", version.0))
        .unwrap_or(HeaderValue::from_static("\"0\""))
}

/// The JSON body as `T`, or a 400 naming what is wrong with it (not JSON, not the expected
/// shape, or over the server's 64 MB limit on a body).
fn json_body<T: DeserializeOwned>(body: Result<Bytes, BytesRejection>) -> Result<T, Problem> {
    let body = body.map_err(|err| bad_request(&err.body_text()))?;
    serde_json::from_slice(&body).map_err(|err| bad_request(&err.to_string()))
}

fn bad_request(detail: &str) -> Problem {
    Problem::App(AppError::BadRequest(detail.to_owned()))
}

/// The answer of a handler: its result, or the problem worded for the request.
fn answer(result: Result<Response, Problem>, headers: &HeaderMap) -> Response {
    result.unwrap_or_else(|problem| problem.respond(headers))
}

/// `{project}/chapters/{chapter}` in a path.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct ChapterPath {
    /// The project.
    project: i64,
    /// The chapter, one of the project's.
    chapter: i64,
}

/// What a write answers: the version stored now (also the `ETag`).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Saved {
    /// The version stored now.
    version: Version,
}

/// The project a `{project}` path names.
fn project_id(path: Result<Path<i64>, PathRejection>) -> Result<ProjectId, Problem> {
    path.map(|Path(id)| ProjectId(id))
        .map_err(|err| bad_request(&err.body_text()))
}

/// The chapter's plan, when it belongs to the project the path names (else 404).
async fn chapter_plan(
    store: &SqlStore,
    who: &Principal,
    path: Result<Path<ChapterPath>, PathRejection>,
) -> Result<ChapterPlan, Problem> {
    let Path(ChapterPath { project, chapter }) =
        path.map_err(|err| bad_request(&err.body_text()))?;
    let plan = store.load_plan(who, ChapterId(chapter)).await?;
    if plan.project_id != ProjectId(project) {
        return Err(AppError::NotFound.into());
    }
    Ok(plan)
}

/// 403 unless `who` may change what they can see (editors and owners); checked after the
/// resource is found, so another organisation's stays "not found".
fn may_edit(who: &Principal) -> Result<(), Problem> {
    if who.may(Role::Editor) {
        Ok(())
    } else {
        Err(AppError::Forbidden.into())
    }
}
