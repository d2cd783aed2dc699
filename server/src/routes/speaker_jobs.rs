//! `GET …/speaker_jobs/{job}/events`: a speaker job's progress as Server-Sent Events, one JSON
//! `SpeakerJobEvent` per message with its number as `id`: every event from the first, ending
//! after the final one, wherever the job runs. A browser that reconnects sends `Last-Event-ID` and
//! resumes after it.

use std::sync::Arc;

use crate::{speaker_jobs::LlmJobs, store::SqlStore};
use app::{
    i18n::Locale,
    model::{ChapterId, JobId, Principal, ProjectId, SpeakerJobEvent},
    AppError,
};
use axum::{
    extract::{Path, State},
    http::HeaderMap,
    response::{
        sse::{Event, KeepAlive, Sse},
        IntoResponse, Response,
    },
    Extension,
};
use futures_util::StreamExt;

/// A speaker job's progress, as Server-Sent Events.
///
/// Every event from the first (or after `Last-Event-ID`), ending after the final one; 404 when
/// the chapter has no such job.
#[utoipa::path(
    get, path = "/api/projects/{project}/chapters/{chapter}/speaker_jobs/{job}/events", tag = "jobs",
    params(
        ("project" = i64, Path, description = "The project"),
        ("chapter" = i64, Path, description = "The chapter, one of the project's"),
        ("job" = u64, Path, description = "The job"),
        ("Last-Event-ID" = Option<String>, Header, description = "The `id` of the last event read: the stream resumes after it"),
    ),
    responses((status = 200, description = "Server-Sent Events, each `data` a JSON event with its number as `id`: progress, then `done`, `failed` (with a worded `message`) or `cancelled`; the stream ends after it",
        content_type = "text/event-stream", body = SpeakerJobEvent)),
)]
pub(crate) async fn events(
    State(jobs): State<Arc<LlmJobs>>,
    State(store): State<Arc<SqlStore>>,
    who: Option<Extension<Principal>>,
    Path((project, chapter, job)): Path<(i64, i64, u64)>,
    headers: HeaderMap,
) -> Response {
    match super::chapter_reader(&store, who, ChapterId(chapter), &headers).await {
        Ok((_, found)) if found == ProjectId(project) => {}
        Ok(_) => return super::error_response(AppError::NotFound, &headers),
        Err(refused) => return refused,
    }
    let first = first_event(&headers);
    let events = match jobs
        .events(ProjectId(project), ChapterId(chapter), JobId(job), first)
        .await
    {
        Ok(Some(events)) => events,
        Ok(None) => return super::error_response(AppError::NotFound, &headers),
        Err(err) => return super::error_response(err.into(), &headers),
    };
    let locale = Locale::from_headers(&headers);
    stream(events.map(move |(seq, event)| (seq, wire(event, locale))))
}

/// The number of the first event to send: the one after `Last-Event-ID`, or the first.
pub(super) fn first_event(headers: &HeaderMap) -> u64 {
    headers
        .get("last-event-id")
        .and_then(|id| id.to_str().ok()?.trim().parse::<u64>().ok())
        .map_or(0, |seen| seen.saturating_add(1))
}

/// A job's numbered events as Server-Sent Events, each `data` the event's JSON and `id` its
/// number.
pub(super) fn stream<E: serde::Serialize>(
    events: impl futures_util::Stream<Item = (u64, E)> + Send + 'static,
) -> Response {
    let events = events.map(|(seq, event)| Event::default().id(seq.to_string()).json_data(event));
    Sse::new(events)
        .keep_alive(KeepAlive::default())
        .into_response()
}

/// An event as it is sent: a failure also carries its reason worded in the language of the
/// request, as `message`.
fn wire(event: SpeakerJobEvent, locale: Locale) -> SpeakerJobEvent {
    match event {
        SpeakerJobEvent::Failed { reason, .. } => SpeakerJobEvent::Failed {
            message: Some((locale.texts().job_failure)(&reason)),
            reason,
        },
        other => other,
    }
}
