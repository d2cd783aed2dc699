//! `Splice`: the record of one applied edit — which run of segments it replaced by which — and so
//! also what undo and redo replay.

use crate::plan::segment::Segment;

/// A replacement of `removed` by `inserted` at index `at`: the record of one applied edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Splice {
    /// Index of the first replaced segment.
    pub at: usize,
    /// The segments that were there before.
    pub removed: Vec<Segment>,
    /// The segments that are there now.
    pub inserted: Vec<Segment>,
}

impl Splice {
    /// The splice that undoes this one.
    pub fn inverse(&self) -> Splice {
        Splice {
            at: self.at,
            removed: self.inserted.clone(),
            inserted: self.removed.clone(),
        }
    }
}
