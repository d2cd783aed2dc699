//! Sentence units of a long paragraph: UAX #29 sentence boundaries, minus those after an
//! abbreviation, before a lowercase continuation, or inside a quotation short enough to keep whole.

#[cfg(test)]
mod tests;

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::text::{lexicon::ABBREVIATIONS, quote::quotation_spans};

/// The sentence units of one paragraph and the quotations they keep whole; reused from one long
/// paragraph to the next so that segmentation allocates little.
#[derive(Debug, Default)]
pub(super) struct Units {
    /// The units, in order, covering every non-whitespace character of the paragraph.
    pub(super) units: Vec<Unit>,
    /// Byte ranges of the quotations short enough to keep in one segment, in order.
    pub(super) quotes: Vec<Range<usize>>,
}

/// A run of whole sentences that must not be cut, as trimmed byte and character ranges of its
/// paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Unit {
    pub(super) bytes: Range<usize>,
    pub(super) chars: Range<usize>,
}

/// Fills `out` with the sentence units of `paragraph`; quotations of more than
/// `recommended_chars` characters may be cut between their sentences.
pub(super) fn units(paragraph: &str, recommended_chars: usize, out: &mut Units) {
    let Units { units, quotes } = out;
    units.clear();
    *quotes = quotation_spans(paragraph);
    quotes.retain(|span| paragraph[span.clone()].chars().count() <= recommended_chars);
    let keep_whole = &*quotes;
    let mut span = 0;
    let mut counter = (0, 0);
    let mut unit_start = 0;
    let mut sentence_start = 0;
    for (cut, _) in paragraph.split_sentence_bound_indices().skip(1) {
        let sentence = &paragraph[sentence_start..cut];
        sentence_start = cut;
        while keep_whole.get(span).is_some_and(|quote| quote.end <= cut) {
            span += 1;
        }
        let in_quote = keep_whole.get(span).is_some_and(|quote| quote.start < cut);
        let next = &paragraph[cut..];
        if in_quote || !ends_sentence(sentence, next) || continues_sentence(next) {
            continue;
        }
        push(units, paragraph, unit_start..cut, &mut counter);
        unit_start = cut;
    }
    push(units, paragraph, unit_start..paragraph.len(), &mut counter);
}

/// Appends the trimmed `range` of `paragraph`; `counter` is the (byte, char) position reached.
fn push(units: &mut Vec<Unit>, paragraph: &str, range: Range<usize>, counter: &mut (usize, usize)) {
    let text = &paragraph[range.clone()];
    let body = text.trim_start();
    if body.trim_end().is_empty() {
        return;
    }
    let start = range.start + text.len() - body.len();
    let end = start + body.trim_end().len();
    let mut char_at = |byte: usize| {
        counter.1 += paragraph[counter.0..byte].chars().count();
        counter.0 = byte;
        counter.1
    };
    let chars = char_at(start)..char_at(end);
    units.push(Unit {
        bytes: start..end,
        chars,
    });
}

/// Whether `sentence` (a UAX #29 sentence, followed by `next`) really ends one: with a terminal
/// sign, possibly before closing quotes or brackets, and not with an abbreviation. UAX #29 also
/// breaks at every line break, which inside a paragraph is a soft wrap.
pub(crate) fn ends_sentence(sentence: &str, next: &str) -> bool {
    let sentence = sentence.trim_end();
    let terminal = sentence
        .trim_end_matches(['”', '’', '"', '\'', '»', ')', ']', '}'])
        .ends_with(['.', '!', '?', '…', '‼', '⁇', '⁈', '⁉', '。', '！', '？']);
    terminal && !ends_with_abbreviation(sentence, next)
}

/// Whether `sentence` ends with an abbreviation or an initial ("J." but not "I."), `next` being
/// the text that follows.
pub(super) fn ends_with_abbreviation(sentence: &str, next: &str) -> bool {
    let word = sentence
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or(sentence);
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let Some(stem) = word.strip_suffix('.') else {
        return false;
    };
    let mut letters = stem.chars();
    if let (Some(letter), None) = (letters.next(), letters.next()) {
        if letter.is_uppercase() && letter != 'I' {
            return true;
        }
    }
    if is_lowercase_of(stem, "no") {
        return next.trim_start().starts_with(|c: char| c.is_ascii_digit());
    }
    // Comparing lengths first keeps this cheap; lowercasing keeps the length of every letter
    // an abbreviation here can have.
    ABBREVIATIONS
        .iter()
        .any(|abbreviation| abbreviation.len() == stem.len() && is_lowercase_of(stem, abbreviation))
}

fn is_lowercase_of(word: &str, lowercase: &str) -> bool {
    word.chars()
        .flat_map(char::to_lowercase)
        .eq(lowercase.chars())
}

/// Whether the text after a boundary goes on with the same sentence: it starts in lowercase,
/// perhaps after a dash (`“What?” he said`, `—¿Qué? —dijo él`).
fn continues_sentence(next: &str) -> bool {
    next.trim_start()
        .trim_start_matches(['—', '–', '-'])
        .starts_with(char::is_lowercase)
}
