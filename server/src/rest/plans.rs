//! The REST handlers of projects, chapters and plans. Each reads the principal the session layer
//! found, calls the same port as the page's server function, and answers JSON or a problem.

use std::sync::Arc;

use app::{
    api::PlanStore,
    model::{ChapterPlan, Principal, Version},
    AppError,
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
use shared::{plan::change::Change, Edit, Plan, Segment, SegmentId};

use super::{
    answer, bad_request, chapter_plan, checked_version, json_body, may_edit, principal,
    problem::Problem, project_id, with_etag, ChapterPath, Saved,
};
use crate::store::SqlStore;

type Store = State<Arc<SqlStore>>;
type Who = Option<Extension<Principal>>;

/// `{project}/chapters/{chapter}/plan/segments/{segment}` in a path.
#[derive(Debug, Deserialize)]
pub struct SegmentPath {
    project: i64,
    chapter: i64,
    segment: u32,
}

/// `GET /api/projects`: the organisation's projects.
pub async fn projects(State(store): Store, who: Who, headers: HeaderMap) -> Response {
    let result = async {
        let who = principal(who)?;
        Ok(Json(store.list_projects(&who).await?).into_response())
    };
    answer(result.await, &headers)
}

/// `GET /api/projects/{project}/chapters/status`: the chapters in book order with their status.
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

/// `GET …/chapters/{chapter}/plan`: the chapter's text and plan, its version as the `ETag`.
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
#[derive(Debug, Deserialize)]
struct PlanBody {
    segments: Vec<Segment>,
}

/// `PUT …/chapters/{chapter}/plan`: replaces the plan stored at the `If-Match` version.
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

/// `POST …/plan/generate`: segments the chapter afresh over the plan at the `If-Match` version
/// (0 before the first plan).
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

/// The body of a split: where, in characters of the segment's text.
#[derive(Debug, Deserialize)]
struct SplitBody {
    position: usize,
}

/// `POST …/segments/{segment}/split` `{position}`.
pub async fn split(
    State(store): Store,
    who: Who,
    path: Result<Path<SegmentPath>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let result = async {
        let SplitBody { position } = json_body(body)?;
        edit_segment(&store, who, path, &headers, |id, _| {
            Ok(Some(Edit::Split { id, at: position }))
        })
        .await
    };
    answer(result.await, &headers)
}

/// Which neighbour a merge joins.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Direction {
    Forward,
    Backward,
}

#[derive(Debug, Deserialize)]
struct MergeBody {
    direction: Direction,
}

/// `POST …/segments/{segment}/merge` `{direction: forward|backward}`.
pub async fn merge(
    State(store): Store,
    who: Who,
    path: Result<Path<SegmentPath>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let result = async {
        let MergeBody { direction } = json_body(body)?;
        edit_segment(&store, who, path, &headers, |id, _| {
            Ok(Some(match direction {
                Direction::Forward => Edit::MergeNext { id },
                Direction::Backward => Edit::MergePrevious { id },
            }))
        })
        .await
    };
    answer(result.await, &headers)
}

/// `DELETE …/segments/{segment}`.
pub async fn delete_segment(
    State(store): Store,
    who: Who,
    path: Result<Path<SegmentPath>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    let result = edit_segment(&store, who, path, &headers, |id, _| {
        Ok(Some(Edit::Delete { id }))
    });
    answer(result.await, &headers)
}

#[derive(Debug, Deserialize)]
struct RevisionBody {
    mark: bool,
}

/// `POST …/segments/{segment}/revision` `{mark}`: sets or clears the needs-revision mark (a
/// segment already so is left as it is).
pub async fn revision(
    State(store): Store,
    who: Who,
    path: Result<Path<SegmentPath>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let result = async {
        let RevisionBody { mark } = json_body(body)?;
        edit_segment(&store, who, path, &headers, |id, plan| {
            let segment = plan.segments.iter().find(|s| s.id == id);
            let marked = segment.is_some_and(|s| s.needs_revision);
            Ok((segment.is_none() || marked != mark).then_some(Edit::ToggleRevision { id }))
        })
        .await
    };
    answer(result.await, &headers)
}

#[derive(Debug, Deserialize)]
struct CompleteBody {
    #[serde(default = "yes")]
    complete: bool,
}

fn yes() -> bool {
    true
}

/// `POST …/chapters/{chapter}/complete` `{complete}` (default true): signs the chapter off, or
/// reopens it; refused with what blocks it.
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
        Ok(Json(serde_json::json!({ "complete": complete })).into_response())
    };
    answer(result.await, &headers)
}

/// The principal and the plan, when they may change it at the `If-Match` version: 401, 404,
/// 403 for a viewer, 428 without `If-Match`, 412 when it is not the stored version.
async fn writable(
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

/// What a segment operation answers: the version stored now and the segments the edit made.
#[derive(Debug, Serialize)]
struct Edited {
    version: Version,
    segments: Vec<Segment>,
}

/// Runs the edit `make` gives for the segment (none: nothing to do) on the plan at the
/// `If-Match` version with `shared`, and stores it as the page stores an edit.
async fn edit_segment(
    store: &SqlStore,
    who: Who,
    path: Result<Path<SegmentPath>, PathRejection>,
    headers: &HeaderMap,
    make: impl FnOnce(SegmentId, &ChapterPlan) -> Result<Option<Edit>, Problem>,
) -> Result<Response, Problem> {
    let Path(SegmentPath {
        project,
        chapter,
        segment,
    }) = path.map_err(|err| bad_request(&err.body_text()))?;
    let chapter_path = Ok(Path(ChapterPath { project, chapter }));
    let (who, plan) = writable(store, who, chapter_path, headers).await?;
    let id = SegmentId(segment);
    let Some(edit) = make(id, &plan)? else {
        let unchanged = plan.segments.into_iter().filter(|s| s.id == id).collect();
        let answer = Edited {
            version: plan.version,
            segments: unchanged,
        };
        return Ok(with_etag(answer.version, Json(answer)));
    };
    let mut segments = Plan::new(plan.segments);
    let splice = segments
        .apply(&edit, &plan.text, &plan.limits)
        .map_err(AppError::Invalid)?;
    let change = Change::of(&splice);
    let inserted = change.inserted.clone();
    let saved = store
        .save_changes(&who, plan.chapter_id, plan.version, vec![change])
        .await?;
    let answer = Edited {
        version: saved.version,
        segments: inserted,
    };
    Ok(with_etag(answer.version, Json(answer)))
}
