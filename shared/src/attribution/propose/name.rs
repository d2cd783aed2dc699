//! Finding names in a text: an optional honorific, then capitalised words (with particles such as
//! "de" or "van" between them), leaving out capitalised function words, days and months, headings
//! in capitals and words the text also writes in lowercase.

use std::collections::HashSet;

use crate::{
    attribution::text::{word_capitalised, Token},
    text::{
        language::Language,
        lexicon::{is_speech_verb, ABBREVIATIONS},
    },
};

/// Capitalised words that are no names (function words, pronouns, days, months, titles of
/// address used alone), lowercase.
const STOP: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "ah",
    "al",
    "all",
    "also",
    "an",
    "and",
    "any",
    "april",
    "are",
    "as",
    "at",
    "august",
    "aunque",
    "ay",
    "be",
    "because",
    "before",
    "but",
    "by",
    "chapter",
    "capítulo",
    "como",
    "con",
    "cuando",
    "de",
    "december",
    "del",
    "dios",
    "do",
    "don",
    "doña",
    "el",
    "ella",
    "ellas",
    "ellos",
    "en",
    "entonces",
    "era",
    "es",
    "esa",
    "ese",
    "esta",
    "este",
    "esto",
    "february",
    "for",
    "friday",
    "from",
    "god",
    "good",
    "ha",
    "había",
    "he",
    "her",
    "here",
    "his",
    "how",
    "i",
    "if",
    "in",
    "is",
    "it",
    "its",
    "january",
    "july",
    "june",
    "jueves",
    "la",
    "las",
    "le",
    "lo",
    "los",
    "lunes",
    "march",
    "martes",
    "may",
    "me",
    "mi",
    "miss",
    "miércoles",
    "monday",
    "mr",
    "mrs",
    "ms",
    "my",
    "no",
    "not",
    "now",
    "november",
    "o",
    "october",
    "of",
    "oh",
    "on",
    "or",
    "para",
    "pero",
    "pues",
    "que",
    "qué",
    "saturday",
    "se",
    "september",
    "she",
    "si",
    "sir",
    "so",
    "sunday",
    "sábado",
    "sí",
    "tal",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "thursday",
    "to",
    "tuesday",
    "tú",
    "un",
    "una",
    "usted",
    "viernes",
    "was",
    "we",
    "well",
    "what",
    "when",
    "where",
    "which",
    "who",
    "why",
    "with",
    "ya",
    "yes",
    "yo",
    "you",
    "your",
    "él",
];

/// Honorifics that may open a name, lowercase (written "Mr." or "Mr", "don" or "Don").
const HONORIFICS: &[&str] = &[
    "captain",
    "colonel",
    "d",
    "doctor",
    "don",
    "doña",
    "dr",
    "dña",
    "father",
    "lady",
    "lord",
    "madame",
    "miss",
    "mr",
    "mrs",
    "ms",
    "padre",
    "señor",
    "señora",
    "señorita",
    "sir",
    "sr",
    "sra",
    "srta",
    "tía",
    "tío",
    "uncle",
    "aunt",
];

/// Lowercase particles inside a name ("Eugenia Domingo del Arco", "Ludwig van Beethoven").
const PARTICLES: &[&str] = &["de", "del", "la", "van", "von", "der", "di", "da"];

/// The name starting at token `at`, if any: an optional honorific, then capitalised words (with
/// particles between them). Returns the token after it and the name as written.
pub(super) fn name_at(
    text: &str,
    tokens: &[Token],
    at: usize,
    lowercase_words: &HashSet<&str>,
) -> Option<(usize, String)> {
    let word = |t: usize| text.get(tokens[t].bytes.clone()).unwrap_or_default();
    let mut end = at;
    let joined_to_next = tokens
        .get(at + 1)
        .is_some_and(|next| same_name(text, &tokens[at], next));
    if HONORIFICS.contains(&tokens[at].lower.as_str()) && joined_to_next {
        end += 1;
    }
    let first_word = end;
    while end < tokens.len() {
        let w = word(end);
        let joined = end == first_word || same_name(text, &tokens[end - 1], &tokens[end]);
        if !joined {
            break;
        }
        let capitalised = w.starts_with(char::is_uppercase) && w.chars().count() > 1;
        let is_name = capitalised
            && !STOP.contains(&tokens[end].lower.as_str())
            && !is_shouted(w)
            && !lowercase_words.contains(tokens[end].lower.as_str());
        let particle = end > first_word
            && PARTICLES.contains(&w)
            && tokens
                .get(end + 1)
                .is_some_and(|n| word_capitalised(text, n));
        if !(is_name || particle) {
            break;
        }
        end += 1;
    }
    while end > first_word && PARTICLES.contains(&word(end - 1)) {
        end -= 1;
    }
    if end == first_word {
        return None;
    }
    let from = tokens[at].bytes.start;
    let to = tokens[end - 1].bytes.end;
    let name = text
        .get(from..to)?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Some((end, name))
}

/// A word in capitals longer than an initialism ("CHAPTER"), as in headings.
fn is_shouted(word: &str) -> bool {
    word.chars().count() > 3 && word.chars().all(char::is_uppercase)
}

/// Whether two tokens are words of one name: only spaces (or the period of an abbreviation or
/// initial, "Mr.", "J.") between.
fn same_name(text: &str, a: &Token, b: &Token) -> bool {
    let gap = text.get(a.bytes.end..b.bytes.start).unwrap_or_default();
    let abbreviated = a.lower.chars().count() == 1
        || HONORIFICS.contains(&a.lower.as_str())
        || ABBREVIATIONS.contains(&a.lower.as_str());
    let gap = match gap.strip_prefix('.') {
        Some(rest) if abbreviated => rest,
        _ => gap,
    };
    !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\n') && !gap.contains("\n\n")
}

/// The words of a name without its honorific, lowercase.
pub(super) fn core_words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() > 1 && HONORIFICS.contains(&words[0].as_str()) {
        words.remove(0);
    }
    words
}

/// Whether a one-word name is a verb rather than a person: a speech verb ("Dijo"), or a Spanish
/// verb with an enclitic pronoun whose stem ends in a stressed vowel, as preterites do
/// ("Díjose", "Volvióse", "Quedéme").
pub(super) fn is_verb(word: &str, language: Language) -> bool {
    let lower = word.to_lowercase();
    if is_speech_verb(&lower, language) {
        return true;
    }
    language == Language::Es
        && ["se", "le", "les", "lo", "la", "me", "te", "nos", "os"]
            .iter()
            .filter_map(|clitic| lower.strip_suffix(clitic))
            .any(|stem| stem.ends_with(['á', 'é', 'í', 'ó', 'ú']) && stem.chars().count() > 2)
}

/// Whether two words of names are one: equal, or (`inflected`) a form of the same surname
/// differing only in a final a/o ("Domingo", "Dominga").
pub(super) fn same_word(a: &str, b: &str, inflected: bool) -> bool {
    if a == b {
        return true;
    }
    let (Some(x), Some(y)) = (a.strip_suffix(['a', 'o']), b.strip_suffix(['a', 'o'])) else {
        return false;
    };
    inflected && x == y && x.chars().count() >= 4
}

/// Whether `word` (lowercase) is an honorific ("mr", "doña", "señorita").
pub(super) fn is_honorific(word: &str) -> bool {
    HONORIFICS.contains(&word)
}
