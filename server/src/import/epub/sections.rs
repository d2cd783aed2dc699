//! One spine file cut into the sections a reader sees: at the fragments its table-of-contents
//! entries point to, or, when no entry points inside it, at its headings.

use super::{navigation::TocEntry, SKIPPED_TYPES};
use crate::import::xhtml::{Block, Document};

/// Where a section starts in a document, and what the table of contents calls it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Cut {
    /// The index of its first block.
    pub(super) block: usize,
    /// The section types open at its start (an index into [`Document::contexts`]).
    pub(super) context: Option<usize>,
    /// Its table-of-contents label.
    pub(super) label: Option<String>,
    /// The label of the entry (or heading) it is nested in.
    pub(super) part: Option<String>,
}

/// A cut section's text and what is known of its title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Piece {
    pub(super) label: Option<String>,
    pub(super) part: Option<String>,
    /// Its first `h1`–`h3`, not repeated in `text`.
    pub(super) heading: Option<String>,
    /// Paragraphs separated by blank lines, lines of verse by line breaks.
    pub(super) text: String,
    /// The `epub:type` values of the sections it starts in, outermost first.
    pub(super) types: Vec<String>,
    /// Whether it starts at the document's beginning.
    pub(super) whole_file_start: bool,
}

/// The cuts the table of contents makes in `document` (the file `path`): one per entry pointing
/// into it, each with the label of the entry it is nested in as its part. An entry for the file
/// itself cuts at its start. `None` when an entry's fragment is not an id in the document.
pub(super) fn toc_cuts<'a>(
    document: &Document,
    path: &str,
    entries: &'a [TocEntry],
) -> Result<Vec<Cut>, &'a TocEntry> {
    let mut cuts = Vec::new();
    // The label of the latest entry at each depth, for parts.
    let mut parents: Vec<&str> = Vec::new();
    for entry in entries {
        parents.truncate(entry.depth);
        let part = parents.last().map(|label| (*label).to_owned());
        parents.resize(entry.depth, "");
        parents.push(&entry.label);
        if entry.path != path {
            continue;
        }
        let (block, context) = match &entry.fragment {
            Some(fragment) => {
                let anchor = document.anchors.get(fragment).ok_or(entry)?;
                (anchor.block, Some(anchor.context))
            }
            None => (0, None),
        };
        cuts.push(Cut {
            block,
            context,
            label: Some(entry.label.clone()),
            part,
        });
    }
    Ok(cuts)
}

/// Cuts at the headings of a document that the table of contents does not divide: at each
/// heading of the top level (`h1`–`h3`) when it occurs at least twice; when the top level
/// occurs once, as a book title at the very start, and `single_file` says the book is this one
/// file, at each heading of the next level, with the title as their part.
pub(super) fn heading_cuts(document: &Document, single_file: bool) -> Vec<Cut> {
    let count = |level: u8| {
        document
            .blocks
            .iter()
            .filter(|block| block.heading == level)
            .count()
    };
    let Some(top) = (1..=3).find(|&level| count(level) > 0) else {
        return Vec::new();
    };
    let (level, part) = if count(top) >= 2 {
        (top, None)
    } else {
        let starts_with_title = document
            .blocks
            .first()
            .is_some_and(|block| block.heading == top);
        let next = (top + 1..=4).find(|&level| count(level) > 0);
        match next {
            Some(next) if single_file && starts_with_title && count(next) >= 2 => (
                next,
                document.blocks.first().map(|block| block.text.clone()),
            ),
            _ => return Vec::new(),
        }
    };
    document
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, block)| block.heading == level)
        .map(|(index, block)| Cut {
            block: index,
            context: Some(block.context),
            label: None,
            part: part.clone(),
        })
        .collect()
}

/// `epub:type` values of a section of notes, which is never read as part of the chapter around it.
const NOTE_SECTIONS: &[&str] = &["footnotes", "endnotes", "rearnotes"];

/// The pieces between `cuts` (sorted by block here); the text before the first cut is a piece
/// of its own, and so is a section of notes that no cut separates from the text before it. Of
/// several cuts at one block, the last (the most deeply nested entry) names the piece and the one
/// before it gives its part, unless the last has its own.
pub(super) fn pieces(document: &Document, mut cuts: Vec<Cut>) -> Vec<Piece> {
    let notes = |context: usize| document.context_has(context, NOTE_SECTIONS);
    for (index, pair) in document.blocks.windows(2).enumerate() {
        if let [before, block] = pair {
            if notes(block.context) && !notes(before.context) {
                cuts.push(Cut {
                    block: index + 1,
                    context: Some(block.context),
                    label: None,
                    part: None,
                });
            }
        }
    }
    cuts.sort_by_key(|cut| cut.block);
    let mut merged: Vec<Cut> = Vec::with_capacity(cuts.len() + 1);
    for cut in cuts {
        match merged.last_mut() {
            Some(last) if last.block == cut.block && cut.label.is_none() => {
                last.context = last.context.or(cut.context);
            }
            Some(last) if last.block == cut.block => {
                let part = cut.part.clone().or_else(|| last.label.clone());
                *last = Cut {
                    part,
                    context: cut.context.or(last.context),
                    ..cut
                };
            }
            _ => merged.push(cut),
        }
    }
    if merged.first().is_none_or(|cut| cut.block > 0) {
        merged.insert(
            0,
            Cut {
                block: 0,
                context: None,
                label: None,
                part: None,
            },
        );
    }
    let ends = merged
        .iter()
        .skip(1)
        .map(|cut| cut.block)
        .chain([document.blocks.len()]);
    merged
        .iter()
        .zip(ends)
        .map(|(cut, end)| piece(document, cut, end))
        .collect()
}

/// The piece from `cut` to the block `end`, without the blocks that sit in a page that is not read
/// (a title page, a cover, a table of contents inside the text). Its types are those of the cut
/// unless the cut lands in such a page, else those of its first block read; the label of an entry
/// that lands in such a page names that page, not the text after it, and is dropped.
fn piece(document: &Document, cut: &Cut, end: usize) -> Piece {
    let unread = |context: usize| document.context_has(context, SKIPPED_TYPES);
    let all = document.blocks.get(cut.block..end).unwrap_or_default();
    let lands_unread = cut
        .context
        .or_else(|| all.first().map(|block| block.context))
        .is_some_and(unread);
    let blocks: Vec<&Block> = all.iter().filter(|block| !unread(block.context)).collect();
    let heading_at = blocks
        .iter()
        .position(|block| (1..=3).contains(&block.heading));
    let mut text = String::new();
    for (index, block) in blocks.iter().enumerate() {
        if Some(index) == heading_at {
            continue;
        }
        if !text.is_empty() {
            text.push_str(if block.line { "\n" } else { "\n\n" });
        }
        text.push_str(&block.text);
    }
    let context = cut
        .context
        .filter(|&context| !unread(context))
        .or_else(|| blocks.first().map(|block| block.context));
    Piece {
        label: cut.label.clone().filter(|_| !lands_unread),
        part: cut.part.clone(),
        heading: heading_at
            .and_then(|index| blocks.get(index))
            .map(|block| block.text.clone()),
        text,
        types: context
            .and_then(|context| document.contexts.get(context))
            .cloned()
            .unwrap_or_default(),
        whole_file_start: cut.block == 0,
    }
}
