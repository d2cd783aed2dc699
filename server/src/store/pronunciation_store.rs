//! `PronunciationStore` on the database: a project's pronunciation map, one JSON column with its
//! own version, loaded and saved whole; an import merges into it inside one transaction.

use anyhow::Context;
use app::model::Version;
use app::{
    api::{PronunciationStore, StoreError},
    error::Refusal,
    model::{AuditEntry, Principal, ProjectId, ProjectPronunciations, Role},
};
use async_trait::async_trait;
use shared::{Language, PronunciationMap};
use sqlx::AnyConnection;

use super::{internal, SqlStore};
use crate::db::{self, projects};

#[async_trait]
impl PronunciationStore for SqlStore {
    #[tracing::instrument(skip_all, fields(project = project.0))]
    async fn pronunciations(
        &self,
        who: &Principal,
        project: ProjectId,
    ) -> Result<ProjectPronunciations, StoreError> {
        self.allow_project(who, project, Role::Viewer).await?;
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        stored(&mut conn, project).await
    }

    #[tracing::instrument(skip_all, fields(project = project.0, expected_version))]
    async fn save_pronunciations(
        &self,
        who: &Principal,
        project: ProjectId,
        expected_version: Version,
        map: PronunciationMap,
    ) -> Result<Version, StoreError> {
        self.allow_project(who, project, Role::Editor).await?;
        let mut tx = self.db.begin_write().await.map_err(internal)?;
        let current = stored(&mut tx, project).await?;
        write(&mut tx, &current, expected_version, &map).await?;
        tx.commit().await.map_err(internal)?;
        let entry = AuditEntry::PronunciationsSaved {
            entries: map.entries().len(),
        };
        self.record(who, project, None, entry).await;
        Ok(expected_version.next())
    }

    #[tracing::instrument(skip_all, fields(project = project.0, expected_version, entries = imported.entries().len()))]
    async fn import_pronunciations(
        &self,
        who: &Principal,
        project: ProjectId,
        expected_version: Version,
        imported: PronunciationMap,
    ) -> Result<ProjectPronunciations, StoreError> {
        self.allow_project(who, project, Role::Editor).await?;
        let mut tx = self.db.begin_write().await.map_err(internal)?;
        let current = stored(&mut tx, project).await?;
        if current.version != expected_version {
            return Err(StoreError::Conflict {
                expected: expected_version,
                current: current.version,
            });
        }
        let merged = current
            .map
            .clone()
            .merge(imported)
            .map_err(|err| StoreError::Refused(Refusal::Pronunciation(err)))?;
        write(&mut tx, &current, expected_version, &merged).await?;
        tx.commit().await.map_err(internal)?;
        let entry = AuditEntry::PronunciationsSaved {
            entries: merged.entries().len(),
        };
        self.record(who, project, None, entry).await;
        Ok(ProjectPronunciations {
            version: expected_version.next(),
            map: merged,
            ..current
        })
    }
}

/// The stored map of `project`.
async fn stored(
    conn: &mut AnyConnection,
    project: ProjectId,
) -> Result<ProjectPronunciations, StoreError> {
    let row = projects::pronunciations_of(conn, project.0)
        .await
        .map_err(internal)?
        .ok_or(StoreError::NotFound)?;
    let map = if row.pronunciations_json.is_empty() {
        PronunciationMap::default()
    } else {
        serde_json::from_str(&row.pronunciations_json)
            .context("decoding a stored pronunciation map")?
    };
    Ok(ProjectPronunciations {
        project,
        language: Language::from_code(&row.language).unwrap_or_default(),
        version: Version(row.pronunciations_version),
        map,
    })
}

/// Writes `map` over `current` if it is still at `expected_version`.
async fn write(
    conn: &mut AnyConnection,
    current: &ProjectPronunciations,
    expected_version: Version,
    map: &PronunciationMap,
) -> Result<(), StoreError> {
    let json = serde_json::to_string(map).context("encoding a pronunciation map")?;
    let written = projects::write_pronunciations(
        conn,
        current.project.0,
        expected_version.0,
        &json,
        db::now_millis(),
    )
    .await
    .map_err(internal)?;
    if written {
        Ok(())
    } else {
        Err(StoreError::Conflict {
            expected: expected_version,
            current: current.version,
        })
    }
}
