//! Retrying a cloud service's request: how often and how long to wait ([`RetryPolicy`]), and the
//! wait the service asks for ([`retry_after`]). Used by the LLM and the speech engines.

use std::time::Duration;

/// When and how often a failed request (429, 408, 5xx, network) is tried again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included.
    pub max_attempts: u32,
    /// Wait after the first failure; it doubles after each further one (1 s, 2 s, 4 s, ...).
    pub base_delay: Duration,
    /// Longest wait, also for a service's `Retry-After`.
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    /// Four attempts, waiting 1 s, 2 s and 4 s (or what `Retry-After` says, at most 60 s).
    fn default() -> Self {
        Self {
            max_attempts: 4,
            base_delay: Duration::from_secs(1),
            max_delay: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// The wait after failed attempt `attempt` (1-based): the service's `Retry-After` when it
    /// gave one, else the back-off; never more than [`RetryPolicy::max_delay`].
    pub fn delay(&self, attempt: u32, retry_after: Option<Duration>) -> Duration {
        let backoff = self
            .base_delay
            .saturating_mul(2u32.saturating_pow(attempt.saturating_sub(1)));
        retry_after.unwrap_or(backoff).min(self.max_delay)
    }
}

/// The delay a 429 or 503 asks for: `retry-after-ms` (Azure) or `Retry-After` in seconds; an
/// HTTP date is ignored (the back-off applies).
pub(crate) fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let number = |name: &str| {
        headers
            .get(name)?
            .to_str()
            .ok()?
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite() && *n >= 0.0)
    };
    if let Some(ms) = number("retry-after-ms") {
        return Some(Duration::from_secs_f64(ms.min(3_600_000.0) / 1000.0));
    }
    number("retry-after").map(|s| Duration::from_secs_f64(s.min(3_600.0)))
}
