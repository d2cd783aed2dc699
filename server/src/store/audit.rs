//! The audit trail: each use case that changes a project records who did what, after it
//! succeeded; the project and chapter pages read it back.

use anyhow::Context;
use app::{
    api::StoreError,
    model::{AuditEntry, AuditEvent, ChapterId, Principal, ProjectId, Role},
};

use super::{internal, SqlStore};
use crate::db::{self, audit};

/// How many events a page shows.
const SHOWN: i64 = 50;

impl SqlStore {
    /// Records `entry` by `who` on `project` (and `chapter`). A failure is logged, not returned:
    /// the change it describes is already stored.
    pub(crate) async fn record(
        &self,
        who: &Principal,
        project: ProjectId,
        chapter: Option<ChapterId>,
        entry: AuditEntry,
    ) {
        let result: anyhow::Result<()> = async {
            let json = serde_json::to_string(&entry).context("encoding an audit entry")?;
            let mut conn = self.db.pool.acquire().await?;
            audit::insert_event(
                &mut conn,
                project.0,
                chapter.map(|c| c.0),
                who.user.0,
                db::now_millis(),
                &json,
            )
            .await?;
            Ok(())
        }
        .await;
        if let Err(err) = result {
            tracing::error!(error = ?err, "recording an audit event");
        }
    }

    pub(crate) async fn events(
        &self,
        who: &Principal,
        project: ProjectId,
        chapter: Option<ChapterId>,
    ) -> Result<Vec<AuditEvent>, StoreError> {
        self.allow_project(who, project, Role::Viewer).await?;
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let rows = audit::events(&mut conn, project.0, chapter.map(|c| c.0), SHOWN)
            .await
            .map_err(internal)?;
        Ok(rows.into_iter().filter_map(event_of).collect())
    }
}

/// The event a stored row records; `None` for an entry this build cannot read.
pub(crate) fn event_of(row: audit::EventRow) -> Option<AuditEvent> {
    Some(AuditEvent {
        at_ms: row.at,
        who: row.who.unwrap_or_default(),
        chapter: row.chapter_id.map(ChapterId),
        entry: serde_json::from_str(&row.entry_json).ok()?,
    })
}

/// How many segments of `after` differ from `before` (matched by id), the removed ones included.
pub(crate) fn changed_segments(before: &[shared::Segment], after: &[shared::Segment]) -> usize {
    let old: std::collections::HashMap<_, _> = before.iter().map(|s| (s.id, s)).collect();
    let new: std::collections::HashSet<_> = after.iter().map(|s| s.id).collect();
    let differing = after
        .iter()
        .filter(|s| old.get(&s.id).is_none_or(|o| *o != *s))
        .count();
    let removed = before.iter().filter(|s| !new.contains(&s.id)).count();
    differing + removed
}
