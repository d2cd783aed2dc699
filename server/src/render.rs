//! `ChapterRenders`, the `Renders` port: a chapter's plan rendered as a durable job ([`Jobs`]):
//! every clip from the audio cache or its engine, joined with the project's pauses, mastered,
//! encoded as MP3 by ffmpeg, checked against the ACX rules, and stored as the chapter's render.
//! A render that fails or is cancelled stores nothing; its clips stay cached, so the next one
//! resumes after them.

pub mod audio;
mod book;
mod book_job;
pub mod ffmpeg;
mod job;
mod lines;
mod steps;

use std::sync::Arc;

use app::{
    api::{PlanStore, ProjectStore, PronunciationStore, Renders, StoreError},
    error::Busy,
    model::{
        render_url, BookDelivery, ChapterId, ChapterRender, DeliverySettings, JobId, Principal,
        ProjectId, RenderEvent, RenderInfo, Role, Version,
    },
};
use async_trait::async_trait;
use futures_util::Stream;
use object_store::{path::Path as ObjectPath, ObjectStoreExt};
use shared::delivery::{exceptions::speaker_changes, timeline::Pauses};

use crate::db::{renders as rows, Db};
use crate::jobs::{JobSettings, Jobs};
use crate::speech::Auditioner;
use crate::store::{internal, SqlStore};
use book_job::BookJob;
pub use ffmpeg::Ffmpeg;
use job::{RenderInput, RenderJob};

/// The chapter renders of the studio, as this server runs and reads them.
pub struct ChapterRenders {
    db: Db,
    store: Arc<SqlStore>,
    auditions: Arc<Auditioner>,
    jobs: Arc<Jobs<RenderJob>>,
    /// The audiobook jobs, one per project, filed under its first chapter.
    books: Arc<Jobs<BookJob>>,
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
        let kind = RenderJob::new(db.clone(), auditions.clone(), ffmpeg.clone());
        let books = BookJob::new(db.clone(), auditions.clone(), ffmpeg);
        Self {
            jobs: Jobs::new(db.clone(), kind, settings),
            books: Jobs::new(db.clone(), books, settings),
            db,
            store,
            auditions,
        }
    }

    /// Starts running queued renders (and those of a server that died) on this server.
    pub fn start_runner(&self) {
        self.jobs.start();
        self.books.start();
    }

    /// An audiobook job's events from number `from` on; `None` when the project has no such job.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn book_events(
        &self,
        who: &Principal,
        project: ProjectId,
        job: JobId,
        from: u64,
    ) -> Result<Option<impl Stream<Item = (u64, app::model::BookEvent)>>, StoreError> {
        let anchor = self.anchor(who, project).await?;
        Ok(self
            .books
            .belongs(project, anchor, job)
            .await?
            .then(|| self.books.events(job, from)))
    }

    /// The project's stored audiobook, its name and its digest, for the download route.
    ///
    /// # Errors
    /// `NotFound` when the project is not the reader's or has no audiobook.
    pub async fn m4b(
        &self,
        who: &Principal,
        project: ProjectId,
    ) -> Result<(bytes::Bytes, String, String), StoreError> {
        let detail = self.store.project(who, project).await?;
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let row = rows::find_book(&mut conn, project.0)
            .await
            .map_err(internal)?
            .ok_or(StoreError::NotFound)?;
        drop(conn);
        Ok((
            self.object(&row.object_path).await?,
            detail.name,
            row.digest,
        ))
    }

    /// A stored file's bytes.
    async fn object(&self, path: &str) -> Result<bytes::Bytes, StoreError> {
        let objects = self.auditions.cache().objects();
        match objects.get(&ObjectPath::from(path)).await {
            Ok(found) => found.bytes().await.map_err(fail),
            Err(object_store::Error::NotFound { .. }) => Err(StoreError::NotFound),
            Err(err) => Err(fail(err)),
        }
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

    /// The chapter's stored MP3, with the chapter's title and its digest, for the download route.
    ///
    /// # Errors
    /// `NotFound` when the chapter is not the reader's or has no render.
    pub async fn mp3(
        &self,
        who: &Principal,
        project: ProjectId,
        chapter: ChapterId,
    ) -> Result<(bytes::Bytes, String, String), StoreError> {
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
        Ok((self.object(&row.object_path).await?, plan.title, row.digest))
    }

    /// The project's pauses (the defaults until changed).
    async fn pauses(&self, project: ProjectId) -> Result<Pauses, StoreError> {
        Ok(self.settings(project).await?.pauses)
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
            render: Some(info(&row, project, chapter, &plan.segments)?),
            stale,
            job,
            pauses,
        })
    }

    async fn book(&self, who: &Principal, project: ProjectId) -> Result<BookDelivery, StoreError> {
        Ok(self.delivery(who, project).await?.0)
    }

    async fn save_settings(
        &self,
        who: &Principal,
        project: ProjectId,
        settings: DeliverySettings,
    ) -> Result<(), StoreError> {
        self.save_settings_of(who, project, settings).await
    }

    async fn start_book(&self, who: &Principal, project: ProjectId) -> Result<JobId, StoreError> {
        self.start_book_of(who, project).await
    }

    async fn render_all(
        &self,
        who: &Principal,
        project: ProjectId,
    ) -> Result<app::model::RenderAll, StoreError> {
        self.store.allow_project(who, project, Role::Editor).await?;
        let (delivery, _) = self.delivery(who, project).await?;
        let mut all = app::model::RenderAll {
            started: 0,
            refused: Vec::new(),
        };
        for chapter in delivery.chapters {
            if !matches!(
                chapter.state,
                app::model::RenderState::NotRendered | app::model::RenderState::Stale
            ) {
                continue;
            }
            match self.start(who, project, chapter.chapter).await {
                Ok(_) => all.started += 1,
                Err(StoreError::Refused(why)) => all.refused.push((chapter.title, why)),
                // Started meanwhile (by a colleague): it is rendering.
                Err(StoreError::Busy(_)) => {}
                Err(other) => return Err(other),
            }
        }
        Ok(all)
    }

    async fn cancel_book(
        &self,
        who: &Principal,
        project: ProjectId,
        job: JobId,
    ) -> Result<(), StoreError> {
        self.store.allow_project(who, project, Role::Editor).await?;
        let anchor = self.anchor(who, project).await?;
        self.books.cancel(project, anchor, job).await
    }
}

/// What `chapter_renders.report_json` holds: the ACX report and the automatic checks.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct StoredReport {
    pub acx: shared::delivery::acx::AcxReport,
    pub exceptions: Vec<shared::delivery::exceptions::Exception>,
    pub checked: usize,
    /// Each spoken segment's speaker as the render read it.
    #[serde(default)]
    pub speakers: Vec<(shared::SegmentId, String)>,
}

/// A stored render as the page reads it, its exceptions with the segments of `now` whose
/// speaker changed since.
fn info(
    row: &rows::RenderRow,
    project: ProjectId,
    chapter: ChapterId,
    now: &[shared::Segment],
) -> Result<RenderInfo, StoreError> {
    let stored: StoredReport = serde_json::from_str(&row.report_json).map_err(fail)?;
    let mut exceptions = stored.exceptions;
    exceptions.extend(speaker_changes(&stored.speakers, now));
    Ok(RenderInfo {
        url: render_url(project, chapter),
        version: Version(row.plan_version),
        seconds: row.duration_ms as f64 / 1_000.0,
        bytes: u64::try_from(row.bytes).unwrap_or_default(),
        sent: usize::try_from(row.sent).unwrap_or_default(),
        cached: usize::try_from(row.cached).unwrap_or_default(),
        report: stored.acx,
        exceptions,
        checked: stored.checked,
        made_at: row.made_at,
    })
}

/// An error of another library as the port's internal error.
pub(crate) fn fail(err: impl Into<anyhow::Error>) -> StoreError {
    StoreError::Internal(err.into())
}
