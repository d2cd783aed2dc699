//! The words of [`AppError`] and of the server's refusals, in English and Spanish: every
//! [`Refusal`], [`Busy`], [`Unavailable`], [`ImportError`] and [`JobFailure`] (the domain's errors
//! in Spanish are in `errors.rs`). Every variant is matched, so a new one
//! cannot ship unworded; `Display` of `AppError` and `ImportError` is the English, for logs.

pub(super) mod account;
mod en;
mod es;
mod speech;
#[cfg(test)]
mod tests;

use std::fmt;

use crate::error::{AppError, Busy, ImportError, Refusal};

use super::{Locale, EN};

pub(super) use en::{app_error_en, busy_en, import_en, job_failure_en, refusal_en};
pub(super) use es::{app_error_es, busy_es, import_es, job_failure_es, refusal_es};
pub(super) use speech::{failure_en as speech_failure_en, failure_es as speech_failure_es};

/// `err` as it travels over HTTP to a request in `locale`: a refusal or a busy answer worded in
/// that language (the page shows it as it is); every other error stays typed.
pub fn worded(err: AppError, locale: Locale) -> AppError {
    let texts = locale.texts();
    match err {
        AppError::Refused(refusal) => AppError::Refused(Refusal::Worded((texts.refusal)(&refusal))),
        AppError::Busy(busy) => AppError::Busy(Busy::Worded((texts.busy)(&busy))),
        other => other,
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&(EN.error)(self))
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&(EN.import_error)(self))
    }
}

/// A byte count for people: "52.4 MB" (MiB, as the limits are written).
pub(super) fn megabytes(bytes: u64) -> String {
    // Precision is irrelevant here: the value is shown with one decimal.
    #[allow(clippy::cast_precision_loss)]
    let mb = bytes as f64 / (1024.0 * 1024.0);
    format!("{mb:.1} MB")
}

pub(super) fn bytes(count: usize) -> String {
    megabytes(u64::try_from(count).unwrap_or(u64::MAX))
}
