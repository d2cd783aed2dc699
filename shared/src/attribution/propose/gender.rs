//! A proposed character's likely gender: from an honorific in one of their names, else from the
//! third-person pronouns that follow the names in the text.

use crate::text::language::{Gender, Language};

/// Honorifics that mark a man.
const MALE_TITLES: &[&str] = &[
    "mr", "sir", "lord", "don", "señor", "sr", "tío", "padre", "father", "uncle", "master", "king",
    "prince", "duke", "count", "captain", "colonel", "general", "doctor", "dr",
];
/// Honorifics that mark a woman.
const FEMALE_TITLES: &[&str] = &[
    "mrs",
    "miss",
    "ms",
    "lady",
    "madam",
    "madame",
    "doña",
    "señora",
    "señorita",
    "sra",
    "srta",
    "tía",
    "mother",
    "aunt",
    "queen",
    "princess",
    "duchess",
    "countess",
    "sister",
];

/// A character's likely gender: from an honorific in one of `names` ("Mrs. Weston", "doña
/// Ermelinda"), else from the third-person pronouns that follow the names in `text` (the first one
/// in the rest of the sentence: "Holmes lit his pipe"), when they clearly lean one way.
pub fn guess_gender(text: &str, names: &[&str], language: Language) -> Gender {
    if let Some(gender) = names.iter().find_map(|name| title_gender(name)) {
        return gender;
    }
    let (mut male, mut female) = (0u32, 0u32);
    for name in names.iter().filter(|n| n.chars().any(char::is_uppercase)) {
        for (at, _) in text.match_indices(name) {
            let rest = text.get(at + name.len()..).unwrap_or_default();
            if rest.starts_with(char::is_alphanumeric) {
                continue;
            }
            match first_pronoun(rest, language) {
                Some(Gender::Male) => male += 1,
                Some(Gender::Female) => female += 1,
                _ => {}
            }
        }
    }
    if male >= 2 && male > female * 2 {
        Gender::Male
    } else if female >= 2 && female > male * 2 {
        Gender::Female
    } else {
        Gender::Unknown
    }
}

/// The gender an honorific in `name` gives.
fn title_gender(name: &str) -> Option<Gender> {
    let first = name
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())?
        .to_lowercase();
    if MALE_TITLES.contains(&first.as_str()) {
        Some(Gender::Male)
    } else if FEMALE_TITLES.contains(&first.as_str()) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The gender of the first third-person pronoun in the rest of the sentence (at most 120 bytes).
fn first_pronoun(rest: &str, language: Language) -> Option<Gender> {
    let sentence = rest
        .char_indices()
        .take_while(|&(i, c)| i < 120 && !matches!(c, '.' | '!' | '?' | ';' | '“' | '”' | '"'))
        .last()
        .map_or("", |(i, c)| &rest[..i + c.len_utf8()]);
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .find_map(|word| pronoun_gender(&word.to_lowercase(), language))
}

fn pronoun_gender(word: &str, language: Language) -> Option<Gender> {
    match language {
        Language::En => match word {
            "he" | "him" | "his" | "himself" => Some(Gender::Male),
            "she" | "her" | "hers" | "herself" => Some(Gender::Female),
            _ => None,
        },
        Language::Es => match word {
            "él" => Some(Gender::Male),
            "ella" => Some(Gender::Female),
            _ => None,
        },
    }
}
