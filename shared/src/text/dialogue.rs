//! Dialogue detection: the quotations of a chapter that are speech (or thought, or quoted
//! writing), with their kind, their paragraph and the narration around them in that paragraph
//! (the tags, such as "said John" or "—dijo Augusto—"). Built on [`crate::text::quote`]; offsets are
//! character offsets into the chapter.

#[cfg(test)]
mod tests;

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::text::{
    paragraph::paragraph_ranges,
    quote::{
        quotation::{Quotation, QuoteMark},
        quotations,
    },
};

/// How a stretch of dialogue is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DialogueKind {
    /// English double quotes, straight or curly.
    Double,
    /// English single quotes, straight or curly.
    Single,
    /// Spanish raya: a paragraph opening with `—` (or `-`, `–`).
    Dash,
    /// `«…»`: often thought or quoted writing rather than speech.
    Guillemets,
}

/// One quotation that reads as dialogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DialogueSpan {
    /// Character range in the chapter, marks included.
    pub span: Range<usize>,
    /// How it is marked.
    pub kind: DialogueKind,
    /// Index of its paragraph (0-based) among the chapter's paragraphs (see [`paragraphs`]).
    pub paragraph: usize,
    /// Whether it carries on a quotation from the previous paragraph (an unclosed quote followed by a
    /// paragraph opening with a quote mark, or a paragraph opening with `»`): same speaker.
    pub continues: bool,
    /// The narration right before and right after it in its paragraph, trimmed, in order: where
    /// speech tags such as "said John" are. A tag between two quotations is listed by both. A
    /// quotation opening its paragraph after a paragraph whose narration ends with a colon also
    /// gets that narration's last clause ("His mother said:"), first.
    pub tags: Vec<Range<usize>>,
}

/// The character ranges of the chapter's paragraphs, trimmed: separated by blank lines when the
/// chapter has any, otherwise one per line, as the segmenter finds them; and in hard-wrapped text
/// whose blank lines were lost, also before lines that open a quotation after a sentence end.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let map = CharMap::new(text);
    dialogue_paragraphs(text)
        .map(|bytes| map.chars(&bytes))
        .collect()
}

/// The segmenter's paragraphs, with lost paragraph breaks restored: in hard-wrapped text whose
/// blank lines were lost, a line that opens with a quotation mark after a line that ends a sentence
/// starts a paragraph, when a paragraph has at least [`LOST_BREAKS`] such lines.
fn dialogue_paragraphs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    paragraph_ranges(text).flat_map(move |bytes| split_lost_breaks(text, bytes))
}

/// How many quotation lines after sentence ends make a paragraph's line breaks count as lost
/// paragraph breaks.
const LOST_BREAKS: usize = 3;

fn split_lost_breaks(text: &str, bytes: Range<usize>) -> Vec<Range<usize>> {
    let paragraph = text.get(bytes.clone()).unwrap_or_default();
    let mut starts = Vec::new();
    let mut offset = 0;
    let mut previous: Option<&str> = None;
    for line in paragraph.split('\n') {
        let body = line.trim_start();
        let ends_sentence = previous.is_some_and(|p| {
            p.trim_end()
                .ends_with(['.', '!', '?', '”', '"', '’', '»', ':', '—'])
        });
        if ends_sentence && body.starts_with(['“', '"', '«', '—']) {
            starts.push(bytes.start + offset + line.len() - body.len());
        }
        previous = Some(line);
        offset += line.len() + 1;
    }
    if starts.len() < LOST_BREAKS {
        return vec![bytes];
    }
    let mut out = Vec::with_capacity(starts.len() + 1);
    let mut from = bytes.start;
    for start in starts {
        let piece = text.get(from..start).unwrap_or_default();
        out.push(from..from + piece.trim_end().len());
        from = start;
    }
    out.push(from..bytes.end);
    out
}

/// The dialogue of a chapter, in order and not overlapping. Quoted words inside a sentence
/// (`he called it ‘the Hound’ and laughed`) are not dialogue; quotations nested in dialogue are part
/// of it.
pub fn detect(text: &str) -> Vec<DialogueSpan> {
    analyse(text).spans
}

/// A chapter's paragraphs and dialogue, with the offset conversions the callers need.
#[derive(Debug)]
pub(crate) struct Analysis {
    /// Paragraphs as (byte range, character range).
    pub(crate) paragraphs: Vec<(Range<usize>, Range<usize>)>,
    /// The dialogue.
    pub(crate) spans: Vec<DialogueSpan>,
    /// Byte ↔ character conversion.
    pub(crate) map: CharMap,
}

/// Detects the dialogue of `text`, keeping its paragraphs.
pub(crate) fn analyse(text: &str) -> Analysis {
    let map = CharMap::new(text);
    let mut paragraphs = Vec::new();
    let mut spans = Vec::new();
    // Whether the previous paragraph ended inside a quotation, and whether it had any.
    let mut previous = (false, false);
    // The closing clause of the previous paragraph when it is narration ending with a colon.
    let mut lead_in: Option<Range<usize>> = None;
    for (index, bytes) in dialogue_paragraphs(text).enumerate() {
        let paragraph = &text[bytes.clone()];
        let found = quotations(paragraph);
        let dialogue = dialogue_of(paragraph, &found, previous);
        previous = (found.last().is_some_and(|q| !q.closed), !found.is_empty());
        let first = spans.len();
        push_spans(&map, &bytes, index, &dialogue, &mut spans);
        let opens = dialogue
            .first()
            .is_some_and(|(q, continues)| q.bytes.start == 0 && !continues);
        if let (Some(tag), Some(span), true) = (lead_in.take(), spans.get_mut(first), opens) {
            span.tags.insert(0, map.chars(&tag));
        }
        // Narration ending with a colon, alone or after the paragraph's last quotation ("“Well?”
        // She shook her head and said:").
        let narration = dialogue.last().map_or(0, |(q, _)| q.bytes.end);
        lead_in = paragraph
            .get(narration..)
            .and_then(colon_lead_in)
            .map(|r| bytes.start + narration + r.start..bytes.start + narration + r.end);
        paragraphs.push((bytes.clone(), map.chars(&bytes)));
    }
    Analysis {
        paragraphs,
        spans,
        map,
    }
}

/// The last clause of a narration paragraph that ends with a colon, without the colon: the tag of
/// the quotation that opens the next paragraph (`His mother said:` / `—O, Stephen will
/// apologize.`; `Y Benina dijo:` / `—Ya voy.`).
fn colon_lead_in(paragraph: &str) -> Option<Range<usize>> {
    let body = paragraph.trim_end().strip_suffix(':')?;
    let start = body.rfind(['.', '!', '?', ';', '\n']).map_or(0, |i| i + 1);
    trimmed(paragraph, start..body.len())
        .filter(|clause| paragraph[clause.clone()].chars().any(char::is_alphanumeric))
}

/// The quotations of a paragraph that read as dialogue, with whether each continues the previous
/// paragraph's quotation.
fn dialogue_of(
    paragraph: &str,
    found: &[Quotation],
    (open_before, quoted_before): (bool, bool),
) -> Vec<(Quotation, bool)> {
    let mut out: Vec<(Quotation, bool)> = Vec::new();
    for quotation in found {
        let at_start = quotation.bytes.start == 0;
        let continues = at_start
            && (open_before && quotation.mark != QuoteMark::Dash
                || quoted_before && paragraph.starts_with('»'));
        let previous_end = out.last().map_or(0, |(q, _)| q.bytes.end);
        if continues || is_dialogue(paragraph, quotation, previous_end) {
            out.push((quotation.clone(), continues));
        }
    }
    out
}

/// Whether a quotation reads as dialogue rather than quoted words: dash speech, a quotation
/// opening its paragraph or following punctuation or another quotation, or one whose words end
/// with punctuation (`“So do I,”`).
fn is_dialogue(paragraph: &str, quotation: &Quotation, previous_end: usize) -> bool {
    if quotation.mark == QuoteMark::Dash {
        return true;
    }
    let before = paragraph
        .get(previous_end.min(quotation.bytes.start)..quotation.bytes.start)
        .unwrap_or_default()
        .trim_end();
    if before.is_empty()
        || before.ends_with([
            ',', ':', ';', '.', '!', '?', '…', '—', '–', '-', '(', '»', '”',
        ])
    {
        return true;
    }
    let inner = paragraph
        .get(quotation.bytes.clone())
        .unwrap_or_default()
        .trim_end_matches(['”', '"', '’', '\'', '»', '“', '‘', '«']);
    inner.ends_with([',', '.', '!', '?', '…', '—', '–', '-', ';', ':'])
}

/// The pieces a paragraph is voiced in, as byte ranges of it, trimmed and in order: each
/// quotation of its dialogue and each stretch of narration between them, when it mixes both; the
/// whole paragraph otherwise. Narration without a letter or digit (`, `, `—`) stays with the
/// quotation before it (or after it, at the start).
pub(crate) fn dialogue_pieces(paragraph: &str) -> Vec<Range<usize>> {
    let whole = || std::iter::once(0..paragraph.len()).collect::<Vec<_>>();
    let found = quotations(paragraph);
    if found.is_empty() {
        return whole();
    }
    let dialogue = dialogue_of(paragraph, &found, (false, false));
    let mut cuts: Vec<usize> = Vec::with_capacity(dialogue.len() * 2);
    for (quotation, _) in &dialogue {
        cuts.push(quotation.bytes.start);
        cuts.push(quotation.bytes.end);
    }
    let mut pieces: Vec<Range<usize>> = Vec::new();
    let mut from = 0;
    let mut glue = false;
    for (k, cut) in cuts.into_iter().chain([paragraph.len()]).enumerate() {
        let piece = trimmed(paragraph, from..cut.max(from));
        from = cut.max(from);
        let Some(piece) = piece else { continue };
        let is_quote = k % 2 == 1;
        let wordless = !is_quote && !paragraph[piece.clone()].chars().any(char::is_alphanumeric);
        match pieces.last_mut() {
            Some(last) if wordless || glue => {
                last.end = piece.end;
                glue = false;
            }
            None if wordless => {
                pieces.push(piece);
                glue = true;
            }
            _ => pieces.push(piece),
        }
    }
    if pieces.len() < 2 {
        return whole();
    }
    pieces
}

/// `range` of `text` without its outer whitespace, or `None` when only whitespace.
fn trimmed(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let piece = text.get(range.clone())?;
    let body = piece.trim_start();
    let start = range.start + piece.len() - body.len();
    let end = start + body.trim_end().len();
    (start < end).then_some(start..end)
}

/// Converts a paragraph's dialogue into chapter spans with their tags.
fn push_spans(
    map: &CharMap,
    paragraph: &Range<usize>,
    index: usize,
    dialogue: &[(Quotation, bool)],
    out: &mut Vec<DialogueSpan>,
) {
    let base = paragraph.start;
    let gap = |from: usize, to: usize| -> Option<Range<usize>> {
        let bytes = base + from..base + to;
        let piece = map.text_of(&bytes)?;
        let body = piece.trim_start();
        let start = bytes.start + piece.len() - body.len();
        let end = start + body.trim_end().len();
        body.chars()
            .any(char::is_alphanumeric)
            .then(|| map.chars(&(start..end)))
    };
    let paragraph_len = paragraph.len();
    for (i, (quotation, continues)) in dialogue.iter().enumerate() {
        let from = i
            .checked_sub(1)
            .and_then(|p| dialogue.get(p))
            .map_or(0, |(q, _)| q.bytes.end);
        let to = dialogue
            .get(i + 1)
            .map_or(paragraph_len, |(q, _)| q.bytes.start);
        let tags = [
            gap(from, quotation.bytes.start),
            gap(quotation.bytes.end, to),
        ]
        .into_iter()
        .flatten()
        .collect();
        out.push(DialogueSpan {
            span: map.chars(&(base + quotation.bytes.start..base + quotation.bytes.end)),
            kind: kind_of(quotation.mark),
            paragraph: index,
            continues: *continues,
            tags,
        });
    }
}

fn kind_of(mark: QuoteMark) -> DialogueKind {
    match mark {
        QuoteMark::Double => DialogueKind::Double,
        QuoteMark::Single => DialogueKind::Single,
        QuoteMark::Dash => DialogueKind::Dash,
        QuoteMark::Guillemet => DialogueKind::Guillemets,
    }
}

/// Byte ↔ character offset conversion for one text, by binary search over the byte offset of
/// every character.
#[derive(Debug, Clone)]
pub(crate) struct CharMap {
    starts: Vec<usize>,
    len: usize,
    text: String,
}

impl CharMap {
    /// The map of `text`.
    pub(crate) fn new(text: &str) -> Self {
        Self {
            starts: text.char_indices().map(|(byte, _)| byte).collect(),
            len: text.len(),
            text: text.to_owned(),
        }
    }

    /// The character offset of byte `byte` (the next character's when inside one; the length past
    /// the end).
    pub(crate) fn char_of(&self, byte: usize) -> usize {
        self.starts.partition_point(|&start| start < byte)
    }

    /// The byte offset of character `char` (the text's length past the end).
    pub(crate) fn byte_of(&self, char: usize) -> usize {
        self.starts.get(char).copied().unwrap_or(self.len)
    }

    /// The character range of a byte range.
    pub(crate) fn chars(&self, bytes: &Range<usize>) -> Range<usize> {
        self.char_of(bytes.start)..self.char_of(bytes.end)
    }

    /// The byte range of a character range.
    pub(crate) fn bytes(&self, chars: &Range<usize>) -> Range<usize> {
        self.byte_of(chars.start)..self.byte_of(chars.end)
    }

    /// The text at a byte range, if it is one.
    pub(crate) fn text_of(&self, bytes: &Range<usize>) -> Option<&str> {
        self.text.get(bytes.clone())
    }
}
