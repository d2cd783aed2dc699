//! Queries on `plans`. Writes are compare-and-swap on `version`, so two saves based on the same
//! version can never both succeed.

use sqlx::{AnyConnection, FromRow};

/// A stored plan.
#[derive(Debug, FromRow)]
pub(crate) struct PlanRow {
    pub version: i64,
    pub complete: i64,
    pub segments_json: String,
}

/// What a write stores.
pub(crate) struct PlanWrite<'a> {
    pub chapter_id: i64,
    pub segments_json: &'a str,
    pub segment_count: i64,
    pub now: i64,
}

pub(crate) async fn plan_of_chapter(
    conn: &mut AnyConnection,
    chapter_id: i64,
) -> sqlx::Result<Option<PlanRow>> {
    sqlx::query_as("SELECT version, complete, segments_json FROM plans WHERE chapter_id = $1")
        .bind(chapter_id)
        .fetch_optional(conn)
        .await
}

pub(crate) async fn plan_version(conn: &mut AnyConnection, chapter_id: i64) -> sqlx::Result<i64> {
    let version: Option<i64> =
        sqlx::query_scalar("SELECT version FROM plans WHERE chapter_id = $1")
            .bind(chapter_id)
            .fetch_optional(conn)
            .await?;
    Ok(version.unwrap_or(0))
}

/// Inserts version 1 of a plan; false when a plan already exists.
pub(crate) async fn insert_first_plan(
    conn: &mut AnyConnection,
    plan: &PlanWrite<'_>,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO plans (chapter_id, version, complete, segments_json, segment_count, created_at, updated_at)
         VALUES ($1, 1, 0, $2, $3, $4, $4) ON CONFLICT (chapter_id) DO NOTHING",
    )
    .bind(plan.chapter_id)
    .bind(plan.segments_json)
    .bind(plan.segment_count)
    .bind(plan.now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Replaces the plan stored at `expected_version`; false when another version is stored.
/// A new plan is never complete.
pub(crate) async fn replace_plan(
    conn: &mut AnyConnection,
    plan: &PlanWrite<'_>,
    expected_version: i64,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE plans SET version = version + 1, complete = 0, segments_json = $2, segment_count = $3,
                updated_at = $4
         WHERE chapter_id = $1 AND version = $5",
    )
    .bind(plan.chapter_id)
    .bind(plan.segments_json)
    .bind(plan.segment_count)
    .bind(plan.now)
    .bind(expected_version)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Sets the completion flag; false when the chapter has no plan.
pub(crate) async fn set_complete(
    conn: &mut AnyConnection,
    chapter_id: i64,
    complete: bool,
    now: i64,
) -> sqlx::Result<bool> {
    let done = sqlx::query("UPDATE plans SET complete = $2, updated_at = $3 WHERE chapter_id = $1")
        .bind(chapter_id)
        .bind(i64::from(complete))
        .bind(now)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// After the chapter's text changed: a new version (so an editor open on the old text gets a
/// conflict, not a refusal it cannot fix) and no longer complete. False when there is no plan.
pub(crate) async fn mark_text_changed(
    conn: &mut AnyConnection,
    chapter_id: i64,
    now: i64,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE plans SET version = version + 1, complete = 0, updated_at = $2 WHERE chapter_id = $1",
    )
    .bind(chapter_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// One logged delta save: the changes that made `version`.
#[derive(Debug, FromRow)]
pub(crate) struct ChangesRow {
    pub version: i64,
    pub changes_json: String,
}

/// Logs the changes that made `version` of a chapter's plan, and forgets those older than
/// `keep` versions.
pub(crate) async fn log_changes(
    conn: &mut AnyConnection,
    chapter_id: i64,
    version: i64,
    user_id: i64,
    now: i64,
    changes_json: &str,
    keep: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO plan_changes (chapter_id, version, user_id, at, changes_json)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(chapter_id)
    .bind(version)
    .bind(user_id)
    .bind(now)
    .bind(changes_json)
    .execute(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM plan_changes WHERE chapter_id = $1 AND version <= $2")
        .bind(chapter_id)
        .bind(version - keep)
        .execute(conn)
        .await?;
    Ok(())
}

/// The logged changes that made versions `after + 1 ..= upto`, oldest first (some may be missing).
pub(crate) async fn changes_between(
    conn: &mut AnyConnection,
    chapter_id: i64,
    after: i64,
    upto: i64,
) -> sqlx::Result<Vec<ChangesRow>> {
    sqlx::query_as(
        "SELECT version, changes_json FROM plan_changes
         WHERE chapter_id = $1 AND version > $2 AND version <= $3 ORDER BY version",
    )
    .bind(chapter_id)
    .bind(after)
    .bind(upto)
    .fetch_all(conn)
    .await
}
