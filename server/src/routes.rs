//! Plain axum routes outside Leptos: the health check, the manuscript import preview, which
//! takes a raw file body (server functions take JSON), the Server-Sent Events of speaker jobs and
//! of a chapter's live state, and the audio of cached clips.

pub(crate) mod audio;
mod live;
pub(crate) mod renders;
pub(crate) mod speaker_jobs;

use app::{
    i18n::{worded, Locale},
    model::{ImportPreview, PreviewChapter, Principal, Role, SectionKind},
    AppError,
};
use axum::{
    body::Bytes,
    extract::{Query, State},
    http::{HeaderMap, Method, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, post, MethodRouter},
    Extension, Json, Router,
};
use serde::Deserialize;

use crate::{import, state::AppState};

/// Routes that are not pages or server functions.
pub fn routes() -> Router<AppState> {
    table().0
}

/// Every plain route's method and path, as the router has them (the access tests are built from
/// this list, so a route added without a rule fails them).
pub fn plain_routes() -> Vec<(Method, &'static str)> {
    table().1
}

fn table() -> (Router<AppState>, Vec<(Method, &'static str)>) {
    let mut listed = Vec::new();
    let mut add = |method: Method, path: &'static str, handler: MethodRouter<AppState>| {
        listed.push((method, path));
        (path, handler)
    };
    let mut routes = vec![
        add(Method::GET, "/health", get(|| async { "ok" })),
        add(Method::POST, "/api/import_preview", post(import_preview)),
        add(Method::GET, "/audio/{project}/{key}", get(audio::clip)),
        add(
            Method::GET,
            "/api/projects/{project}/chapters/{chapter}/speaker_jobs/{job}/events",
            get(speaker_jobs::events),
        ),
        add(
            Method::GET,
            "/api/projects/{project}/chapters/{chapter}/render_jobs/{job}/events",
            get(renders::events),
        ),
        add(
            Method::GET,
            "/api/projects/{project}/chapters/{chapter}/render.mp3",
            get(renders::mp3),
        ),
        add(
            Method::GET,
            "/api/projects/{project}/book_jobs/{job}/events",
            get(renders::book_events),
        ),
        add(
            Method::GET,
            "/api/projects/{project}/book.m4b",
            get(renders::m4b),
        ),
        add(Method::GET, "/api/chapters/{chapter}/live", get(live::live)),
    ];
    for (method, path, handler) in crate::rest::routes() {
        routes.push(add(method, path, handler));
    }
    let router = routes
        .into_iter()
        .fold(Router::new(), |router, (path, handler)| {
            router.route(path, handler)
        });
    (router, listed)
}

/// The query of an import preview: the uploaded file's name, whose extension names its format.
#[derive(Debug, Deserialize)]
struct ImportQuery {
    name: String,
}

/// Parses an uploaded manuscript into the chapters it holds (a PDF's text layer read by the
/// state's `pdftotext`), storing nothing: the producer
/// reviews them and adds the ones they keep with the `add_chapters` server function.
#[tracing::instrument(skip_all, fields(name = %query.name, bytes = body.len()))]
async fn import_preview(
    State(state): State<AppState>,
    who: Option<Extension<Principal>>,
    Query(query): Query<ImportQuery>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    // Importing is an editor's work, although the preview stores nothing.
    match signed_in(who) {
        Ok(who) if who.may(Role::Editor) => {}
        Ok(_) => return error_response(AppError::Forbidden, &headers),
        Err(err) => return error_response(err, &headers),
    }
    // Unzipping and parsing a whole book is CPU work: keep it off the async workers.
    let pdf = state.pdf.clone();
    let parsed =
        tokio::task::spawn_blocking(move || import::import(&query.name, &body, pdf.as_ref())).await;
    match parsed {
        Ok(Ok(manuscript)) => Json(preview(manuscript)).into_response(),
        Ok(Err(err)) => {
            tracing::info!(error = %err, "import refused");
            error_response(AppError::from(err), &headers)
        }
        Err(err) => {
            tracing::error!(error = %err, "import task failed");
            error_response(AppError::Internal, &headers)
        }
    }
}

/// The request's principal, which the session layer put there; `Unauthorized` without one.
pub(crate) fn signed_in(who: Option<Extension<Principal>>) -> Result<Principal, AppError> {
    who.map(|Extension(who)| who).ok_or(AppError::Unauthorized)
}

/// The signed-in principal of the request, if they may read `chapter`, with the chapter's project;
/// otherwise the answer that refuses them (401, or 404 outside their organisation).
pub(crate) async fn chapter_reader(
    store: &crate::store::SqlStore,
    who: Option<Extension<Principal>>,
    chapter: app::model::ChapterId,
    headers: &HeaderMap,
) -> Result<(Principal, app::model::ProjectId), Response> {
    let who = signed_in(who).map_err(|err| error_response(err, headers))?;
    match store.allow_chapter(&who, chapter, Role::Viewer).await {
        Ok(project) => Ok((who, project)),
        Err(err) => Err(error_response(AppError::from(err), headers)),
    }
}

/// The answer of a plain route that failed: [`AppError::status`], and the error as server
/// functions answer it (a refusal worded in the language of the request).
pub(crate) fn error_response(err: AppError, headers: &HeaderMap) -> Response {
    let status = StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, Json(worded(err, Locale::from_headers(headers)))).into_response()
}

fn preview(manuscript: import::Manuscript) -> ImportPreview {
    ImportPreview {
        title: manuscript.title,
        chapters: manuscript
            .chapters
            .into_iter()
            .map(|chapter| PreviewChapter {
                title: chapter.title,
                text: chapter.text,
                kind: match chapter.kind {
                    import::SectionKind::Body => SectionKind::Body,
                    import::SectionKind::FrontMatter => SectionKind::FrontMatter,
                    import::SectionKind::BackMatter => SectionKind::BackMatter,
                },
            })
            .collect(),
    }
}
