//! The plan layer: a chapter cut into segments and everything done to them — the segments and
//! their review flags, the chapter text and its offsets, the engine's limits, the segmenter, the
//! edits and their undo history, re-import and the desktop plan file. Imports `text` and `cast`.
//!
//! [`Plan`] itself, the ordered segments of one chapter, is defined here; every change to it is an
//! [`edit::Edit`] recorded as a [`splice::Splice`] (replace a run of segments), which undo replays.

pub mod change;
pub mod chapter;
pub mod edit;
pub mod error;
pub mod file;
pub mod history;
pub mod limits;
pub mod offset;
pub mod rebase;
pub mod review;
pub mod segment;
pub mod segmenter;
pub mod splice;
#[cfg(test)]
mod tests;
mod validate;

use serde::{Deserialize, Serialize};

use crate::{
    cast::Cast,
    plan::{
        error::SegmentError,
        limits::EngineLimits,
        segment::{Segment, SegmentId},
    },
};

/// The segments of one chapter, in text order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Plan {
    segments: Vec<Segment>,
}

impl Plan {
    /// Wraps segments as they are; call [`Plan::validate`] on anything untrusted.
    pub fn new(segments: Vec<Segment>) -> Self {
        Self { segments }
    }

    /// The segments, in order.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Gives the segments back.
    pub fn into_segments(self) -> Vec<Segment> {
        self.segments
    }

    /// Position of segment `id`.
    pub fn index_of(&self, id: SegmentId) -> Option<usize> {
        self.segments.iter().position(|segment| segment.id == id)
    }

    /// An id no segment of this plan uses (one more than the largest; `SegmentId(1)` when empty).
    pub fn next_id(&self) -> SegmentId {
        let max = self.segments.iter().map(|segment| segment.id.0).max();
        match max {
            None => SegmentId(1),
            Some(max) => match max.checked_add(1) {
                Some(next) => SegmentId(next),
                None => self.smallest_free_id(),
            },
        }
    }

    /// The id a split gives the half that starts at character `start` of the chapter:
    /// [`Plan::SPLIT_IDS`] + `start`. No two segments of a plan start at one character, so two
    /// people splitting different segments of one plan at once never make the same id, and their
    /// edits can both be kept. [`Plan::next_id`] when that id is taken (a re-import moved its
    /// segment) or the chapter is too long for it.
    pub fn id_for_split(&self, start: usize) -> SegmentId {
        u32::try_from(start)
            .ok()
            .and_then(|start| Self::SPLIT_IDS.checked_add(start))
            .map(SegmentId)
            .filter(|id| self.index_of(*id).is_none())
            .unwrap_or_else(|| self.next_id())
    }

    /// The first id a split can give (the segmenter numbers from 1 and stays far below it).
    pub const SPLIT_IDS: u32 = 1 << 31;

    /// Checks that every assigned speaker is a member of `cast`.
    ///
    /// # Errors
    /// [`SegmentError::UnknownSpeaker`] for the first segment naming someone else.
    pub fn check_speakers(&self, cast: &Cast) -> Result<(), SegmentError> {
        self.segments
            .iter()
            .find_map(|segment| {
                let speaker = segment.speaker.as_deref()?;
                (!cast.contains(speaker)).then(|| SegmentError::UnknownSpeaker {
                    id: segment.id,
                    speaker: speaker.to_owned(),
                })
            })
            .map_or(Ok(()), Err)
    }

    /// Checks a whole plan against its chapter, stopping at the first problem: not empty, ids
    /// unique, ranges non-empty, in order and not overlapping, original text equal to the chapter
    /// at its offsets, text not blank and within `limits`.
    ///
    /// # Errors
    /// The first rule broken, as a [`SegmentError`].
    pub fn validate(&self, chapter: &str, limits: &EngineLimits) -> Result<(), SegmentError> {
        validate::validate(&self.segments, chapter, limits)
    }

    /// The smallest id no segment uses; only needed once `u32::MAX` is taken.
    fn smallest_free_id(&self) -> SegmentId {
        let mut ids: Vec<u32> = self.segments.iter().map(|segment| segment.id.0).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut free = 1;
        for id in ids {
            if id > free {
                break;
            }
            if id == free {
                free += 1;
            }
        }
        SegmentId(free)
    }
}
