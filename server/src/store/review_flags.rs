//! Review flags raised, discussed and moved along by anyone on a chapter, viewers included: the
//! server signs each step with the signed-in user's name and its own clock, applies it with
//! `shared` like any edit, and logs it as a change so colleagues' pages pull it in.

use anyhow::Context;
use app::{
    api::StoreError,
    error::Refusal,
    model::{AuditEntry, ChapterId, Principal, Role, Version},
};
use shared::{
    plan::{change::Change, review::FlagAction},
    Plan, SegmentError, SegmentId,
};

use super::{internal, plan_changes::ATTEMPTS, SqlStore};
use crate::db::{self, members};

impl SqlStore {
    pub(super) async fn flag_segment(
        &self,
        who: &Principal,
        chapter: ChapterId,
        segment: SegmentId,
        action: FlagAction,
    ) -> Result<Version, StoreError> {
        let project = self.allow_chapter(who, chapter, Role::Viewer).await?;
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let name = members::user_name(&mut conn, who.user.0)
            .await
            .map_err(internal)?
            .ok_or(StoreError::NotFound)?;
        drop(conn);
        let mut attempt = 0;
        loop {
            attempt += 1;
            let stored = self.stored_plan(chapter).await?;
            if stored.version == Version::NONE {
                return Err(StoreError::Refused(Refusal::NoPlanYet));
            }
            if stored.complete {
                return Err(StoreError::Refused(Refusal::ChapterComplete));
            }
            let mut plan = Plan::new(stored.segments);
            let row = plan
                .index_of(segment)
                .ok_or(SegmentError::UnknownSegment { id: segment })?
                + 1;
            let edit = action.clone().edit(segment, db::now_millis(), &name);
            let splice = plan.apply(&edit, &stored.text, &stored.limits)?;
            let json =
                serde_json::to_string(&[Change::of(&splice)]).context("encoding a change")?;
            match self
                .write_plan_logged(
                    chapter,
                    stored.version,
                    plan.segments(),
                    Some((who.user, &json)),
                )
                .await
            {
                Ok(version) => {
                    let entry = match action {
                        FlagAction::Raise { kind, .. } => AuditEntry::FlagRaised { row, kind },
                        FlagAction::Comment { .. } => AuditEntry::FlagCommented { row },
                        FlagAction::SetStatus { status } => AuditEntry::FlagMoved { row, status },
                    };
                    self.record(who, project, Some(chapter), entry).await;
                    return Ok(version);
                }
                Err(StoreError::Conflict { .. }) if attempt < ATTEMPTS => continue,
                Err(err) => return Err(err),
            }
        }
    }
}
