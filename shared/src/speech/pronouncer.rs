//! `Pronouncer`: the entries of a pronunciation map that apply to one locale, compiled into one
//! Aho-Corasick automaton, so finding them in a text is one pass whatever the map's size.
//!
//! Matching follows the map's rules: whole words only; an entry ignores case unless it is
//! case-sensitive; `en` entries apply to `en-GB` text, not the other way; where entries overlap,
//! the leftmost wins, then the longest; among entries for the same word, an exact-case entry wins,
//! then the most specific locale (as [`PronunciationMap::lookup`] chooses).

use aho_corasick::{AhoCorasick, MatchKind};
use serde::{Deserialize, Serialize};

use crate::pronunciation::{Entry, PronunciationMap};

/// One entry found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Match {
    /// Start of the word, in bytes of the text.
    pub start: usize,
    /// End of the word (exclusive), in bytes.
    pub end: usize,
    /// The entry that applies.
    pub entry: Entry,
}

/// A map's entries for one locale, ready to be found in texts.
#[derive(Debug, Clone)]
pub struct Pronouncer {
    /// `None` when no entry applies to the locale.
    automaton: Option<AhoCorasick>,
    /// For each pattern (a lowercased grapheme), the entries with that grapheme, best first.
    entries: Vec<Vec<Entry>>,
}

impl Pronouncer {
    /// The entries of `map` that apply to text in `locale`.
    pub fn new(map: &PronunciationMap, locale: &str) -> Self {
        let mut patterns: Vec<String> = Vec::new();
        let mut entries: Vec<Vec<Entry>> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for entry in map.entries() {
            if !entry.applies_to_locale(locale) {
                continue;
            }
            let folded = fold(&entry.grapheme);
            let slot = *index.entry(folded.clone()).or_insert_with(|| {
                patterns.push(folded);
                entries.push(Vec::new());
                patterns.len() - 1
            });
            entries[slot].push(entry.clone());
        }
        for candidates in &mut entries {
            candidates
                .sort_by_key(|entry| std::cmp::Reverse((entry.case_sensitive, entry.locale.len())));
        }
        // The map's bounds (5,000 entries of 200 characters) keep the automaton far below the
        // crate's size limits; were it refused anyway, nothing would be applied.
        let automaton = (!patterns.is_empty())
            .then(|| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(&patterns)
                    .ok()
            })
            .flatten();
        Self { automaton, entries }
    }

    /// A pronouncer that applies nothing.
    pub fn none() -> Self {
        Self {
            automaton: None,
            entries: Vec::new(),
        }
    }

    /// Whether no entry applies.
    pub fn is_empty(&self) -> bool {
        self.automaton.is_none()
    }

    /// The entries found in `text`, in text order, none overlapping.
    pub fn find(&self, text: &str) -> Vec<Match> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let folded = Folded::of(text);
        let mut found: Vec<Match> = automaton
            .find_overlapping_iter(folded.text.as_str())
            .filter_map(|hit| {
                let (start, end) = folded.original(hit.start(), hit.end());
                let word = &text[start..end];
                if !whole_word(text, start, end) {
                    return None;
                }
                let entry = self.entries[hit.pattern().as_usize()]
                    .iter()
                    .find(|entry| !entry.case_sensitive || entry.grapheme == word)?;
                Some(Match {
                    start,
                    end,
                    entry: entry.clone(),
                })
            })
            .collect();
        found.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        let mut chosen: Vec<Match> = Vec::with_capacity(found.len());
        for candidate in found {
            if chosen.last().is_none_or(|last| candidate.start >= last.end) {
                chosen.push(candidate);
            }
        }
        chosen
    }
}

/// A text lowercased character by character, with the byte in the original where each of its
/// bytes came from, so a match in the lowercased text maps back.
struct Folded {
    text: String,
    origin: Vec<usize>,
    original_len: usize,
}

impl Folded {
    fn of(text: &str) -> Self {
        let mut folded = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        for (at, c) in text.char_indices() {
            for lower in c.to_lowercase() {
                folded.push(lower);
                origin.extend(std::iter::repeat_n(at, lower.len_utf8()));
            }
        }
        Self {
            text: folded,
            origin,
            original_len: text.len(),
        }
    }

    /// The original byte range of the folded range `start..end`.
    fn original(&self, start: usize, end: usize) -> (usize, usize) {
        let end = self.origin.get(end).copied().unwrap_or(self.original_len);
        (self.origin[start], end)
    }
}

/// Lowercased character by character, as [`Folded`] lowercases texts.
fn fold(text: &str) -> String {
    text.chars().flat_map(char::to_lowercase).collect()
}

/// Whether `start..end` of `text` is not part of a longer word: where the match begins or ends
/// with a letter or digit, the character beyond it is not one.
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    if start >= end {
        return false;
    }
    let word = &text[start..end];
    let starts_alnum = word.chars().next().is_some_and(char::is_alphanumeric);
    let ends_alnum = word.chars().next_back().is_some_and(char::is_alphanumeric);
    let before_ok = !starts_alnum
        || !text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
    let after_ok = !ends_alnum
        || !text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
    before_ok && after_ok
}
