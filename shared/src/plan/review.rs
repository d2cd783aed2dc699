//! Review flags: a reviewer's ticket on one segment (what is wrong, a note, and where the fix
//! stands). A flag is open until someone marks it fixed; a fixed flag is verified by a second
//! listen. Times are milliseconds since the Unix epoch, given by the caller (this crate has no clock).

use serde::{Deserialize, Serialize};

use super::{edit::Edit, segment::SegmentId};

/// The most characters a flag's note or a comment on it may have.
pub const FLAG_TEXT_MAX: usize = 2000;

/// What the reviewer heard wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum FlagKind {
    /// The text was read wrong (skipped, repeated, wrong word).
    Misread,
    /// A word was mispronounced: often a pronunciation-map entry to add.
    Mispronunciation,
    /// The line has the wrong speaker or voice.
    WrongVoice,
    /// Too fast, too slow, or a pause in the wrong place.
    Pacing,
    /// Anything else; the note says what.
    Other,
}

impl FlagKind {
    /// Every kind, in the order the page offers them.
    pub const ALL: [FlagKind; 5] = [
        FlagKind::Misread,
        FlagKind::Mispronunciation,
        FlagKind::WrongVoice,
        FlagKind::Pacing,
        FlagKind::Other,
    ];

    /// The snake_case name used in files and forms.
    pub fn as_str(self) -> &'static str {
        match self {
            FlagKind::Misread => "misread",
            FlagKind::Mispronunciation => "mispronunciation",
            FlagKind::WrongVoice => "wrong_voice",
            FlagKind::Pacing => "pacing",
            FlagKind::Other => "other",
        }
    }

    /// The kind named by [`FlagKind::as_str`].
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// Where a flag stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum FlagStatus {
    /// Waiting for a fix: blocks the chapter's sign-off.
    Open,
    /// Fixed, waiting for a reviewer to listen again.
    Fixed,
    /// Listened to again and accepted.
    Verified,
}

/// A review ticket on one segment.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Flag {
    /// What is wrong.
    pub kind: FlagKind,
    /// The reviewer's note.
    #[serde(default)]
    pub note: String,
    /// Where the fix stands.
    pub status: FlagStatus,
    /// When it was raised (ms since the epoch).
    pub raised_at: i64,
    /// When its status last changed (ms since the epoch).
    pub updated_at: i64,
    /// Who raised it (the reviewer's name; empty when not given).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub raised_by: String,
    /// Who last changed its status.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub updated_by: String,
    /// The conversation on it, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<FlagComment>,
}

/// A remark on a flag: a reviewer's detail, a producer's answer.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FlagComment {
    /// Who wrote it.
    pub by: String,
    /// When (ms since the epoch).
    pub at: i64,
    /// What they wrote (trimmed, never empty).
    pub text: String,
}

/// What anyone on a chapter, a viewer included, may do to a segment's flag. The server turns it
/// into an [`Edit`] signed with the signed-in user's name and its own clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "do", rename_all = "snake_case")]
pub enum FlagAction {
    /// Raise a flag (replacing any earlier one).
    Raise {
        /// What is wrong.
        kind: FlagKind,
        /// The note.
        note: String,
    },
    /// Add a comment to the flag.
    Comment {
        /// The comment.
        text: String,
    },
    /// Move the flag to another status.
    SetStatus {
        /// The new status.
        status: FlagStatus,
    },
}

impl FlagAction {
    /// The edit that carries out this action on segment `id`, by `by` at `at`.
    pub fn edit(self, id: SegmentId, at: i64, by: &str) -> Edit {
        let by = by.to_owned();
        match self {
            FlagAction::Raise { kind, note } => Edit::RaiseFlag {
                id,
                kind,
                note,
                at,
                by,
            },
            FlagAction::Comment { text } => Edit::CommentFlag { id, text, at, by },
            FlagAction::SetStatus { status } => Edit::SetFlagStatus { id, status, at, by },
        }
    }
}

impl Flag {
    /// Whether the flag still waits for a fix.
    pub fn is_open(&self) -> bool {
        self.status == FlagStatus::Open
    }
}
