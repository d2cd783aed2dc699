//! `GET /audio/{project}/{key}`: a cached clip's audio. The URL names its content (the key hashes
//! everything that made it), so the answer never changes: the browser may keep it for good, its
//! `ETag` is the key, and byte ranges let the player seek.

use std::sync::Arc;

use app::{
    model::{Principal, ProjectId, Role},
    AppError,
};
use axum::{
    body::Body,
    extract::{Path, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Extension,
};
use shared::speech::ClipKey;

use crate::{speech::Auditioner, store::SqlStore};

/// Serves the project's clip `key`; 404 when the project has no such clip.
pub(super) async fn clip(
    State(auditions): State<Arc<Auditioner>>,
    State(store): State<Arc<SqlStore>>,
    who: Option<Extension<Principal>>,
    Path((project, key)): Path<(i64, String)>,
    headers: HeaderMap,
) -> Response {
    let who = match super::signed_in(who) {
        Ok(who) => who,
        Err(err) => return super::error_response(err, &headers),
    };
    if let Err(err) = store
        .allow_project(&who, ProjectId(project), Role::Viewer)
        .await
    {
        return super::error_response(AppError::from(err), &headers);
    }
    let Ok(key) = key.parse::<ClipKey>() else {
        return super::error_response(AppError::NotFound, &headers);
    };
    match auditions.cache().read(ProjectId(project), &key).await {
        Ok(Some((bytes, _))) => ranged(
            bytes,
            "audio/wav",
            key.as_str(),
            "private, max-age=31536000, immutable",
            &headers,
        ),
        Ok(None) => super::error_response(AppError::NotFound, &headers),
        Err(err) => super::error_response(AppError::from(err), &headers),
    }
}

/// The answer for `bytes` of `content_type` whose content `tag` names: 304 when the browser
/// holds it already, 206 for one satisfiable byte range, 416 for an unsatisfiable one, else the
/// whole file.
pub(super) fn ranged(
    bytes: bytes::Bytes,
    content_type: &'static str,
    tag: &str,
    cache_control: &'static str,
    request: &HeaderMap,
) -> Response {
    let etag = format!("\"{tag}\"");
    let mut response_headers = HeaderMap::new();
    response_headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response_headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(cache_control),
    );
    response_headers.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    if let Ok(value) = HeaderValue::from_str(&etag) {
        response_headers.insert(header::ETAG, value);
    }
    let held = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|tags| tags.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    if held {
        return (StatusCode::NOT_MODIFIED, response_headers).into_response();
    }
    let length = bytes.len() as u64;
    let Some(range) = request.get(header::RANGE).and_then(|v| v.to_str().ok()) else {
        return (StatusCode::OK, response_headers, Body::from(bytes)).into_response();
    };
    let ranges = http_range_header::parse_range_header(range).and_then(|r| r.validate(length));
    match ranges.as_deref() {
        Ok([one]) => {
            let (start, end) = (*one.start(), *one.end());
            if let Ok(value) = HeaderValue::from_str(&format!("bytes {start}-{end}/{length}")) {
                response_headers.insert(header::CONTENT_RANGE, value);
            }
            let part = bytes.slice(start as usize..=end as usize);
            (
                StatusCode::PARTIAL_CONTENT,
                response_headers,
                Body::from(part),
            )
                .into_response()
        }
        // Several ranges: the whole clip is a valid answer, and players ask for one.
        Ok(_) => (StatusCode::OK, response_headers, Body::from(bytes)).into_response(),
        Err(_) => {
            if let Ok(value) = HeaderValue::from_str(&format!("bytes */{length}")) {
                response_headers.insert(header::CONTENT_RANGE, value);
            }
            (StatusCode::RANGE_NOT_SATISFIABLE, response_headers).into_response()
        }
    }
}
