//! Queries on `chapters`.

use sqlx::{AnyConnection, FromRow};

/// A chapter as listed, with its plan's state.
#[derive(Debug, FromRow)]
pub(crate) struct ChapterListRow {
    pub id: i64,
    pub position: i64,
    pub title: String,
    pub text_chars: i64,
    pub complete: Option<i64>,
    pub segment_count: Option<i64>,
}

/// The texts of a project's chapters, in order.
pub(crate) async fn chapter_texts(
    conn: &mut AnyConnection,
    project_id: i64,
) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar("SELECT text FROM chapters WHERE project_id = $1 ORDER BY position")
        .bind(project_id)
        .fetch_all(conn)
        .await
}

/// A chapter with what the editor needs of its project.
#[derive(Debug, FromRow)]
pub(crate) struct ChapterRow {
    pub id: i64,
    pub project_id: i64,
    pub title: String,
    pub text: String,
    pub limits_json: String,
    pub language: String,
    pub cast_json: String,
}

pub(crate) async fn chapters_of_project(
    conn: &mut AnyConnection,
    project_id: i64,
) -> sqlx::Result<Vec<ChapterListRow>> {
    sqlx::query_as(
        "SELECT c.id, c.position, c.title, CAST(LENGTH(c.text) AS BIGINT) AS text_chars,
                p.complete, p.segment_count
         FROM chapters c LEFT JOIN plans p ON p.chapter_id = c.id
         WHERE c.project_id = $1 ORDER BY c.position",
    )
    .bind(project_id)
    .fetch_all(conn)
    .await
}

pub(crate) async fn chapter_by_id(
    conn: &mut AnyConnection,
    id: i64,
) -> sqlx::Result<Option<ChapterRow>> {
    sqlx::query_as(
        "SELECT c.id, c.project_id, c.title, c.text, p.limits_json, p.language, p.cast_json
         FROM chapters c JOIN projects p ON p.id = c.project_id WHERE c.id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub(crate) async fn insert_chapter_last(
    conn: &mut AnyConnection,
    project_id: i64,
    title: &str,
    text: &str,
    now: i64,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO chapters (project_id, position, title, text, created_at, updated_at)
         VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM chapters WHERE project_id = $1),
                 $2, $3, $4, $4)
         RETURNING id",
    )
    .bind(project_id)
    .bind(title)
    .bind(text)
    .bind(now)
    .fetch_one(conn)
    .await
}

/// Replaces a chapter's text; false when there is no such chapter.
pub(crate) async fn replace_text(
    conn: &mut AnyConnection,
    id: i64,
    text: &str,
    now: i64,
) -> sqlx::Result<bool> {
    let done = sqlx::query("UPDATE chapters SET text = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(text)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}
