//! Queries on `chapter_renders` (a chapter's current MP3 and its ACX report) and a project's
//! pauses.

use sqlx::{AnyConnection, FromRow};

/// A chapter's stored render.
#[derive(Debug, Clone, FromRow)]
pub(crate) struct RenderRow {
    pub chapter_id: i64,
    pub project_id: i64,
    pub plan_version: i64,
    pub digest: String,
    pub object_path: String,
    pub duration_ms: i64,
    pub bytes: i64,
    pub sent: i64,
    pub cached: i64,
    pub passes: i64,
    pub report_json: String,
    pub made_at: i64,
}

/// The chapter's render, if one was stored.
pub(crate) async fn find(
    conn: &mut AnyConnection,
    chapter_id: i64,
) -> sqlx::Result<Option<RenderRow>> {
    sqlx::query_as(
        "SELECT chapter_id, project_id, plan_version, digest, object_path, duration_ms, bytes,
                sent, cached, passes, report_json, made_at
         FROM chapter_renders WHERE chapter_id = $1",
    )
    .bind(chapter_id)
    .fetch_optional(conn)
    .await
}

/// Stores the chapter's render in place of the one before; answers the path of the file it
/// replaced, to delete once this is committed.
pub(crate) async fn replace(
    conn: &mut AnyConnection,
    row: &RenderRow,
) -> sqlx::Result<Option<String>> {
    let before: Option<String> =
        sqlx::query_scalar("SELECT object_path FROM chapter_renders WHERE chapter_id = $1")
            .bind(row.chapter_id)
            .fetch_optional(&mut *conn)
            .await?;
    sqlx::query("DELETE FROM chapter_renders WHERE chapter_id = $1")
        .bind(row.chapter_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO chapter_renders (chapter_id, project_id, plan_version, digest, object_path,
             duration_ms, bytes, sent, cached, passes, report_json, made_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(row.chapter_id)
    .bind(row.project_id)
    .bind(row.plan_version)
    .bind(&row.digest)
    .bind(&row.object_path)
    .bind(row.duration_ms)
    .bind(row.bytes)
    .bind(row.sent)
    .bind(row.cached)
    .bind(row.passes)
    .bind(&row.report_json)
    .bind(row.made_at)
    .execute(conn)
    .await?;
    Ok(before.filter(|path| *path != row.object_path))
}

/// A project's stored audiobook.
#[derive(Debug, Clone, FromRow)]
pub(crate) struct BookRow {
    pub project_id: i64,
    pub digest: String,
    pub object_path: String,
    pub duration_ms: i64,
    pub bytes: i64,
    pub markers: i64,
    pub made_at: i64,
}

/// The project's audiobook, if one was stored.
pub(crate) async fn find_book(
    conn: &mut AnyConnection,
    project_id: i64,
) -> sqlx::Result<Option<BookRow>> {
    sqlx::query_as(
        "SELECT project_id, digest, object_path, duration_ms, bytes, markers, made_at
         FROM book_renders WHERE project_id = $1",
    )
    .bind(project_id)
    .fetch_optional(conn)
    .await
}

/// Stores the project's audiobook in place of the one before; answers the path of the file it
/// replaced, to delete once this is committed.
pub(crate) async fn replace_book(
    conn: &mut AnyConnection,
    row: &BookRow,
) -> sqlx::Result<Option<String>> {
    let before: Option<String> =
        sqlx::query_scalar("SELECT object_path FROM book_renders WHERE project_id = $1")
            .bind(row.project_id)
            .fetch_optional(&mut *conn)
            .await?;
    sqlx::query("DELETE FROM book_renders WHERE project_id = $1")
        .bind(row.project_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO book_renders (project_id, digest, object_path, duration_ms, bytes, markers,
             made_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(row.project_id)
    .bind(&row.digest)
    .bind(&row.object_path)
    .bind(row.duration_ms)
    .bind(row.bytes)
    .bind(row.markers)
    .bind(row.made_at)
    .execute(conn)
    .await?;
    Ok(before.filter(|path| *path != row.object_path))
}

/// The project's author and pauses (JSON) as stored; `None` where never set.
pub(crate) async fn settings(
    conn: &mut AnyConnection,
    project_id: i64,
) -> sqlx::Result<(Option<String>, Option<String>)> {
    let found: Option<(Option<String>, Option<String>)> =
        sqlx::query_as("SELECT author, pauses_json FROM projects WHERE id = $1")
            .bind(project_id)
            .fetch_optional(conn)
            .await?;
    Ok(found.unwrap_or_default())
}

/// Sets the project's author and pauses.
pub(crate) async fn save_settings(
    conn: &mut AnyConnection,
    project_id: i64,
    author: &str,
    pauses_json: &str,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE projects SET author = $2, pauses_json = $3 WHERE id = $1")
        .bind(project_id)
        .bind(author)
        .bind(pauses_json)
        .execute(conn)
        .await
        .map(drop)
}
