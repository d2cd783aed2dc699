//! Time, and the per-project rate limit: requests of one project are spaced at least
//! `60 s / requests_per_minute` apart, in memory (one server process).

use std::{
    collections::HashMap,
    sync::{Mutex, PoisonError},
    time::{Duration, Instant},
};

use app::model::ProjectId;

/// The clock the engine waits with: real in the server, instant in tests.
#[async_trait::async_trait]
pub trait Clock: Send + Sync {
    /// The current instant.
    fn now(&self) -> Instant;
    /// Waits for `duration`.
    async fn sleep(&self, duration: Duration);
}

/// The real clock (tokio's timer).
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

#[async_trait::async_trait]
impl Clock for SystemClock {
    fn now(&self) -> Instant {
        Instant::now()
    }

    async fn sleep(&self, duration: Duration) {
        tokio::time::sleep(duration).await;
    }
}

/// A minimum interval between the requests of each project. Slots are reserved when asked for,
/// so concurrent runs of one project queue up instead of bursting.
#[derive(Debug)]
pub struct RateLimiter {
    interval: Duration,
    next: Mutex<HashMap<ProjectId, Instant>>,
}

impl RateLimiter {
    /// A limiter allowing `requests` per minute per project (at least one).
    pub fn per_minute(requests: u32) -> Self {
        Self::with_interval(Duration::from_secs(60) / requests.max(1))
    }

    /// A limiter spacing each project's requests by `interval`.
    pub fn with_interval(interval: Duration) -> Self {
        Self {
            interval,
            next: Mutex::new(HashMap::new()),
        }
    }

    /// The minimum interval between two requests of a project.
    pub fn interval(&self) -> Duration {
        self.interval
    }

    /// Reserves the next slot of `project` as of `now` and returns how long to wait for it
    /// (zero when it is free now).
    pub fn reserve(&self, project: ProjectId, now: Instant) -> Duration {
        let mut next = self.next.lock().unwrap_or_else(PoisonError::into_inner);
        // Forget projects whose slot has passed: they would wait for nothing.
        next.retain(|_, at| *at > now);
        let slot = next.get(&project).copied().unwrap_or(now).max(now);
        next.insert(project, slot + self.interval);
        slot - now
    }
}
