//! `History`: undo and redo for plan edits, bounded in steps so memory stays bounded.
//! It stores splices (only the segments an edit touched), never copies of the whole plan.

#[cfg(test)]
mod tests;

use std::collections::VecDeque;

use crate::plan::{splice::Splice, Plan};

/// Undo and redo stacks of applied edits.
#[derive(Debug, Clone)]
pub struct History {
    undo: VecDeque<Splice>,
    redo: Vec<Splice>,
    capacity: usize,
}

impl Default for History {
    fn default() -> Self {
        Self::new(Self::DEFAULT_CAPACITY)
    }
}

impl History {
    /// Steps kept by default.
    pub const DEFAULT_CAPACITY: usize = 100;

    /// An empty history keeping at most `capacity` undo steps (at least one).
    pub fn new(capacity: usize) -> Self {
        let capacity = capacity.max(1);
        Self {
            undo: VecDeque::with_capacity(capacity.min(Self::DEFAULT_CAPACITY)),
            redo: Vec::new(),
            capacity,
        }
    }

    /// Records an applied edit; clears the redo stack and drops the oldest step past capacity.
    pub fn record(&mut self, splice: Splice) {
        self.undo.push_back(splice);
        while self.undo.len() > self.capacity {
            self.undo.pop_front();
        }
        self.redo.clear();
    }

    /// Undoes the last edit on `plan`; returns the splice that did it, none when there is nothing
    /// to undo. A step whose segments someone else changed since (a colleague's edit pulled in)
    /// cannot be replayed: it is dropped, with the steps before it, and nothing changes.
    pub fn undo(&mut self, plan: &mut Plan) -> Option<Splice> {
        let splice = self.undo.pop_back()?;
        if !plan.replay_inverse(&splice) {
            self.undo.clear();
            return None;
        }
        let inverse = splice.inverse();
        self.redo.push(splice);
        Some(inverse)
    }

    /// Redoes the last undone edit on `plan`; returns the splice that did it, none when there is
    /// nothing to redo (or its segments changed since, as for [`History::undo`]).
    pub fn redo(&mut self, plan: &mut Plan) -> Option<Splice> {
        let splice = self.redo.pop()?;
        if !plan.replay(&splice) {
            self.redo.clear();
            return None;
        }
        self.undo.push_back(splice.clone());
        Some(splice)
    }

    /// Whether [`History::undo`] would do something.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether [`History::redo`] would do something.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forgets every step (after loading another plan).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}
