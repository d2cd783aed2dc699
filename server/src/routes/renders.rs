//! A chapter render's routes: its job's progress as Server-Sent Events, and the MP3 download.

use std::sync::Arc;

use app::{
    i18n::Locale,
    model::{ChapterId, JobId, Principal, ProjectId, RenderEvent},
    AppError,
};
use axum::{
    extract::{Path, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Extension,
};
use futures_util::StreamExt;

use super::speaker_jobs::{first_event, stream};
use crate::{render::ChapterRenders, store::SqlStore};

/// A render job's progress, as Server-Sent Events.
///
/// Every event from the first (or after `Last-Event-ID`), ending after the final one; 404 when
/// the chapter has no such job.
#[utoipa::path(
    get, path = "/api/projects/{project}/chapters/{chapter}/render_jobs/{job}/events", tag = "renders",
    params(
        ("project" = i64, Path, description = "The project"),
        ("chapter" = i64, Path, description = "The chapter, one of the project's"),
        ("job" = u64, Path, description = "The job"),
        ("Last-Event-ID" = Option<String>, Header, description = "The `id` of the last event read: the stream resumes after it"),
    ),
    responses((status = 200, description = "Server-Sent Events, each `data` a JSON event with its number as `id`: progress, then `done` (with the ACX report), `failed` (with a worded `message`) or `cancelled`; the stream ends after it",
        content_type = "text/event-stream", body = RenderEvent)),
)]
pub(crate) async fn events(
    State(renders): State<Arc<ChapterRenders>>,
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
    let events = match renders
        .events(
            ProjectId(project),
            ChapterId(chapter),
            JobId(job),
            first_event(&headers),
        )
        .await
    {
        Ok(Some(events)) => events,
        Ok(None) => return super::error_response(AppError::NotFound, &headers),
        Err(err) => return super::error_response(err.into(), &headers),
    };
    let locale = Locale::from_headers(&headers);
    stream(events.map(move |(seq, event)| (seq, wire(event, locale))))
}

/// An event as it is sent: a failure also carries its reason worded in the request's language.
fn wire(event: RenderEvent, locale: Locale) -> RenderEvent {
    match event {
        RenderEvent::Failed { reason, .. } => RenderEvent::Failed {
            message: Some((app::i18n::render_texts(locale).failure)(&reason)),
            reason,
        },
        other => other,
    }
}

/// The chapter's rendered MP3.
///
/// The last render stored, ACX's format (44.1 kHz, constant 192 kbps), as a download named
/// after the chapter; 404 before the first render.
#[utoipa::path(
    get, path = "/api/projects/{project}/chapters/{chapter}/render.mp3", tag = "renders",
    params(
        ("project" = i64, Path, description = "The project"),
        ("chapter" = i64, Path, description = "The chapter, one of the project's"),
    ),
    responses((status = 200, description = "The MP3", content_type = "audio/mpeg")),
)]
pub(crate) async fn mp3(
    State(renders): State<Arc<ChapterRenders>>,
    who: Option<Extension<Principal>>,
    Path((project, chapter)): Path<(i64, i64)>,
    headers: HeaderMap,
) -> Response {
    let who = match super::signed_in(who) {
        Ok(who) => who,
        Err(err) => return super::error_response(err, &headers),
    };
    match renders
        .mp3(&who, ProjectId(project), ChapterId(chapter))
        .await
    {
        Ok((bytes, title)) => {
            let mut answer = HeaderMap::new();
            answer.insert(header::CONTENT_TYPE, HeaderValue::from_static("audio/mpeg"));
            answer.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-cache"),
            );
            if let Ok(value) = HeaderValue::from_str(&attachment(&title)) {
                answer.insert(header::CONTENT_DISPOSITION, value);
            }
            (StatusCode::OK, answer, bytes).into_response()
        }
        Err(err) => super::error_response(AppError::from(err), &headers),
    }
}

/// `Content-Disposition` for a file named after the chapter: an ASCII fallback and the UTF-8
/// name (RFC 6266).
fn attachment(title: &str) -> String {
    let name = format!("{}.mp3", title.trim());
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ' ') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded = percent_encoding::utf8_percent_encode(&name, percent_encoding::NON_ALPHANUMERIC);
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}
