//! Queries on an organisation's membership history (`member_events`), a user's memberships and
//! names.

use sqlx::{AnyConnection, FromRow};

use super::audit::EventRow;

/// A user's name, as colleagues see it.
pub(crate) async fn user_name(conn: &mut AnyConnection, user: i64) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("SELECT name FROM users WHERE id = $1")
        .bind(user)
        .fetch_optional(conn)
        .await
}

pub(crate) async fn insert_event(
    conn: &mut AnyConnection,
    organisation: i64,
    user: i64,
    at: i64,
    entry_json: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO member_events (organisation_id, user_id, at, entry_json)
         VALUES ($1, $2, $3, $4)",
    )
    .bind(organisation)
    .bind(user)
    .bind(at)
    .bind(entry_json)
    .execute(conn)
    .await?;
    Ok(())
}

/// The organisation's latest membership events, newest first.
pub(crate) async fn events(
    conn: &mut AnyConnection,
    organisation: i64,
    limit: i64,
) -> sqlx::Result<Vec<EventRow>> {
    sqlx::query_as(
        "SELECT e.at, u.name AS who, CAST(NULL AS BIGINT) AS chapter_id, e.entry_json
         FROM member_events e LEFT JOIN users u ON u.id = e.user_id
         WHERE e.organisation_id = $1 ORDER BY e.at DESC, e.id DESC LIMIT $2",
    )
    .bind(organisation)
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// One of a user's organisations.
#[derive(Debug, FromRow)]
pub(crate) struct MembershipRow {
    pub organisation_id: i64,
    pub name: String,
    pub role: String,
}

/// Every organisation `user` is a member of, by name.
pub(crate) async fn memberships(
    conn: &mut AnyConnection,
    user: i64,
) -> sqlx::Result<Vec<MembershipRow>> {
    sqlx::query_as(
        "SELECT o.id AS organisation_id, o.name, m.role FROM memberships m
         JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = $1
         ORDER BY o.name, o.id",
    )
    .bind(user)
    .fetch_all(conn)
    .await
}
