//! The audit trail: who changed what in a project, and when. Entries are data; `i18n` words them.

use serde::{Deserialize, Serialize};

use shared::plan::{
    change::Change,
    review::{FlagKind, FlagStatus},
};

use super::{ChapterId, Role};

/// One change, as the trail records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuditEntry {
    /// A chapter's plan was generated afresh.
    PlanGenerated { segments: usize },
    /// A chapter's plan was saved; `changed` segments differ from the stored ones (added,
    /// removed, or with other words, speaker, flag or review mark).
    PlanSaved { segments: usize, changed: usize },
    /// Edits to a chapter's plan were saved (an autosave), counted by kind.
    EditsSaved { segments: usize, edits: EditCounts },
    /// A plan file replaced a chapter's plan.
    PlanImported { segments: usize },
    /// A review flag was raised on the segment in row `row` (from 1).
    FlagRaised { row: usize, kind: FlagKind },
    /// A comment was added to the flag of the segment in row `row`.
    FlagCommented { row: usize },
    /// The flag of the segment in row `row` was marked `status`.
    FlagMoved { row: usize, status: FlagStatus },
    /// A chapter was signed off.
    ChapterCompleted,
    /// A signed-off chapter was reopened.
    ChapterReopened,
    /// Chapters were added.
    ChaptersAdded { count: usize },
    /// A chapter's text was replaced by a re-import.
    ChapterTextReplaced,
    /// The cast was saved.
    CastSaved { characters: usize },
    /// The pronunciation map was saved or imported.
    PronunciationsSaved { entries: usize },
    /// The project was renamed.
    ProjectRenamed { name: String },
    /// An invitation link with `role` was made.
    MemberInvited { role: Role },
    /// The author joined the organisation with `role` (or made it, as its owner).
    MemberJoined { role: Role },
    /// Member `name` was given `role`.
    MemberRoleChanged { name: String, role: Role },
    /// Member `name` was removed.
    MemberRemoved { name: String },
}

/// A recorded change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEvent {
    /// When, in milliseconds since the Unix epoch.
    pub at_ms: i64,
    /// Who (their name; empty when the account is gone).
    pub who: String,
    /// The chapter concerned, if one.
    pub chapter: Option<ChapterId>,
    /// What.
    pub entry: AuditEntry,
}

/// A save's edits by kind, for its one-line summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditCounts {
    /// Segments split in two.
    pub split: usize,
    /// Pairs of segments merged.
    pub merged: usize,
    /// Segments deleted.
    pub deleted: usize,
    /// Segments changed in place (words, speaker, review marks).
    pub changed: usize,
    /// Anything else (several segments replaced at once).
    pub other: usize,
}

impl EditCounts {
    /// The counts of `changes`, each read from how many segments it replaced with how many.
    pub fn of(changes: &[Change]) -> Self {
        let mut counts = Self::default();
        for change in changes {
            match (change.removed.len(), change.inserted.len()) {
                (1, 2) => counts.split += 1,
                (2, 1) => counts.merged += 1,
                (1, 0) => counts.deleted += 1,
                (n, m) if n == m => counts.changed += n,
                _ => counts.other += 1,
            }
        }
        counts
    }
}
