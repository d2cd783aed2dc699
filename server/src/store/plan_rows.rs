//! A plan's row: loading a chapter at an expected version, the stored segments, and the
//! compare-and-swap that writes a new version.

use anyhow::Context;
use app::{
    api::StoreError,
    model::{ChapterId, ChapterPlan, UserId, Version},
};
use shared::Segment;

use super::{chapter_plan, decode_segments, internal, SqlStore};
use crate::db::{self, chapters, plans, plans::PlanWrite};

impl SqlStore {
    /// Loads a chapter (text, limits and stored version, without decoding the stored segments),
    /// refusing with `Conflict` when the plan is no longer at `expected_version` (an early answer;
    /// `write_plan` checks again atomically).
    pub(super) async fn load_at_version(
        &self,
        chapter: ChapterId,
        expected_version: Version,
    ) -> Result<ChapterPlan, StoreError> {
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let row = chapters::chapter_by_id(&mut conn, chapter.0)
            .await
            .map_err(internal)?
            .ok_or(StoreError::NotFound)?;
        let version = Version(
            plans::plan_version(&mut conn, chapter.0)
                .await
                .map_err(internal)?,
        );
        if version != expected_version {
            return Err(StoreError::Conflict {
                expected: expected_version,
                current: version,
            });
        }
        chapter_plan(row, version, false, Vec::new())
    }

    /// A chapter's text, settings and stored plan, decoded; no access check.
    pub(super) async fn stored_plan(&self, chapter: ChapterId) -> Result<ChapterPlan, StoreError> {
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let row = chapters::chapter_by_id(&mut conn, chapter.0)
            .await
            .map_err(internal)?
            .ok_or(StoreError::NotFound)?;
        let plan = plans::plan_of_chapter(&mut conn, chapter.0)
            .await
            .map_err(internal)?;
        let (version, complete, segments) = match plan {
            Some(plan) => (
                plan.version,
                plan.complete != 0,
                decode_segments(&plan.segments_json)?,
            ),
            None => (0, false, Vec::new()),
        };
        chapter_plan(row, Version(version), complete, segments)
    }

    /// The segments stored for `chapter` (none before the first plan).
    pub(super) async fn stored_segments(
        &self,
        chapter: ChapterId,
    ) -> Result<Vec<Segment>, StoreError> {
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        match plans::plan_of_chapter(&mut conn, chapter.0)
            .await
            .map_err(internal)?
        {
            Some(plan) => decode_segments(&plan.segments_json),
            None => Ok(Vec::new()),
        }
    }

    /// Stores `segments` as the version after `expected_version`, atomically: a concurrent save
    /// from the same version makes this one a conflict.
    pub(super) async fn write_plan(
        &self,
        chapter: ChapterId,
        expected_version: Version,
        segments: &[Segment],
    ) -> Result<Version, StoreError> {
        self.write_plan_logged(chapter, expected_version, segments, None)
            .await
    }

    /// [`SqlStore::write_plan`], logging in the same transaction the changes that made the new
    /// version (`log`: who, and the changes as JSON), so colleagues' pages can catch up.
    pub(super) async fn write_plan_logged(
        &self,
        chapter: ChapterId,
        expected_version: Version,
        segments: &[Segment],
        log: Option<(UserId, &str)>,
    ) -> Result<Version, StoreError> {
        let json = serde_json::to_string(segments).context("encoding a plan")?;
        let write = PlanWrite {
            chapter_id: chapter.0,
            segments_json: &json,
            segment_count: i64::try_from(segments.len()).unwrap_or(i64::MAX),
            now: db::now_millis(),
        };
        let mut tx = self.db.begin_write().await.map_err(internal)?;
        let written = if expected_version == Version::NONE {
            plans::insert_first_plan(&mut tx, &write)
                .await
                .map_err(internal)?
        } else {
            plans::replace_plan(&mut tx, &write, expected_version.0)
                .await
                .map_err(internal)?
        };
        if !written {
            let current = plans::plan_version(&mut tx, chapter.0)
                .await
                .map_err(internal)?;
            return Err(StoreError::Conflict {
                expected: expected_version,
                current: Version(current),
            });
        }
        let version = expected_version.next();
        if let Some((user, changes_json)) = log {
            plans::log_changes(
                &mut tx,
                chapter.0,
                version.0,
                user.0,
                write.now,
                changes_json,
                LOGGED_VERSIONS,
            )
            .await
            .map_err(internal)?;
        }
        tx.commit().await.map_err(internal)?;
        Ok(version)
    }
}

/// Versions of a chapter whose changes are kept for pages catching up.
const LOGGED_VERSIONS: i64 = 200;
