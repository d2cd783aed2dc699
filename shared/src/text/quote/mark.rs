//! Quotations delimited by marks: `“…”`, `"…"`, `«…»` (nesting counted), and `‘…’` or `'…'` told
//! apart from apostrophes ("don’t", "Holmes’s", "’tis") by where the marks stand.

use super::quotation::{Quotation, QuoteMark};

/// A kind of quotation mark, with what closes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// `“…”`.
    Curly,
    /// `"…"`.
    Straight,
    /// `«…»`.
    Guillemet,
    /// `‘…’`.
    CurlySingle,
    /// `'…'`.
    StraightSingle,
}

impl Mark {
    fn family(self) -> QuoteMark {
        match self {
            Mark::Curly | Mark::Straight => QuoteMark::Double,
            Mark::Guillemet => QuoteMark::Guillemet,
            Mark::CurlySingle | Mark::StraightSingle => QuoteMark::Single,
        }
    }
}

/// Spans delimited by quotation marks, outermost only.
pub(super) fn marked_spans(paragraph: &str) -> Vec<Quotation> {
    // A single mark opens a quotation only if a closing mark follows somewhere; knowing the last
    // closing mark keeps that test linear.
    let last_curly_single = last_single_closer(paragraph, '’');
    let last_straight_single = last_single_closer(paragraph, '\'');
    let lead = paragraph.len() - paragraph.trim_start().len();
    let mut spans = Vec::new();
    let mut open: Option<(Mark, usize, u32)> = None;
    // Only the marks can change the state: the scan jumps from one to the next.
    for (i, c) in marks(paragraph) {
        let prev = paragraph[..i].chars().next_back();
        let next = paragraph[i + c.len_utf8()..].chars().next();
        open = match open {
            None => {
                let single_before = |last: Option<usize>| {
                    opens_single(prev, next)
                        && !is_elision(&paragraph[i + c.len_utf8()..])
                        && (last.is_some_and(|last| i < last)
                            || (i == lead && next.is_some_and(starts_speech)))
                };
                let mark = match c {
                    '“' => Some(Mark::Curly),
                    '"' => Some(Mark::Straight),
                    '«' => Some(Mark::Guillemet),
                    '»' if i == lead => Some(Mark::Guillemet),
                    '‘' if single_before(last_curly_single) => Some(Mark::CurlySingle),
                    '\'' if single_before(last_straight_single) => Some(Mark::StraightSingle),
                    _ => None,
                };
                mark.map(|mark| (mark, i, 1))
            }
            Some((mark, start, depth)) => {
                let depth = match (mark, c) {
                    (Mark::Curly, '“') | (Mark::Guillemet, '«') => depth + 1,
                    // ‘good-by,’ quoted inside a single-quoted speech.
                    (Mark::CurlySingle, '‘')
                        if opens_single(prev, next)
                            && !is_elision(&paragraph[i + c.len_utf8()..]) =>
                    {
                        depth + 1
                    }
                    (Mark::Curly, '”') | (Mark::Guillemet, '»') | (Mark::Straight, '"') => {
                        depth - 1
                    }
                    (Mark::CurlySingle, '’') | (Mark::StraightSingle, '\'')
                        if closes_single(prev, next) =>
                    {
                        depth - 1
                    }
                    _ => depth,
                };
                if depth == 0 {
                    spans.push(Quotation {
                        bytes: start..i + c.len_utf8(),
                        mark: mark.family(),
                        closed: true,
                    });
                    None
                } else {
                    Some((mark, start, depth))
                }
            }
        };
    }
    if let Some((mark, start, _)) = open {
        spans.push(Quotation {
            bytes: start..paragraph.trim_end().len().max(start),
            mark: mark.family(),
            closed: false,
        });
    }
    spans
}

/// Whether a character can start a quotation that opens a paragraph without a closing mark.
fn starts_speech(c: char) -> bool {
    c.is_uppercase() || matches!(c, '¿' | '¡' | '“' | '"' | '…')
}

/// Words written with a leading apostrophe, lowercase: a mark before one is no opening quote.
const ELISIONS: &[&str] = &[
    "tis",
    "twas",
    "twere",
    "twill",
    "twould",
    "twon",
    "em",
    "cause",
    "cos",
    "til",
    "bout",
    "n",
    "im",
    "er",
    "ere",
    "ow",
    "ave",
    "e",
    "ee",
    "un",
    "uns",
    "ud",
    "d",
    "s",
    "t",
    "ll",
    "re",
    "ve",
    "m",
    "nuff",
    "fraid",
    "spose",
    "pon",
    "gainst",
    "mongst",
    "neath",
    "tween",
    "twixt",
    "ome",
    "alf",
    "appen",
    "ad",
    "is",
    "it",
    "arf",
    "ouse",
    "ands",
    "eard",
    "specially",
    "kay",
];

/// Elisions that are no English word when the apostrophe is read as a quotation mark, so they
/// stay elisions even capitalised ("’Tis"): a capitalised "It", "Is" or "Ere" after a mark opens
/// a quotation far more often than it stands for "hit", "his" or "here".
const CAPITALISED_ELISIONS: &[&str] = &["tis", "twas", "twere", "twill", "twould", "twon", "em"];

/// Whether `rest` (the text after a single mark) is an elided word such as "’em" or "’tis", or a
/// year such as "’45".
fn is_elision(rest: &str) -> bool {
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(12)
        .flat_map(char::to_lowercase)
        .collect();
    if rest.starts_with(char::is_uppercase) {
        return CAPITALISED_ELISIONS.contains(&word.as_str());
    }
    ELISIONS.contains(&word.as_str())
}

/// The byte index of the last `mark` in `paragraph` that can close a single-quoted span.
fn last_single_closer(paragraph: &str, mark: char) -> Option<usize> {
    if !paragraph.contains(mark) {
        return None;
    }
    marks(paragraph)
        .filter(|&(i, c)| {
            c == mark
                && closes_single(
                    paragraph[..i].chars().next_back(),
                    paragraph[i + c.len_utf8()..].chars().next(),
                )
        })
        .last()
        .map(|(i, _)| i)
}

/// The quotation marks of `paragraph` (`“ ” " « » ‘ ’ '`) with their byte offsets, in order. A
/// byte scan: the text between marks is never decoded (every mark is ASCII or starts with the
/// UTF-8 lead byte 0xC2 or 0xE2, and a lead byte always starts a character).
fn marks(paragraph: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    paragraph
        .bytes()
        .enumerate()
        .filter(|&(_, byte)| matches!(byte, b'"' | b'\'' | 0xC2 | 0xE2))
        .filter_map(move |(i, _)| {
            let c = paragraph[i..].chars().next()?;
            matches!(c, '“' | '”' | '"' | '«' | '»' | '‘' | '’' | '\'').then_some((i, c))
        })
}

/// A single mark opens a quotation at the start of a word: after whitespace or an opening sign.
fn opens_single(prev: Option<char>, next: Option<char>) -> bool {
    let at_word_start = prev.is_none_or(|p| {
        p.is_whitespace() || matches!(p, '“' | '"' | '«' | '(' | '[' | '—' | '–' | '-' | '¿' | '¡')
    });
    at_word_start && next.is_some_and(|n| !n.is_whitespace())
}

/// A single mark closes a quotation after a non-space and before a non-letter (not "Holmes’s").
fn closes_single(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(|n| !n.is_alphabetic())
}
