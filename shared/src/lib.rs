//! The audiobook plan domain: a chapter cut into [`Segment`]s that each fit the text-to-speech
//! engine, the edits a producer makes to them, and their undo history.
//! Pure by rule: no IO, no clock, no randomness, no target-specific code (it also builds for wasm32).
//!
//! Offsets are counted in Unicode scalar values (`char`s) of the chapter text, as the desktop
//! planner's Python segmenter counts them; [`plan::offset`] converts the browser's UTF-16 cursor.
//!
//! The modules stand in layers, lowest first: [`text`] (language, paragraphs, quotations,
//! dialogue), [`cast`] (characters and voices), [`plan`] (segments, edits, history, segmenter),
//! [`attribution`] (who speaks each line) and [`speech`] (what an engine is sent), [`signoff`];
//! [`pronunciation`] stands apart. A module
//! imports only layers below its own (and, inside its layer, modules below it); internal code
//! names those modules, and the re-exports here are for the other crates.

pub mod attribution;
pub mod cast;
pub mod delivery;
pub mod plan;
pub mod pronunciation;
pub mod signoff;
pub mod speech;
pub mod text;

pub use cast::{
    character::Character,
    character_id::CharacterId,
    error::CastError,
    voice::{Voice, VoiceEngine},
    voices::CatalogueVoice,
    Cast,
};
pub use plan::{
    chapter::ChapterText,
    edit::Edit,
    error::SegmentError,
    history::History,
    limits::{EngineLimits, SegmentStats},
    segment::{Delimiter, Segment, SegmentId},
    segmenter::segment_chapter,
    splice::Splice,
    Plan,
};
pub use pronunciation::PronunciationMap;
pub use text::language::Language;
