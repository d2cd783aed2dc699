//! `GET …/speaker_jobs/{job}/events`: a speaker job's progress as Server-Sent Events, one JSON
//! `SpeakerJobEvent` per message with its index in the job's log as `id`: every event from the
//! first, ending after the final one. A browser that reconnects sends `Last-Event-ID` and
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

/// Streams the job's events; 404 when the chapter of the project has no such job.
pub(super) async fn events(
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
    let Some(receiver) = jobs.events(ProjectId(project), ChapterId(chapter), JobId(job)) else {
        return super::error_response(AppError::NotFound, &headers);
    };
    let first = headers
        .get("last-event-id")
        .and_then(|id| id.to_str().ok()?.trim().parse::<usize>().ok())
        .map_or(0, |seen| seen.saturating_add(1));
    let locale = Locale::from_headers(&headers);
    let stream = futures_util::stream::unfold(
        (receiver, first, false),
        move |(mut receiver, next, ended)| async move {
            loop {
                if ended {
                    return None;
                }
                let event: Option<SpeakerJobEvent> =
                    receiver.borrow_and_update().get(next).cloned();
                if let Some(event) = event {
                    let last = event.is_final();
                    let message = Event::default()
                        .id(next.to_string())
                        .json_data(wire(&event, locale));
                    return Some((message, (receiver, next + 1, last)));
                }
                // The job was forgotten before its final event reached this reader.
                receiver.changed().await.ok()?;
            }
        },
    );
    Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response()
}

/// An event as it is sent: a failure also carries its reason worded in the language of the
/// request, as `message`.
fn wire(event: &SpeakerJobEvent, locale: Locale) -> serde_json::Value {
    let mut data = serde_json::to_value(event).unwrap_or_default();
    if let (SpeakerJobEvent::Failed { reason }, Some(fields)) = (event, data.as_object_mut()) {
        fields.insert(
            "message".to_owned(),
            (locale.texts().job_failure)(reason).into(),
        );
    }
    data
}
