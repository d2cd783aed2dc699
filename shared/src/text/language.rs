//! The languages a text may be in, and the genders its pronouns tell: the two facts of a text that
//! word lists, voices and pronoun resolution depend on.

use serde::{Deserialize, Serialize};

/// The language of a project's text, which picks default voices and speech-verb lexicons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Language {
    /// English.
    #[default]
    En,
    /// Spanish.
    Es,
}

impl Language {
    /// Every supported language.
    pub const ALL: [Language; 2] = [Language::En, Language::Es];

    /// The BCP 47 code (`en`, `es`).
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Es => "es",
        }
    }

    /// The language with this BCP 47 code or a regional variant of it (`es-MX`).
    pub fn from_code(code: &str) -> Option<Self> {
        let primary = code.split(['-', '_']).next().unwrap_or_default();
        Self::ALL
            .into_iter()
            .find(|language| primary.eq_ignore_ascii_case(language.code()))
    }
}

/// A person's gender as the text tells it: a subject pronoun's ("she said") or a cast member's;
/// pronoun resolution matches the two.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Gender {
    /// She / ella.
    Female,
    /// He / él.
    Male,
    /// Neither or both.
    Other,
    /// Not known yet.
    #[default]
    Unknown,
}

impl Gender {
    /// The lowercase name used in forms and files.
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Female => "female",
            Gender::Male => "male",
            Gender::Other => "other",
            Gender::Unknown => "unknown",
        }
    }

    /// The gender named by [`Gender::as_str`]; anything else is `Unknown`.
    pub fn parse(name: &str) -> Self {
        [Gender::Female, Gender::Male, Gender::Other]
            .into_iter()
            .find(|g| g.as_str() == name)
            .unwrap_or(Gender::Unknown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_from_code_accepts_regions() {
        assert_eq!(Language::from_code("es-MX"), Some(Language::Es));
        assert_eq!(Language::from_code("EN_gb"), Some(Language::En));
        assert_eq!(Language::from_code("fr"), None);
    }
}
