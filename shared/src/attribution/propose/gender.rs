//! A proposed character's likely gender: from an honorific in one of their names, else from the
//! third-person pronouns that follow the names in the text.

use crate::text::{
    language::{Gender, Language},
    lexicon::{given_name_gender, noun_gender, HONORIFICS},
};

/// A character's likely gender: from an honorific in one of `names` ("Mrs. Weston", "doña
/// Ermelinda"), else from the third-person pronouns that follow the names in `text` (the first one
/// in the rest of the sentence: "Holmes lit his pipe"), when they clearly lean one way.
pub fn guess_gender(text: &str, names: &[&str], language: Language) -> Gender {
    if let Some(gender) = names.iter().find_map(|name| words_gender(name)) {
        return gender;
    }
    if let Some(gender) = names.iter().find_map(|name| first_name_gender(name)) {
        return gender;
    }
    let (mut male, mut female) = (0u32, 0u32);
    for name in names.iter().filter(|n| n.chars().any(char::is_uppercase)) {
        for (at, _) in text.match_indices(name) {
            let rest = text.get(at + name.len()..).unwrap_or_default();
            if rest.starts_with(char::is_alphanumeric) || after_honorific(&text[..at]) {
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

/// The words of `name` that may say who it is: lowercase, up to "of" ("the wife of the miller",
/// "la mujer del cura": the head comes first).
fn head_words(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .take_while(|w| !matches!(w.as_str(), "of" | "de" | "del"))
        .collect()
}

/// The gender the last honorific or gendered noun of `name` gives ("Mrs. Weston", "the old man",
/// "Captain Eldridge's daughter"); [`Gender::Other`] for a group ("the men", "Captain and Mrs.
/// Ashburnham").
fn words_gender(name: &str) -> Option<Gender> {
    let words = head_words(name);
    if words.iter().any(|w| w == "and" || w == "y") {
        return Some(Gender::Other);
    }
    words.iter().rev().find_map(|word| noun_gender(word))
}

/// The gender of the first word of `name` that is a known given name ("Georgiana Reed").
fn first_name_gender(name: &str) -> Option<Gender> {
    head_words(name).iter().find_map(|w| given_name_gender(w))
}

/// Whether `before` ends with an honorific ("Mrs. "): the name after it may be another person's
/// ("Mrs. Morel" is not "Morel").
fn after_honorific(before: &str) -> bool {
    let trimmed = before.trim_end_matches(|c: char| c.is_whitespace() || c == '.');
    if trimmed.len() == before.len() {
        return false;
    }
    let word = trimmed
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_lowercase();
    HONORIFICS.contains(&word.as_str())
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
