//! A chapter render's routes: its job's progress as Server-Sent Events, and the MP3 download.

use std::sync::Arc;

use app::{
    i18n::Locale,
    model::{BookEvent, ChapterId, JobId, Principal, ProjectId, RenderEvent},
    AppError,
};
use axum::{
    extract::{Path, State},
    http::{header, HeaderMap, HeaderValue},
    response::Response,
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
        Ok((bytes, title, tag)) => download(
            bytes,
            "audio/mpeg",
            &tag,
            &format!("{}.mp3", title.trim()),
            &headers,
        ),
        Err(err) => super::error_response(AppError::from(err), &headers),
    }
}

/// A file to download or play: its type, revalidated by its `tag` (304 while unchanged), byte
/// ranges for a player that seeks, and its name for a download.
fn download(
    bytes: bytes::Bytes,
    content_type: &'static str,
    tag: &str,
    name: &str,
    request: &HeaderMap,
) -> Response {
    let mut answer = super::audio::ranged(bytes, content_type, tag, "private, no-cache", request);
    if let Ok(value) = HeaderValue::from_str(&attachment(name)) {
        answer
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, value);
    }
    answer
}

/// `Content-Disposition` for a file called `name`: an ASCII fallback and the UTF-8 name
/// (RFC 6266).
fn attachment(name: &str) -> String {
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
    let encoded = percent_encoding::utf8_percent_encode(name, percent_encoding::NON_ALPHANUMERIC);
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// An audiobook job's progress, as Server-Sent Events (every event from the first, or after
/// `Last-Event-ID`); 404 when the project has no such job.
pub(crate) async fn book_events(
    State(renders): State<Arc<ChapterRenders>>,
    who: Option<Extension<Principal>>,
    Path((project, job)): Path<(i64, u64)>,
    headers: HeaderMap,
) -> Response {
    let who = match super::signed_in(who) {
        Ok(who) => who,
        Err(err) => return super::error_response(err, &headers),
    };
    let events = match renders
        .book_events(&who, ProjectId(project), JobId(job), first_event(&headers))
        .await
    {
        Ok(Some(events)) => events,
        Ok(None) => return super::error_response(AppError::NotFound, &headers),
        Err(err) => return super::error_response(err.into(), &headers),
    };
    let locale = Locale::from_headers(&headers);
    stream(events.map(move |(seq, event)| (seq, book_wire(event, locale))))
}

/// A book event as it is sent: a failure also carries its reason, worded.
fn book_wire(event: BookEvent, locale: Locale) -> BookEvent {
    match event {
        BookEvent::Failed { reason, .. } => BookEvent::Failed {
            message: Some((app::i18n::render_texts(locale).failure)(&reason)),
            reason,
        },
        other => other,
    }
}

/// The project's audiobook (M4B), as a download named after the book; 404 before the first.
pub(crate) async fn m4b(
    State(renders): State<Arc<ChapterRenders>>,
    who: Option<Extension<Principal>>,
    Path(project): Path<i64>,
    headers: HeaderMap,
) -> Response {
    let who = match super::signed_in(who) {
        Ok(who) => who,
        Err(err) => return super::error_response(err, &headers),
    };
    match renders.m4b(&who, ProjectId(project)).await {
        Ok((bytes, name, tag)) => download(
            bytes,
            "audio/mp4",
            &tag,
            &format!("{}.m4b", name.trim()),
            &headers,
        ),
        Err(err) => super::error_response(AppError::from(err), &headers),
    }
}
