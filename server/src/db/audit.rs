//! Queries on `audit_events`.

use sqlx::{AnyConnection, FromRow};

pub(crate) async fn insert_event(
    conn: &mut AnyConnection,
    project: i64,
    chapter: Option<i64>,
    user: i64,
    at: i64,
    entry_json: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO audit_events (project_id, chapter_id, user_id, at, entry_json)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(project)
    .bind(chapter)
    .bind(user)
    .bind(at)
    .bind(entry_json)
    .execute(conn)
    .await?;
    Ok(())
}

/// An event with its author's name.
#[derive(Debug, FromRow)]
pub(crate) struct EventRow {
    pub at: i64,
    pub who: Option<String>,
    pub chapter_id: Option<i64>,
    pub entry_json: String,
}

/// The project's latest events (of one chapter, when given), newest first.
pub(crate) async fn events(
    conn: &mut AnyConnection,
    project: i64,
    chapter: Option<i64>,
    limit: i64,
) -> sqlx::Result<Vec<EventRow>> {
    sqlx::query_as(
        "SELECT e.at, u.name AS who, e.chapter_id, e.entry_json FROM audit_events e
         LEFT JOIN users u ON u.id = e.user_id
         WHERE e.project_id = $1 AND ($2 IS NULL OR e.chapter_id = $2)
         ORDER BY e.at DESC, e.id DESC LIMIT $3",
    )
    .bind(project)
    .bind(chapter)
    .bind(limit)
    .fetch_all(conn)
    .await
}
