//! `CastError`: why a cast, a character or a voice was refused. Variants carry the data a message
//! needs; messages are lowercase with no trailing period.

use serde::{Deserialize, Serialize};

use crate::cast::character_id::CharacterId;

/// Why a cast was refused. Messages are lowercase with no trailing period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum CastError {
    /// A character has a blank name or a name with no letter or digit.
    #[error("a character needs a name with at least one letter or digit")]
    EmptyName,
    /// Two characters share a name or an alias (compared without case).
    #[error("the name \"{name}\" is used by more than one character")]
    DuplicateName {
        /// The shared name.
        name: String,
    },
    /// Two characters share an id.
    #[error("the id \"{id}\" is used by more than one character")]
    DuplicateId {
        /// The shared id.
        id: CharacterId,
    },
    /// An id that is not a slug (lowercase letters, digits and single dashes).
    #[error("\"{id}\" is not a valid character id")]
    InvalidId {
        /// The rejected id.
        id: String,
    },
    /// The cast has no narrator.
    #[error("the cast has no narrator")]
    NoNarrator,
    /// No character has this id.
    #[error("no character has the id \"{id}\"")]
    UnknownCharacter {
        /// The id that was not found.
        id: String,
    },
    /// A voice with no voice id.
    #[error("a voice needs a voice id")]
    EmptyVoiceId,
    /// A style degree outside 0.01–2.
    #[error("style degree {value} is outside 0.01–2")]
    StyleDegreeOutOfRange {
        /// The rejected value.
        value: f32,
    },
    /// A rate outside −50 %–+100 %.
    #[error("rate {value}% is outside -50%–+100%")]
    RateOutOfRange {
        /// The rejected value.
        value: i32,
    },
    /// A pitch outside −50 %–+50 %.
    #[error("pitch {value}% is outside -50%–+50%")]
    PitchOutOfRange {
        /// The rejected value.
        value: i32,
    },
}
