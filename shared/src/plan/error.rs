//! `SegmentError`: every way a plan edit, a segmentation input or a saved plan can be refused.
//! Variants carry the data a message needs; messages are lowercase with no trailing period.

use serde::{Deserialize, Serialize};

use crate::plan::segment::SegmentId;

/// Why an operation on a chapter or its plan was refused. The plan is unchanged when one is returned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum SegmentError {
    /// The chapter text is empty or only whitespace.
    #[error("the chapter text is empty")]
    EmptyChapter,
    /// The chapter text is larger than the accepted maximum.
    #[error("the chapter text is {bytes} bytes, over the limit of {max_bytes}")]
    ChapterTooLarge {
        /// Size of the rejected text in bytes.
        bytes: usize,
        /// The largest accepted size in bytes.
        max_bytes: usize,
    },
    /// The chapter bytes are not valid UTF-8.
    #[error("the chapter text is not valid UTF-8 (first bad byte at {byte})")]
    NotUtf8 {
        /// Byte index of the first invalid sequence.
        byte: usize,
    },
    /// An offset lies past the end of the text it indexes.
    #[error("offset {offset} is past the end ({len})")]
    OffsetPastEnd {
        /// The offending offset.
        offset: usize,
        /// Length of the text, in the same unit as the offset.
        len: usize,
    },
    /// A UTF-16 offset falls between the two halves of a surrogate pair.
    #[error("offset {offset} is inside a character")]
    OffsetInsideCharacter {
        /// The offending UTF-16 offset.
        offset: usize,
    },
    /// A split would leave one half without any word.
    #[error("splitting segment {id} at {offset} would leave an empty half")]
    SplitLeavesEmptyHalf {
        /// The segment that was to be split.
        id: SegmentId,
        /// The (snapped) character offset of the split.
        offset: usize,
    },
    /// A split falls inside text that was edited, which has no position in the chapter.
    #[error("segment {id} cannot be split inside its edited text; split outside the edit")]
    SplitInsideEdit {
        /// The segment that was to be split.
        id: SegmentId,
    },
    /// No segment has this id.
    #[error("segment {id} does not exist")]
    UnknownSegment {
        /// The id that was not found.
        id: SegmentId,
    },
    /// A segment names a speaker who is not in the project's cast.
    #[error("segment {id} is assigned to \"{speaker}\", who is not in the cast")]
    UnknownSpeaker {
        /// The segment.
        id: SegmentId,
        /// The speaker it names.
        speaker: String,
    },
    /// A flag's status was changed on a segment that has no flag.
    #[error("segment {id} has no review flag")]
    NoFlag {
        /// The segment.
        id: SegmentId,
    },
    /// A comment on a flag has no words.
    #[error("a comment on segment {id}'s flag needs some words")]
    EmptyComment {
        /// The segment.
        id: SegmentId,
    },
    /// A flag's note or comment is too long.
    #[error("a flag's note or comment may have at most {max} characters")]
    FlagTextTooLong {
        /// The most characters allowed.
        max: usize,
    },
    /// A merge with the next segment was asked of the last one.
    #[error("segment {id} has no next segment")]
    NoNextSegment {
        /// The last segment's id.
        id: SegmentId,
    },
    /// A merge with the previous segment was asked of the first one.
    #[error("segment {id} has no previous segment")]
    NoPreviousSegment {
        /// The first segment's id.
        id: SegmentId,
    },
    /// A plan must keep at least one segment.
    #[error("the last segment cannot be deleted")]
    LastSegment,
    /// A plan without segments.
    #[error("the plan has no segments")]
    EmptyPlan,
    /// A segment's text is empty or only whitespace.
    #[error("segment {id} has no text")]
    EmptyText {
        /// The segment with no text.
        id: SegmentId,
    },
    /// A segment's SSML, with the engine's overhead, is over the byte limit.
    #[error("segment {id} is {bytes} bytes with SSML overhead, over the limit of {max_bytes}")]
    OverByteLimit {
        /// The segment (or the merge result, under the first id).
        id: SegmentId,
        /// Estimated SSML bytes.
        bytes: usize,
        /// The engine's limit.
        max_bytes: usize,
    },
    /// A segment would be longer to read than one engine request allows.
    #[error("segment {id} would take {seconds} s to read, over the limit of {max_seconds} s")]
    OverAudioLimit {
        /// The segment (or the merge result, under the first id).
        id: SegmentId,
        /// Estimated seconds of audio, rounded up.
        seconds: u32,
        /// The engine's per-request limit.
        max_seconds: u32,
    },
    /// Two segments share an id.
    #[error("segment id {id} appears twice")]
    DuplicateId {
        /// The repeated id.
        id: SegmentId,
    },
    /// A segment's range is empty or reversed.
    #[error("segment {id} has an empty or reversed range {start}..{end}")]
    InvertedRange {
        /// The segment.
        id: SegmentId,
        /// Its start offset.
        start: usize,
        /// Its end offset.
        end: usize,
    },
    /// A segment starts before the previous one ends.
    #[error("segment {id} starts at {start}, before the previous segment ends at {previous_end}")]
    Overlap {
        /// The segment that starts too early.
        id: SegmentId,
        /// Its start offset.
        start: usize,
        /// Where the previous segment ends.
        previous_end: usize,
    },
    /// A segment's original text is not the chapter text at its offsets.
    #[error("segment {id}'s original text does not match the chapter at {start}..{end}")]
    OriginalMismatch {
        /// The segment.
        id: SegmentId,
        /// Its start offset.
        start: usize,
        /// Its end offset.
        end: usize,
    },
}
