//! Queries on `chapter_presence`: who has a chapter open, refreshed by their page's live stream.

use sqlx::{AnyConnection, FromRow};

/// Someone on a chapter.
#[derive(Debug, FromRow)]
pub(crate) struct PresentRow {
    pub name: String,
    pub segment_id: Option<i64>,
}

/// Notes that `user` has the chapter open now (keeping the segment they are on).
pub(crate) async fn touch(
    conn: &mut AnyConnection,
    chapter_id: i64,
    user_id: i64,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO chapter_presence (chapter_id, user_id, segment_id, seen_at)
         VALUES ($1, $2, NULL, $3)
         ON CONFLICT (chapter_id, user_id) DO UPDATE SET seen_at = excluded.seen_at",
    )
    .bind(chapter_id)
    .bind(user_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Notes the segment `user` is on (none: no segment selected).
pub(crate) async fn set_segment(
    conn: &mut AnyConnection,
    chapter_id: i64,
    user_id: i64,
    segment_id: Option<i64>,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO chapter_presence (chapter_id, user_id, segment_id, seen_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (chapter_id, user_id)
         DO UPDATE SET segment_id = excluded.segment_id, seen_at = excluded.seen_at",
    )
    .bind(chapter_id)
    .bind(user_id)
    .bind(segment_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Everyone but `user` seen on the chapter since `since`, by name.
pub(crate) async fn others(
    conn: &mut AnyConnection,
    chapter_id: i64,
    user_id: i64,
    since: i64,
) -> sqlx::Result<Vec<PresentRow>> {
    sqlx::query_as(
        "SELECT users.name AS name, chapter_presence.segment_id AS segment_id
         FROM chapter_presence JOIN users ON users.id = chapter_presence.user_id
         WHERE chapter_presence.chapter_id = $1 AND chapter_presence.user_id <> $2
           AND chapter_presence.seen_at >= $3
         ORDER BY users.name",
    )
    .bind(chapter_id)
    .bind(user_id)
    .bind(since)
    .fetch_all(conn)
    .await
}
