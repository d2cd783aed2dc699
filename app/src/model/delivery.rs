//! Wire types of a book's delivery: its settings (author, pauses), each chapter's render state,
//! and the audiobook (M4B) built from the chapters' renders.

use serde::{Deserialize, Serialize};
use shared::delivery::timeline::Pauses;

use super::{ChapterId, JobId, ProjectId, RenderFailure};

/// What a project's renders and its audiobook are made with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeliverySettings {
    /// The book's author, in the audiobook's tags and credits.
    pub author: String,
    /// The pauses between segments.
    pub pauses: Pauses,
}

/// The most characters an author's name may have.
pub const AUTHOR_MAX_CHARS: usize = 200;

/// Where a chapter's audio stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum RenderState {
    /// The chapter has no plan yet.
    NoPlan,
    /// Planned, never rendered.
    NotRendered,
    /// A render is queued or running.
    Rendering,
    /// Rendered, but the plan, cast, pronunciations or pauses changed since.
    Stale,
    /// Rendered, current, and within every ACX rule.
    Passes,
    /// Rendered and current, but outside `failures` ACX rules.
    Fails {
        /// How many rules it breaks.
        failures: usize,
    },
}

impl RenderState {
    /// Whether the chapter's render can go into the audiobook as it is.
    pub fn deliverable(self) -> bool {
        self == RenderState::Passes
    }
}

/// One chapter of the book as the delivery page lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChapterDelivery {
    /// The chapter.
    pub chapter: ChapterId,
    /// Its title.
    pub title: String,
    /// Where its audio stands.
    pub state: RenderState,
    /// The length of its render, in seconds, if it has one.
    pub seconds: Option<f64>,
}

/// The audiobook file stored for a project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BookInfo {
    /// Where the M4B is downloaded.
    pub url: String,
    /// Its length, in seconds.
    pub seconds: f64,
    /// Its size, in bytes.
    pub bytes: u64,
    /// Chapter markers in it (the credits included).
    pub markers: usize,
    /// Whether a chapter or a setting changed since it was built.
    pub stale: bool,
    /// When it was made (milliseconds since 1970).
    pub made_at: i64,
}

/// A project's delivery, as its page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BookDelivery {
    /// The project.
    pub project: ProjectId,
    /// Its name, the book's title.
    pub name: String,
    /// Its settings.
    pub settings: DeliverySettings,
    /// Its chapters, in order.
    pub chapters: Vec<ChapterDelivery>,
    /// The audiobook last built, if any.
    pub book: Option<BookInfo>,
    /// The audiobook job queued or running, if any.
    pub job: Option<JobId>,
}

impl BookDelivery {
    /// Whether every planned chapter's render passes ACX and is current (and there is one).
    pub fn ready(&self) -> bool {
        let planned: Vec<_> = self
            .chapters
            .iter()
            .filter(|c| c.state != RenderState::NoPlan)
            .collect();
        !planned.is_empty() && planned.iter().all(|c| c.state.deliverable())
    }
}

/// What *Render every chapter* started.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RenderAll {
    /// Renders queued.
    pub started: usize,
    /// Chapters that could not be rendered, each with why (nothing was sent for them).
    pub refused: Vec<(String, crate::error::Refusal)>,
}

/// What an audiobook job is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BookStage {
    /// Reading the credits aloud.
    Credits,
    /// Encoding the chapters into the M4B with their markers.
    Encoding,
}

/// What the page hears from an audiobook job: progress, then one final event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum BookEvent {
    /// How far it is.
    Progress {
        /// What it is doing.
        stage: BookStage,
    },
    /// The audiobook was built and stored.
    Done {
        /// What was stored.
        book: BookInfo,
    },
    /// It stopped; nothing was stored. The events route adds `message`, worded.
    Failed {
        /// Why.
        reason: RenderFailure,
        /// The reason worded in the language of the events request.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        message: Option<String>,
    },
    /// The producer cancelled it; nothing was stored.
    Cancelled,
}

impl BookEvent {
    /// Whether nothing follows this event.
    pub fn is_final(&self) -> bool {
        !matches!(self, BookEvent::Progress { .. })
    }
}

impl JobId {
    /// Where an audiobook job's Server-Sent Events are read (`GET`).
    pub fn book_events_url(self, project: ProjectId) -> String {
        format!("/api/projects/{}/book_jobs/{}/events", project.0, self.0)
    }
}

/// Where a project's audiobook is downloaded.
pub fn book_url(project: ProjectId) -> String {
    format!("/api/projects/{}/book.m4b", project.0)
}
