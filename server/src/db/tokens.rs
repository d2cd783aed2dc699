//! Queries on `api_tokens`.

use sqlx::{AnyConnection, FromRow};

use super::accounts::SessionRow;

pub(crate) async fn insert(
    conn: &mut AnyConnection,
    user: i64,
    organisation: i64,
    name: &str,
    token_hash: &str,
    now: i64,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO api_tokens (user_id, organisation_id, name, token_hash, created_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(user)
    .bind(organisation)
    .bind(name)
    .bind(token_hash)
    .bind(now)
    .fetch_one(conn)
    .await
}

/// One of a member's tokens, as the page lists it.
#[derive(Debug, FromRow)]
pub(crate) struct TokenRow {
    pub id: i64,
    pub name: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

/// The member's live tokens in the organisation, newest first.
pub(crate) async fn list(
    conn: &mut AnyConnection,
    user: i64,
    organisation: i64,
) -> sqlx::Result<Vec<TokenRow>> {
    sqlx::query_as(
        "SELECT id, name, created_at, last_used_at FROM api_tokens
         WHERE user_id = $1 AND organisation_id = $2 AND revoked_at IS NULL
         ORDER BY created_at DESC, id DESC",
    )
    .bind(user)
    .bind(organisation)
    .fetch_all(conn)
    .await
}

/// Revokes the member's live token `id`; false when they have none by that id.
pub(crate) async fn revoke(
    conn: &mut AnyConnection,
    id: i64,
    user: i64,
    now: i64,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE api_tokens SET revoked_at = $3
         WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL",
    )
    .bind(id)
    .bind(user)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A live token's principal, and when it was last used.
#[derive(Debug, FromRow)]
struct TokenPrincipalRow {
    user_id: i64,
    organisation_id: i64,
    role: String,
    last_used_at: Option<i64>,
}

/// How stale a token's `last_used_at` may get before a request notes the use again.
const USE_NOTED_EVERY_MS: i64 = 60_000;

/// The principal of the live token hashing to `token_hash`, with the member's role now (none
/// once they left the organisation); notes the use, at most once a minute (a script's every
/// request is not a write: the `UPDATE` runs only when the use is due, so a request in between
/// neither waits for nor takes SQLite's write lock).
pub(crate) async fn principal(
    conn: &mut AnyConnection,
    token_hash: &str,
    now: i64,
) -> sqlx::Result<Option<SessionRow>> {
    let row: Option<TokenPrincipalRow> = sqlx::query_as(
        "SELECT t.user_id, t.organisation_id, m.role, t.last_used_at FROM api_tokens t
         JOIN memberships m ON m.organisation_id = t.organisation_id AND m.user_id = t.user_id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL",
    )
    .bind(token_hash)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    if row
        .last_used_at
        .is_none_or(|used| used < now - USE_NOTED_EVERY_MS)
    {
        sqlx::query(
            "UPDATE api_tokens SET last_used_at = $2 WHERE token_hash = $1
             AND (last_used_at IS NULL OR last_used_at < $2 - $3)",
        )
        .bind(token_hash)
        .bind(now)
        .bind(USE_NOTED_EVERY_MS)
        .execute(conn)
        .await?;
    }
    Ok(Some(SessionRow {
        user_id: row.user_id,
        organisation_id: row.organisation_id,
        role: row.role,
    }))
}
