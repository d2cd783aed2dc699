//! The REST handlers that make things: a project, and chapters in it (their texts, as the page's
//! import adds them after its preview). Each answers 201 with the new ids and `Location`.

use std::sync::Arc;

use app::{
    api::ProjectStore,
    model::{ChapterId, NewChapter, Principal, ProjectId},
};
use axum::{
    body::Bytes,
    extract::{
        rejection::{BytesRejection, PathRejection},
        Path, State,
    },
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Extension, Json,
};
use serde::{Deserialize, Serialize};
use shared::Language;

use super::{answer, json_body, principal, project_id};
use crate::store::SqlStore;

type Store = State<Arc<SqlStore>>;
type Who = Option<Extension<Principal>>;

/// The body of `POST /api/projects`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct NewProject {
    /// Its name (at most 200 characters).
    name: String,
    /// The manuscript's language: it picks the default voices and the speech verbs the rules
    /// know.
    language: Language,
}

/// A project made.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CreatedProject {
    /// The new project.
    id: ProjectId,
}

/// The body of `POST /api/projects/{project}/chapters`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct NewChapters {
    /// The chapters to add after the project's last, in order.
    chapters: Vec<NewChapter>,
}

/// Chapters added.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct AddedChapters {
    /// The new chapters, in the order given.
    chapters: Vec<ChapterId>,
}

/// Makes a project.
///
/// With the narrator as its cast and an empty pronunciation map; editors and owners only.
#[utoipa::path(
    post, path = "/api/projects", tag = "projects",
    request_body = NewProject,
    responses((status = 201, description = "Made: its id", body = CreatedProject,
        headers(("Location" = String, description = "Its chapters")))),
)]
pub async fn create_project(
    State(store): Store,
    who: Who,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let result = async {
        let who = principal(who)?;
        let NewProject { name, language } = json_body(body)?;
        let name = app::api::projects::project_name(&name)?;
        let id = store.create_project(&who, name, language).await?;
        Ok(created(
            &format!("/api/projects/{}/chapters/status", id.0),
            CreatedProject { id },
        ))
    };
    answer(result.await, &headers)
}

/// Adds chapters to a project.
///
/// Their texts as plain text (an import's chapters after its preview); each is checked, and
/// none is added when one is refused.
#[utoipa::path(
    post, path = "/api/projects/{project}/chapters", tag = "projects",
    params(("project" = i64, Path, description = "The project")),
    request_body = NewChapters,
    responses((status = 201, description = "Added: their ids", body = AddedChapters,
        headers(("Location" = String, description = "The project's chapters")))),
)]
pub async fn add_chapters(
    State(store): Store,
    who: Who,
    path: Result<Path<i64>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let result = async {
        let who = principal(who)?;
        let project = project_id(path)?;
        let NewChapters { chapters } = json_body(body)?;
        let chapters = app::api::projects::chapter_texts(chapters)?;
        let chapters = store.add_chapters(&who, project, chapters).await?;
        Ok(created(
            &format!("/api/projects/{}/chapters/status", project.0),
            AddedChapters { chapters },
        ))
    };
    answer(result.await, &headers)
}

/// 201 with `body` and `location`.
fn created(location: &str, body: impl Serialize) -> Response {
    let mut response = (StatusCode::CREATED, Json(body)).into_response();
    if let Ok(location) = HeaderValue::from_str(location) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}
