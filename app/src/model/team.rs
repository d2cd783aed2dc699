//! Wire types of working together on a chapter: the changes a page catches up with, and who else
//! has the chapter open.

use serde::{Deserialize, Serialize};
use shared::{plan::change::Change, SegmentId};

use super::Version;

/// What a chapter's plan went through after a version the page holds: the page replays the
/// changes on its copy, or loads the plan when they are not all known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanChanges {
    /// The version stored now.
    pub version: Version,
    /// Every change between the page's version and `version`, oldest first (after a save, the
    /// saver's own are not included). None when the server no longer has them all: a whole plan
    /// was written in between (generated, imported, carried over) or the page is too far behind.
    pub changes: Option<Vec<Change>>,
}

/// A chapter's live state, sent to every page open on it whenever it changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Live {
    /// The stored version of the plan: a page behind it catches up.
    pub version: Version,
    /// The others who have the chapter open, by name.
    pub others: Vec<Colleague>,
}

/// Someone else on the chapter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Colleague {
    /// Their name.
    pub name: String,
    /// The segment they have selected, if any.
    pub segment: Option<SegmentId>,
}
