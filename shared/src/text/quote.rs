//! Quotation spans in a paragraph: English double and single quotes (straight and curly), Spanish
//! raya (`—`, or `-` opening a paragraph) and guillemets. The segmenter never cuts inside one, and
//! [`crate::text::dialogue`] builds its dialogue spans from them.

mod dash;
mod mark;
pub(crate) mod quotation;
#[cfg(test)]
mod tests;

use std::ops::Range;

use self::{
    dash::{dialogue_spans, split_incisos},
    mark::marked_spans,
    quotation::{Quotation, QuoteMark},
};

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

/// Every quotation of `paragraph`, in order and not overlapping (see [`quotation_spans`]).
pub(crate) fn quotations(paragraph: &str) -> Vec<Quotation> {
    let marked = split_incisos(paragraph, marked_spans(paragraph));
    let spoken = dialogue_spans(paragraph);
    if spoken.is_empty() {
        return marked;
    }
    union(spoken, marked)
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
