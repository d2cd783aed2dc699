//! Cast proposal: the characters a text seems to have, from capitalised names (with honorifics
//! such as "Mr.", "Mrs.", "Don", "doña", "señor", "tía"), their frequency and how often they
//! stand in speech tags; short forms grouped with the full name they belong to ("Sherlock Holmes",
//! "Holmes", "Mr. Holmes"); a likely gender from honorifics and the pronouns after the names.
//! Capitalised function words, days and months, and words found elsewhere in lowercase (a
//! sentence-initial "Then") are left out.

#[cfg(test)]
mod tests;

use std::{collections::HashMap, ops::Range};

use serde::{Deserialize, Serialize};

use super::{
    rules::{self, Subject},
    text::{tokenize, word_capitalised, Doc, Token},
    Speakers,
};
use crate::{
    cast::{character_id::CharacterId, Cast},
    text::{
        dialogue::{analyse, detect},
        language::{Gender, Language},
        lexicon::is_speech_verb,
    },
};

/// A character the text seems to have.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProposedCharacter {
    /// The fullest name found ("Sherlock Holmes").
    pub name: String,
    /// Shorter forms and forms with honorifics found ("Holmes", "Mr. Holmes").
    pub aliases: Vec<String>,
    /// Likely gender.
    pub gender: Gender,
    /// How many times any of the names occurs.
    pub mentions: usize,
    /// How many of those occurrences are in a speech tag next to dialogue.
    pub speech_tags: usize,
}

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

/// Proposes the characters of `text`, the most evident first (most speech tags, then most
/// mentions). A name must occur twice, or once in a speech tag.
pub fn propose_cast(text: &str, language: Language) -> Vec<ProposedCharacter> {
    let tokens = tokenize(text);
    let lowercase_words: std::collections::HashSet<&str> = tokens
        .iter()
        .filter_map(|t| text.get(t.bytes.clone()))
        .filter(|w| w.starts_with(char::is_lowercase))
        .collect();
    let tagged = tag_tokens(text, &tokens, language);
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    let mut at = 0;
    while at < tokens.len() {
        let Some((end, name)) = name_at(text, &tokens, at, &lowercase_words) else {
            at += 1;
            continue;
        };
        let entry = counts.entry(name).or_default();
        entry.0 += 1;
        entry.1 += usize::from((at..end).any(|t| tagged.get(t).copied().unwrap_or(false)));
        at = end;
    }
    group(text, counts, language)
}

/// For each token, whether it stands in a speech tag: within six words of a speech verb in the
/// narration next to dialogue.
fn tag_tokens(text: &str, tokens: &[Token], language: Language) -> Vec<bool> {
    let mut tagged = vec![false; tokens.len()];
    let starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    let byte = |c: usize| starts.get(c).copied().unwrap_or(text.len());
    for span in detect(text) {
        for tag in &span.tags {
            let (from, to) = (byte(tag.start), byte(tag.end));
            let first = tokens.partition_point(|t| t.bytes.start < from);
            let last = tokens.partition_point(|t| t.bytes.end <= to);
            let window = first..last.min(first + 6).max(first);
            if window
                .clone()
                .any(|t| is_speech_verb(&tokens[t].lower, language))
            {
                for flag in &mut tagged[window] {
                    *flag = true;
                }
            }
        }
    }
    tagged
}

/// The name starting at token `at`, if any: an optional honorific, then capitalised words (with
/// particles between them). Returns the token after it and the name as written.
fn name_at(
    text: &str,
    tokens: &[Token],
    at: usize,
    lowercase_words: &std::collections::HashSet<&str>,
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
fn core_words(name: &str) -> Vec<String> {
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

/// Groups names into characters: a name whose words all belong to exactly one longer name is its
/// alias.
fn group(
    text: &str,
    counts: HashMap<String, (usize, usize)>,
    language: Language,
) -> Vec<ProposedCharacter> {
    let mut names: Vec<(String, usize, usize)> =
        counts.into_iter().map(|(n, (m, t))| (n, m, t)).collect();
    names.sort_by(|a, b| {
        core_words(&b.0)
            .len()
            .cmp(&core_words(&a.0).len())
            .then(b.1.cmp(&a.1))
            .then(a.0.cmp(&b.0))
    });
    let mut groups: Vec<(Vec<String>, Vec<String>, usize, usize)> = Vec::new();
    for (name, mentions, tags) in names {
        let words = core_words(&name);
        let owners: Vec<usize> = groups
            .iter()
            .enumerate()
            .filter(|(_, g)| words.iter().all(|w| g.0.contains(w)))
            .map(|(i, _)| i)
            .collect();
        match owners.as_slice() {
            [only] => {
                let group = &mut groups[*only];
                group.1.push(name);
                group.2 += mentions;
                group.3 += tags;
            }
            _ => groups.push((words, vec![name], mentions, tags)),
        }
    }
    let mut out: Vec<ProposedCharacter> = groups
        .into_iter()
        .filter(|g| g.2 >= 2 || g.3 >= 1)
        .filter_map(|(_, names, mentions, speech_tags)| {
            let (name, aliases) = names.split_first()?;
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            Some(ProposedCharacter {
                name: name.clone(),
                aliases: aliases.to_vec(),
                gender: guess_gender(text, &refs, language),
                mentions,
                speech_tags,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.speech_tags
            .cmp(&a.speech_tags)
            .then(b.mentions.cmp(&a.mentions))
            .then(a.name.cmp(&b.name))
    });
    out
}

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

/// First-person words per thousand words of narration above which a text is told in the first
/// person (third-person novels stay under about ten, first-person ones are over twenty).
const FIRST_PERSON_RATE: usize = 20;
/// Fewest first-person words in the narration for a first-person text.
const FIRST_PERSON_MIN: usize = 5;

/// The proposals for a cast that has members already: those no member answers to (by any of
/// their names, ignoring case), most evident first. A speaker with tagged lines who is missing
/// from the cast is among them.
pub fn missing_from_cast(proposals: Vec<ProposedCharacter>, cast: &Cast) -> Vec<ProposedCharacter> {
    proposals
        .into_iter()
        .filter(|p| {
            std::iter::once(&p.name)
                .chain(&p.aliases)
                .all(|name| cast.find_by_name(name).is_none())
        })
        .collect()
}

/// Proposes the cast member who tells the story in the first person, for the producer to confirm
/// ([`Character::narrates`](crate::cast::character::Character::narrates)). It is a guess from the
/// text alone, never from known speakers: the narration (outside dialogue) must be in the first
/// person ("I", "me", "my"; "yo", "me", "mi"), someone must speak as "I" ("said I", "I answered",
/// "—dije yo"), and the narrator's name shows up where others address them ("Well, Watson, …")
/// rather than in the narration, which calls them "I". So: the member addressed by name most often
/// inside dialogue, whose name occurs in the narration fewer times than that; `None` when nobody or
/// two people qualify.
pub fn propose_first_person_narrator(
    text: &str,
    cast: &Cast,
    language: Language,
) -> Option<CharacterId> {
    let analysis = analyse(text);
    if analysis.spans.is_empty() {
        return None;
    }
    let quotes: Vec<Range<usize>> = analysis
        .spans
        .iter()
        .map(|s| analysis.map.bytes(&s.span))
        .collect();
    let speakers = Speakers::new(cast);
    let names = speakers.names(cast);
    let mut doc = Doc::new(text, language, &names);
    doc.mark_quoted(&quotes);
    let quoted = |at: usize| {
        let k = quotes.partition_point(|q| q.end <= at);
        quotes.get(k).is_some_and(|q| q.start <= at)
    };
    let narration: Vec<&str> = doc
        .tokens
        .iter()
        .filter(|t| !quoted(t.bytes.start))
        .map(|t| t.lower.as_str())
        .collect();
    let first = narration
        .iter()
        .filter(|w| is_first_person_word(w, language))
        .count();
    if first < FIRST_PERSON_MIN || first * 1000 < FIRST_PERSON_RATE * narration.len() {
        return None;
    }
    // The quotations a tag gives to "I".
    let spoken_as_i: Vec<&Range<usize>> = analysis
        .spans
        .iter()
        .zip(&quotes)
        .filter(|(span, _)| {
            span.tags.iter().any(|tag| {
                let tag = analysis.map.bytes(tag);
                [rules::tag_after(&doc, &tag), rules::tag_before(&doc, &tag)]
                    .into_iter()
                    .any(|s| matches!(s, Some(Subject::FirstPerson { .. })))
            })
        })
        .map(|(_, quote)| quote)
        .collect();
    if spoken_as_i.is_empty() {
        return None;
    }
    if let [who] = self_named(&doc, &spoken_as_i).as_slice() {
        return speakers.ids.get(*who).cloned();
    }
    let mut addressed = vec![0usize; speakers.ids.len()];
    let mut named = vec![0usize; speakers.ids.len()];
    // Whom "I" addresses is someone else.
    for quote in quotes.iter().filter(|q| !spoken_as_i.contains(q)) {
        for (who, _) in rules::vocatives(&doc, quote) {
            addressed[who] += 1;
        }
    }
    for mention in doc.mentions.iter().filter(|m| !m.in_quote) {
        named[mention.who] += 1;
    }
    let qualified: Vec<(usize, usize)> = (0..speakers.narrator)
        .filter(|&w| addressed[w] > 0 && named[w] < addressed[w])
        .map(|w| (w, addressed[w]))
        .collect();
    let most = qualified.iter().map(|&(_, n)| n).max()?;
    let mut best = qualified.iter().filter(|&&(_, n)| n == most);
    match (best.next(), best.next()) {
        (Some(&(who, _)), None) => speakers.ids.get(who).cloned(),
        _ => None,
    }
}

/// The cast members the "I" of the story names as themselves: in the narration ("I called myself
/// Pip", "he called me Darkie", "my name was Ishmael", "me llamo Andrés"), or in a quotation a tag
/// gives to "I" (`spoken_as_i`) that is only a name ("Jonathan Harker.") or says "my name is",
/// "I am" or "me llamo" before it. Each member once, in order of first naming.
fn self_named(doc: &Doc<'_>, spoken_as_i: &[&Range<usize>]) -> Vec<usize> {
    let inside = |mention: &super::text::Mention| {
        spoken_as_i
            .iter()
            .find(|q| q.start <= mention.bytes.start && mention.bytes.end <= q.end)
    };
    let mut found: Vec<usize> = Vec::new();
    for mention in &doc.mentions {
        let before: Vec<&str> = (mention.tokens.start.saturating_sub(3)..mention.tokens.start)
            .map(|t| doc.word(t))
            .collect();
        let introduced = names_oneself(&before, doc.language);
        let named = if mention.in_quote {
            inside(mention).is_some_and(|quote| {
                let words = doc.tokens_in(quote);
                // "Jonathan Harker." states a name; "Mr. Heathcliff?" and "My dear father," call
                // someone.
                let statement = doc
                    .text
                    .get((*quote).clone())
                    .unwrap_or_default()
                    .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.')
                    .ends_with('.');
                let alone = (words.start..words.end)
                    .filter(|t| !mention.tokens.contains(t))
                    .all(|t| matches!(doc.word(t), "sir" | "madam" | "señor" | "señora"));
                introduced || (alone && statement)
            })
        } else {
            introduced
        };
        if named && !found.contains(&mention.who) {
            found.push(mention.who);
        }
    }
    found
}

/// Whether the (lowercase) words right before a name introduce it as the speaker's own: "called
/// me", "called myself", "my name is", "my Christian name was", "I am", "me llamo", "mi nombre es".
fn names_oneself(before: &[&str], language: Language) -> bool {
    let last2 = before
        .len()
        .checked_sub(2)
        .map_or(&[][..], |k| &before[k..]);
    let last3 = before
        .len()
        .checked_sub(3)
        .map_or(&[][..], |k| &before[k..]);
    match language {
        Language::En => {
            matches!(
                last2,
                [
                    "called" | "call" | "calls" | "named" | "christened" | "nicknamed",
                    "me" | "myself"
                ] | ["name", "is" | "was" | "being"]
                    | ["i", "am"]
            ) && !matches!(last3, ["not", _, _] | [_, "not", _])
                && (last2.first() != Some(&"name")
                    || last3.first() == Some(&"my")
                    || before.contains(&"my"))
        }
        Language::Es => matches!(
            last2,
            [
                "me",
                "llamo" | "llamaban" | "llaman" | "llamaron" | "decían" | "dicen"
            ] | ["nombre", "es" | "era"]
                | ["yo", "soy"]
        ),
    }
}

/// First-person singular words of the narration.
fn is_first_person_word(word: &str, language: Language) -> bool {
    match language {
        Language::En => matches!(word, "i" | "me" | "my" | "myself"),
        Language::Es => matches!(word, "yo" | "me" | "mi" | "mis" | "conmigo"),
    }
}
