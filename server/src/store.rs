//! `SqlStore`: the `PlanStore` port on the database. One transaction per use case; every rule
//! comes from `shared` (segmentation, plan validation), none is written here.

mod access;
pub(crate) mod audit;
mod plan_changes;
mod plan_rows;
mod presence;
mod project_store;
mod pronunciation_store;
mod review_flags;

use anyhow::Context;
use app::model::Version;
use app::{
    api::{PlanStore, StoreError},
    model::{
        AuditEntry, ChapterId, ChapterPlan, ChapterStatus, ChapterSummary, Principal, ProjectId,
        ProjectSummary, Role,
    },
};
use async_trait::async_trait;
use shared::{
    plan::file, segment_chapter, Cast, ChapterText, EngineLimits, Language, Plan, Segment,
};

use crate::db::{self, chapters, plans, projects, Db};

/// The store on a `Db`.
#[derive(Debug, Clone)]
pub struct SqlStore {
    db: Db,
}

impl SqlStore {
    /// A store on `db`.
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// The texts of a project's chapters, in their order (as `list_chapters` lists them).
    ///
    /// # Errors
    /// When the database fails.
    pub async fn chapter_texts(&self, project: ProjectId) -> Result<Vec<String>, StoreError> {
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        chapters::chapter_texts(&mut conn, project.0)
            .await
            .map_err(internal)
    }
}

#[async_trait]
impl PlanStore for SqlStore {
    #[tracing::instrument(skip_all)]
    async fn list_projects(&self, who: &Principal) -> Result<Vec<ProjectSummary>, StoreError> {
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let rows = projects::projects_of_organisation(&mut conn, who.organisation.0)
            .await
            .map_err(internal)?;
        Ok(rows
            .into_iter()
            .map(|row| ProjectSummary {
                id: ProjectId(row.id),
                name: row.name,
                language: row.language,
                chapter_count: row.chapter_count,
                first_chapter: row.first_chapter.map(ChapterId),
            })
            .collect())
    }

    #[tracing::instrument(skip_all, fields(project = project.0))]
    async fn add_chapter(
        &self,
        who: &Principal,
        project: ProjectId,
        title: String,
        text: ChapterText,
    ) -> Result<ChapterId, StoreError> {
        self.allow_project(who, project, Role::Editor).await?;
        let mut tx = self.db.begin_write().await.map_err(internal)?;
        if !projects::project_exists(&mut tx, project.0)
            .await
            .map_err(internal)?
        {
            return Err(StoreError::NotFound);
        }
        let id = chapters::insert_chapter_last(
            &mut tx,
            project.0,
            chapter_title(&title),
            text.as_str(),
            db::now_millis(),
        )
        .await
        .map_err(internal)?;
        tx.commit().await.map_err(internal)?;
        let entry = AuditEntry::ChaptersAdded { count: 1 };
        self.record(who, project, Some(ChapterId(id)), entry).await;
        Ok(ChapterId(id))
    }

    #[tracing::instrument(skip_all, fields(project = project.0))]
    async fn list_chapters(
        &self,
        who: &Principal,
        project: ProjectId,
    ) -> Result<Vec<ChapterSummary>, StoreError> {
        self.allow_project(who, project, Role::Viewer).await?;
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let rows = chapters::chapters_of_project(&mut conn, project.0)
            .await
            .map_err(internal)?;
        Ok(rows
            .into_iter()
            .map(|row| ChapterSummary {
                id: ChapterId(row.id),
                position: row.position,
                title: row.title,
                status: match (row.text_chars, row.complete) {
                    (0, _) => ChapterStatus::NoText,
                    (_, None) => ChapterStatus::TextOnly,
                    (_, Some(0)) => ChapterStatus::Planned,
                    (_, Some(_)) => ChapterStatus::Complete,
                },
                segment_count: row.segment_count.unwrap_or(0),
            })
            .collect())
    }

    #[tracing::instrument(skip_all, fields(chapter = chapter.0))]
    async fn load_plan(
        &self,
        who: &Principal,
        chapter: ChapterId,
    ) -> Result<ChapterPlan, StoreError> {
        self.allow_chapter(who, chapter, Role::Viewer).await?;
        let plan = self.stored_plan(chapter).await?;
        Ok(ChapterPlan {
            editable: who.may(Role::Editor),
            ..plan
        })
    }

    #[tracing::instrument(skip_all, fields(chapter = chapter.0, expected_version))]
    async fn generate_plan(
        &self,
        who: &Principal,
        chapter: ChapterId,
        expected_version: Version,
    ) -> Result<ChapterPlan, StoreError> {
        self.allow_chapter(who, chapter, Role::Editor).await?;
        let loaded = self.load_at_version(chapter, expected_version).await?;
        let segments = segment_chapter(&loaded.text, &loaded.limits);
        let version = self
            .write_plan(chapter, expected_version, &segments)
            .await?;
        let entry = AuditEntry::PlanGenerated {
            segments: segments.len(),
        };
        self.record(who, loaded.project_id, Some(chapter), entry)
            .await;
        Ok(ChapterPlan {
            version,
            complete: false,
            segments,
            ..loaded
        })
    }

    #[tracing::instrument(skip_all, fields(chapter = chapter.0, expected_version, segments = segments.len()))]
    async fn save_plan(
        &self,
        who: &Principal,
        chapter: ChapterId,
        expected_version: Version,
        segments: Vec<Segment>,
    ) -> Result<Version, StoreError> {
        self.allow_chapter(who, chapter, Role::Editor).await?;
        let loaded = self.load_at_version(chapter, expected_version).await?;
        let plan = Plan::new(segments);
        plan.validate(&loaded.text, &loaded.limits)?;
        let cast = Cast::new(loaded.cast).context("a stored cast is invalid")?;
        plan.check_speakers(&cast)?;
        let before = self.stored_segments(chapter).await?;
        let version = self
            .write_plan(chapter, expected_version, plan.segments())
            .await?;
        let entry = AuditEntry::PlanSaved {
            segments: plan.segments().len(),
            changed: audit::changed_segments(&before, plan.segments()),
        };
        self.record(who, loaded.project_id, Some(chapter), entry)
            .await;
        Ok(version)
    }

    #[tracing::instrument(skip_all, fields(chapter = chapter.0, base = base.0, changes = changes.len()))]
    async fn save_changes(
        &self,
        who: &Principal,
        chapter: ChapterId,
        base: Version,
        changes: Vec<shared::plan::change::Change>,
    ) -> Result<app::model::PlanChanges, StoreError> {
        self.apply_changes(who, chapter, base, changes).await
    }

    #[tracing::instrument(skip_all, fields(chapter = chapter.0, since = since.0))]
    async fn changes_since(
        &self,
        who: &Principal,
        chapter: ChapterId,
        since: Version,
    ) -> Result<app::model::PlanChanges, StoreError> {
        self.changes_after(who, chapter, since).await
    }

    #[tracing::instrument(skip_all, fields(chapter = chapter.0))]
    async fn show_place(
        &self,
        who: &Principal,
        chapter: ChapterId,
        segment: Option<shared::SegmentId>,
    ) -> Result<(), StoreError> {
        self.note_place(who, chapter, segment).await
    }

    #[tracing::instrument(skip_all, fields(chapter = chapter.0, segment = segment.0))]
    async fn review_flag(
        &self,
        who: &Principal,
        chapter: ChapterId,
        segment: shared::SegmentId,
        action: shared::plan::review::FlagAction,
    ) -> Result<Version, StoreError> {
        self.flag_segment(who, chapter, segment, action).await
    }

    #[tracing::instrument(skip_all, fields(chapter = chapter.0, expected_version, segments = segments.len()))]
    async fn import_plan(
        &self,
        who: &Principal,
        chapter: ChapterId,
        expected_version: Version,
        mut segments: Vec<Segment>,
    ) -> Result<Version, StoreError> {
        self.allow_chapter(who, chapter, Role::Editor).await?;
        let loaded = self.load_at_version(chapter, expected_version).await?;
        let cast = Cast::new(loaded.cast).context("a stored cast is invalid")?;
        file::resolve_voices(&mut segments, &cast)?;
        file::keep_locks(&mut segments, &self.stored_segments(chapter).await?);
        let plan = Plan::new(segments);
        plan.validate(&loaded.text, &loaded.limits)?;
        plan.check_speakers(&cast)?;
        let version = self
            .write_plan(chapter, expected_version, plan.segments())
            .await?;
        let entry = AuditEntry::PlanImported {
            segments: plan.segments().len(),
        };
        self.record(who, loaded.project_id, Some(chapter), entry)
            .await;
        Ok(version)
    }

    #[tracing::instrument(skip_all, fields(chapter = chapter.0, complete))]
    async fn set_complete(
        &self,
        who: &Principal,
        chapter: ChapterId,
        complete: bool,
    ) -> Result<(), StoreError> {
        let project = self.allow_chapter(who, chapter, Role::Editor).await?;
        // One transaction, so a save landing between the check and the update cannot slip in.
        let mut tx = self.db.begin_write().await.map_err(internal)?;
        if complete {
            let plan = plans::plan_of_chapter(&mut tx, chapter.0)
                .await
                .map_err(internal)?
                .ok_or(StoreError::NotFound)?;
            let row = chapters::chapter_by_id(&mut tx, chapter.0)
                .await
                .map_err(internal)?
                .ok_or(StoreError::NotFound)?;
            let segments = decode_segments(&plan.segments_json)?;
            let cast = stored_cast(&row.language, &row.cast_json)?;
            let language = Language::from_code(&row.language).unwrap_or_default();
            let contradicted =
                shared::attribution::contradictions(&row.text, &segments, &cast, language);
            let stale = shared::plan::rebase::stale(&segments, &row.text);
            let blockers = shared::signoff::blockers(&segments, &contradicted, &stale);
            if !blockers.is_empty() {
                return Err(StoreError::Blocked(blockers));
            }
        }
        let updated = plans::set_complete(&mut tx, chapter.0, complete, db::now_millis())
            .await
            .map_err(internal)?;
        if !updated {
            return Err(StoreError::NotFound);
        }
        tx.commit().await.map_err(internal)?;
        let entry = if complete {
            AuditEntry::ChapterCompleted
        } else {
            AuditEntry::ChapterReopened
        };
        self.record(who, project, Some(chapter), entry).await;
        Ok(())
    }
}

/// A chapter's plan as the editor loads it, from its row (text, project settings and cast) and
/// its stored plan's state.
fn chapter_plan(
    row: chapters::ChapterRow,
    version: Version,
    complete: bool,
    segments: Vec<Segment>,
) -> Result<ChapterPlan, StoreError> {
    let limits: EngineLimits = serde_json::from_str(&row.limits_json).context("decoding limits")?;
    let cast = stored_cast(&row.language, &row.cast_json)?;
    Ok(ChapterPlan {
        project_id: ProjectId(row.project_id),
        chapter_id: ChapterId(row.id),
        title: row.title,
        text: row.text,
        limits,
        language: Language::from_code(&row.language).unwrap_or_default(),
        cast: cast.into(),
        version,
        complete,
        segments,
        editable: true,
    })
}

/// A stored plan's segments (`plans.segments_json`, the desktop format).
fn decode_segments(json: &str) -> Result<Vec<Segment>, StoreError> {
    Ok(serde_json::from_str(json).context("decoding a stored plan")?)
}

/// A project's stored cast; empty means the narrator only.
pub(crate) fn stored_cast(language: &str, cast_json: &str) -> Result<Cast, StoreError> {
    if cast_json.is_empty() {
        let language = Language::from_code(language).unwrap_or_default();
        return Ok(Cast::with_narrator(language));
    }
    Ok(serde_json::from_str(cast_json).context("decoding a stored cast")?)
}

/// A chapter's title as stored: trimmed, "Untitled chapter" when blank.
fn chapter_title(title: &str) -> &str {
    match title.trim() {
        "" => "Untitled chapter",
        title => title,
    }
}

pub(crate) fn internal(err: sqlx::Error) -> StoreError {
    StoreError::Internal(err.into())
}
