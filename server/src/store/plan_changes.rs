//! Delta saves: the edits a page made since the version it holds, applied by `shared` to the
//! stored plan, so a colleague's save in between is kept when it touched other segments. Each
//! save's changes are logged by version so the pages of colleagues catch up without a reload.

use anyhow::Context;
use app::{
    api::StoreError,
    model::{AuditEntry, ChapterId, EditCounts, PlanChanges, Principal, Role, Version},
};
use shared::{plan::change::Change, Cast, Plan};

use super::{internal, SqlStore};
use crate::db::plans;

/// Saves in a row that may find a colleague's save just landed before this one gives up.
pub(super) const ATTEMPTS: usize = 3;

impl SqlStore {
    /// Applies `changes`, made on version `base`, to the stored plan and stores the result.
    pub(super) async fn apply_changes(
        &self,
        who: &Principal,
        chapter: ChapterId,
        base: Version,
        changes: Vec<Change>,
    ) -> Result<PlanChanges, StoreError> {
        self.allow_chapter(who, chapter, Role::Editor).await?;
        let json = serde_json::to_string(&changes).context("encoding changes")?;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let stored = self.stored_plan(chapter).await?;
            let current = stored.version;
            let conflict = StoreError::Conflict {
                expected: base,
                current,
            };
            if current == Version::NONE || base.0 > current.0 {
                return Err(conflict);
            }
            if changes.is_empty() {
                let changes = self.changes_between(chapter, base, current).await?;
                return Ok(PlanChanges {
                    version: current,
                    changes,
                });
            }
            let plan = Plan::new(stored.segments)
                .with_changes(&changes)
                .map_err(|clash| {
                    tracing::info!(segments = ?clash.segments, "changes clash with a colleague's");
                    conflict
                })?;
            plan.validate(&stored.text, &stored.limits)?;
            let cast = Cast::new(stored.cast).context("a stored cast is invalid")?;
            plan.check_speakers(&cast)?;
            let missed = self.changes_between(chapter, base, current).await?;
            match self
                .write_plan_logged(chapter, current, plan.segments(), Some((who.user, &json)))
                .await
            {
                Ok(version) => {
                    let entry = AuditEntry::EditsSaved {
                        segments: plan.segments().len(),
                        edits: EditCounts::of(&changes),
                    };
                    self.record(who, stored.project_id, Some(chapter), entry)
                        .await;
                    return Ok(PlanChanges {
                        version,
                        changes: missed,
                    });
                }
                Err(StoreError::Conflict { .. }) if attempt < ATTEMPTS => continue,
                Err(err) => return Err(err),
            }
        }
    }

    /// The changes logged since `since`, for a page catching up with its colleagues.
    pub(super) async fn changes_after(
        &self,
        who: &Principal,
        chapter: ChapterId,
        since: Version,
    ) -> Result<PlanChanges, StoreError> {
        self.allow_chapter(who, chapter, Role::Viewer).await?;
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let version = Version(
            plans::plan_version(&mut conn, chapter.0)
                .await
                .map_err(internal)?,
        );
        drop(conn);
        let changes = if since.0 > version.0 {
            None
        } else {
            self.changes_between(chapter, since, version).await?
        };
        Ok(PlanChanges { version, changes })
    }

    /// Every logged change after `after` up to `upto`, oldest first; none when one is missing.
    async fn changes_between(
        &self,
        chapter: ChapterId,
        after: Version,
        upto: Version,
    ) -> Result<Option<Vec<Change>>, StoreError> {
        if after == upto {
            return Ok(Some(Vec::new()));
        }
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let rows = plans::changes_between(&mut conn, chapter.0, after.0, upto.0)
            .await
            .map_err(internal)?;
        let complete = rows
            .iter()
            .zip(after.0 + 1..=upto.0)
            .all(|(row, version)| row.version == version)
            && i64::try_from(rows.len()).is_ok_and(|n| n == upto.0 - after.0);
        if !complete {
            return Ok(None);
        }
        let mut changes = Vec::new();
        for row in rows {
            let batch: Vec<Change> =
                serde_json::from_str(&row.changes_json).context("decoding logged changes")?;
            changes.extend(batch);
        }
        Ok(Some(changes))
    }
}
