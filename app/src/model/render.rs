//! Wire types of chapter renders: a render job's events, and the chapter's stored render with
//! its ACX report.

use serde::{Deserialize, Serialize};
use shared::delivery::{acx::AcxReport, exceptions::Exception, timeline::Pauses};

use super::{ChapterId, JobId, ProjectId, Version};
use crate::error::SpeechFailure;

/// What a render job is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum RenderStage {
    /// Fetching each segment's clip from the cache, or rendering it.
    Clips,
    /// Joining, levelling, limiting and laying room tone.
    Mastering,
    /// Encoding the MP3.
    Encoding,
    /// Measuring the encoded file against the ACX rules.
    Checking,
}

/// What the page hears from a render job, in order: progress, then one final event (`done`,
/// `failed` or `cancelled`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum RenderEvent {
    /// How far the job is.
    Progress {
        /// What it is doing.
        stage: RenderStage,
        /// Clips ready (the title counts as one).
        done: usize,
        /// Clips in the chapter.
        total: usize,
        /// Of those ready, how many an engine rendered (the rest came from the cache).
        sent: usize,
        /// Seconds of audio ready.
        seconds: f64,
        /// The time left, estimated from the pace so far; `None` until there is a pace.
        remaining_seconds: Option<f64>,
    },
    /// The chapter was rendered, checked and stored.
    Done {
        /// What was stored.
        render: RenderInfo,
    },
    /// The render stopped; the clips it made are cached, so starting again resumes after them.
    /// The events route adds `message`: the reason worded in the language of its request.
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

impl RenderEvent {
    /// Whether nothing follows this event.
    pub fn is_final(&self) -> bool {
        !matches!(self, RenderEvent::Progress { .. })
    }
}

/// Why a render stopped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum RenderFailure {
    /// A voice engine failed on this segment (`None`: the title).
    Speech {
        /// The segment.
        segment: Option<shared::SegmentId>,
        /// Its engine.
        engine: shared::VoiceEngine,
        /// What went wrong.
        #[cfg_attr(feature = "openapi", schema(value_type = Object))]
        failure: SpeechFailure,
    },
    /// The hour's allowance of rendered clips ran out; the job can be started again later.
    OverLimit {
        /// Clips an hour.
        per_hour: u64,
        /// Seconds until it renews.
        retry_after_seconds: u64,
    },
    /// The encoder (ffmpeg) is missing or failed.
    Encoder {
        /// What it said.
        detail: String,
    },
    /// The audio could not be stored (the disk or bucket is full or unreachable).
    Storage,
    /// The server failed; its log has the details.
    Server,
}

/// A chapter's stored render.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RenderInfo {
    /// Where the MP3 is downloaded.
    pub url: String,
    /// The plan version rendered.
    pub version: Version,
    /// Its length, in seconds.
    pub seconds: f64,
    /// The MP3's size, in bytes.
    pub bytes: u64,
    /// Clips an engine rendered for it.
    pub sent: usize,
    /// Clips that came from the cache.
    pub cached: usize,
    /// The ACX check of the encoded file.
    pub report: AcxReport,
    /// The segments the automatic checks single out for a listen.
    pub exceptions: Vec<Exception>,
    /// How many segments the automatic checks looked at.
    pub checked: usize,
    /// When it was made (milliseconds since 1970).
    pub made_at: i64,
}

/// A chapter's render state, as the chapter page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChapterRender {
    /// The last render stored, if any.
    pub render: Option<RenderInfo>,
    /// Whether the plan, cast, pronunciations or pauses changed since (some clips would differ).
    pub stale: bool,
    /// The render job queued or running, if any.
    pub job: Option<JobId>,
    /// The project's pauses.
    pub pauses: Pauses,
}

impl JobId {
    /// Where a render job's Server-Sent Events are read (`GET`): one JSON [`RenderEvent`] per
    /// message, from the first, until a final event.
    pub fn render_events_url(self, project: ProjectId, chapter: ChapterId) -> String {
        format!(
            "/api/projects/{}/chapters/{}/render_jobs/{}/events",
            project.0, chapter.0, self.0
        )
    }
}

/// Where a chapter's rendered MP3 is downloaded.
pub fn render_url(project: ProjectId, chapter: ChapterId) -> String {
    format!(
        "/api/projects/{}/chapters/{}/render.mp3",
        project.0, chapter.0
    )
}
