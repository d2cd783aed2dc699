//! Wire types of auditions, the planner and the pronunciation concordance.

use serde::{Deserialize, Serialize};

use super::ChapterId;

/// A segment's words rendered in its speaker's voice, as an audition answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clip {
    /// Where the browser fetches the audio (`/audio/{project}/{key}`); the same URL always
    /// serves the same bytes.
    pub url: String,
    /// The cache key: a hash of engine, voice and the document sent.
    pub key: shared::speech::ClipKey,
    /// The engine that rendered it.
    pub engine: shared::VoiceEngine,
    /// The audio's length, in seconds.
    pub seconds: f64,
    /// The pronunciation entries applied, with their place in the text.
    pub applied: Vec<shared::speech::Applied>,
    /// Written forms of entries found in the text that this engine cannot say (read as written).
    pub unsaid: Vec<String>,
    /// Whether it came from the audio cache (no engine was called).
    pub cached: bool,
}

/// What rendering a project takes, chapter by chapter and engine by engine, as the planner
/// shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectEstimate {
    /// The chapters, in order; a chapter without a plan has no tallies.
    pub chapters: Vec<ChapterEstimate>,
    /// The price per million billed characters of each engine, in US dollars (configured).
    pub prices: Vec<(shared::VoiceEngine, f64)>,
}

/// One chapter's tallies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChapterEstimate {
    /// The chapter.
    pub chapter: ChapterId,
    /// Its title.
    pub title: String,
    /// Whether it has a plan.
    pub planned: bool,
    /// What each engine that reads some of it has to render.
    pub engines: Vec<(shared::VoiceEngine, shared::speech::planner::Tally)>,
}

/// Where a pronunciation map's entries occur in the project, and what saving it would change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Concordance {
    /// One per entry of the map asked about, in its order.
    pub entries: Vec<EntryUses>,
    /// Per engine, what the map asked about changes against the saved one in the planned
    /// chapters (nothing when they are the same).
    pub impact: Vec<(shared::VoiceEngine, ChangeImpact)>,
    /// The price per million billed characters of each engine, in US dollars.
    pub prices: Vec<(shared::VoiceEngine, f64)>,
}

/// Where one entry occurs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryUses {
    /// The entry's written form.
    pub grapheme: String,
    /// Its locale.
    pub locale: String,
    /// How many times it occurs in all chapters.
    pub count: usize,
    /// The first places.
    pub places: Vec<Occurrence>,
}

/// One place an entry occurs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occurrence {
    /// The chapter.
    pub chapter: ChapterId,
    /// Its title.
    pub title: String,
    /// Where the word starts, in characters of the chapter's text (the chapter page opens on
    /// the segment holding it: `?at=`).
    pub at: usize,
    /// The sentence around it.
    pub context: String,
}

/// What a changed pronunciation map does to one engine's planned segments.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeImpact {
    /// Segments whose request would change.
    pub changed: usize,
    /// Of those, the ones with a clip in the audio cache that would no longer be used.
    pub stale: usize,
    /// Characters billed to render the changed segments again.
    pub billable_chars: usize,
}
