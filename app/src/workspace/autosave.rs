//! `Autosave`: when the plan under edit is stored, as a state machine without IO or clock. It is
//! told of edits, timers, the tab hiding and the store's answers, and answers with what to do (save
//! revision R from version V, arm a timer). Never lost: a revision counts as stored only when the
//! store said so for that very revision, and a conflict stops saving rather than overwrite.

use crate::model::Version;

pub(super) mod driver;
#[cfg(test)]
mod tests;

/// Milliseconds of quiet after the last change before a save.
pub const AUTOSAVE_MS: u64 = 2_000;
/// Longest wait between retries of a failed save.
pub const MAX_RETRY_MS: u64 = 30_000;
/// The stored revision of a plan the store has never held (a carried-over plan): no edit has it.
const NEVER_STORED: u64 = u64::MAX;

/// Where the stored copy stands compared to the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Everything is stored.
    Saved,
    /// Changes wait for the autosave.
    Pending,
    /// A save (or a fresh plan) is in flight.
    Saving,
    /// The last save failed, for this reason; it will be retried.
    Failed(String),
    /// A colleague changed the same segments: saving waits until the producer settles it.
    Conflict,
}

/// What the machine asks of its driver.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Send the edits up to `revision` to the store, made on version `base` (the whole plan when
    /// `whole`: the store never held this one); answer with `save_succeeded`, `save_failed`,
    /// or `reloading` then `caught_up` or `conflicted`.
    Save {
        revision: u64,
        base: Version,
        whole: bool,
    },
    /// Call `timer_fired` in `ms` milliseconds, instead of any timer armed before.
    Arm { ms: u64 },
}

/// The autosave of one chapter's plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Autosave {
    state: SaveState,
    /// The store's version of the plan: the base of the next save.
    version: Version,
    /// The revision the store holds.
    stored: u64,
    /// The page's latest revision.
    revision: u64,
    /// Failed saves in a row; the wait before a retry doubles with each.
    failures: u32,
}

impl Autosave {
    /// A plan loaded at revision 0, stored at `version`.
    pub fn new(version: Version) -> Self {
        Self {
            state: SaveState::Saved,
            version,
            stored: 0,
            revision: 0,
            failures: 0,
        }
    }

    /// Where the stored copy stands.
    pub fn state(&self) -> &SaveState {
        &self.state
    }

    /// The store's version of the plan.
    pub fn version(&self) -> Version {
        self.version
    }

    /// Whether the page holds a revision the store does not.
    pub fn has_unsaved(&self) -> bool {
        self.revision != self.stored
    }

    /// The plan is now at `revision` (an edit, undo or redo): a save follows a pause. While a save
    /// is in flight, or after a conflict, only the revision is noted.
    pub fn edited(&mut self, revision: u64) -> Option<Command> {
        self.revision = revision;
        if !self.has_unsaved() || self.is_busy() {
            return None;
        }
        self.state = SaveState::Pending;
        Some(Command::Arm { ms: AUTOSAVE_MS })
    }

    /// The armed timer went off: saves the latest revision unless it is stored or busy.
    pub fn timer_fired(&mut self) -> Option<Command> {
        if !self.has_unsaved() || self.is_busy() {
            return None;
        }
        self.state = SaveState::Saving;
        Some(Command::Save {
            revision: self.revision,
            base: self.version,
            whole: self.stored == NEVER_STORED,
        })
    }

    /// A pending save starts at once: the tab was hidden, so switching away never strands an
    /// edit, or a step that the store makes itself (a review flag) must follow the page's edits.
    pub fn save_now(&mut self) -> Option<Command> {
        if self.state == SaveState::Pending {
            self.timer_fired()
        } else {
            None
        }
    }

    /// Whether a save is waiting or under way (a failed one waits for its retry).
    pub fn is_settling(&self) -> bool {
        matches!(self.state, SaveState::Pending | SaveState::Saving)
    }

    /// The store holds `revision` at `version`; edits made meanwhile are saved after a pause.
    pub fn save_succeeded(&mut self, revision: u64, version: Version) -> Option<Command> {
        self.stored = revision;
        self.caught_up(version)
    }

    /// The save failed for `reason`: the edit stays unsaved and is retried, later each time.
    pub fn save_failed(&mut self, reason: String) -> Option<Command> {
        self.failures = self.failures.saturating_add(1);
        self.state = SaveState::Failed(reason);
        Some(Command::Arm {
            ms: retry_delay(self.failures),
        })
    }

    /// The page is loading the stored plan to merge its edits into (a colleague's changes it
    /// could not replay): no save starts until it is done.
    pub fn reloading(&mut self) {
        self.state = SaveState::Saving;
    }

    /// The page's plan now stands on the stored `version` (a colleague's changes replayed or
    /// merged in); its edits not yet stored are saved after a pause.
    pub fn caught_up(&mut self, version: Version) -> Option<Command> {
        self.version = version;
        self.failures = 0;
        if self.has_unsaved() {
            self.state = SaveState::Pending;
            Some(Command::Arm { ms: AUTOSAVE_MS })
        } else {
            self.state = SaveState::Saved;
            None
        }
    }

    /// Whether a colleague's changes may be replayed on the page now (no save or merge under
    /// way, no conflict waiting).
    pub fn may_pull(&self) -> bool {
        !self.is_busy()
    }

    /// A colleague changed the same segments: nothing more is saved until the producer chooses,
    /// so nothing is overwritten.
    pub fn conflicted(&mut self) {
        self.state = SaveState::Conflict;
    }

    /// The producer settled the conflicts on the stored `version`; the page's plan is at
    /// `revision`, its settled edits unsaved: they are saved at once.
    pub fn settled(&mut self, version: Version, revision: u64) -> Option<Command> {
        self.version = version;
        self.revision = revision;
        self.state = SaveState::Pending;
        self.timer_fired()
    }

    /// A fresh plan was asked of the server: no save starts until it answers.
    pub fn replacing(&mut self) {
        self.state = SaveState::Saving;
    }

    /// The server stored a fresh plan at `version`; the page starts it at revision 0.
    pub fn replaced(&mut self, version: Version) {
        self.version = version;
        self.stored = 0;
        self.revision = 0;
        self.state = SaveState::Saved;
    }

    /// The fresh plan was refused for `reason`; the page keeps its plan, saved at the next edit.
    pub fn replace_failed(&mut self, reason: String) {
        self.state = SaveState::Failed(reason);
    }

    /// The plan was carried over to a new chapter text, starting again at revision 0: the store
    /// has never held it, so it is saved after a pause (with the version check, like any edit).
    pub fn rebased(&mut self) -> Option<Command> {
        self.stored = NEVER_STORED;
        self.edited(0)
    }

    fn is_busy(&self) -> bool {
        matches!(self.state, SaveState::Saving | SaveState::Conflict)
    }
}

/// The wait before retrying after `failures` failed saves in a row: 4, 8, 16, then 30 seconds.
fn retry_delay(failures: u32) -> u64 {
    (AUTOSAVE_MS << failures.min(4)).min(MAX_RETRY_MS)
}
