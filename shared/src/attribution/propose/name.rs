//! Finding names in a text: an optional honorific, then capitalised words (with particles such as
//! "de" or "van" between them), leaving out capitalised function words, days and months, headings
//! in capitals and words the text also writes in lowercase.

use std::collections::HashSet;

use crate::attribution::text::{word_capitalised, Token};

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
    if HONORIFICS.contains(&tokens[at].lower.as_str()) {
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

/// Whether two tokens are words of one name: only spaces (or an abbreviation's period) between.
fn same_name(text: &str, a: &Token, b: &Token) -> bool {
    let gap = text.get(a.bytes.end..b.bytes.start).unwrap_or_default();
    let gap = gap.strip_prefix('.').unwrap_or(gap);
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
