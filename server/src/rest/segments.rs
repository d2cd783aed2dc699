//! The REST handlers of one segment: split, merge, delete, mark for revision. Each runs the same
//! `shared` edit as the page on the plan at the `If-Match` version and stores it as the page
//! stores an edit (`save_changes`), so open pages pull it in like a colleague's.

use std::sync::Arc;

use app::{
    api::PlanStore,
    model::{ChapterPlan, Version},
    AppError,
};
use axum::{
    body::Bytes,
    extract::{
        rejection::{BytesRejection, PathRejection},
        Path, State,
    },
    http::HeaderMap,
    response::Response,
    Extension, Json,
};
use serde::{Deserialize, Serialize};
use shared::{plan::change::Change, Edit, Plan, Segment, SegmentId};

use super::{
    answer, bad_request, json_body, plans::writable, problem::Problem, with_etag, ChapterPath,
    IfMatch,
};
use crate::store::SqlStore;

type Store = State<Arc<SqlStore>>;
type Who = Option<Extension<app::model::Principal>>;

/// `{project}/chapters/{chapter}/plan/segments/{segment}` in a path.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct SegmentPath {
    /// The project.
    project: i64,
    /// The chapter, one of the project's.
    chapter: i64,
    /// The segment's `segment_id`.
    segment: u32,
}

/// The body of a split: where, in characters of the segment's text.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct SplitBody {
    /// Where the second segment starts, in characters (Unicode scalar values) of the
    /// segment's text: inside it, not at either end.
    position: usize,
}

/// Splits a segment in two.
///
/// At a character of its text (not inside a character, not at either end).
#[utoipa::path(
    post, path = "/api/projects/{project}/chapters/{chapter}/plan/segments/{segment}/split", tag = "segments",
    params(SegmentPath, IfMatch),
    request_body = SplitBody,
    responses((status = 200, description = "The two segments the split made, and the new version", body = Edited, headers(("ETag" = String, description = "The version stored now")))),
)]
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
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Forward,
    Backward,
}

/// The body of a merge.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct MergeBody {
    /// `forward` joins the next segment, `backward` the previous one.
    direction: Direction,
}

/// Merges a segment with its neighbour.
///
/// Refused when the result would not fit the engine, or there is no neighbour that way.
#[utoipa::path(
    post, path = "/api/projects/{project}/chapters/{chapter}/plan/segments/{segment}/merge", tag = "segments",
    params(SegmentPath, IfMatch),
    request_body = MergeBody,
    responses((status = 200, description = "The merged segment, and the new version", body = Edited, headers(("ETag" = String, description = "The version stored now")))),
)]
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

/// Deletes a segment.
///
/// Its text is no longer read; the plan still validates.
#[utoipa::path(
    delete, path = "/api/projects/{project}/chapters/{chapter}/plan/segments/{segment}", tag = "segments",
    params(SegmentPath, IfMatch),
    responses((status = 200, description = "Deleted: no segments, and the new version", body = Edited, headers(("ETag" = String, description = "The version stored now")))),
)]
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

/// The body of a revision mark.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct RevisionBody {
    /// `true` marks the segment as needing revision, `false` clears the mark.
    mark: bool,
}

/// Marks a segment as needing revision, or clears the mark.
///
/// A segment already so is left as it is (the version does not change).
#[utoipa::path(
    post, path = "/api/projects/{project}/chapters/{chapter}/plan/segments/{segment}/revision", tag = "segments",
    params(SegmentPath, IfMatch),
    request_body = RevisionBody,
    responses((status = 200, description = "The segment as marked, and the version (unchanged when it already was)", body = Edited, headers(("ETag" = String, description = "The version stored now")))),
)]
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

/// What a segment operation answers: the version stored now and the segments the edit made.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Edited {
    /// The version stored now.
    version: Version,
    /// The segments the edit made (none for a delete).
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
