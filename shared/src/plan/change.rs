//! `Change`: an applied edit as it travels to the server and to colleagues — the splice, with the
//! replaced segments cut down to their ids and a digest of what the editor saw. Applied to another
//! copy of the plan it finds its place by ids and refuses (a [`Clash`]) when any segment it
//! replaces is no longer as the editor saw it, so edits of different segments by two people both
//! land in either order, and edits of the same segments never silently overwrite each other.

mod merge;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::plan::{
    segment::{Segment, SegmentId},
    splice::Splice,
    Plan,
};

pub use merge::{merge, Conflict, Merged};

/// A segment as the editor saw it: its id and a digest of everything in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seen {
    /// The segment.
    pub id: SegmentId,
    /// [`fingerprint`] of the segment as it was.
    pub digest: String,
}

/// One applied edit, to be replayed on another copy of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// The segment before the replaced run (none: the start); finds the place of an insertion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<SegmentId>,
    /// The replaced segments, in order, as the editor saw them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<Seen>,
    /// The segments that replace them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inserted: Vec<Segment>,
}

/// A change that cannot be applied: the segments it would replace are gone or changed since, or a
/// segment it adds already exists. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("segments {segments:?} changed since the edit was made")]
pub struct Clash {
    /// The segments in question.
    pub segments: Vec<SegmentId>,
}

/// Sixteen hex digits of the SHA-256 of the segment's JSON: equal for equal segments, and
/// different, but for a 2⁻⁶⁴ chance, for any change to any field.
pub fn fingerprint(segment: &Segment) -> String {
    // A `Segment` is plain data: encoding it cannot fail.
    let json = serde_json::to_vec(segment).unwrap_or_default();
    hex::encode(&Sha256::digest(&json)[..8])
}

impl Change {
    /// The change a splice made.
    pub fn of(splice: &Splice) -> Self {
        Self {
            after: splice.after,
            removed: splice
                .removed
                .iter()
                .map(|segment| Seen {
                    id: segment.id,
                    digest: fingerprint(segment),
                })
                .collect(),
            inserted: splice.inserted.clone(),
        }
    }

    /// Every segment id the change depends on or makes: the replaced and added segments, and for
    /// a pure insertion the segment it follows.
    pub fn touches(&self) -> impl Iterator<Item = SegmentId> + '_ {
        let anchor = self.removed.is_empty().then_some(self.after).flatten();
        self.removed
            .iter()
            .map(|seen| seen.id)
            .chain(self.inserted.iter().map(|segment| segment.id))
            .chain(anchor)
    }
}

impl Plan {
    /// Applies a change made on another copy of this plan, found by its ids.
    ///
    /// # Errors
    /// A [`Clash`] naming the segments when a replaced segment is gone, moved or changed, the
    /// segment an insertion follows is gone or grown over its place, or an added id is already
    /// used elsewhere; the plan is unchanged then.
    pub fn apply_change(&mut self, change: &Change) -> Result<(), Clash> {
        let first = change.removed.first().map(|seen| seen.id);
        let clash = || Clash {
            segments: change.touches().collect(),
        };
        let at = self.locate(0, change.after, first).ok_or_else(clash)?;
        let end = at + change.removed.len();
        let current = self.segments.get(at..end).ok_or_else(clash)?;
        let changed: Vec<SegmentId> = change
            .removed
            .iter()
            .zip(current)
            .filter(|(seen, segment)| seen.id != segment.id || seen.digest != fingerprint(segment))
            .map(|(seen, _)| seen.id)
            .collect();
        if !changed.is_empty() {
            return Err(Clash { segments: changed });
        }
        let taken: Vec<SegmentId> = change
            .inserted
            .iter()
            .map(|segment| segment.id)
            .filter(|id| self.index_of(*id).is_some_and(|i| i < at || i >= end))
            .collect();
        if !taken.is_empty() {
            return Err(Clash { segments: taken });
        }
        if !self.fits_between(at, end, &change.inserted) {
            return Err(clash());
        }
        self.splice_in(at, change.removed.len(), &change.inserted);
        Ok(())
    }

    /// Whether `inserted` lies, in chapter order, after the segment before `at` and before the
    /// one at `end` (an insertion after a segment a colleague has since merged may not).
    fn fits_between(&self, at: usize, end: usize, inserted: &[Segment]) -> bool {
        let (Some(first), Some(last)) = (inserted.first(), inserted.last()) else {
            return true;
        };
        let before = at.checked_sub(1).and_then(|i| self.segments.get(i));
        let after = self.segments.get(end);
        before.is_none_or(|s| s.end <= first.start) && after.is_none_or(|s| last.end <= s.start)
    }

    /// Applies changes in order, all or none.
    ///
    /// # Errors
    /// The first change's [`Clash`], or one naming every segment touched when they would leave
    /// the plan empty (two people each deleting all segments but the other's); the plan is
    /// unchanged then.
    pub fn apply_changes(&mut self, changes: &[Change]) -> Result<(), Clash> {
        *self = self.clone().with_changes(changes)?;
        Ok(())
    }

    /// [`Plan::apply_changes`] on a plan the caller no longer needs when they clash, so no copy
    /// is made (the server's, decoded for this save).
    ///
    /// # Errors
    /// As [`Plan::apply_changes`].
    pub fn with_changes(mut self, changes: &[Change]) -> Result<Plan, Clash> {
        let was_empty = self.segments.is_empty();
        for change in changes {
            self.apply_change(change)?;
        }
        if self.segments.is_empty() && !was_empty {
            return Err(Clash {
                segments: changes.iter().flat_map(Change::touches).collect(),
            });
        }
        Ok(self)
    }
}
