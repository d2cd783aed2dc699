//! A project's pronunciation map: how to say the words the engine gets wrong, as IPA (and
//! optionally as an espeak-ng phoneme string and a respelling), per locale, with a review status.
//! [`PronunciationMap`] is validated whole; [`PronunciationMap::lookup`] finds the entry for a word.

mod error;
pub mod ipa;
pub mod pls;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

pub use error::{EntryError, EspeakError, Field, MapError};
pub use ipa::{validate_ipa, IpaError};

/// Most entries a map holds.
pub const MAX_ENTRIES: usize = 5_000;
/// Longest grapheme, espeak-ng string or respelling, in characters.
pub const MAX_FIELD_CHARS: usize = 200;

/// Whether an entry was checked by a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Status {
    /// Proposed or imported; nobody confirmed it yet.
    #[default]
    NeedsReview,
    /// Confirmed by the producer.
    Approved,
}

impl Status {
    /// The name used in files (`needs-review`, `approved`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::NeedsReview => "needs-review",
            Status::Approved => "approved",
        }
    }

    /// The status named by [`Status::as_str`].
    pub fn parse(name: &str) -> Option<Self> {
        [Status::NeedsReview, Status::Approved]
            .into_iter()
            .find(|status| status.as_str() == name)
    }
}

/// How to pronounce one written form in one locale.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Entry {
    /// The written form, as it appears in the text (one word or several).
    pub grapheme: String,
    /// The pronunciation in IPA, as SSML `<phoneme alphabet="ipa">` takes it.
    pub ipa: String,
    /// The same in espeak-ng's phoneme mnemonics (`[[...]]` input), when the IPA is not enough.
    #[serde(default)]
    pub espeak: Option<String>,
    /// A respelling a reader can follow ("BASS-ker-vil"), used as a PLS alias.
    #[serde(default)]
    pub respelling: Option<String>,
    /// The BCP 47 locale it applies to (`en`, `en-GB`, `es-ES`); `en` applies to every `en-*`.
    pub locale: String,
    /// Whether the text must match the grapheme's case exactly.
    #[serde(default)]
    pub case_sensitive: bool,
    /// Whether it was reviewed.
    #[serde(default)]
    pub status: Status,
}

impl Entry {
    /// A new entry, needing review, case-insensitive, with no espeak string or respelling.
    pub fn new(grapheme: &str, ipa: &str, locale: &str) -> Self {
        Self {
            grapheme: grapheme.to_owned(),
            ipa: ipa.to_owned(),
            espeak: None,
            respelling: None,
            locale: locale.to_owned(),
            case_sensitive: false,
            status: Status::NeedsReview,
        }
    }

    /// The entry with surrounding whitespace trimmed and blank optional fields as `None`.
    pub fn normalized(self) -> Self {
        let optional = |field: Option<String>| {
            field
                .map(|text| text.trim().to_owned())
                .filter(|text| !text.is_empty())
        };
        Self {
            grapheme: self.grapheme.trim().to_owned(),
            ipa: self.ipa.trim().to_owned(),
            espeak: optional(self.espeak),
            respelling: optional(self.respelling),
            locale: self.locale.trim().to_owned(),
            ..self
        }
    }

    /// Checks every field of a normalized entry.
    ///
    /// # Errors
    /// The first [`EntryError`] found, grapheme first, then IPA, espeak-ng, respelling, locale.
    pub fn validate(&self) -> Result<(), EntryError> {
        if self.grapheme.is_empty() {
            return Err(EntryError::EmptyGrapheme);
        }
        check_text(Field::Grapheme, &self.grapheme)?;
        validate_ipa(&self.ipa)?;
        if let Some(espeak) = &self.espeak {
            validate_espeak(espeak)?;
        }
        if let Some(respelling) = &self.respelling {
            check_text(Field::Respelling, respelling)?;
        }
        validate_locale(&self.locale)
    }

    /// Whether this entry applies to `word` in text of `locale`: the word equals the grapheme
    /// (ignoring case unless the entry is case-sensitive) and the entry's locale is `locale` or
    /// a less specific form of it (`en` applies to `en-GB`; `en-GB` does not apply to `en-US`).
    pub fn matches(&self, word: &str, locale: &str) -> bool {
        let same_word = if self.case_sensitive {
            self.grapheme == word
        } else {
            self.grapheme.to_lowercase() == word.to_lowercase()
        };
        same_word && self.applies_to_locale(locale)
    }

    /// Whether this entry applies to text in `locale`: its locale is `locale` or a less specific
    /// form of it (`en` applies to `en-GB`; `en-GB` does not apply to `en-US`).
    pub fn applies_to_locale(&self, locale: &str) -> bool {
        locale_covers(&self.locale, locale)
    }

    /// Whether `self` and `other` would both apply to some word: same locale and graphemes equal
    /// exactly, or equal ignoring case when either entry ignores case.
    pub fn clashes_with(&self, other: &Entry) -> bool {
        self.locale.eq_ignore_ascii_case(&other.locale)
            && if self.case_sensitive && other.case_sensitive {
                self.grapheme == other.grapheme
            } else {
                self.grapheme.to_lowercase() == other.grapheme.to_lowercase()
            }
    }
}

/// A project's pronunciations: valid entries (see [`Entry::validate`]), no two of which clash
/// ([`Entry::clashes_with`]), in the producer's order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "Vec<Entry>", into = "Vec<Entry>")]
pub struct PronunciationMap {
    entries: Vec<Entry>,
}

impl PronunciationMap {
    /// The map of `entries`, each [`Entry::normalized`] first.
    ///
    /// # Errors
    /// `TooMany`, the first invalid entry, or the first two entries that clash.
    pub fn new(entries: Vec<Entry>) -> Result<Self, MapError> {
        if entries.len() > MAX_ENTRIES {
            return Err(MapError::TooMany {
                count: entries.len(),
                max: MAX_ENTRIES,
            });
        }
        let entries: Vec<Entry> = entries.into_iter().map(Entry::normalized).collect();
        for (index, entry) in entries.iter().enumerate() {
            entry.validate().map_err(|error| MapError::Entry {
                number: index + 1,
                grapheme: entry.grapheme.clone(),
                error,
            })?;
        }
        let mut seen: HashMap<(String, String), Vec<usize>> = HashMap::new();
        for (index, entry) in entries.iter().enumerate() {
            let earlier = seen.entry(clash_key(entry)).or_default();
            if let Some(&first) = earlier.iter().find(|&&i| entries[i].clashes_with(entry)) {
                return Err(MapError::Duplicate {
                    first: first + 1,
                    second: index + 1,
                    grapheme: entry.grapheme.clone(),
                    locale: entry.locale.clone(),
                });
            }
            earlier.push(index);
        }
        Ok(Self { entries })
    }

    /// The entries, in order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entries, owned.
    pub fn into_entries(self) -> Vec<Entry> {
        self.entries
    }

    /// Whether there is no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry that gives the pronunciation of `word` in text of `locale`, if any: an entry
    /// matching the case exactly wins over one that ignores case, then the most specific locale.
    pub fn lookup(&self, word: &str, locale: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .filter(|entry| entry.matches(word, locale))
            .max_by_key(|entry| (entry.case_sensitive, entry.locale.len()))
    }

    /// This map with `incoming` merged in: an entry of `incoming` takes the place of the first
    /// entry here that clashes with it (others that clash are dropped); the rest are appended.
    ///
    /// # Errors
    /// `TooMany` when the result would exceed [`MAX_ENTRIES`].
    pub fn merge(self, incoming: PronunciationMap) -> Result<Self, MapError> {
        let mut placed = vec![false; incoming.entries.len()];
        let mut merged = Vec::with_capacity(self.entries.len() + incoming.entries.len());
        let mut by_key: HashMap<(String, String), Vec<usize>> = HashMap::new();
        for (index, entry) in incoming.entries.iter().enumerate() {
            by_key.entry(clash_key(entry)).or_default().push(index);
        }
        for entry in self.entries {
            let clashing = by_key.get(&clash_key(&entry)).and_then(|candidates| {
                candidates
                    .iter()
                    .copied()
                    .find(|&index| incoming.entries[index].clashes_with(&entry))
            });
            match clashing {
                Some(index) if !placed[index] => {
                    placed[index] = true;
                    merged.push(incoming.entries[index].clone());
                }
                Some(_) => {}
                None => merged.push(entry),
            }
        }
        merged.extend(
            incoming
                .entries
                .into_iter()
                .zip(placed)
                .filter(|(_, placed)| !placed)
                .map(|(entry, _)| entry),
        );
        Self::new(merged)
    }
}

impl TryFrom<Vec<Entry>> for PronunciationMap {
    type Error = MapError;

    fn try_from(entries: Vec<Entry>) -> Result<Self, Self::Error> {
        Self::new(entries)
    }
}

impl From<PronunciationMap> for Vec<Entry> {
    fn from(map: PronunciationMap) -> Self {
        map.entries
    }
}

/// Checks an espeak-ng phoneme string: printable ASCII, no `[[` or `]]`, at most
/// [`MAX_FIELD_CHARS`] characters.
///
/// # Errors
/// The first [`EspeakError`] found.
pub fn validate_espeak(phonemes: &str) -> Result<(), EspeakError> {
    let chars = phonemes.chars().count();
    if chars > MAX_FIELD_CHARS {
        return Err(EspeakError::TooLong {
            chars,
            max: MAX_FIELD_CHARS,
        });
    }
    if let Some((index, symbol)) = phonemes
        .chars()
        .enumerate()
        .find(|(_, c)| !(' '..='~').contains(c))
    {
        return Err(EspeakError::NotAscii {
            symbol,
            position: index + 1,
        });
    }
    if phonemes.contains("[[") || phonemes.contains("]]") {
        return Err(EspeakError::Brackets);
    }
    Ok(())
}

/// Checks a BCP 47 tag's shape: subtags of 1–8 ASCII letters or digits joined by `-`, the first
/// of 2–8 letters.
///
/// # Errors
/// `EntryError::Locale` with the refused text.
pub fn validate_locale(locale: &str) -> Result<(), EntryError> {
    let mut subtags = locale.split('-');
    let primary_ok = subtags
        .next()
        .is_some_and(|s| (2..=8).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphabetic()));
    let rest_ok =
        subtags.all(|s| (1..=8).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphanumeric()));
    if primary_ok && rest_ok && locale.len() <= 35 {
        Ok(())
    } else {
        Err(EntryError::Locale {
            locale: locale.to_owned(),
        })
    }
}

/// Whether an entry for `entry_locale` applies to text in `text_locale`: equal, or a prefix of
/// it ending at a subtag boundary, ignoring ASCII case.
fn locale_covers(entry_locale: &str, text_locale: &str) -> bool {
    let (entry, text) = (
        entry_locale.to_ascii_lowercase(),
        text_locale.to_ascii_lowercase(),
    );
    text == entry
        || text
            .strip_prefix(&entry)
            .is_some_and(|rest| rest.starts_with('-'))
}

/// Entries can only clash when their locale and lowercased grapheme agree: this pair.
fn clash_key(entry: &Entry) -> (String, String) {
    (
        entry.locale.to_ascii_lowercase(),
        entry.grapheme.to_lowercase(),
    )
}

fn check_text(field: Field, text: &str) -> Result<(), EntryError> {
    let chars = text.chars().count();
    if chars > MAX_FIELD_CHARS {
        return Err(EntryError::TooLong {
            field,
            chars,
            max: MAX_FIELD_CHARS,
        });
    }
    match text.chars().find(|c| c.is_control()) {
        Some(c) => Err(EntryError::ControlCharacter {
            field,
            code: u32::from(c),
        }),
        None => Ok(()),
    }
}
