//! Review flags: a reviewer's ticket on one segment (what is wrong, a note, and where the fix
//! stands). A flag is open until someone marks it fixed; a fixed flag is verified by a second
//! listen. Times are milliseconds since the Unix epoch, given by the caller (this crate has no clock).

use serde::{Deserialize, Serialize};

/// What the reviewer heard wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
}

impl Flag {
    /// Whether the flag still waits for a fix.
    pub fn is_open(&self) -> bool {
        self.status == FlagStatus::Open
    }
}
