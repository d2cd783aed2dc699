//! Queries on `audio_clips`, the audio cache's index.

use sqlx::{AnyConnection, FromRow};

/// One cached clip.
#[derive(Debug, FromRow)]
pub(crate) struct ClipRow {
    pub project_id: i64,
    pub clip_key: String,
    pub bytes: i64,
    pub duration_ms: i64,
}

pub(crate) async fn clip(
    conn: &mut AnyConnection,
    project_id: i64,
    key: &str,
) -> sqlx::Result<Option<ClipRow>> {
    sqlx::query_as(
        "SELECT project_id, clip_key, bytes, duration_ms FROM audio_clips
         WHERE project_id = $1 AND clip_key = $2",
    )
    .bind(project_id)
    .bind(key)
    .fetch_optional(conn)
    .await
}

pub(crate) async fn touch(
    conn: &mut AnyConnection,
    project_id: i64,
    key: &str,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE audio_clips SET last_used = $3 WHERE project_id = $1 AND clip_key = $2")
        .bind(project_id)
        .bind(key)
        .bind(now)
        .execute(conn)
        .await
        .map(drop)
}

/// Records a clip (again: a clip rendered twice keeps one row).
pub(crate) async fn upsert(conn: &mut AnyConnection, row: &ClipRow, now: i64) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO audio_clips (project_id, clip_key, bytes, duration_ms, created_at, last_used)
         VALUES ($1, $2, $3, $4, $5, $5)
         ON CONFLICT (project_id, clip_key)
         DO UPDATE SET bytes = $3, duration_ms = $4, last_used = $5",
    )
    .bind(row.project_id)
    .bind(&row.clip_key)
    .bind(row.bytes)
    .bind(row.duration_ms)
    .bind(now)
    .execute(conn)
    .await
    .map(drop)
}

pub(crate) async fn delete(
    conn: &mut AnyConnection,
    project_id: i64,
    key: &str,
) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM audio_clips WHERE project_id = $1 AND clip_key = $2")
        .bind(project_id)
        .bind(key)
        .execute(conn)
        .await
        .map(drop)
}

/// Bytes held by every cached clip.
pub(crate) async fn total_bytes(conn: &mut AnyConnection) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT CAST(COALESCE(SUM(bytes), 0) AS BIGINT) FROM audio_clips")
        .fetch_one(conn)
        .await
}

/// The least recently used clips, oldest first.
pub(crate) async fn oldest(conn: &mut AnyConnection, limit: i64) -> sqlx::Result<Vec<ClipRow>> {
    sqlx::query_as(
        "SELECT project_id, clip_key, bytes, duration_ms FROM audio_clips
         ORDER BY last_used ASC, clip_key ASC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// The keys of every clip cached for a project.
pub(crate) async fn keys(conn: &mut AnyConnection, project_id: i64) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar("SELECT clip_key FROM audio_clips WHERE project_id = $1")
        .bind(project_id)
        .fetch_all(conn)
        .await
}
