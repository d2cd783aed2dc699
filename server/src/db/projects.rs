//! Queries on `projects`.

use sqlx::{AnyConnection, FromRow};

/// A project row with its chapter count and first chapter.
#[derive(Debug, FromRow)]
pub(crate) struct ProjectRow {
    pub id: i64,
    pub name: String,
    pub language: String,
    pub chapter_count: i64,
    pub first_chapter: Option<i64>,
}

/// The projects of an organisation.
pub(crate) async fn projects_of_organisation(
    conn: &mut AnyConnection,
    organisation: i64,
) -> sqlx::Result<Vec<ProjectRow>> {
    sqlx::query_as(
        "SELECT p.id, p.name, p.language,
                (SELECT COUNT(*) FROM chapters c WHERE c.project_id = p.id) AS chapter_count,
                (SELECT c.id FROM chapters c WHERE c.project_id = p.id ORDER BY c.position LIMIT 1) AS first_chapter
         FROM projects p WHERE p.organisation_id = $1 ORDER BY p.name, p.id",
    )
    .bind(organisation)
    .fetch_all(conn)
    .await
}

pub(crate) async fn project_exists(conn: &mut AnyConnection, id: i64) -> sqlx::Result<bool> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM projects WHERE id = $1")
        .bind(id)
        .fetch_optional(conn)
        .await?;
    Ok(found.is_some())
}

pub(crate) async fn insert_project(
    conn: &mut AnyConnection,
    organisation: i64,
    name: &str,
    language: &str,
    limits_json: &str,
    now: i64,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO projects (organisation_id, name, language, limits_json, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
    )
    .bind(organisation)
    .bind(name)
    .bind(language)
    .bind(limits_json)
    .bind(now)
    .fetch_one(conn)
    .await
}

/// A project with its settings and cast.
#[derive(Debug, FromRow)]
pub(crate) struct ProjectDetailRow {
    pub id: i64,
    pub name: String,
    pub language: String,
    pub limits_json: String,
    pub cast_json: String,
    pub cast_version: i64,
}

pub(crate) async fn project_by_id(
    conn: &mut AnyConnection,
    id: i64,
) -> sqlx::Result<Option<ProjectDetailRow>> {
    sqlx::query_as(
        "SELECT id, name, language, limits_json, cast_json, cast_version FROM projects WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// Renames a project; false when it does not exist.
pub(crate) async fn rename_project(
    conn: &mut AnyConnection,
    id: i64,
    name: &str,
    now: i64,
) -> sqlx::Result<bool> {
    let done = sqlx::query("UPDATE projects SET name = $1, updated_at = $2 WHERE id = $3")
        .bind(name)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Deletes a project with its chapters and plans; false when it does not exist.
pub(crate) async fn delete_project(conn: &mut AnyConnection, id: i64) -> sqlx::Result<bool> {
    let done = sqlx::query("DELETE FROM projects WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Replaces the cast if it is still at `expected`; false when someone saved it since.
pub(crate) async fn write_cast(
    conn: &mut AnyConnection,
    id: i64,
    expected: i64,
    cast_json: &str,
    now: i64,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE projects SET cast_json = $1, cast_version = cast_version + 1, updated_at = $2
         WHERE id = $3 AND cast_version = $4",
    )
    .bind(cast_json)
    .bind(now)
    .bind(id)
    .bind(expected)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A project's pronunciation map as stored, with the project's language.
#[derive(Debug, FromRow)]
pub(crate) struct PronunciationsRow {
    pub language: String,
    pub pronunciations_json: String,
    pub pronunciations_version: i64,
}

pub(crate) async fn pronunciations_of(
    conn: &mut AnyConnection,
    id: i64,
) -> sqlx::Result<Option<PronunciationsRow>> {
    sqlx::query_as(
        "SELECT language, pronunciations_json, pronunciations_version FROM projects WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// Replaces the pronunciation map if it is still at `expected`; false when someone saved it since.
pub(crate) async fn write_pronunciations(
    conn: &mut AnyConnection,
    id: i64,
    expected: i64,
    pronunciations_json: &str,
    now: i64,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE projects SET pronunciations_json = $1,
                pronunciations_version = pronunciations_version + 1, updated_at = $2
         WHERE id = $3 AND pronunciations_version = $4",
    )
    .bind(pronunciations_json)
    .bind(now)
    .bind(id)
    .bind(expected)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
