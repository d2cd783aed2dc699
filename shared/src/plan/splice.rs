//! `Splice`: the record of one applied edit — which run of segments it replaced by which — and so
//! also what undo, redo and a colleague's copy of the plan replay.

use crate::plan::segment::{Segment, SegmentId};

/// A replacement of `removed` by `inserted` at index `at`: the record of one applied edit.
///
/// A splice is anchored by ids as well as by index: `removed`'s ids (or, when nothing was removed,
/// `after`) find its place again in a plan that changed elsewhere since, so undo still works after
/// a colleague's edits were pulled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Splice {
    /// Index of the first replaced segment.
    pub at: usize,
    /// The segment just before the replaced run (none at the start of the plan); set by
    /// [`Plan::apply`](crate::plan::Plan::apply).
    pub after: Option<SegmentId>,
    /// The segments that were there before.
    pub removed: Vec<Segment>,
    /// The segments that are there now.
    pub inserted: Vec<Segment>,
}

impl Splice {
    /// A splice at `at`, not yet anchored (`after` is set when it is applied).
    pub(crate) fn new(at: usize, removed: Vec<Segment>, inserted: Vec<Segment>) -> Self {
        Self {
            at,
            after: None,
            removed,
            inserted,
        }
    }

    /// The splice that undoes this one (the segments before the run are the same either way).
    pub fn inverse(&self) -> Splice {
        Splice {
            at: self.at,
            after: self.after,
            removed: self.inserted.clone(),
            inserted: self.removed.clone(),
        }
    }

    /// Whether it changes nothing (an assignment that found every speaker already set).
    pub fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.inserted.is_empty()
    }
}
