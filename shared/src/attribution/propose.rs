//! Cast proposal: the characters a text seems to have, from capitalised names (with honorifics
//! such as "Mr.", "Mrs.", "Don", "doña", "señor", "tía"), their frequency and how often they
//! stand in speech tags; short forms grouped with the full name they belong to ("Sherlock Holmes",
//! "Holmes", "Mr. Holmes"); a likely gender from honorifics and the pronouns after the names.
//! Capitalised function words, days and months, and words found elsewhere in lowercase (a
//! sentence-initial "Then") are left out, as are verbs ("Díjose"), names used only after an
//! article (places: "la Alameda") or to open speech (interjections: "—Bueno, …"); a surname's
//! inflected form ("Eugenia Dominga") joins the full name ("Eugenia Domingo del Arco").

pub mod gender;
mod name;
pub mod narrator;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use self::{
    gender::guess_gender,
    name::{core_words, is_honorific, is_verb, name_at, same_word},
};
use crate::{
    attribution::text::{tokenize, Token},
    cast::{character::Character, Cast},
    text::{
        dialogue::detect,
        language::{Gender, Language},
        lexicon::{given_name_gender, is_speech_verb},
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
    /// Whether they seem to tell the story as "I" (see
    /// [`narrator::propose_first_person_narrator`]), for the producer to confirm.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub narrates: bool,
}

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
    let opening = speech_openings(text, &tokens);
    let mut counts: HashMap<String, Count> = HashMap::new();
    let mut at = 0;
    while at < tokens.len() {
        let Some((end, name)) = name_at(text, &tokens, at, &lowercase_words) else {
            at += 1;
            continue;
        };
        // "Díjose Rosendo": a verb opening the sentence is no part of the name.
        let first = text.get(tokens[at].bytes.clone()).unwrap_or_default();
        if is_verb(first, language) {
            at += 1;
            continue;
        }
        let entry = counts.entry(name).or_default();
        entry.mentions += 1;
        let after_article = !is_honorific(&tokens[at].lower)
            && at.checked_sub(1).is_some_and(|p| {
                is_article(&tokens[p].lower) && same_line(text, &tokens[p], &tokens[at])
            });
        let opens_speech = opening.get(at).copied().flatten();
        let in_tag = (at..end).any(|t| tagged.get(t).copied().unwrap_or(false));
        entry.tags += usize::from(in_tag && !after_article);
        entry.free += usize::from(!after_article && opens_speech.is_none());
        // "“Jane, come here”": opening a quotation but set off by a comma, a name called.
        let set_off = tokens.get(end - 1).is_some_and(|last| {
            text.get(last.bytes.end..)
                .is_some_and(|rest| rest.starts_with([',', '!', '?', '.']))
        });
        entry.called += usize::from(opens_speech == Some(true) && set_off);
        at = end;
    }
    // The name the first-person narrator answers to is a character, however seldom it occurs.
    let mut candidates: Vec<&str> = counts
        .iter()
        .filter(|(n, c)| {
            // Only ever opening a quotation ("“True, but …”"), a word must be a given name.
            let given = n
                .split_whitespace()
                .next()
                .is_some_and(|w| given_name_gender(w).is_some());
            c.free > 0 || c.tags > 0 || (c.called > 0 && given)
        })
        .map(|(n, _)| n.as_str())
        .collect();
    candidates.sort_unstable();
    let narrating = narrator::narrating_name(text, &candidates, language).map(str::to_owned);
    let mut proposals = group(text, counts, language, narrating.as_deref());
    // The one flagged is whom the guess picks on the cast these proposals make.
    if let Some(at) = narrator::narrating_proposal(text, &proposals, language) {
        proposals[at].narrates = true;
    }
    proposals
}

/// The characters `proposals` make when every one is added, each with the index of its
/// proposal: named by the first of its names that no earlier proposal took, the others its
/// aliases. A proposal left with no name, or whose id the narrator or an earlier one has, is left
/// out. Genders and `narrates` stay with the proposals, for the caller to copy or not.
pub fn proposed_characters(
    proposals: &[ProposedCharacter],
    language: Language,
) -> Vec<(usize, Character)> {
    let narrator = Character::narrator(language);
    let mut characters: Vec<(usize, Character)> = Vec::new();
    let mut used = HashSet::new();
    for (at, proposal) in proposals.iter().enumerate() {
        let names: Vec<&String> = std::iter::once(&proposal.name)
            .chain(&proposal.aliases)
            .filter(|n| used.insert(n.to_lowercase()))
            .collect();
        let Some((name, aliases)) = names.split_first() else {
            continue;
        };
        let Some(mut character) = Character::named(name, language) else {
            continue;
        };
        if character.id == narrator.id || characters.iter().any(|(_, c)| c.id == character.id) {
            continue;
        }
        character.aliases = aliases.iter().map(|a| (*a).clone()).collect();
        characters.push((at, character));
    }
    characters
}

/// How a name occurs: how often, how often in a speech tag, how often neither after an
/// article ("la Alameda", "the Grange": a place) nor as the first word of a sentence of speech
/// ("—Bueno, …", "—¡Adiós!": an interjection), and how often it opens a quotation set off by a
/// comma or a mark ("“Jane, come here!”": maybe a name called).
#[derive(Debug, Default, Clone, Copy)]
struct Count {
    mentions: usize,
    tags: usize,
    free: usize,
    called: usize,
}

/// Articles and the Spanish contractions with one: before a capitalised word, a place or thing.
fn is_article(word: &str) -> bool {
    matches!(word, "el" | "la" | "los" | "las" | "del" | "al" | "the")
}

fn same_line(text: &str, a: &Token, b: &Token) -> bool {
    text.get(a.bytes.end..b.bytes.start)
        .is_some_and(|gap| gap.chars().all(|c| c == ' '))
}

/// For each token, whether it opens a sentence inside dialogue: `Some(true)` for the first word of
/// a quotation, `Some(false)` for the first after `.`, `!`, `?`, `¡`, `¿` or `…` in one.
fn speech_openings(text: &str, tokens: &[Token]) -> Vec<Option<bool>> {
    let mut opening = vec![None; tokens.len()];
    let starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    let byte = |c: usize| starts.get(c).copied().unwrap_or(text.len());
    for span in detect(text) {
        let (from, to) = (byte(span.span.start), byte(span.span.end));
        let first = tokens.partition_point(|t| t.bytes.start < from);
        let mut previous_end = from;
        for (k, token) in tokens.iter().enumerate().skip(first) {
            if token.bytes.end > to {
                break;
            }
            let gap = text
                .get(previous_end..token.bytes.start)
                .unwrap_or_default();
            opening[k] =
                (k == first || gap.contains(['.', '!', '?', '¡', '¿', '…'])).then_some(k == first);
            previous_end = token.bytes.end;
        }
    }
    opening
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

/// Groups names into characters: a name whose words all belong to exactly one longer name is its
/// alias (see [`contained`]). The group of the name the narrator answers to (`narrating`) is
/// kept however seldom it occurs.
fn group(
    text: &str,
    counts: HashMap<String, Count>,
    language: Language,
    narrating: Option<&str>,
) -> Vec<ProposedCharacter> {
    // A name never used but after an article or to open speech is a place or an interjection.
    let mut names: Vec<(String, usize, usize)> = counts
        .into_iter()
        .filter(|(n, c)| c.free > 0 || c.tags > 0 || Some(n.as_str()) == narrating)
        .map(|(n, c)| (n, c.mentions, c.tags))
        .collect();
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
            .filter(|(_, g)| contained(&words, &g.0))
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
        .filter(|g| g.2 >= 2 || g.3 >= 1 || g.1.iter().any(|n| Some(n.as_str()) == narrating))
        .filter_map(|(_, names, mentions, speech_tags)| {
            let (name, aliases) = names.split_first()?;
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            Some(ProposedCharacter {
                name: name.clone(),
                aliases: aliases.to_vec(),
                gender: guess_gender(text, &refs, language),
                mentions,
                speech_tags,
                narrates: false,
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

/// Whether every word of a name (`words`) is among the words of a longer one (`full`): the first
/// as written, the others also as an inflected form ("Eugenia Dominga" in "Eugenia Domingo del
/// Arco").
fn contained(words: &[String], full: &[String]) -> bool {
    words.iter().enumerate().all(|(k, w)| {
        full.iter()
            .enumerate()
            .any(|(j, f)| same_word(w, f, k > 0 && j > 0 && full.first() == words.first()))
    })
}

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
