//! `Character`: one member of the cast: their names, what guides the choice of voice (gender, age)
//! and the voice itself.

use serde::{Deserialize, Serialize};

use crate::{
    cast::{character_id::CharacterId, voice::Voice},
    text::language::{Gender, Language},
};

/// A character's apparent age, which guides the choice of voice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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

/// One member of the cast.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    /// Whether this character tells the story in the first person: "said I", "I replied" and "dije
    /// yo" are theirs. The producer states it (the attribution layer can propose someone);
    /// when nobody narrates, such lines stay with the narrator.
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
