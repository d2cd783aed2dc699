//! `StoreError`: why a port refused or failed a use case, and how it becomes the wire's
//! `AppError` (setting the response's status on the way).

use shared::SegmentError;

use super::set_status;
use crate::{
    error::{AppError, Busy, Refusal, Unavailable},
    model::Version,
};

/// Why the store refused or failed a use case.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The row asked for does not exist, or belongs to another organisation.
    #[error("not found")]
    NotFound,
    /// The principal's role does not allow the use case.
    #[error("forbidden")]
    Forbidden,
    /// The plan was saved by someone else since `expected` was loaded.
    #[error("version conflict: expected {expected}, stored {current}")]
    Conflict {
        /// The version the caller had.
        expected: Version,
        /// The version stored now.
        current: Version,
    },
    /// A domain rule refused the data.
    #[error(transparent)]
    Rule(#[from] SegmentError),
    /// The chapter cannot be signed off yet, for these reasons.
    #[error("the chapter cannot be completed yet")]
    Blocked(Vec<shared::signoff::Blocker>),
    /// A service the server depends on (a voice engine, the language model) could not answer.
    #[error("unavailable: {0:?}")]
    Unavailable(Unavailable),
    /// The request cannot be carried out as things stand (no plan yet, an invalid cast, a merged
    /// pronunciation map grown too large).
    #[error("refused: {0:?}")]
    Refused(Refusal),
    /// The same work is already running (a speaker assignment for this chapter).
    #[error("busy: {0:?}")]
    Busy(Busy),
    /// Too many wrong passwords lately for this account or address.
    #[error("too many attempts; retry after {retry_after_seconds} s")]
    TooManyAttempts {
        /// Seconds until the next attempt is taken.
        retry_after_seconds: u64,
    },
    /// The hour's allowance of this work is spent.
    #[error("over the hourly limit of {per_hour} {work:?}")]
    OverLimit {
        /// What was asked for.
        work: crate::error::Work,
        /// How many an hour allows.
        per_hour: u64,
        /// Seconds until it renews.
        retry_after_seconds: u64,
    },
    /// The database or something below it failed.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<StoreError> for AppError {
    fn from(err: StoreError) -> Self {
        let app = match err {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Forbidden => AppError::Forbidden,
            StoreError::TooManyAttempts {
                retry_after_seconds,
            } => AppError::TooManyAttempts {
                retry_after_seconds,
            },
            StoreError::OverLimit {
                work,
                per_hour,
                retry_after_seconds,
            } => AppError::OverLimit {
                work,
                per_hour,
                retry_after_seconds,
            },
            StoreError::Conflict { current, .. } => AppError::Conflict {
                current_version: current,
            },
            StoreError::Rule(rule) => AppError::Invalid(rule),
            StoreError::Blocked(blockers) => AppError::Blocked(blockers),
            StoreError::Unavailable(service) => {
                tracing::warn!(?service, "a service is unavailable");
                AppError::Refused(Refusal::Unavailable(service))
            }
            StoreError::Refused(refusal) => AppError::Refused(refusal),
            StoreError::Busy(busy) => AppError::Busy(busy),
            StoreError::Internal(err) => {
                tracing::error!(error = ?err, "store failed");
                AppError::Internal
            }
        };
        // A page rendered on the server takes the status of the error it shows.
        set_status(&app);
        app
    }
}
