//! The pronunciation concordance: where each entry of a map occurs in a project's chapters, found
//! exactly as an audition finds it (the same automaton, whole words, case and locale rules), with
//! the sentence around each place.

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use super::Pronouncer;
use crate::{plan::segmenter::sentence::ends_sentence, pronunciation::PronunciationMap};

/// Most characters of context kept around a place.
const CONTEXT_CHARS: usize = 160;

/// One place an entry occurs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// Which of the texts (its index).
    pub text: usize,
    /// Where the word starts, in characters of that text.
    pub start: usize,
    /// The sentence around it (cut to about [`CONTEXT_CHARS`] characters).
    pub context: String,
}

/// Where one entry occurs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Uses {
    /// The entry's written form.
    pub grapheme: String,
    /// The entry's locale.
    pub locale: String,
    /// How many times it occurs in all the texts.
    pub count: usize,
    /// The first places, in text order.
    pub places: Vec<Place>,
}

/// Every entry of `map`, in its order, with where it occurs in `texts` (at most `max_places`
/// places each). An entry is looked for as text in its own locale would be read, so an `en-GB`
/// entry and an `en` one for the same word are counted apart, each where it would apply.
pub fn concordance(map: &PronunciationMap, texts: &[&str], max_places: usize) -> Vec<Uses> {
    let mut uses: Vec<Uses> = map
        .entries()
        .iter()
        .map(|entry| Uses {
            grapheme: entry.grapheme.clone(),
            locale: entry.locale.clone(),
            count: 0,
            places: Vec::new(),
        })
        .collect();
    let mut locales: Vec<&str> = map.entries().iter().map(|e| e.locale.as_str()).collect();
    locales.sort_unstable();
    locales.dedup();
    for locale in locales {
        let pronouncer = Pronouncer::new(map, locale);
        for (index, text) in texts.iter().enumerate() {
            let found = pronouncer.find(text);
            if found.is_empty() {
                continue;
            }
            let sentences = sentences(text);
            for hit in found.iter().filter(|hit| hit.entry.locale == locale) {
                let Some(slot) = uses
                    .iter_mut()
                    .find(|u| u.grapheme == hit.entry.grapheme && u.locale == locale)
                else {
                    continue;
                };
                slot.count += 1;
                if slot.places.len() < max_places {
                    slot.places.push(Place {
                        text: index,
                        start: text[..hit.start].chars().count(),
                        context: context(&sentences, hit.start),
                    });
                }
            }
        }
    }
    for one in &mut uses {
        one.places.sort_by_key(|p| (p.text, p.start));
    }
    uses
}

/// The sentences of `text` with where each starts: UAX #29 boundaries, except after an
/// abbreviation ("Dr. Mortimer") or a soft line break, as the segmenter reads them; a blank line
/// always ends one.
fn sentences(text: &str) -> Vec<(usize, &str)> {
    let raw: Vec<(usize, &str)> = text.split_sentence_bound_indices().collect();
    let mut out = Vec::new();
    let mut start = None;
    for (i, &(at, sentence)) in raw.iter().enumerate() {
        let begin = *start.get_or_insert(at);
        let next = raw.get(i + 1).map_or("", |&(_, next)| next);
        let blank_line = sentence[sentence.trim_end().len()..].matches('\n').count() >= 2;
        if next.is_empty() || blank_line || ends_sentence(sentence, next) {
            out.push((begin, &text[begin..at + sentence.len()]));
            start = None;
        }
    }
    out
}

/// The sentence holding byte `at`, whitespace trimmed, cut around `at` when it is long.
fn context(sentences: &[(usize, &str)], at: usize) -> String {
    let found = sentences.partition_point(|(start, _)| *start <= at);
    let Some((start, sentence)) = found.checked_sub(1).and_then(|i| sentences.get(i)) else {
        return String::new();
    };
    let sentence = sentence.trim();
    if sentence.chars().count() <= CONTEXT_CHARS {
        return sentence.to_owned();
    }
    let before = sentence.len().min(at.saturating_sub(*start));
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    let middle = chars.partition_point(|(i, _)| *i < before);
    let from = middle.saturating_sub(CONTEXT_CHARS / 2);
    let to = (from + CONTEXT_CHARS).min(chars.len());
    let mut piece: String = chars[from..to].iter().map(|(_, c)| c).collect();
    // Cut at whole words: drop the partial word at each cut end.
    if to < chars.len() {
        if let Some(space) = piece.rfind(char::is_whitespace) {
            piece.truncate(space);
        }
    }
    if from > 0 {
        if let Some(space) = piece.find(char::is_whitespace) {
            piece.drain(..space);
        }
    }
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.push_str(piece.trim());
    if to < chars.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pronunciation::Entry;

    fn entry(grapheme: &str, locale: &str, case_sensitive: bool) -> Entry {
        Entry {
            case_sensitive,
            ..Entry::new(grapheme, "ˈtɛst", locale)
        }
    }

    #[test]
    fn each_entry_is_counted_where_an_audition_would_apply_it() {
        let map = PronunciationMap::new(vec![
            entry("Baskerville", "en", true),
            entry("Mortimer", "en", false),
            entry("moor", "en-GB", false),
            entry("Grimpen", "en", false),
        ])
        .unwrap();
        let texts = [
            "Sir Henry Baskerville came. The baskerville hound howled. Dr. Mortimer followed.",
            "Across the moor, MORTIMER ran. The moorland was dark; the moor was still.",
        ];

        let uses = concordance(&map, &texts, 10);

        let count = |g: &str| uses.iter().find(|u| u.grapheme == g).unwrap().count;
        // Case-sensitive: the lowercase one is not it. Whole words: "moorland" is not "moor".
        assert_eq!(count("Baskerville"), 1);
        assert_eq!(count("Mortimer"), 2);
        assert_eq!(count("moor"), 2);
        assert_eq!(count("Grimpen"), 0);
        let mortimer = uses.iter().find(|u| u.grapheme == "Mortimer").unwrap();
        assert_eq!(mortimer.places[0].text, 0);
        assert_eq!(mortimer.places[0].context, "Dr. Mortimer followed.");
        assert_eq!(mortimer.places[1].text, 1);
        assert_eq!(
            mortimer.places[1].start,
            "Across the moor, ".chars().count()
        );
        assert_eq!(mortimer.places[1].context, "Across the moor, MORTIMER ran.");
    }

    #[test]
    fn places_are_capped_but_all_are_counted_and_long_sentences_cut() {
        let map = PronunciationMap::new(vec![entry("Holmes", "en", false)]).unwrap();
        let long = format!("{} Holmes {}.", "word ".repeat(100), "more ".repeat(100));
        let text = format!("Holmes. Holmes! Holmes? {long}");

        let uses = concordance(&map, &[text.as_str()], 2);

        assert_eq!(uses[0].count, 4);
        assert_eq!(uses[0].places.len(), 2);
        let cut = concordance(&map, &[long.as_str()], 1)[0].places[0]
            .context
            .clone();
        assert!(cut.starts_with('…') && cut.ends_with('…') && cut.contains("Holmes"));
        assert!(cut.chars().count() <= CONTEXT_CHARS + 2);
        let words = cut.trim_matches('…').split_whitespace();
        assert!(
            words
                .into_iter()
                .all(|w| ["word", "more", "Holmes", "more."].contains(&w)),
            "{cut}"
        );
    }
}
