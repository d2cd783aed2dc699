//! Quotation spans in a paragraph: English double and single quotes (straight and curly), Spanish
//! raya (`—`, or `-` opening a paragraph) and guillemets. The segmenter never cuts inside one, and
//! [`crate::text::dialogue`] builds its dialogue spans from them.

#[cfg(test)]
mod tests;

use std::ops::Range;

use crate::text::{language::Language, lexicon::is_speech_verb};

/// Byte ranges of `paragraph` that are inside a quotation, in order and not overlapping.
/// A quotation left open runs to the end of the paragraph.
///
/// Recognised, as heuristics: `“…”`, `"…"`, `«…»` (nesting counted, and for `‘…’` too; a
/// paragraph opening with `»` continues a quotation), `‘…’` and `'…'` when the opening mark starts
/// a word and the closing one does not precede a letter (so apostrophes as in "don’t", "Holmes’s", "’em" or "’tis" are no
/// quotes; a single mark that is never closed is taken for an apostrophe unless it opens the
/// paragraph), and Spanish dialogue: a paragraph opening with a dash (`—`, `–` or `-`) is speech.
/// The narrator's incisos are left out, in dash dialogue and inside marks alike: they run from a
/// dash after whitespace (`—dijo`) to the next dash, and the punctuation right after that dash
/// (`—dijo él—, …`) belongs to the inciso. Spans include their marks.
pub fn quotation_spans(paragraph: &str) -> Vec<Range<usize>> {
    quotations(paragraph)
        .into_iter()
        .map(|quotation| quotation.bytes)
        .collect()
}

/// The marks that delimit a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum QuoteMark {
    /// `“…”` or `"…"`.
    Double,
    /// `‘…’` or `'…'`.
    Single,
    /// `«…»`, or a paragraph opening with `»`.
    Guillemet,
    /// A paragraph opening with a dash.
    Dash,
}

/// One quotation of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Quotation {
    /// Byte range in the paragraph, marks included.
    pub(crate) bytes: Range<usize>,
    /// The marks around it.
    pub(crate) mark: QuoteMark,
    /// Whether its closing mark was found (dash speech and inciso cuts count as closed).
    pub(crate) closed: bool,
}

/// Every quotation of `paragraph`, in order and not overlapping (see [`quotation_spans`]).
pub(crate) fn quotations(paragraph: &str) -> Vec<Quotation> {
    let marked = split_incisos(paragraph, marked_spans(paragraph));
    let spoken = dialogue_spans(paragraph);
    if spoken.is_empty() {
        return marked;
    }
    union(spoken, marked)
}

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
fn marked_spans(paragraph: &str) -> Vec<Quotation> {
    // A single mark opens a quotation only if a closing mark follows somewhere; knowing the last
    // closing mark keeps that test linear.
    let last_curly_single = last_single_closer(paragraph, '’');
    let last_straight_single = last_single_closer(paragraph, '\'');
    let lead = paragraph.len() - paragraph.trim_start().len();
    let mut spans = Vec::new();
    let mut open: Option<(Mark, usize, u32)> = None;
    let mut prev = None;
    let mut chars = paragraph.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
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
        prev = Some(c);
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
    let mut last = None;
    let mut prev = None;
    let mut chars = paragraph.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == mark && closes_single(prev, chars.peek().map(|&(_, n)| n)) {
            last = Some(i);
        }
        prev = Some(c);
    }
    last
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

/// Cuts the narrator's incisos (`«Texto —pensó Augusto—; más»`) out of marked quotations. An
/// inciso opens with a dash after whitespace and before a lowercase letter, and must close with
/// another dash inside the same quotation; English dashes (`I—I`, `well — then`) do not match.
fn split_incisos(paragraph: &str, spans: Vec<Quotation>) -> Vec<Quotation> {
    let mut out = Vec::with_capacity(spans.len());
    for quotation in spans {
        let mut start = quotation.bytes.start;
        let end = quotation.bytes.end;
        while let Some((open, resume)) = find_inciso(paragraph, start, end) {
            let piece_end = start + paragraph[start..open].trim_end().len();
            if piece_end > start {
                out.push(Quotation {
                    bytes: start..piece_end,
                    mark: quotation.mark,
                    closed: true,
                });
            }
            start = resume;
        }
        if start < end {
            out.push(Quotation {
                bytes: start..end,
                mark: quotation.mark,
                closed: quotation.closed,
            });
        }
    }
    out
}

/// The first inciso in `paragraph[start..end]`: the byte of its opening dash and the byte where
/// the quotation resumes after it.
fn find_inciso(paragraph: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let body = paragraph.get(start..end)?;
    let mut prev = None;
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let opens = matches!(c, '—' | '–')
            && prev.is_some_and(char::is_whitespace)
            && next.is_some_and(char::is_lowercase);
        prev = Some(c);
        if !opens {
            continue;
        }
        let after = i + c.len_utf8();
        let close = closing_dash(&body[after..])?;
        let resume = resume_after(body, after + close);
        return (resume < body.len()).then_some((start + i, start + resume));
    }
    None
}

/// The byte offset in `rest` of the dash that closes an inciso: after a non-space.
fn closing_dash(rest: &str) -> Option<usize> {
    let mut prev = None;
    for (i, c) in rest.char_indices() {
        if matches!(c, '—' | '–') && prev.is_some_and(|p: char| !p.is_whitespace()) {
            return Some(i);
        }
        if matches!(c, '»' | '”' | '"') {
            return None;
        }
        prev = Some(c);
    }
    None
}

/// Where speech resumes after the dash at byte `dash` of `body`: past the dash, the punctuation
/// that belongs to the inciso (`—dijo—, …`) and whitespace.
fn resume_after(body: &str, dash: usize) -> usize {
    let Some(rest) = body.get(dash..) else {
        return body.len();
    };
    let mut chars = rest.chars();
    chars.next();
    let kept = chars
        .as_str()
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':'));
    body.len() - kept.len()
}

/// Spanish dialogue: a paragraph that opens with a dash is speech, minus the narrator's incisos.
fn dialogue_spans(paragraph: &str) -> Vec<Quotation> {
    let body = paragraph.trim_start();
    let lead = paragraph.len() - body.len();
    let mut chars = body.char_indices().peekable();
    let hyphens = match chars.next() {
        Some((_, '-')) => true,
        Some((_, '—' | '–')) => false,
        _ => return Vec::new(),
    };
    let mut spans = Vec::new();
    // Where the current stretch of speech started; `None` inside an inciso.
    let mut speech = Some(lead);
    // The end of an inline tag being skipped.
    let mut skip_until = 0;
    let mut prev = '-';
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if lead + i < skip_until {
            prev = c;
            continue;
        }
        let after = lead + i + c.len_utf8();
        if let (Some(start), true) = (speech, matches!(c, ',' | '!' | '?' | '.')) {
            if let Some(len) = inline_tag_len(&paragraph[after..]) {
                spans.push(start..after);
                skip_until = after + len;
                let rest = &paragraph[skip_until..];
                speech = Some(paragraph.len() - rest.trim_start().len());
                prev = c;
                continue;
            }
        }
        if is_dash(prev, c, next, hyphens) {
            match speech {
                Some(start) if prev.is_whitespace() => {
                    let end = paragraph[..lead + i].trim_end().len();
                    spans.push(start..end);
                    speech = None;
                }
                None => {
                    speech = Some(resume_after(paragraph, lead + i));
                }
                Some(_) => {}
            }
        }
        prev = c;
    }
    if let Some(start) = speech {
        spans.push(start..paragraph.trim_end().len());
    }
    spans
        .into_iter()
        .filter(|span| span.start < span.end)
        .map(|bytes| Quotation {
            bytes,
            mark: QuoteMark::Dash,
            closed: true,
        })
        .collect()
}

/// Words that, right after a speech verb, show reported speech rather than a tag ("she said it
/// was fine").
const REPORTED: &[&str] = &[
    "that",
    "it",
    "you",
    "me",
    "him",
    "her",
    "them",
    "us",
    "so",
    "what",
    "how",
    "nothing",
    "something",
    "this",
    "if",
    "whether",
];

/// The length of an English tag written inside dash speech without dashes (`—Back to barracks! he
/// said sternly.`), when `rest` (the text after a sign ending a stretch of speech) opens with one:
/// a few words holding a speech verb with a capitalised or pronoun subject, up to the next sign.
fn inline_tag_len(rest: &str) -> Option<usize> {
    let body = rest.trim_start();
    let lead = rest.len() - body.len();
    if lead == 0 {
        return None;
    }
    let end = body
        .find([',', '.', ';', ':', '!', '?', '—', '–'])
        .unwrap_or(body.len());
    let words: Vec<&str> = body[..end].split_whitespace().collect();
    if words.is_empty() || words.len() > 8 {
        return None;
    }
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let verb = lower
        .iter()
        .take(4)
        .position(|w| is_speech_verb(w, Language::En))?;
    let capitalised = |w: &&str| w.starts_with(char::is_uppercase);
    let pronoun = |w: &str| matches!(w, "he" | "she" | "they" | "we");
    let after = &lower[verb + 1..];
    let subject = if verb == 0 {
        words
            .get(1)
            .is_some_and(|w| capitalised(w) || pronoun(&w.to_lowercase()))
            && after.len() <= 3
    } else {
        let before = &words[..verb];
        (before.iter().all(capitalised) || (verb == 1 && pronoun(&lower[0])))
            && after.len() <= 4
            && after
                .first()
                .is_none_or(|w| !REPORTED.contains(&w.as_str()))
    };
    let sign = body[end..].chars().next().map_or(0, char::len_utf8);
    subject.then_some(lead + end + sign)
}

/// Whether `c` is a dialogue dash. With hyphens, only a `-` that opens an inciso (after a space,
/// before a word) or closes one (after a word, before a space or a sign) counts, so hyphenated
/// words such as "claro-oscuro" do not.
fn is_dash(prev: char, c: char, next: Option<char>, hyphens: bool) -> bool {
    if !hyphens {
        return matches!(c, '—' | '–');
    }
    if c != '-' {
        return false;
    }
    let opens = prev.is_whitespace()
        && next.is_some_and(|n| n.is_alphabetic() || matches!(n, '¿' | '¡' | '«' | '“' | '"'));
    let closes = !prev.is_whitespace()
        && prev != '-'
        && next.is_none_or(|n| n.is_whitespace() || (!n.is_alphanumeric() && n != '-'));
    opens || closes
}

/// The union of dash speech and marked quotations, as sorted disjoint quotations; where they
/// overlap, the dash speech absorbs the marked quotation.
fn union(spoken: Vec<Quotation>, marked: Vec<Quotation>) -> Vec<Quotation> {
    let mut spans = spoken;
    spans.extend(marked);
    spans.sort_by_key(|span| (span.bytes.start, span.mark != QuoteMark::Dash));
    let mut merged: Vec<Quotation> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            Some(last) if span.bytes.start < last.bytes.end => {
                last.bytes.end = last.bytes.end.max(span.bytes.end);
            }
            _ => merged.push(span),
        }
    }
    merged
}
