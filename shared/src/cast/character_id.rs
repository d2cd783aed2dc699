//! `CharacterId`: a cast member's stable key, which a segment stores as its speaker, so renaming a
//! character never orphans its lines.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A cast member's stable key, stored as a segment's speaker. Made once from the first name given.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
