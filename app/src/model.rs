//! Wire types the page and the server functions exchange: ids, summaries and a loaded plan.
//! Plain data with serde; rules about them live in `shared`.

mod account;
mod audit;
mod delivery;
mod render;
mod speech;
mod team;

use serde::{Deserialize, Serialize};
use shared::{Character, EngineLimits, Language, PronunciationMap, Segment};

pub use account::{Account, ApiToken, Member, Membership, OrganisationId, Principal, Role, UserId};
pub use audit::{AuditEntry, AuditEvent, EditCounts};
pub use delivery::{
    book_url, BookDelivery, BookEvent, BookInfo, BookStage, ChapterDelivery, DeliverySettings,
    RenderAll, RenderState, AUTHOR_MAX_CHARS,
};
pub use render::{render_url, ChapterRender, RenderEvent, RenderFailure, RenderInfo, RenderStage};
pub use speech::{
    ChangeImpact, ChapterEstimate, Clip, Concordance, EntryUses, Occurrence, ProjectEstimate,
};
pub use team::{Colleague, Live, PlanChanges};

/// A project's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProjectId(pub i64);

/// A chapter's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChapterId(pub i64);

/// A stored version of a plan, a cast or a pronunciation map: a save names the version it was
/// made from and is refused when the store holds another (optimistic locking); each save that
/// lands makes the next one. A number on the wire.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Version(pub i64);

impl Version {
    /// Before the first save.
    pub const NONE: Version = Version(0);

    /// The version a save from this one makes.
    #[must_use]
    pub fn next(self) -> Version {
        Version(self.0 + 1)
    }
}

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A project as listed on the home page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProjectSummary {
    /// Its id.
    pub id: ProjectId,
    /// Its name.
    pub name: String,
    /// Language code of the manuscript (`en`, `es`).
    pub language: String,
    /// Number of chapters.
    pub chapter_count: i64,
    /// The first chapter, where "open" leads.
    pub first_chapter: Option<ChapterId>,
}

/// Where a chapter stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ChapterStatus {
    /// No text imported yet.
    NoText,
    /// Text, but no plan yet.
    TextOnly,
    /// A plan exists.
    Planned,
    /// Marked complete.
    Complete,
}

/// A chapter as listed in the chapter selector.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChapterSummary {
    /// Its id.
    pub id: ChapterId,
    /// Its 1-based position in the book.
    pub position: i64,
    /// Its title.
    pub title: String,
    /// Its status.
    pub status: ChapterStatus,
    /// Segments in its plan (0 without a plan).
    pub segment_count: i64,
}

/// A chapter's stored plan, as the editor loads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChapterPlan {
    /// The project.
    pub project_id: ProjectId,
    /// The chapter.
    pub chapter_id: ChapterId,
    /// The chapter's title.
    pub title: String,
    /// The chapter's text, which segment offsets index.
    pub text: String,
    /// The project's engine limits.
    pub limits: EngineLimits,
    /// The project's language.
    pub language: Language,
    /// The project's cast, narrator first: who can speak a segment.
    pub cast: Vec<Character>,
    /// The stored version, sent back with a save (0 before the first plan).
    pub version: Version,
    /// Whether the chapter is marked complete.
    pub complete: bool,
    /// The segments; empty when no plan was generated yet.
    pub segments: Vec<Segment>,
    /// Whether the signed-in user may change the plan (editors and owners; a viewer reads,
    /// listens and auditions).
    #[serde(default = "editable_by_default")]
    pub editable: bool,
}

fn editable_by_default() -> bool {
    true
}

impl ChapterPlan {
    /// Whether a plan was generated.
    pub fn has_plan(&self) -> bool {
        !self.segments.is_empty()
    }
}

/// A project with its settings and cast, as its settings and cast pages load it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectDetail {
    /// Its id.
    pub id: ProjectId,
    /// Its name.
    pub name: String,
    /// The manuscript's language.
    pub language: Language,
    /// The voice engine's limits.
    pub limits: EngineLimits,
    /// The cast, narrator first; a valid `shared::Cast`.
    pub cast: Vec<Character>,
    /// The stored cast version, sent back with a save (optimistic locking).
    pub cast_version: Version,
}

/// A project's pronunciation map, as its pronunciation page loads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProjectPronunciations {
    /// The project.
    pub project: ProjectId,
    /// The manuscript's language: the locale of new entries and of an empty PLS export.
    pub language: Language,
    /// The stored version, sent back with a save or an import (optimistic locking).
    pub version: Version,
    /// The entries, valid by construction.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<shared::pronunciation::Entry>))]
    pub map: PronunciationMap,
}

/// A chapter to add, as the import preview proposes it after the producer's changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewChapter {
    /// Its title.
    pub title: String,
    /// Its text.
    pub text: String,
}

/// Where an imported section seems to belong; the producer decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    /// A chapter of the book.
    Body,
    /// Before the story: contents, dedication, copyright.
    FrontMatter,
    /// After the story: notes, appendix, licence.
    BackMatter,
}

/// What an uploaded manuscript holds, shown before anything is stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportPreview {
    /// The book's title, when the file names one.
    pub title: Option<String>,
    /// The sections found, in reading order.
    pub chapters: Vec<PreviewChapter>,
}

/// One section found in an uploaded manuscript.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreviewChapter {
    /// Its detected title.
    pub title: String,
    /// Its text.
    pub text: String,
    /// Front matter, body or back matter (a guess).
    pub kind: SectionKind,
}

/// Which engine assigns speakers when the producer asks: the offline rules (run in the page) or
/// a language model (run on the server as a [`JobId`] job).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "engine", rename_all = "snake_case")]
pub enum SpeakerEngine {
    /// The rule engine of `shared::attribution`, in the browser.
    Rules,
    /// The server's LLM engine.
    Llm {
        /// The model (or Azure deployment) it asks.
        model: String,
    },
}

/// A speaker-assignment job on the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct JobId(pub u64);

impl JobId {
    /// Where the job's Server-Sent Events are read (`GET`): one JSON [`SpeakerJobEvent`] per
    /// message, the current state first, until a final event.
    pub fn events_url(self, project: ProjectId, chapter: ChapterId) -> String {
        format!(
            "/api/projects/{}/chapters/{}/speaker_jobs/{}/events",
            project.0, chapter.0, self.0
        )
    }
}

/// The step a speaker-assignment job is at: `"requesting"`, or `{"retrying": {…}}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum JobStage {
    /// The chapter is being cut into chunks; nothing sent yet.
    Started,
    /// A chunk was sent; waiting for the model's answer (or for the rate limit).
    Requesting,
    /// The service asked to wait; the chunk is sent again after `wait_ms`.
    Retrying {
        /// Milliseconds before the next attempt.
        wait_ms: u64,
        /// The attempt that failed (1-based).
        attempt: u32,
    },
    /// A chunk was answered.
    ChunkDone,
    /// Every chunk was answered.
    Finished,
}

/// What the page hears from a speaker-assignment job, in order: progress, then one final event
/// (`done`, `failed` or `cancelled`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum SpeakerJobEvent {
    /// How far the job is: `done` of `total` chunks answered.
    Progress {
        /// Chunks answered.
        done: usize,
        /// Chunks to send.
        total: usize,
        /// What is happening now.
        stage: JobStage,
    },
    /// The job finished: the speaker the model found for each segment of the stored plan.
    Done {
        /// One per segment of the plan the job read, in order; the page ignores segments it no
        /// longer has and those whose speaker was picked by hand.
        segments: Vec<(shared::SegmentId, shared::attribution::verdict::Attribution)>,
        /// Chunks whose answer was partly or wholly unusable (their quotations are unresolved).
        issues: usize,
    },
    /// The job stopped without a result, for this reason (the service refused, was down, or
    /// none of its answers could be used). The events route adds a `message`: the reason worded
    /// in the language of its request.
    Failed {
        /// Why; the page words it ([`crate::i18n::Texts::job_failure`]).
        reason: JobFailure,
        /// The reason worded in the language of the events request (the events route adds it;
        /// the page words `reason` itself).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        message: Option<String>,
    },
    /// The producer cancelled the job.
    Cancelled,
}

impl SpeakerJobEvent {
    /// Whether nothing follows this event.
    pub fn is_final(&self) -> bool {
        !matches!(self, SpeakerJobEvent::Progress { .. })
    }
}

/// Why a speaker-assignment job stopped without a result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum JobFailure {
    /// The job failed on the server (its task ended abnormally); details are in its log.
    Server,
    /// The language model's client could not be set up: the client's detail.
    Client {
        /// The HTTP client's own text.
        detail: String,
    },
    /// The service refused a request (a 4xx other than 408 and 429).
    Refused {
        /// HTTP status.
        status: u16,
        /// The service's own message, or the start of its body.
        detail: String,
    },
    /// Every attempt failed with a 429, 408, 5xx or a network error.
    GaveUp {
        /// Attempts made.
        attempts: u32,
        /// The last failure, as the service or the network library gave it.
        last: String,
    },
    /// A successful HTTP answer that is not a chat completion (a wrong URL?).
    Protocol {
        /// The decoder's detail and the start of the answer.
        detail: String,
    },
    /// None of the model's answers could be used, so no speaker was changed.
    Unusable {
        /// What was wrong with the first of them.
        why: Unusable,
    },
}

/// What was wrong with a language model's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Unusable {
    /// It was cut off.
    CutOff,
    /// It was refused or filtered.
    Refused,
    /// It was not the JSON asked for.
    NotJson,
}
