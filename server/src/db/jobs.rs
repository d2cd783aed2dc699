//! Queries on `jobs` and `job_events`: durable background jobs that any server claims under a
//! lease, and the events each one published.

use sqlx::{AnyConnection, FromRow};

use super::Backend;

/// A job as a server claimed it.
#[derive(Debug, FromRow)]
pub(crate) struct ClaimedRow {
    pub id: i64,
    pub input_json: Option<String>,
    pub attempts: i64,
}

/// Where a job belongs.
#[derive(Debug, FromRow)]
pub(crate) struct JobRow {
    pub kind: String,
    pub project_id: i64,
    pub chapter_id: i64,
}

/// One published event.
#[derive(Debug, FromRow)]
pub(crate) struct EventRow {
    pub seq: i64,
    pub event_json: String,
}

/// Queues a job; a unique violation when one of the kind is queued or running for the chapter.
pub(crate) async fn insert(
    conn: &mut AnyConnection,
    kind: &str,
    project_id: i64,
    chapter_id: i64,
    input_json: &str,
    now: i64,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO jobs (kind, project_id, chapter_id, state, input_json, created_at, updated_at)
         VALUES ($1, $2, $3, 'queued', $4, $5, $5) RETURNING id",
    )
    .bind(kind)
    .bind(project_id)
    .bind(chapter_id)
    .bind(input_json)
    .bind(now)
    .fetch_one(conn)
    .await
}

/// Claims the oldest job of `kind` that is queued, or running under a lease that ran out (its
/// server died), for `worker` until `lease_until`. PostgreSQL skips rows another server is
/// claiming at the same moment; SQLite has one writer at a time, so the statement alone is
/// enough there.
pub(crate) async fn claim(
    conn: &mut AnyConnection,
    backend: Backend,
    kind: &str,
    worker: &str,
    now: i64,
    lease_until: i64,
) -> sqlx::Result<Option<ClaimedRow>> {
    let lock = match backend {
        Backend::Postgres => "FOR UPDATE SKIP LOCKED",
        Backend::Sqlite => "",
    };
    let sql = format!(
        "UPDATE jobs SET state = 'running', claimed_by = $1, lease_until = $2,
             attempts = attempts + 1, updated_at = $3
         WHERE id = (SELECT id FROM jobs
                     WHERE kind = $4 AND (state = 'queued' OR (state = 'running' AND lease_until < $3))
                     ORDER BY id LIMIT 1 {lock})
         RETURNING id, input_json, attempts"
    );
    sqlx::query_as(&sql)
        .bind(worker)
        .bind(lease_until)
        .bind(now)
        .bind(kind)
        .fetch_optional(conn)
        .await
}

/// Whether a job of `kind` waits to be claimed (queued, or running under a lease that ran out):
/// a read, so that idle runners polling do not take SQLite's one write lock from the servers
/// renewing their leases.
pub(crate) async fn claimable(
    conn: &mut AnyConnection,
    kind: &str,
    now: i64,
) -> sqlx::Result<bool> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM jobs
         WHERE kind = $1 AND (state = 'queued' OR (state = 'running' AND lease_until < $2))
         LIMIT 1",
    )
    .bind(kind)
    .bind(now)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// Extends `worker`'s lease on a running job. `None` when the job is no longer that worker's
/// (another server took it over, or it ended); else whether someone asked to cancel it.
pub(crate) async fn renew(
    conn: &mut AnyConnection,
    id: i64,
    worker: &str,
    now: i64,
    lease_until: i64,
) -> sqlx::Result<Option<bool>> {
    let cancel: Option<i64> = sqlx::query_scalar(
        "UPDATE jobs SET lease_until = $1, updated_at = $2
         WHERE id = $3 AND claimed_by = $4 AND state = 'running' RETURNING cancel_requested",
    )
    .bind(lease_until)
    .bind(now)
    .bind(id)
    .bind(worker)
    .fetch_optional(conn)
    .await?;
    Ok(cancel.map(|flag| flag != 0))
}

/// Puts every running job of `kind` back in the queue (a single server starting on SQLite:
/// whatever ran before it stopped runs again at once instead of after its lease). Only its own
/// kind: each kind's runner does this as it starts, and another kind's may already have claimed
/// a job again.
pub(crate) async fn requeue_running(
    conn: &mut AnyConnection,
    kind: &str,
    now: i64,
) -> sqlx::Result<u64> {
    let done = sqlx::query(
        "UPDATE jobs SET state = 'queued', claimed_by = NULL, lease_until = NULL, updated_at = $1
         WHERE state = 'running' AND kind = $2",
    )
    .bind(now)
    .bind(kind)
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

/// The job, if it exists.
pub(crate) async fn find(conn: &mut AnyConnection, id: i64) -> sqlx::Result<Option<JobRow>> {
    sqlx::query_as("SELECT kind, project_id, chapter_id FROM jobs WHERE id = $1")
        .bind(id)
        .fetch_optional(conn)
        .await
}

/// Asks the server running the job to cancel it.
pub(crate) async fn request_cancel(
    conn: &mut AnyConnection,
    id: i64,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE jobs SET cancel_requested = 1, updated_at = $1 WHERE id = $2")
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Ends a job that is still `state` (and, when `worker` is named, still that worker's); false
/// when it was not (it ended already, or another server holds it now).
pub(crate) async fn end(
    conn: &mut AnyConnection,
    id: i64,
    state: &str,
    worker: Option<&str>,
    now: i64,
) -> sqlx::Result<bool> {
    let mut sql = String::from(
        "UPDATE jobs SET state = 'ended', input_json = NULL, lease_until = NULL, updated_at = $1
         WHERE id = $2 AND state = $3",
    );
    if worker.is_some() {
        sql.push_str(" AND claimed_by = $4");
    }
    let mut query = sqlx::query(&sql).bind(now).bind(id).bind(state);
    if let Some(worker) = worker {
        query = query.bind(worker);
    }
    let done = query.execute(conn).await?;
    Ok(done.rows_affected() == 1)
}

/// The number the job's next event gets.
pub(crate) async fn next_seq(conn: &mut AnyConnection, id: i64) -> sqlx::Result<i64> {
    let last: Option<i64> = sqlx::query_scalar("SELECT MAX(seq) FROM job_events WHERE job_id = $1")
        .bind(id)
        .fetch_one(conn)
        .await?;
    Ok(last.map_or(0, |seq| seq + 1))
}

/// Stores one event of a job.
pub(crate) async fn append_event(
    conn: &mut AnyConnection,
    id: i64,
    seq: i64,
    event_json: &str,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO job_events (job_id, seq, event_json, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(id)
    .bind(seq)
    .bind(event_json)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// The job's events from `seq` on, in order.
pub(crate) async fn events_from(
    conn: &mut AnyConnection,
    id: i64,
    seq: i64,
) -> sqlx::Result<Vec<EventRow>> {
    sqlx::query_as(
        "SELECT seq, event_json FROM job_events WHERE job_id = $1 AND seq >= $2 ORDER BY seq",
    )
    .bind(id)
    .bind(seq)
    .fetch_all(conn)
    .await
}

/// Forgets jobs that ended before `before` (their events go with them).
pub(crate) async fn purge_ended(conn: &mut AnyConnection, before: i64) -> sqlx::Result<u64> {
    let done = sqlx::query("DELETE FROM jobs WHERE state = 'ended' AND updated_at < $1")
        .bind(before)
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}

/// The job of `kind` queued or running for the chapter, if any.
pub(crate) async fn active(
    conn: &mut AnyConnection,
    kind: &str,
    chapter_id: i64,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "SELECT id FROM jobs WHERE kind = $1 AND chapter_id = $2 AND state <> 'ended'",
    )
    .bind(kind)
    .bind(chapter_id)
    .fetch_optional(conn)
    .await
}
