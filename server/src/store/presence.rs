//! Who else has a chapter open and which segment they are on, kept in the database so that every
//! server sees everyone, and the chapter's live state that each open page is streamed.

use app::{
    api::StoreError,
    model::{ChapterId, Colleague, Live, Principal, Role, Version},
};
use shared::SegmentId;

use super::{internal, SqlStore};
use crate::db::{self, plans, presence};

/// How long after their page last checked in someone still counts as on the chapter.
pub const PRESENT_FOR_MS: i64 = 6_000;

impl SqlStore {
    /// Notes the segment `who` is on in `chapter` (none: no segment selected).
    pub(super) async fn note_place(
        &self,
        who: &Principal,
        chapter: ChapterId,
        segment: Option<SegmentId>,
    ) -> Result<(), StoreError> {
        self.allow_chapter(who, chapter, Role::Viewer).await?;
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let segment = segment.map(|id| i64::from(id.0));
        presence::set_segment(&mut conn, chapter.0, who.user.0, segment, db::now_millis())
            .await
            .map_err(internal)
    }

    /// Notes that `who` is on `chapter` now and answers its live state: the stored version and
    /// everyone else on it. The caller checked `who` may read the chapter.
    pub async fn check_in(&self, who: &Principal, chapter: ChapterId) -> Result<Live, StoreError> {
        let now = db::now_millis();
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        presence::touch(&mut conn, chapter.0, who.user.0, now)
            .await
            .map_err(internal)?;
        let version = plans::plan_version(&mut conn, chapter.0)
            .await
            .map_err(internal)?;
        let others = presence::others(&mut conn, chapter.0, who.user.0, now - PRESENT_FOR_MS)
            .await
            .map_err(internal)?;
        Ok(Live {
            version: Version(version),
            others: others
                .into_iter()
                .map(|row| Colleague {
                    name: row.name,
                    segment: row
                        .segment_id
                        .and_then(|id| u32::try_from(id).ok())
                        .map(SegmentId),
                })
                .collect(),
        })
    }
}
