//! The REST handlers of speaker jobs: `POST …/plan/assign-characters` queues the language
//! model's speaker assignment of the chapter's stored plan (202, with its events URL), `DELETE
//! …/speaker_jobs/{job}` cancels it. The events are the page's Server-Sent Events, read from any
//! server. A job never writes the plan: its `done` event carries a speaker per segment.

use std::sync::Arc;

use app::{
    api::SpeakerJobs,
    model::{ChapterId, JobId, Principal, ProjectId},
};
use axum::{
    extract::{rejection::PathRejection, Path, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Extension, Json,
};
use serde::{Deserialize, Serialize};

use super::{answer, bad_request, principal, problem::Problem, ChapterPath};
use crate::speaker_jobs::LlmJobs;

type Jobs = State<Arc<LlmJobs>>;
type Who = Option<Extension<Principal>>;

/// `{project}/chapters/{chapter}/speaker_jobs/{job}` in a path.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct JobPath {
    /// The project.
    project: i64,
    /// The chapter, one of the project's.
    chapter: i64,
    /// The job.
    job: u64,
}

/// A queued job: its id and where its events are read.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Queued {
    /// The job.
    job: JobId,
    /// Where its events are read: Server-Sent Events, each a `SpeakerJobEvent`.
    events: String,
}

/// Assigns speakers with the language model, as a job.
///
/// Answers at once (202) with the job and its events URL (also `Location`); 409 while one runs
/// for the chapter, 422 when no model is configured. The job never changes the plan: its `done`
/// event carries a speaker per segment.
#[utoipa::path(
    post, path = "/api/projects/{project}/chapters/{chapter}/plan/assign-characters", tag = "jobs",
    params(ChapterPath),
    responses((status = 202, description = "Queued: the job and where its events are read", body = Queued,
        headers(("Location" = String, description = "The events URL")))),
)]
pub async fn assign_characters(
    State(jobs): Jobs,
    who: Who,
    path: Result<Path<ChapterPath>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    let result = async {
        let who = principal(who)?;
        let Path(ChapterPath { project, chapter }) =
            path.map_err(|err| bad_request(&err.body_text()))?;
        let (project, chapter) = (ProjectId(project), ChapterId(chapter));
        let job = jobs.start(&who, project, chapter).await?;
        let events = job.events_url(project, chapter);
        let mut response = (
            StatusCode::ACCEPTED,
            Json(Queued {
                job,
                events: events.clone(),
            }),
        )
            .into_response();
        if let Ok(location) = HeaderValue::from_str(&events) {
            response.headers_mut().insert(header::LOCATION, location);
        }
        Ok::<_, Problem>(response)
    };
    answer(result.await, &headers)
}

/// Cancels a speaker job.
///
/// It stops within a second and ends with a `cancelled` event; a job that already ended is
/// left as it is.
#[utoipa::path(
    delete, path = "/api/projects/{project}/chapters/{chapter}/speaker_jobs/{job}", tag = "jobs",
    params(JobPath),
    responses((status = 204, description = "The job is asked to stop; it ends with a `cancelled` event")),
)]
pub async fn cancel(
    State(jobs): Jobs,
    who: Who,
    path: Result<Path<JobPath>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    let result = async {
        let who = principal(who)?;
        let Path(JobPath {
            project,
            chapter,
            job,
        }) = path.map_err(|err| bad_request(&err.body_text()))?;
        jobs.cancel(&who, ProjectId(project), ChapterId(chapter), JobId(job))
            .await?;
        Ok::<_, Problem>(StatusCode::NO_CONTENT.into_response())
    };
    answer(result.await, &headers)
}
