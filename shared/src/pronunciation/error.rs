//! Why an entry or a pronunciation map is refused. Variants carry the data a message (or a
//! translated message in the page) needs; messages are lowercase with no trailing period.

use serde::{Deserialize, Serialize};

use crate::pronunciation::ipa::IpaError;

/// A field of an entry, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The written form.
    Grapheme,
    /// The respelling.
    Respelling,
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Field::Grapheme => "written form",
            Field::Respelling => "respelling",
        })
    }
}

/// Why an entry is refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum EntryError {
    /// The written form is blank.
    #[error("the written form is empty")]
    EmptyGrapheme,
    /// A text field is longer than [`MAX_FIELD_CHARS`](super::MAX_FIELD_CHARS).
    #[error("the {field} has {chars} characters, over the limit of {max}")]
    TooLong {
        /// Which field.
        field: Field,
        /// Its length.
        chars: usize,
        /// The limit.
        max: usize,
    },
    /// A text field holds a control character (a tab, a line break…).
    #[error("the {field} holds the control character U+{code:04X}")]
    ControlCharacter {
        /// Which field.
        field: Field,
        /// The character's code point.
        code: u32,
    },
    /// The IPA is not IPA.
    #[error(transparent)]
    Ipa(#[from] IpaError),
    /// The espeak-ng phoneme string is refused.
    #[error(transparent)]
    Espeak(#[from] EspeakError),
    /// The locale is not a BCP 47 tag.
    #[error("“{locale}” is not a locale such as en, en-GB or es-ES")]
    Locale {
        /// The refused text.
        locale: String,
    },
}

/// Why an espeak-ng phoneme string is refused. The check is loose (espeak-ng's mnemonics differ
/// per voice) but keeps the string from breaking out of the `[[...]]` it is placed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum EspeakError {
    /// Longer than [`MAX_FIELD_CHARS`](super::MAX_FIELD_CHARS).
    #[error("the espeak-ng phonemes have {chars} characters, over the limit of {max}")]
    TooLong {
        /// Its length.
        chars: usize,
        /// The limit.
        max: usize,
    },
    /// A character outside printable ASCII.
    #[error("the espeak-ng phonemes hold “{symbol}” at character {position}; only printable ASCII is accepted")]
    NotAscii {
        /// The character.
        symbol: char,
        /// Its 1-based position.
        position: usize,
    },
    /// `[[` or `]]`, which would open or close espeak-ng's phoneme input.
    #[error("the espeak-ng phonemes may not contain “[[” or “]]”")]
    Brackets,
}

/// Why a map is refused; nothing of it is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum MapError {
    /// One entry is invalid.
    #[error("entry {number} (“{grapheme}”): {error}")]
    Entry {
        /// Its 1-based number.
        number: usize,
        /// Its written form, as given.
        grapheme: String,
        /// What is wrong.
        error: EntryError,
    },
    /// Two entries would apply to the same word.
    #[error(
        "entries {first} and {second} both give the pronunciation of “{grapheme}” in {locale}"
    )]
    Duplicate {
        /// The 1-based number of the earlier entry.
        first: usize,
        /// The 1-based number of the later entry.
        second: usize,
        /// The later entry's written form.
        grapheme: String,
        /// Their locale.
        locale: String,
    },
    /// More than [`MAX_ENTRIES`](super::MAX_ENTRIES) entries.
    #[error("the map has {count} entries, over the limit of {max}")]
    TooMany {
        /// How many were given.
        count: usize,
        /// The limit.
        max: usize,
    },
}
