//! `AppError`: the only error type that crosses the wire between the browser and the server.
//! It carries user-meaningful variants only, each with the data its message needs; internal detail
//! is logged on the server and dropped. The words are in `i18n` (English and Spanish; `Display`
//! gives the English, for logs), the HTTP status is [`AppError::status`].

mod account;
mod import;
mod speech;

pub use account::AccountRefusal;
pub use import::{Format, ImportError, Listing, Mismatch};
pub use speech::{SpeechFailure, Unrenderable};

use crate::model::Version;
use serde::{Deserialize, Serialize};
use shared::{
    plan::file::PlanFileError,
    pronunciation::{pls::PlsError, MapError},
    signoff::Blocker,
    CastError, SegmentError,
};

/// What a server function can answer instead of its result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum AppError {
    /// The project, chapter or plan does not exist (or is not yours).
    NotFound,
    /// The request needs a signed-in user (no session, or an expired or unknown one).
    Unauthorized,
    /// The signed-in user's role does not allow this, or the request came from another site.
    Forbidden,
    /// Too many wrong passwords for this account or address: wait `retry_after_seconds`.
    TooManyAttempts {
        /// Seconds until the next attempt is taken.
        retry_after_seconds: u64,
    },
    /// The hour's allowance of paid or slow work is spent, for the user or the organisation.
    OverLimit {
        /// What was asked for.
        work: Work,
        /// How many of it an hour allows.
        per_hour: u64,
        /// Seconds until the allowance renews.
        retry_after_seconds: u64,
    },
    /// Someone saved this plan since it was loaded; reload before saving again.
    Conflict {
        /// The version now stored.
        current_version: Version,
    },
    /// A domain rule refused the request; nothing was stored.
    Invalid(SegmentError),
    /// The cast was refused; nothing was stored.
    Cast(CastError),
    /// The chapter cannot be marked complete yet, for these reasons.
    Blocked(Vec<Blocker>),
    /// The request was refused, for this reason; nothing was stored.
    Refused(Refusal),
    /// The same work is already under way; try again when it ends.
    Busy(Busy),
    /// The request itself is malformed: the decoder's detail.
    BadRequest(String),
    /// Something failed on the server; details are in its log.
    Internal,
    /// The request did not reach the server, or its answer, or a file, could not be read.
    Transport(Transport),
}

/// What went wrong between the page and the server (or a picked file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Transport {
    /// The server answered this HTTP status with no error the page could read.
    Status {
        /// The HTTP status.
        status: u16,
    },
    /// A picked file could not be read.
    FileUnreadable,
    /// A picked file is not text.
    FileNotText,
    /// Files and uploads are read in the browser only, not while the server renders the page.
    NeedsBrowser,
    /// The request or its answer failed: the client library's detail.
    #[serde(untagged)]
    Failed(String),
}

/// Why a request was refused.
///
/// Over HTTP a refusal travels worded in the request's language (`{"Refused": "…"}`, see
/// `i18n::worded`), which the page reads back as [`Refusal::Worded`]; inside the server and in a
/// server-rendered page it stays typed and is worded where it is shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Refusal {
    /// An export was asked of a chapter with no plan.
    NoPlanToExport,
    /// An import of chapters held none.
    NoChapterToAdd,
    /// A project name is blank.
    ProjectNeedsName,
    /// A project name is longer than `max` characters.
    ProjectNameTooLong {
        /// The most characters a name may have.
        max: usize,
    },
    /// A chapter's text was refused.
    Chapter {
        /// The chapter's title.
        title: String,
        /// Why its text was refused.
        error: SegmentError,
    },
    /// A desktop plan file could not be read.
    PlanFile(PlanFileError),
    /// A pronunciation map was refused (also a merge grown too large).
    Pronunciation(MapError),
    /// A PLS file was refused.
    Pls(PlsError),
    /// A manuscript could not be imported.
    Import(ImportError),
    /// Speakers were asked for a chapter with no plan yet.
    NoPlanYet,
    /// Speakers were asked for a chapter marked complete.
    ChapterComplete,
    /// The project's cast is not valid, so speakers cannot be assigned.
    InvalidCast(CastError),
    /// A service the request needs could not answer.
    Unavailable(Unavailable),
    /// A text cannot be sent to the voice engine as it is.
    Speech(shared::speech::SpeechError),
    /// The segment's speaker is not in the project's cast.
    UnknownSpeaker,
    /// An account request (sign-up, sign-in, setup) was refused.
    Account(AccountRefusal),
    /// The voice has no speaking style of this name (the engine would silently ignore it).
    StyleNotOffered {
        /// The voice.
        voice: String,
        /// The style asked for.
        style: String,
        /// The styles it offers.
        offered: Vec<String>,
    },
    /// A chapter cannot be rendered as planned: this segment stops it (nothing was sent to an
    /// engine).
    Unrenderable {
        /// The segment; `None` for the chapter's title.
        segment: Option<shared::SegmentId>,
        /// Its row in the plan, from 1, as the segment table numbers it (0: the title).
        row: usize,
        /// Why.
        why: Unrenderable,
    },
    /// The audiobook was asked for before every planned chapter's render was current and within
    /// the ACX rules.
    NotRendered,
    /// A pause is out of its range.
    Pause(shared::delivery::timeline::PauseError),
    /// An author's name is longer than `max` characters.
    AuthorTooLong {
        /// The most characters it may have.
        max: usize,
    },
    /// A refusal as the server worded it, in the language of the request that got it.
    #[serde(untagged)]
    Worded(String),
}

/// Paid or slow work that has an hourly allowance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Work {
    /// A clip rendered by a voice engine (a cached clip is free).
    Renders,
    /// A speaker assignment by the language model.
    SpeakerJobs,
}

impl Work {
    /// The name the usage table keeps.
    pub fn as_str(self) -> &'static str {
        match self {
            Work::Renders => "render",
            Work::SpeakerJobs => "speaker_job",
        }
    }
}

/// What is already under way.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Busy {
    /// Speakers are being assigned to this chapter.
    SpeakerJob,
    /// This chapter is being rendered.
    Render,
    /// The book's audiobook is being built.
    Book,
    /// The same, as the server worded it, in the language of the request that got it.
    #[serde(untagged)]
    Worded(String),
}

/// A service the server depends on that could not answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unavailable {
    /// No language model is configured; the page assigns speakers with its rules.
    NoLanguageModel,
    /// espeak-ng did not list its voices within `seconds`.
    EspeakTimedOut {
        /// The time it was given.
        seconds: u64,
    },
    /// espeak-ng is installed but could not be started.
    EspeakNotStarted,
    /// espeak-ng failed listing its voices.
    EspeakFailed,
    /// Azure Speech could not be reached for its voice list.
    AzureUnreachable,
    /// Azure Speech refused the key.
    AzureRefusedKey {
        /// The HTTP status it answered ("401 Unauthorized").
        status: String,
    },
    /// Azure Speech answered this HTTP status when asked for its voices.
    AzureFailed {
        /// The HTTP status ("503 Service Unavailable").
        status: String,
    },
    /// Azure Speech's voice list is larger than expected.
    AzureTooLarge,
    /// A voice engine could not render a clip.
    Speech {
        /// The engine.
        engine: shared::VoiceEngine,
        /// What went wrong.
        failure: SpeechFailure,
    },
    /// Azure Speech's voice list is not the JSON expected.
    AzureUnreadable {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// The JSON parser's detail.
        detail: String,
    },
}

impl AppError {
    /// The HTTP status that goes with this error: the one place it is decided, for server
    /// functions and the plain routes alike.
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::Unauthorized
            | AppError::Refused(Refusal::Account(AccountRefusal::WrongCredentials)) => 401,
            AppError::Forbidden => 403,
            AppError::TooManyAttempts { .. } | AppError::OverLimit { .. } => 429,
            AppError::Conflict { .. } | AppError::Busy(_) => 409,
            AppError::Refused(Refusal::Import(ImportError::TooLarge { .. })) => 413,
            AppError::Invalid(_)
            | AppError::Cast(_)
            | AppError::Blocked(_)
            | AppError::Refused(_) => 422,
            AppError::BadRequest(_) => 400,
            AppError::Internal | AppError::Transport(_) => 500,
        }
    }
}

impl std::error::Error for AppError {}

impl From<SegmentError> for AppError {
    fn from(err: SegmentError) -> Self {
        AppError::Invalid(err)
    }
}

impl From<CastError> for AppError {
    fn from(err: CastError) -> Self {
        AppError::Cast(err)
    }
}

impl From<Refusal> for AppError {
    fn from(refusal: Refusal) -> Self {
        AppError::Refused(refusal)
    }
}

impl From<MapError> for AppError {
    fn from(err: MapError) -> Self {
        AppError::Refused(Refusal::Pronunciation(err))
    }
}

impl From<PlsError> for AppError {
    fn from(err: PlsError) -> Self {
        AppError::Refused(Refusal::Pls(err))
    }
}

impl From<PlanFileError> for AppError {
    fn from(err: PlanFileError) -> Self {
        AppError::Refused(Refusal::PlanFile(err))
    }
}

impl From<ImportError> for AppError {
    fn from(err: ImportError) -> Self {
        AppError::Refused(Refusal::Import(err))
    }
}
