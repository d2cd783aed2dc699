//! The audiobook plan domain: a chapter cut into [`Segment`]s that each fit the text-to-speech
//! engine, the edits a producer makes to them, and their undo history.
//! Pure by rule: no IO, no clock, no randomness, no target-specific code (it also builds for wasm32).
//!
//! Offsets are counted in Unicode scalar values (`char`s) of the chapter text, as the desktop
//! planner's Python segmenter counts them; [`offset`] converts the browser's UTF-16 cursor.

pub mod attribution;
pub mod cast;
pub mod chapter;
pub mod error;
pub mod history;
pub mod limits;
pub mod offset;
pub mod plan;
pub mod plan_file;
pub mod pronunciation;
pub mod rebase;
pub mod review;
pub mod segment;
pub mod segmenter;
pub mod signoff;
pub mod stats;
pub mod text;
pub mod voices;

pub use cast::{Cast, CastError, Character, CharacterId, Voice, VoiceEngine};
pub use chapter::ChapterText;
pub use error::SegmentError;
pub use history::History;
pub use limits::EngineLimits;
pub use plan::{Edit, Plan, Splice};
pub use pronunciation::PronunciationMap;
pub use segment::{Delimiter, Segment, SegmentId};
pub use segmenter::segment_chapter;
pub use stats::SegmentStats;
pub use text::language::Language;
pub use voices::CatalogueVoice;
