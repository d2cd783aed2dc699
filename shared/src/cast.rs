//! The cast: who can speak a segment (the narrator and the characters) and the voice each one reads with.
//! A segment's speaker is a [`CharacterId`], so renaming a character never orphans its lines.

#[cfg(test)]
mod tests;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::text::language::{Gender, Language};

/// A cast member's stable key, stored as a segment's speaker. Made once from the first name given.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CharacterId(pub String);

impl CharacterId {
    /// The narrator's id; every cast has one.
    pub const NARRATOR: &'static str = "narrator";

    /// The narrator's id as a value.
    pub fn narrator() -> Self {
        Self(Self::NARRATOR.to_owned())
    }

    /// A slug of `name`: lowercase letters and digits joined by `-` ("Mr. Holmes" → "mr-holmes").
    /// Returns `None` when the name has no letter or digit.
    pub fn slug(name: &str) -> Option<Self> {
        let mut slug = String::with_capacity(name.len());
        for word in name.split(|c: char| !c.is_alphanumeric()) {
            if word.is_empty() {
                continue;
            }
            if !slug.is_empty() {
                slug.push('-');
            }
            slug.extend(word.chars().flat_map(char::to_lowercase));
        }
        (!slug.is_empty()).then_some(Self(slug))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this is the narrator.
    pub fn is_narrator(&self) -> bool {
        self.0 == Self::NARRATOR
    }
}

impl fmt::Display for CharacterId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A character's apparent age, which guides the choice of voice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AgeBand {
    /// A child.
    Child,
    /// A teenager.
    Teen,
    /// An adult.
    Adult,
    /// An older adult.
    Senior,
    /// Not known yet.
    #[default]
    Unknown,
}

impl AgeBand {
    /// The lowercase name used in forms and files.
    pub fn as_str(self) -> &'static str {
        match self {
            AgeBand::Child => "child",
            AgeBand::Teen => "teen",
            AgeBand::Adult => "adult",
            AgeBand::Senior => "senior",
            AgeBand::Unknown => "unknown",
        }
    }

    /// The band named by [`AgeBand::as_str`]; anything else is `Unknown`.
    pub fn parse(name: &str) -> Self {
        [
            AgeBand::Child,
            AgeBand::Teen,
            AgeBand::Adult,
            AgeBand::Senior,
        ]
        .into_iter()
        .find(|a| a.as_str() == name)
        .unwrap_or(AgeBand::Unknown)
    }
}

/// A text-to-speech engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum VoiceEngine {
    /// espeak-ng, local and free: the default.
    #[default]
    Espeak,
    /// Azure Speech, through its REST API.
    Azure,
}

impl VoiceEngine {
    /// The lowercase name used in forms and settings.
    pub fn as_str(self) -> &'static str {
        match self {
            VoiceEngine::Espeak => "espeak",
            VoiceEngine::Azure => "azure",
        }
    }
}

/// How one cast member sounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Voice {
    /// The engine that renders it.
    pub engine: VoiceEngine,
    /// The engine's voice name (`en-gb`, `es-ES-ElviraNeural`).
    pub voice_id: String,
    /// Speaking style (Azure `mstts:express-as`), if any.
    #[serde(default)]
    pub style: Option<String>,
    /// Intensity of the style, from [`Voice::STYLE_DEGREE`] bounds.
    pub style_degree: f32,
    /// Speaking rate change, in percent (0 = the voice's default).
    pub rate: i32,
    /// Pitch change, in percent (0 = the voice's default).
    pub pitch: i32,
}

impl Voice {
    /// Accepted style degrees (Azure's documented range).
    pub const STYLE_DEGREE: std::ops::RangeInclusive<f32> = 0.01..=2.0;
    /// Accepted rate changes, in percent.
    pub const RATE: std::ops::RangeInclusive<i32> = -50..=100;
    /// Accepted pitch changes, in percent.
    pub const PITCH: std::ops::RangeInclusive<i32> = -50..=50;

    /// The default espeak-ng voice for a language.
    pub fn default_for(language: Language) -> Self {
        Self {
            engine: VoiceEngine::Espeak,
            voice_id: language.code().to_owned(),
            style: None,
            style_degree: 1.0,
            rate: 0,
            pitch: 0,
        }
    }

    /// Checks every bound.
    ///
    /// # Errors
    /// The first [`CastError`] found.
    pub fn validate(&self) -> Result<(), CastError> {
        if self.voice_id.trim().is_empty() {
            return Err(CastError::EmptyVoiceId);
        }
        if !Self::STYLE_DEGREE.contains(&self.style_degree) {
            return Err(CastError::StyleDegreeOutOfRange {
                value: self.style_degree,
            });
        }
        if !Self::RATE.contains(&self.rate) {
            return Err(CastError::RateOutOfRange { value: self.rate });
        }
        if !Self::PITCH.contains(&self.pitch) {
            return Err(CastError::PitchOutOfRange { value: self.pitch });
        }
        Ok(())
    }

    /// Whether two voices would sound the same (same engine, voice, style and prosody).
    pub fn sounds_like(&self, other: &Voice) -> bool {
        self.engine == other.engine
            && self.voice_id == other.voice_id
            && self.style == other.style
            && self.rate == other.rate
            && self.pitch == other.pitch
    }
}

/// One member of the cast.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Character {
    /// Stable key.
    pub id: CharacterId,
    /// The name shown in the page.
    pub name: String,
    /// Other names the text uses for them ("Holmes", "Mr. Sherlock Holmes").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Gender, for pronoun resolution.
    #[serde(default)]
    pub gender: Gender,
    /// Apparent age.
    #[serde(default)]
    pub age: AgeBand,
    /// Free notes for the casting director.
    #[serde(default)]
    pub description: String,
    /// The voice that reads their lines.
    pub voice: Voice,
    /// Whether this character tells the story in the first person: "said I", "I replied" and
    /// "dije yo" are theirs. The producer states it (a proposal comes from
    /// [`crate::attribution::propose::propose_first_person_narrator`]); when nobody narrates,
    /// such lines stay with the narrator.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub narrates: bool,
}

impl Character {
    /// A character with only a name, an id made from it and the language's default voice.
    /// Returns `None` when the name has no letter or digit.
    pub fn named(name: &str, language: Language) -> Option<Self> {
        Some(Self {
            id: CharacterId::slug(name)?,
            name: name.trim().to_owned(),
            aliases: Vec::new(),
            gender: Gender::Unknown,
            age: AgeBand::Unknown,
            description: String::new(),
            voice: Voice::default_for(language),
            narrates: false,
        })
    }

    /// The narrator, with the language's default voice.
    pub fn narrator(language: Language) -> Self {
        Self {
            id: CharacterId::narrator(),
            name: match language {
                Language::En => "Narrator",
                Language::Es => "Narrador",
            }
            .to_owned(),
            aliases: Vec::new(),
            gender: Gender::Unknown,
            age: AgeBand::Adult,
            description: String::new(),
            voice: Voice::default_for(language),
            narrates: false,
        }
    }

    /// The name followed by the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

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

/// A validated cast: unique ids, unique names and aliases, a narrator, every voice in bounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Vec<Character>", into = "Vec<Character>")]
pub struct Cast {
    characters: Vec<Character>,
}

impl Cast {
    /// A cast of only the narrator.
    pub fn with_narrator(language: Language) -> Self {
        Self {
            characters: vec![Character::narrator(language)],
        }
    }

    /// Validates untrusted characters into a cast.
    ///
    /// # Errors
    /// The first [`CastError`] found.
    pub fn new(characters: Vec<Character>) -> Result<Self, CastError> {
        let mut ids = std::collections::HashSet::new();
        let mut names = std::collections::HashSet::new();
        for character in &characters {
            if !is_slug(character.id.as_str()) {
                return Err(CastError::InvalidId {
                    id: character.id.0.clone(),
                });
            }
            if !ids.insert(character.id.as_str()) {
                return Err(CastError::DuplicateId {
                    id: character.id.clone(),
                });
            }
            for name in character.names() {
                if !name.chars().any(char::is_alphanumeric) {
                    return Err(CastError::EmptyName);
                }
                if !names.insert(name.trim().to_lowercase()) {
                    return Err(CastError::DuplicateName {
                        name: name.trim().to_owned(),
                    });
                }
            }
            character.voice.validate()?;
        }
        if !ids.contains(CharacterId::NARRATOR) {
            return Err(CastError::NoNarrator);
        }
        Ok(Self { characters })
    }

    /// Every member, narrator included, in the producer's order.
    pub fn characters(&self) -> &[Character] {
        &self.characters
    }

    /// The member with this id.
    pub fn get(&self, id: &str) -> Option<&Character> {
        self.characters.iter().find(|c| c.id.as_str() == id)
    }

    /// Whether a member has this id.
    pub fn contains(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// The member called `name` (or with it as an alias), ignoring case and outer whitespace.
    pub fn find_by_name(&self, name: &str) -> Option<&Character> {
        let name = name.trim().to_lowercase();
        self.characters
            .iter()
            .find(|c| c.names().any(|n| n.trim().to_lowercase() == name))
    }

    /// An id for a new member called `name`, made unique with a numeric suffix.
    /// Returns `None` when the name has no letter or digit.
    pub fn fresh_id(&self, name: &str) -> Option<CharacterId> {
        let base = CharacterId::slug(name)?;
        if !self.contains(base.as_str()) {
            return Some(base);
        }
        (2u32..)
            .map(|n| CharacterId(format!("{base}-{n}")))
            .find(|id| !self.contains(id.as_str()))
    }

    /// Pairs of members whose voices sound the same: the page warns about each.
    pub fn shared_voices(&self) -> Vec<(&Character, &Character)> {
        let mut pairs = Vec::new();
        for (i, a) in self.characters.iter().enumerate() {
            for b in &self.characters[i + 1..] {
                if a.voice.sounds_like(&b.voice) {
                    pairs.push((a, b));
                }
            }
        }
        pairs
    }
}

impl TryFrom<Vec<Character>> for Cast {
    type Error = CastError;

    fn try_from(characters: Vec<Character>) -> Result<Self, Self::Error> {
        Self::new(characters)
    }
}

impl From<Cast> for Vec<Character> {
    fn from(cast: Cast) -> Self {
        cast.characters
    }
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c == '-' || (c.is_alphanumeric() && !c.is_uppercase()))
}
