//! `ProjectStore` on the database: project settings, the cast and imported chapters.

use anyhow::Context;
use app::model::Version;
use app::{
    api::{ProjectStore, StoreError},
    model::{AuditEntry, AuditEvent, ChapterId, Principal, ProjectDetail, ProjectId, Role},
};
use async_trait::async_trait;
use shared::{
    attribution::propose::{self, ProposedCharacter},
    Cast, ChapterText, EngineLimits, Language,
};

use super::{internal, SqlStore};
use crate::db::{self, chapters, plans, projects};

#[async_trait]
impl ProjectStore for SqlStore {
    async fn audit_log(
        &self,
        who: &Principal,
        project: ProjectId,
        chapter: Option<ChapterId>,
    ) -> Result<Vec<AuditEvent>, StoreError> {
        self.events(who, project, chapter).await
    }

    #[tracing::instrument(skip_all)]
    async fn create_project(
        &self,
        who: &Principal,
        name: String,
        language: Language,
    ) -> Result<ProjectId, StoreError> {
        if !who.may(Role::Editor) {
            return Err(StoreError::Forbidden);
        }
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let limits = serde_json::to_string(&EngineLimits::default()).context("encoding limits")?;
        let id = projects::insert_project(
            &mut conn,
            who.organisation.0,
            &name,
            language.code(),
            &limits,
            db::now_millis(),
        )
        .await
        .map_err(internal)?;
        Ok(ProjectId(id))
    }

    #[tracing::instrument(skip_all, fields(project = project.0))]
    async fn project(
        &self,
        who: &Principal,
        project: ProjectId,
    ) -> Result<ProjectDetail, StoreError> {
        self.allow_project(who, project, Role::Viewer).await?;
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let row = projects::project_by_id(&mut conn, project.0)
            .await
            .map_err(internal)?
            .ok_or(StoreError::NotFound)?;
        let language = Language::from_code(&row.language).unwrap_or_default();
        let cast = super::stored_cast(&row.language, &row.cast_json)?;
        Ok(ProjectDetail {
            id: ProjectId(row.id),
            name: row.name,
            language,
            limits: serde_json::from_str(&row.limits_json).context("decoding limits")?,
            cast: cast.into(),
            cast_version: Version(row.cast_version),
        })
    }

    #[tracing::instrument(skip_all, fields(project = project.0))]
    async fn rename_project(
        &self,
        who: &Principal,
        project: ProjectId,
        name: String,
    ) -> Result<(), StoreError> {
        self.allow_project(who, project, Role::Editor).await?;
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        found(
            projects::rename_project(&mut conn, project.0, &name, db::now_millis())
                .await
                .map_err(internal)?,
        )?;
        drop(conn);
        self.record(who, project, None, AuditEntry::ProjectRenamed { name })
            .await;
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(project = project.0))]
    async fn delete_project(&self, who: &Principal, project: ProjectId) -> Result<(), StoreError> {
        self.allow_project(who, project, Role::Owner).await?;
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        found(
            projects::delete_project(&mut conn, project.0)
                .await
                .map_err(internal)?,
        )
    }

    #[tracing::instrument(skip_all, fields(project = project.0, expected_version))]
    async fn save_cast(
        &self,
        who: &Principal,
        project: ProjectId,
        expected_version: Version,
        cast: Cast,
    ) -> Result<Version, StoreError> {
        self.allow_project(who, project, Role::Editor).await?;
        let json = serde_json::to_string(&cast).context("encoding a cast")?;
        let mut tx = self.db.begin_write().await.map_err(internal)?;
        let current = projects::project_by_id(&mut tx, project.0)
            .await
            .map_err(internal)?
            .ok_or(StoreError::NotFound)?
            .cast_version;
        let written = projects::write_cast(
            &mut tx,
            project.0,
            expected_version.0,
            &json,
            db::now_millis(),
        )
        .await
        .map_err(internal)?;
        if !written {
            return Err(StoreError::Conflict {
                expected: expected_version,
                current: Version(current),
            });
        }
        tx.commit().await.map_err(internal)?;
        let entry = AuditEntry::CastSaved {
            characters: cast.characters().len(),
        };
        self.record(who, project, None, entry).await;
        Ok(expected_version.next())
    }

    #[tracing::instrument(skip_all, fields(project = project.0))]
    async fn propose_cast(
        &self,
        who: &Principal,
        project: ProjectId,
    ) -> Result<Vec<ProposedCharacter>, StoreError> {
        self.allow_project(who, project, Role::Viewer).await?;
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let row = projects::project_by_id(&mut conn, project.0)
            .await
            .map_err(internal)?
            .ok_or(StoreError::NotFound)?;
        let texts = chapters::chapter_texts(&mut conn, project.0)
            .await
            .map_err(internal)?;
        drop(conn);
        let language = Language::from_code(&row.language).unwrap_or_default();
        let cast = super::stored_cast(&row.language, &row.cast_json)?;
        // A whole novel takes a moment: off the async workers.
        let proposals = tokio::task::spawn_blocking(move || {
            let book = texts.join("\n\n");
            propose::missing_from_cast(propose::propose_cast(&book, language), &cast)
        })
        .await
        .context("the cast proposal stopped")?;
        Ok(proposals)
    }

    #[tracing::instrument(skip_all, fields(chapter = chapter.0))]
    async fn replace_chapter_text(
        &self,
        who: &Principal,
        chapter: ChapterId,
        text: ChapterText,
    ) -> Result<usize, StoreError> {
        let project = self.allow_chapter(who, chapter, Role::Editor).await?;
        let now = db::now_millis();
        let mut tx = self.db.begin_write().await.map_err(internal)?;
        let current = chapters::chapter_by_id(&mut tx, chapter.0)
            .await
            .map_err(internal)?
            .ok_or(StoreError::NotFound)?;
        if current.text == text.as_str() {
            // The same text again: nothing changes, and an open editor keeps its version.
            return Ok(0);
        }
        let replaced = chapters::replace_text(&mut tx, chapter.0, text.as_str(), now)
            .await
            .map_err(internal)?;
        if !replaced {
            return Err(StoreError::NotFound);
        }
        let stale = match plans::plan_of_chapter(&mut tx, chapter.0)
            .await
            .map_err(internal)?
        {
            Some(plan) => {
                plans::mark_text_changed(&mut tx, chapter.0, now)
                    .await
                    .map_err(internal)?;
                let segments = super::decode_segments(&plan.segments_json)?;
                shared::plan::rebase::stale(&segments, text.as_str()).len()
            }
            None => 0,
        };
        tx.commit().await.map_err(internal)?;
        self.record(who, project, Some(chapter), AuditEntry::ChapterTextReplaced)
            .await;
        Ok(stale)
    }

    #[tracing::instrument(skip_all, fields(project = project.0, chapters = chapters.len()))]
    async fn add_chapters(
        &self,
        who: &Principal,
        project: ProjectId,
        chapters: Vec<(String, ChapterText)>,
    ) -> Result<Vec<ChapterId>, StoreError> {
        self.allow_project(who, project, Role::Editor).await?;
        let mut tx = self.db.begin_write().await.map_err(internal)?;
        if !projects::project_exists(&mut tx, project.0)
            .await
            .map_err(internal)?
        {
            return Err(StoreError::NotFound);
        }
        let now = db::now_millis();
        let mut ids = Vec::with_capacity(chapters.len());
        for (title, text) in chapters {
            let id = chapters::insert_chapter_last(
                &mut tx,
                project.0,
                super::chapter_title(&title),
                text.as_str(),
                now,
            )
            .await
            .map_err(internal)?;
            ids.push(ChapterId(id));
        }
        tx.commit().await.map_err(internal)?;
        let entry = AuditEntry::ChaptersAdded { count: ids.len() };
        self.record(who, project, None, entry).await;
        Ok(ids)
    }
}

fn found(done: bool) -> Result<(), StoreError> {
    if done {
        Ok(())
    } else {
        Err(StoreError::NotFound)
    }
}
