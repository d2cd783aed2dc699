//! Queries on `users`, `organisations`, `memberships`, `sessions` and `sign_in_failures`.

use sqlx::{AnyConnection, FromRow};

/// A user with the password hash to check.
#[derive(Debug, FromRow)]
pub(crate) struct UserRow {
    pub id: i64,
    pub password_hash: String,
}

pub(crate) async fn count_users(conn: &mut AnyConnection) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(conn)
        .await
}

pub(crate) async fn user_by_email(
    conn: &mut AnyConnection,
    email: &str,
) -> sqlx::Result<Option<UserRow>> {
    sqlx::query_as("SELECT id, password_hash FROM users WHERE email = $1")
        .bind(email)
        .fetch_optional(conn)
        .await
}

/// Adds a user; `None` when the email is taken.
pub(crate) async fn insert_user(
    conn: &mut AnyConnection,
    email: &str,
    name: &str,
    password_hash: &str,
    now: i64,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "INSERT INTO users (email, name, password_hash, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (email) DO NOTHING RETURNING id",
    )
    .bind(email)
    .bind(name)
    .bind(password_hash)
    .bind(now)
    .fetch_optional(conn)
    .await
}

pub(crate) async fn insert_organisation(
    conn: &mut AnyConnection,
    name: &str,
    now: i64,
) -> sqlx::Result<i64> {
    sqlx::query_scalar("INSERT INTO organisations (name, created_at) VALUES ($1, $2) RETURNING id")
        .bind(name)
        .bind(now)
        .fetch_one(conn)
        .await
}

/// The organisation without members that holds the projects made before accounts, if any.
pub(crate) async fn unclaimed_organisation(conn: &mut AnyConnection) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "SELECT o.id FROM organisations o
         WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.organisation_id = o.id)
         ORDER BY o.id LIMIT 1",
    )
    .fetch_optional(conn)
    .await
}

/// The organisation a user acts in after signing in: the first they joined.
pub(crate) async fn first_organisation(
    conn: &mut AnyConnection,
    user: i64,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "SELECT organisation_id FROM memberships WHERE user_id = $1
         ORDER BY created_at, organisation_id LIMIT 1",
    )
    .bind(user)
    .fetch_optional(conn)
    .await
}

pub(crate) async fn insert_session(
    conn: &mut AnyConnection,
    token_hash: &str,
    user: i64,
    organisation: i64,
    now: i64,
    expires_at: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, organisation_id, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash)
    .bind(user)
    .bind(organisation)
    .bind(now)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

pub(crate) async fn delete_session(conn: &mut AnyConnection, token_hash: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(conn)
        .await?;
    Ok(())
}

/// A live session's principal: its user, organisation and role there.
#[derive(Debug, FromRow)]
pub(crate) struct SessionRow {
    pub user_id: i64,
    pub organisation_id: i64,
    pub role: String,
}

/// The principal of the session whose token hashes to `token_hash`, if it has not expired and
/// its user is still a member of its organisation.
pub(crate) async fn session(
    conn: &mut AnyConnection,
    token_hash: &str,
    now: i64,
) -> sqlx::Result<Option<SessionRow>> {
    sqlx::query_as(
        "SELECT s.user_id, s.organisation_id, m.role FROM sessions s
         JOIN memberships m ON m.organisation_id = s.organisation_id AND m.user_id = s.user_id
         WHERE s.token_hash = $1 AND s.expires_at > $2",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(conn)
    .await
}

/// The user and organisation as the page shows them.
#[derive(Debug, FromRow)]
pub(crate) struct AccountRow {
    pub email: String,
    pub name: String,
    pub organisation: String,
}

pub(crate) async fn account(
    conn: &mut AnyConnection,
    user: i64,
    organisation: i64,
) -> sqlx::Result<Option<AccountRow>> {
    sqlx::query_as(
        "SELECT u.email, u.name, o.name AS organisation FROM users u, organisations o
         WHERE u.id = $1 AND o.id = $2",
    )
    .bind(user)
    .bind(organisation)
    .fetch_optional(conn)
    .await
}

/// Consecutive failures of `subject` and when the last one was.
pub(crate) async fn failures(
    conn: &mut AnyConnection,
    subject: &str,
) -> sqlx::Result<Option<(i64, i64)>> {
    sqlx::query_as("SELECT failures, last_at FROM sign_in_failures WHERE subject = $1")
        .bind(subject)
        .fetch_optional(conn)
        .await
}

pub(crate) async fn record_failure(
    conn: &mut AnyConnection,
    subject: &str,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO sign_in_failures (subject, failures, last_at) VALUES ($1, 1, $2)
         ON CONFLICT (subject) DO UPDATE SET failures = sign_in_failures.failures + 1, last_at = $2",
    )
    .bind(subject)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

pub(crate) async fn clear_failures(conn: &mut AnyConnection, subject: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM sign_in_failures WHERE subject = $1")
        .bind(subject)
        .execute(conn)
        .await?;
    Ok(())
}

/// The organisation a project belongs to (`Some(None)` for a project of no organisation).
pub(crate) async fn organisation_of_project(
    conn: &mut AnyConnection,
    project: i64,
) -> sqlx::Result<Option<Option<i64>>> {
    sqlx::query_scalar("SELECT organisation_id FROM projects WHERE id = $1")
        .bind(project)
        .fetch_optional(conn)
        .await
}

/// The project of a chapter and that project's organisation.
pub(crate) async fn organisation_of_chapter(
    conn: &mut AnyConnection,
    chapter: i64,
) -> sqlx::Result<Option<(i64, Option<i64>)>> {
    sqlx::query_as(
        "SELECT p.id, p.organisation_id FROM chapters c JOIN projects p ON p.id = c.project_id
         WHERE c.id = $1",
    )
    .bind(chapter)
    .fetch_optional(conn)
    .await
}

pub(crate) async fn insert_invitation(
    conn: &mut AnyConnection,
    token_hash: &str,
    organisation: i64,
    role: &str,
    created_by: i64,
    now: i64,
    expires_at: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO invitations (token_hash, organisation_id, role, created_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(token_hash)
    .bind(organisation)
    .bind(role)
    .bind(created_by)
    .bind(now)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Marks the live, unused invitation `token_hash` accepted by `user`; its organisation and role
/// when it was one.
pub(crate) async fn take_invitation(
    conn: &mut AnyConnection,
    token_hash: &str,
    user: i64,
    now: i64,
) -> sqlx::Result<Option<(i64, String)>> {
    sqlx::query_as(
        "UPDATE invitations SET accepted_by = $2
         WHERE token_hash = $1 AND accepted_by IS NULL AND expires_at > $3
         RETURNING organisation_id, role",
    )
    .bind(token_hash)
    .bind(user)
    .bind(now)
    .fetch_optional(conn)
    .await
}

/// Adds a membership, or changes the role of an existing one.
pub(crate) async fn upsert_membership(
    conn: &mut AnyConnection,
    organisation: i64,
    user: i64,
    role: &str,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO memberships (organisation_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (organisation_id, user_id) DO UPDATE SET role = $3",
    )
    .bind(organisation)
    .bind(user)
    .bind(role)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Moves a session to another organisation of its user.
pub(crate) async fn switch_session(
    conn: &mut AnyConnection,
    token_hash: &str,
    organisation: i64,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE sessions SET organisation_id = $2 WHERE token_hash = $1")
        .bind(token_hash)
        .bind(organisation)
        .execute(conn)
        .await?;
    Ok(())
}

/// A member as the members page lists them.
#[derive(Debug, FromRow)]
pub(crate) struct MemberRow {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub role: String,
}

pub(crate) async fn members(
    conn: &mut AnyConnection,
    organisation: i64,
) -> sqlx::Result<Vec<MemberRow>> {
    sqlx::query_as(
        "SELECT u.id AS user_id, u.name, u.email, m.role FROM memberships m
         JOIN users u ON u.id = m.user_id WHERE m.organisation_id = $1 ORDER BY u.name, u.id",
    )
    .bind(organisation)
    .fetch_all(conn)
    .await
}

/// Changes a member's role; false when they are not a member.
pub(crate) async fn set_role(
    conn: &mut AnyConnection,
    organisation: i64,
    user: i64,
    role: &str,
) -> sqlx::Result<bool> {
    let done =
        sqlx::query("UPDATE memberships SET role = $3 WHERE organisation_id = $1 AND user_id = $2")
            .bind(organisation)
            .bind(user)
            .bind(role)
            .execute(conn)
            .await?;
    Ok(done.rows_affected() > 0)
}

/// Removes a member and ends their sessions in the organisation; false when they were not one.
pub(crate) async fn remove_member(
    conn: &mut AnyConnection,
    organisation: i64,
    user: i64,
) -> sqlx::Result<bool> {
    sqlx::query("DELETE FROM sessions WHERE organisation_id = $1 AND user_id = $2")
        .bind(organisation)
        .bind(user)
        .execute(&mut *conn)
        .await?;
    let done = sqlx::query("DELETE FROM memberships WHERE organisation_id = $1 AND user_id = $2")
        .bind(organisation)
        .bind(user)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

pub(crate) async fn count_owners(conn: &mut AnyConnection, organisation: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM memberships WHERE organisation_id = $1 AND role = 'owner'",
    )
    .bind(organisation)
    .fetch_one(conn)
    .await
}

/// Counts one more unit of `kind` for `subject` in the window starting at `window_start`, and
/// returns the window's count with it.
pub(crate) async fn count_usage(
    conn: &mut AnyConnection,
    subject: &str,
    kind: &str,
    window_start: i64,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO usage_counts (subject, kind, window_start, count) VALUES ($1, $2, $3, 1)
         ON CONFLICT (subject, kind, window_start) DO UPDATE SET count = usage_counts.count + 1
         RETURNING count",
    )
    .bind(subject)
    .bind(kind)
    .bind(window_start)
    .fetch_one(conn)
    .await
}
