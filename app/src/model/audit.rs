//! The audit trail: who changed what in a project, and when. Entries are data; `i18n` words them.

use serde::{Deserialize, Serialize};

use super::ChapterId;

/// One change, as the trail records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuditEntry {
    /// A chapter's plan was generated afresh.
    PlanGenerated { segments: usize },
    /// A chapter's plan was saved; `changed` segments differ from the stored ones (added,
    /// removed, or with other words, speaker, flag or review mark).
    PlanSaved { segments: usize, changed: usize },
    /// A plan file replaced a chapter's plan.
    PlanImported { segments: usize },
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
