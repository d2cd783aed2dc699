//! Quotation spans in a paragraph: English double and single quotes (straight and curly), Spanish
//! raya (`—`, or `-` opening a paragraph) and guillemets. The segmenter never cuts inside one.

#[cfg(test)]
mod tests;

use std::ops::Range;

/// Byte ranges of `paragraph` that are inside a quotation, in order and not overlapping.
/// A quotation left open runs to the end of the paragraph.
///
/// Recognised, as heuristics: `“…”`, `"…"`, `«…»` (nesting counted; a paragraph opening with
/// `»` continues a quotation), `‘…’` and `'…'` when the opening mark starts a word and the closing
/// one does not precede a letter (so apostrophes as in "don’t" or "Holmes’s" are no quotes; a
/// single mark that is never closed is taken for an apostrophe), and Spanish dialogue: a paragraph
/// opening with a dash (`—`, `–` or `-`) is speech, except the narrator's incisos, which run from
/// a dash after whitespace (`—dijo`) to the next dash. Spans include their marks.
pub fn quotation_spans(paragraph: &str) -> Vec<Range<usize>> {
    let marked = marked_spans(paragraph);
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

/// Spans delimited by quotation marks, outermost only.
fn marked_spans(paragraph: &str) -> Vec<Range<usize>> {
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
                    opens_single(prev, next) && last.is_some_and(|last| i < last)
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
                    spans.push(start..i + c.len_utf8());
                    None
                } else {
                    Some((mark, start, depth))
                }
            }
        };
        prev = Some(c);
    }
    if let Some((_, start, _)) = open {
        spans.push(start..paragraph.len());
    }
    spans
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

/// Spanish dialogue: a paragraph that opens with a dash is speech, minus the narrator's incisos.
fn dialogue_spans(paragraph: &str) -> Vec<Range<usize>> {
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
    let mut prev = '-';
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if is_dash(prev, c, next, hyphens) {
            match speech {
                Some(start) if prev.is_whitespace() => {
                    let end = paragraph[..lead + i].trim_end().len();
                    spans.push(start..end);
                    speech = None;
                }
                None => {
                    let rest = &paragraph[lead + i + c.len_utf8()..];
                    speech = Some(paragraph.len() - rest.trim_start().len());
                }
                Some(_) => {}
            }
        }
        prev = c;
    }
    if let Some(start) = speech {
        spans.push(start..paragraph.trim_end().len());
    }
    spans.retain(|span| span.start < span.end);
    spans
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

/// The union of two sets of spans, as sorted disjoint spans.
fn union(mut spans: Vec<Range<usize>>, more: Vec<Range<usize>>) -> Vec<Range<usize>> {
    spans.extend(more);
    spans.sort_unstable_by_key(|span| span.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            Some(last) if span.start < last.end => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
    }
    merged
}
