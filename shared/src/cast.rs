//! The cast layer: who can speak a segment (the narrator and the characters), the voice each one
//! reads with, and the voices the engines offer. A segment's speaker is a
//! [`character_id::CharacterId`], so renaming a character never orphans its lines. Imports only
//! `text`.

pub mod character;
pub mod character_id;
pub mod error;
pub mod forms;
#[cfg(test)]
mod tests;
pub mod voice;
pub mod voices;

use serde::{Deserialize, Serialize};

use crate::{
    cast::{character::Character, character_id::CharacterId, error::CastError},
    text::language::Language,
};

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
