//! `Usage`: hourly allowances of paid and slow work (clips rendered by a voice engine, speaker
//! assignments by the language model), per user and per organisation, counted in the database so
//! that they hold across servers. Over an allowance is `OverLimit` (429 with `Retry-After`).

use app::{api::StoreError, error::Work, model::Principal};

use crate::{
    db::{self, accounts, Db},
    store::internal,
};

/// How long one counting window lasts.
const WINDOW_MS: i64 = 60 * 60 * 1000;

/// The allowances: how many of each work an hour allows a user and an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UsageLimits {
    /// Clips rendered per user (`STUDIO_RENDERS_PER_HOUR`, default 600).
    pub renders_per_user: u64,
    /// Clips rendered per organisation (`STUDIO_ORGANISATION_RENDERS_PER_HOUR`, default 3,000).
    pub renders_per_organisation: u64,
    /// Speaker jobs per user (`STUDIO_SPEAKER_JOBS_PER_HOUR`, default 30).
    pub speaker_jobs_per_user: u64,
    /// Speaker jobs per organisation (`STUDIO_ORGANISATION_SPEAKER_JOBS_PER_HOUR`, default 150).
    pub speaker_jobs_per_organisation: u64,
}

impl Default for UsageLimits {
    fn default() -> Self {
        Self {
            renders_per_user: 600,
            renders_per_organisation: 3_000,
            speaker_jobs_per_user: 30,
            speaker_jobs_per_organisation: 150,
        }
    }
}

/// The counter of work against its allowances.
#[derive(Debug, Clone)]
pub struct Usage {
    db: Db,
    limits: UsageLimits,
}

impl Usage {
    /// Counting in `db` against `limits`.
    pub fn new(db: Db, limits: UsageLimits) -> Self {
        Self { db, limits }
    }

    /// Counts one `work` for `who` and their organisation, refusing when either is over its
    /// allowance for this hour.
    ///
    /// # Errors
    /// `OverLimit`; `Internal` when the database fails.
    pub async fn spend(&self, who: &Principal, work: Work) -> Result<(), StoreError> {
        let (per_user, per_organisation) = match work {
            Work::Renders => (
                self.limits.renders_per_user,
                self.limits.renders_per_organisation,
            ),
            Work::SpeakerJobs => (
                self.limits.speaker_jobs_per_user,
                self.limits.speaker_jobs_per_organisation,
            ),
        };
        let now = db::now_millis();
        let window = now - now.rem_euclid(WINDOW_MS);
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        for (subject, allowed) in [
            (format!("user:{}", who.user.0), per_user),
            (
                format!("organisation:{}", who.organisation.0),
                per_organisation,
            ),
        ] {
            let count = accounts::count_usage(&mut conn, &subject, work.as_str(), window)
                .await
                .map_err(internal)?;
            if u64::try_from(count).unwrap_or(u64::MAX) > allowed {
                tracing::info!(
                    subject,
                    work = work.as_str(),
                    count,
                    "over the hourly allowance"
                );
                let seconds = u64::try_from((window + WINDOW_MS - now + 999) / 1000).unwrap_or(1);
                return Err(StoreError::OverLimit {
                    work,
                    per_hour: allowed,
                    retry_after_seconds: seconds,
                });
            }
        }
        Ok(())
    }
}
