//! `Jobs`: durable background jobs of one kind, kept in the database so that they survive a
//! restart and any server can run them. A server claims a queued job (`FOR UPDATE SKIP LOCKED`
//! on PostgreSQL; SQLite has a single writer) under a lease that it renews every second while
//! the job runs. A server that dies stops renewing; when the lease has run out another server
//! claims the job and runs it again from its stored input. Every event a job publishes is
//! stored, so a page connected to any server streams it ([`Jobs::events`]).

use std::{
    collections::{HashMap, VecDeque},
    sync::{Arc, Mutex, MutexGuard, PoisonError},
    time::Duration,
};

use app::{
    api::StoreError,
    error::Busy,
    model::{ChapterId, JobId, ProjectId},
};
use async_trait::async_trait;
use futures_util::Stream;
use serde::{de::DeserializeOwned, Serialize};
use tokio::sync::{mpsc, Notify};
use tokio_util::sync::CancellationToken;

mod runner;

use crate::db::{jobs as rows, now_millis, Db};
use crate::store::internal;

/// How often a job may be started before it counts as failed: a job that took its server down
/// twice does not get a third.
const MAX_ATTEMPTS: i64 = 3;
/// How long an ended job's events stay readable (a page that reconnects still gets its result).
const KEEP_ENDED: Duration = Duration::from_secs(24 * 3600);

/// How the job runners of a server behave (`Config::jobs`).
#[derive(Debug, Clone, Copy)]
pub struct JobSettings {
    /// How long a claim holds without being renewed: after a server died, its jobs wait this
    /// long for another (`STUDIO_JOB_LEASE_SECS`, default 15).
    pub lease: Duration,
    /// How often an idle server looks for queued jobs, and a stream for new events.
    pub poll: Duration,
    /// Jobs of one kind that a server runs at once.
    pub concurrency: usize,
}

impl Default for JobSettings {
    fn default() -> Self {
        Self {
            lease: Duration::from_secs(15),
            poll: Duration::from_millis(250),
            concurrency: 4,
        }
    }
}

/// One kind of job: what it reads, what it publishes, and how it runs.
#[async_trait]
pub trait JobKind: Send + Sync + 'static {
    /// Its name in the `jobs` table.
    const KIND: &'static str;
    /// What a job works on, stored with it (a job that runs again reads the same input).
    type Input: Serialize + DeserializeOwned + Send + 'static;
    /// What it publishes: progress, then one final event.
    type Event: Serialize + DeserializeOwned + Clone + Send + Sync + 'static;

    /// Runs one job to its final event, publishing progress on the way; stops early, with
    /// [`JobKind::cancelled`], once `cancel` fires.
    async fn run(
        &self,
        input: Self::Input,
        progress: Publisher<Self::Event>,
        cancel: CancellationToken,
    ) -> Self::Event;

    /// Whether nothing follows `event`.
    fn is_final(event: &Self::Event) -> bool;

    /// The final event of a job cancelled before it ran.
    fn cancelled() -> Self::Event;

    /// The final event of a job the server could not run (it panicked, its input could not be
    /// read, or it was started too often).
    fn failed() -> Self::Event;
}

/// Where a running job publishes its progress; the events are stored in order behind it.
pub struct Publisher<E> {
    sender: mpsc::UnboundedSender<E>,
}

impl<E> Publisher<E> {
    /// Publishes one event (stored shortly after, in order).
    pub fn publish(&self, event: E) {
        // The receiver lives until the job has ended; a send after that changes nothing.
        let _ = self.sender.send(event);
    }
}

/// The jobs of one kind, as this server sees them.
pub struct Jobs<K: JobKind> {
    db: Db,
    kind: Arc<K>,
    /// This server, in `jobs.claimed_by`.
    worker: String,
    settings: JobSettings,
    /// A job was queued by this server: look now rather than at the next poll.
    queued: Notify,
    /// This server stored an event: its streams read now.
    published: Notify,
    /// The cancellation of each job running here.
    running: Mutex<HashMap<i64, CancellationToken>>,
}

impl<K: JobKind> Jobs<K> {
    /// The jobs of `kind` over `db`; nothing runs until [`Jobs::start`].
    pub fn new(db: Db, kind: K, settings: JobSettings) -> Arc<Self> {
        let worker = format!(
            "{}-{}",
            std::process::id(),
            &crate::accounts::random_token()[..12]
        );
        Arc::new(Self {
            db,
            kind: Arc::new(kind),
            worker,
            settings,
            queued: Notify::new(),
            published: Notify::new(),
            running: Mutex::default(),
        })
    }

    /// Queues a job for the chapter.
    ///
    /// # Errors
    /// `Busy` while a job of this kind is queued or running for the chapter.
    pub async fn enqueue(
        &self,
        project: ProjectId,
        chapter: ChapterId,
        input: &K::Input,
        busy: Busy,
    ) -> Result<JobId, StoreError> {
        let input = serde_json::to_string(input).map_err(|err| StoreError::Internal(err.into()))?;
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let id = rows::insert(
            &mut conn,
            K::KIND,
            project.0,
            chapter.0,
            &input,
            now_millis(),
        )
        .await
        .map_err(|err| match err.as_database_error() {
            Some(found) if found.is_unique_violation() => StoreError::Busy(busy),
            _ => internal(err),
        })?;
        self.queued.notify_one();
        Ok(job_id(id))
    }

    /// Whether `job` is one of this kind's jobs of the chapter of the project.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn belongs(
        &self,
        project: ProjectId,
        chapter: ChapterId,
        job: JobId,
    ) -> Result<bool, StoreError> {
        let Ok(id) = i64::try_from(job.0) else {
            return Ok(false);
        };
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let found = rows::find(&mut conn, id).await.map_err(internal)?;
        Ok(found.is_some_and(|row| {
            row.kind == K::KIND && row.project_id == project.0 && row.chapter_id == chapter.0
        }))
    }

    /// The job of this kind queued or running for the chapter, if any.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn active(&self, chapter: ChapterId) -> Result<Option<JobId>, StoreError> {
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let found = rows::active(&mut conn, K::KIND, chapter.0)
            .await
            .map_err(internal)?;
        Ok(found.map(job_id))
    }

    /// Cancels a job: a queued one ends at once, a running one on whichever server runs it
    /// (within a second). A job that already ended is left as it is.
    ///
    /// # Errors
    /// `NotFound` when the job is not the chapter's.
    pub async fn cancel(
        &self,
        project: ProjectId,
        chapter: ChapterId,
        job: JobId,
    ) -> Result<(), StoreError> {
        if !self.belongs(project, chapter, job).await? {
            return Err(StoreError::NotFound);
        }
        let id = i64::try_from(job.0).map_err(|_| StoreError::NotFound)?;
        if let Some(token) = lock(&self.running).get(&id) {
            token.cancel();
        }
        let mut tx = self.db.begin_write().await.map_err(internal)?;
        let now = now_millis();
        rows::request_cancel(&mut tx, id, now)
            .await
            .map_err(internal)?;
        if rows::end(&mut tx, id, "queued", None, now)
            .await
            .map_err(internal)?
        {
            let seq = rows::next_seq(&mut tx, id).await.map_err(internal)?;
            rows::append_event(&mut tx, id, seq, &encode(&K::cancelled()), now)
                .await
                .map_err(internal)?;
        }
        tx.commit().await.map_err(internal)?;
        self.published.notify_waiters();
        Ok(())
    }

    /// The job's events from number `from` on, each with its number, ending after the final
    /// one; events published later on any server arrive as they are stored.
    pub fn events(self: &Arc<Self>, job: JobId, from: u64) -> impl Stream<Item = (u64, K::Event)> {
        let id = i64::try_from(job.0).unwrap_or(i64::MAX);
        let from = i64::try_from(from).unwrap_or(i64::MAX);
        let state = (
            self.clone(),
            from,
            VecDeque::<(i64, K::Event)>::new(),
            false,
        );
        futures_util::stream::unfold(
            state,
            move |(jobs, mut next, mut ready, ended)| async move {
                loop {
                    if let Some((seq, event)) = ready.pop_front() {
                        let last = K::is_final(&event);
                        let seq = u64::try_from(seq).unwrap_or_default();
                        return Some(((seq, event), (jobs, next, ready, ended || last)));
                    }
                    if ended {
                        return None;
                    }
                    let stored = jobs.published.notified();
                    tokio::pin!(stored);
                    stored.as_mut().enable();
                    for row in jobs.stored_events(id, next).await? {
                        next = row.0 + 1;
                        ready.push_back(row);
                    }
                    if ready.is_empty() {
                        tokio::select! {
                            () = stored => {}
                            () = tokio::time::sleep(jobs.settings.poll) => {}
                        }
                    }
                }
            },
        )
    }

    /// Stored events from `seq` on; `None` when the job is gone (or the database is down).
    async fn stored_events(&self, id: i64, seq: i64) -> Option<Vec<(i64, K::Event)>> {
        let mut conn = self.db.pool.acquire().await.ok()?;
        let found = rows::events_from(&mut conn, id, seq).await.ok()?;
        if found.is_empty() {
            rows::find(&mut conn, id).await.ok()??;
        }
        Some(
            found
                .into_iter()
                .filter_map(|row| Some((row.seq, serde_json::from_str(&row.event_json).ok()?)))
                .collect(),
        )
    }
}

fn job_id(id: i64) -> JobId {
    JobId(u64::try_from(id).unwrap_or_default())
}

fn encode<E: Serialize>(event: &E) -> String {
    serde_json::to_string(event).unwrap_or_else(|_| "null".to_owned())
}

fn millis(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}

/// The map of running jobs, even after a panic elsewhere poisoned its lock (every change is a
/// single insert or remove).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
