//! The runner of [`Jobs`]: claims jobs, runs them under a renewed lease, stores their events
//! and ends them.

use std::{sync::Arc, time::Duration};

use tokio::sync::{mpsc, Semaphore};
use tokio_util::sync::CancellationToken;

use super::{encode, lock, millis, JobKind, Jobs, Publisher, KEEP_ENDED, MAX_ATTEMPTS};
use crate::db::{jobs as rows, now_millis, Backend};

impl<K: JobKind> Jobs<K> {
    /// Starts this server's runner: it claims queued jobs (and jobs whose server died) and runs
    /// up to `concurrency` at once, until the process ends.
    pub fn start(self: &Arc<Self>) {
        tokio::spawn(self.clone().claim_loop());
    }

    async fn claim_loop(self: Arc<Self>) {
        if self.db.backend() == Backend::Sqlite {
            // One server per SQLite file: what was running when it stopped runs again now.
            if let Ok(mut conn) = self.db.pool.acquire().await {
                match rows::requeue_running(&mut conn, K::KIND, now_millis()).await {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(kind = K::KIND, jobs = n, "jobs resumed"),
                    Err(err) => tracing::warn!(error = %err, "could not resume jobs"),
                }
            }
        }
        let slots = Arc::new(Semaphore::new(self.settings.concurrency.max(1)));
        let mut purged = tokio::time::Instant::now();
        loop {
            let Ok(slot) = slots.clone().acquire_owned().await else {
                return;
            };
            match self.claim().await {
                Ok(Some(job)) => {
                    let jobs = self.clone();
                    tokio::spawn(async move {
                        jobs.run_claimed(job).await;
                        drop(slot);
                    });
                    continue;
                }
                Ok(None) => {}
                Err(err) => tracing::warn!(kind = K::KIND, error = %err, "claiming a job failed"),
            }
            drop(slot);
            if purged.elapsed() > Duration::from_secs(600) {
                purged = tokio::time::Instant::now();
                self.purge().await;
            }
            tokio::select! {
                () = self.queued.notified() => {}
                () = tokio::time::sleep(self.settings.poll * 2) => {}
            }
        }
    }

    async fn claim(&self) -> sqlx::Result<Option<rows::ClaimedRow>> {
        let mut conn = self.db.pool.acquire().await?;
        let waiting = rows::claimable(&mut conn, K::KIND, now_millis()).await?;
        drop(conn);
        if !waiting {
            return Ok(None);
        }
        let mut tx = self.db.begin_write().await?;
        let now = now_millis();
        let claimed = rows::claim(
            &mut tx,
            self.db.backend(),
            K::KIND,
            &self.worker,
            now,
            now + millis(self.settings.lease),
        )
        .await?;
        tx.commit().await?;
        Ok(claimed)
    }

    async fn purge(&self) {
        let before = now_millis() - millis(KEEP_ENDED);
        if let Ok(mut conn) = self.db.pool.acquire().await {
            if let Err(err) = rows::purge_ended(&mut conn, before).await {
                tracing::warn!(error = %err, "purging ended jobs failed");
            }
        }
    }

    /// Runs a claimed job, storing its events, and ends it with its final event unless another
    /// server took it over meanwhile.
    #[tracing::instrument(skip_all, fields(kind = K::KIND, job = job.id, attempt = job.attempts))]
    async fn run_claimed(self: Arc<Self>, job: rows::ClaimedRow) {
        let id = job.id;
        let cancel = CancellationToken::new();
        lock(&self.running).insert(id, cancel.clone());
        let lost = CancellationToken::new();
        let keeper = tokio::spawn(self.clone().keep_lease(id, cancel.clone(), lost.clone()));
        let input = job
            .input_json
            .as_deref()
            .and_then(|input| serde_json::from_str::<K::Input>(input).ok());
        let (sender, receiver) = mpsc::unbounded_channel();
        let writer = tokio::spawn(self.clone().store_events(id, receiver));
        let last = match input {
            Some(input) if job.attempts <= MAX_ATTEMPTS => {
                tracing::info!("job started");
                let kind = self.kind.clone();
                let publisher = Publisher { sender };
                tokio::spawn(async move { kind.run(input, publisher, cancel).await })
                    .await
                    .unwrap_or_else(|err| {
                        tracing::error!(error = %err, "job task failed");
                        K::failed()
                    })
            }
            _ => {
                tracing::warn!("job not run: input unreadable or too many attempts");
                drop(sender);
                K::failed()
            }
        };
        let next = writer.await.unwrap_or_default();
        keeper.abort();
        lock(&self.running).remove(&id);
        if lost.is_cancelled() {
            tracing::warn!("job taken over by another server");
            return;
        }
        if let Err(err) = self.finish(id, next, &last).await {
            tracing::error!(error = %err, "storing a job's end failed");
        }
        self.published.notify_waiters();
    }

    /// Stores the job's events in order as they are published; the number of the next one.
    async fn store_events(
        self: Arc<Self>,
        id: i64,
        mut events: mpsc::UnboundedReceiver<K::Event>,
    ) -> i64 {
        let mut next = match self.db.pool.acquire().await {
            Ok(mut conn) => rows::next_seq(&mut conn, id).await.unwrap_or_default(),
            Err(_) => 0,
        };
        while let Some(event) = events.recv().await {
            let stored = match self.db.pool.acquire().await {
                Ok(mut conn) => {
                    rows::append_event(&mut conn, id, next, &encode(&event), now_millis()).await
                }
                Err(err) => Err(err),
            };
            match stored {
                Ok(()) => {
                    next += 1;
                    self.published.notify_waiters();
                }
                Err(err) => tracing::warn!(error = %err, "storing a job event failed"),
            }
        }
        next
    }

    /// The final event and the end, together, if the job is still this server's.
    async fn finish(&self, id: i64, seq: i64, last: &K::Event) -> sqlx::Result<()> {
        let mut tx = self.db.begin_write().await?;
        let now = now_millis();
        if rows::end(&mut tx, id, "running", Some(&self.worker), now).await? {
            rows::append_event(&mut tx, id, seq, &encode(last), now).await?;
        }
        tx.commit().await
    }

    /// Renews the job's lease every second until aborted: fires `cancel` when someone asked to
    /// cancel the job, and `lost` (and `cancel`) when another server holds it now.
    async fn keep_lease(
        self: Arc<Self>,
        id: i64,
        cancel: CancellationToken,
        lost: CancellationToken,
    ) {
        let every = Duration::from_secs(1).min(self.settings.lease / 3);
        loop {
            tokio::time::sleep(every).await;
            let now = now_millis();
            let renewed = match self.db.pool.acquire().await {
                Ok(mut conn) => {
                    let until = now + millis(self.settings.lease);
                    rows::renew(&mut conn, id, &self.worker, now, until).await
                }
                Err(err) => Err(err),
            };
            match renewed {
                Ok(Some(true)) => cancel.cancel(),
                Ok(Some(false)) => {}
                Ok(None) => {
                    lost.cancel();
                    cancel.cancel();
                    return;
                }
                Err(err) => tracing::warn!(error = %err, "renewing a job's lease failed"),
            }
        }
    }
}
