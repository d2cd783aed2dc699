//! `ChapterRenders`, the `Renders` port: a chapter's plan rendered as a durable job ([`Jobs`]):
//! every clip from the audio cache or its engine, joined with the project's pauses, mastered,
//! encoded as MP3 by ffmpeg, checked against the ACX rules, and stored as the chapter's render.
//! A render that fails or is cancelled stores nothing; its clips stay cached, so the next one
//! resumes after them.

pub mod audio;
pub mod ffmpeg;
mod job;
mod lines;

use std::sync::Arc;

use app::{
    api::{PlanStore, PronunciationStore, Renders, StoreError},
    error::Busy,
    model::{
        render_url, ChapterId, ChapterRender, JobId, Principal, ProjectId, RenderEvent, RenderInfo,
        Role, Version,
    },
};
use async_trait::async_trait;
use futures_util::Stream;
use object_store::{path::Path as ObjectPath, ObjectStoreExt};
use shared::delivery::timeline::Pauses;

use crate::db::{renders as rows, Db};
use crate::jobs::{JobSettings, Jobs};
use crate::speech::Auditioner;
use crate::store::{internal, SqlStore};
pub use ffmpeg::Ffmpeg;
use job::{RenderInput, RenderJob};

/// The chapter renders of the studio, as this server runs and reads them.
pub struct ChapterRenders {
    db: Db,
    store: Arc<SqlStore>,
    auditions: Arc<Auditioner>,
    jobs: Arc<Jobs<RenderJob>>,
}

impl ChapterRenders {
    /// Renders of `store`'s plans with `auditions`' engines and cache, encoded by `ffmpeg`, kept
    /// in `db`. This server runs them once [`ChapterRenders::start_runner`] is called.
    pub fn new(
        db: Db,
        store: Arc<SqlStore>,
        auditions: Arc<Auditioner>,
        ffmpeg: Ffmpeg,
        settings: JobSettings,
    ) -> Self {
        let kind = RenderJob::new(db.clone(), auditions.clone(), ffmpeg);
        Self {
            jobs: Jobs::new(db.clone(), kind, settings),
            db,
            store,
            auditions,
        }
    }

    /// Starts running queued renders (and those of a server that died) on this server.
    pub fn start_runner(&self) {
        self.jobs.start();
    }

    /// The job's events from number `from` on; `None` when the chapter has no such job.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn events(
        &self,
        project: ProjectId,
        chapter: ChapterId,
        job: JobId,
        from: u64,
    ) -> Result<Option<impl Stream<Item = (u64, RenderEvent)>>, StoreError> {
        Ok(self
            .jobs
            .belongs(project, chapter, job)
            .await?
            .then(|| self.jobs.events(job, from)))
    }

    /// The chapter's stored MP3, with the chapter's title, for the download route.
    ///
    /// # Errors
    /// `NotFound` when the chapter is not the reader's or has no render.
    pub async fn mp3(
        &self,
        who: &Principal,
        project: ProjectId,
        chapter: ChapterId,
    ) -> Result<(bytes::Bytes, String), StoreError> {
        let plan = self.store.load_plan(who, chapter).await?;
        if plan.project_id != project {
            return Err(StoreError::NotFound);
        }
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let row = rows::find(&mut conn, chapter.0)
            .await
            .map_err(internal)?
            .ok_or(StoreError::NotFound)?;
        drop(conn);
        let path = ObjectPath::from(row.object_path);
        let objects = self.auditions.cache().objects();
        let bytes = match objects.get(&path).await {
            Ok(found) => found.bytes().await.map_err(fail)?,
            Err(object_store::Error::NotFound { .. }) => return Err(StoreError::NotFound),
            Err(err) => return Err(fail(err)),
        };
        Ok((bytes, plan.title))
    }

    /// The project's pauses (the defaults until changed).
    async fn pauses(&self, project: ProjectId) -> Result<Pauses, StoreError> {
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let stored = rows::pauses(&mut conn, project.0).await.map_err(internal)?;
        Ok(stored
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default())
    }
}

#[async_trait]
impl Renders for ChapterRenders {
    #[tracing::instrument(skip_all, fields(project = project.0, chapter = chapter.0))]
    async fn start(
        &self,
        who: &Principal,
        project: ProjectId,
        chapter: ChapterId,
    ) -> Result<JobId, StoreError> {
        let plan = self.store.load_plan(who, chapter).await?;
        if plan.project_id != project {
            return Err(StoreError::NotFound);
        }
        if !who.may(Role::Editor) {
            return Err(StoreError::Forbidden);
        }
        let map = self.store.pronunciations(who, project).await?.map;
        let pauses = self.pauses(project).await?;
        // Every segment is checked now, so that nothing is sent to an engine for a chapter that
        // cannot be finished.
        let identities = self.auditions.identities().await;
        lines::prepare(&plan, &map, &pauses, &identities)?;
        let input = RenderInput {
            who: *who,
            plan,
            map,
            pauses,
        };
        let job = self
            .jobs
            .enqueue(project, chapter, &input, Busy::Render)
            .await?;
        tracing::info!(job = job.0, "render queued");
        Ok(job)
    }

    async fn cancel(
        &self,
        who: &Principal,
        project: ProjectId,
        chapter: ChapterId,
        job: JobId,
    ) -> Result<(), StoreError> {
        if self.store.load_plan(who, chapter).await?.project_id != project {
            return Err(StoreError::NotFound);
        }
        if !who.may(Role::Editor) {
            return Err(StoreError::Forbidden);
        }
        self.jobs.cancel(project, chapter, job).await
    }

    async fn state(
        &self,
        who: &Principal,
        project: ProjectId,
        chapter: ChapterId,
    ) -> Result<ChapterRender, StoreError> {
        let plan = self.store.load_plan(who, chapter).await?;
        if plan.project_id != project {
            return Err(StoreError::NotFound);
        }
        let pauses = self.pauses(project).await?;
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let row = rows::find(&mut conn, chapter.0).await.map_err(internal)?;
        drop(conn);
        let job = self.jobs.active(chapter).await?;
        let Some(row) = row else {
            return Ok(ChapterRender {
                render: None,
                stale: false,
                job,
                pauses,
            });
        };
        let map = self.store.pronunciations(who, project).await?.map;
        let identities = self.auditions.identities().await;
        let stale = lines::prepare(&plan, &map, &pauses, &identities)
            .map_or(true, |now| now.digest(&pauses) != row.digest);
        Ok(ChapterRender {
            render: Some(info(&row, project, chapter)?),
            stale,
            job,
            pauses,
        })
    }
}

/// A stored render as the page reads it.
fn info(
    row: &rows::RenderRow,
    project: ProjectId,
    chapter: ChapterId,
) -> Result<RenderInfo, StoreError> {
    Ok(RenderInfo {
        url: render_url(project, chapter),
        version: Version(row.plan_version),
        seconds: row.duration_ms as f64 / 1_000.0,
        bytes: u64::try_from(row.bytes).unwrap_or_default(),
        sent: usize::try_from(row.sent).unwrap_or_default(),
        cached: usize::try_from(row.cached).unwrap_or_default(),
        report: serde_json::from_str(&row.report_json).map_err(fail)?,
        made_at: row.made_at,
    })
}

/// An error of another library as the port's internal error.
fn fail(err: impl Into<anyhow::Error>) -> StoreError {
    StoreError::Internal(err.into())
}
