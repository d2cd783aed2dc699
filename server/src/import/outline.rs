//! From a stream of headings and paragraphs to chapters, for every format.
//!
//! - [`assemble`] turns [`Item`]s into chapters. Text before the first heading becomes a
//!   `Front matter` chapter; a file without any heading becomes one chapter titled after the file.
//!   Part headings (`VOLUME I`, `BOOK I.`, `Parte primera`, a Markdown `#` above `##` chapters)
//!   do not start a chapter when a chapter heading follows with at most two short lines between
//!   (a subtitle such as `MISS BROOKE.`): they become the [`DetectedChapter::part`] of the
//!   chapters that follow. When real text follows a part heading, the part is a chapter of its
//!   own, so no text is lost.
//! - [`from_levels`] decides which heading level is the chapter level for formats whose headings
//!   carry a level (Markdown `#`, Word heading styles).
//! - [`guess_kind`] guesses front and back matter from a title.

mod kind;
mod levels;

use super::{DetectedChapter, SectionKind};

pub(crate) use self::{
    kind::{guess_kind, matches_any},
    levels::{from_levels, Leveled, Node},
};

/// One element of a manuscript, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Item {
    /// A heading that starts a chapter.
    Chapter {
        /// The chapter's title.
        title: String,
        /// Its kind, guessed from the title.
        kind: SectionKind,
    },
    /// A part, book or volume heading above chapters.
    Part {
        /// The heading's text.
        title: String,
    },
    /// A paragraph (or a block of lines), kept verbatim.
    Block(String),
}

/// Title of the chapter made of the text before the first heading.
pub(crate) const FRONT_MATTER_TITLE: &str = "Front matter";

/// Turns items into chapters (see the module documentation). Blank chapters are left for the
/// caller to drop.
pub(crate) fn assemble(items: Vec<Item>, fallback_title: &str) -> Vec<DetectedChapter> {
    if items.iter().all(|item| matches!(item, Item::Block(_))) {
        let blocks = items.into_iter().filter_map(|item| match item {
            Item::Block(block) => Some(block),
            _ => None,
        });
        return vec![chapter(
            fallback_title.to_owned(),
            SectionKind::Body,
            None,
            blocks,
        )];
    }
    let mut assembler = Assembler::default();
    for item in items {
        match item {
            Item::Block(block) => assembler.block(block),
            Item::Chapter { title, kind } => assembler.chapter(title, kind),
            Item::Part { title } => assembler.part(title),
        }
    }
    assembler.finish()
}

#[derive(Default)]
struct Assembler {
    chapters: Vec<DetectedChapter>,
    /// Blocks before the first heading.
    front: Vec<String>,
    seen_heading: bool,
    current: Option<Open>,
    pending_part: Option<Open>,
    part: Option<String>,
}

/// A chapter (or part) whose blocks are still being collected.
struct Open {
    title: String,
    kind: SectionKind,
    blocks: Vec<String>,
}

impl Assembler {
    fn block(&mut self, block: String) {
        if let Some(part) = self.pending_part.as_mut() {
            part.blocks.push(block);
        } else if let Some(current) = self.current.as_mut() {
            current.blocks.push(block);
        } else {
            self.front.push(block);
        }
    }

    fn heading(&mut self) {
        if !self.seen_heading {
            self.seen_heading = true;
            let front = std::mem::take(&mut self.front);
            if !front.is_empty() {
                self.chapters.push(chapter(
                    FRONT_MATTER_TITLE.to_owned(),
                    SectionKind::FrontMatter,
                    None,
                    front,
                ));
            }
        }
        if let Some(open) = self.current.take() {
            let part = self.part.clone();
            self.chapters
                .push(chapter(open.title, open.kind, part, open.blocks));
        }
    }

    fn chapter(&mut self, title: String, kind: SectionKind) {
        self.heading();
        self.resolve_part(true);
        self.current = Some(Open {
            title,
            kind,
            blocks: Vec::new(),
        });
    }

    fn part(&mut self, title: String) {
        self.heading();
        self.resolve_part(false);
        let kind = guess_kind(&title);
        self.pending_part = Some(Open {
            title,
            kind,
            blocks: Vec::new(),
        });
    }

    /// Ends the pending part heading: it labels the chapters that follow, and becomes a chapter
    /// itself when text (more than a subtitle before a chapter) follows it.
    fn resolve_part(&mut self, chapter_follows: bool) {
        let Some(part) = self.pending_part.take() else {
            return;
        };
        if chapter_follows && is_subtitle(&part.blocks) {
            let mut label = part.title;
            for line in &part.blocks {
                label = join_title(&label, line);
            }
            self.part = Some(label);
        } else {
            self.part = Some(part.title.clone());
            if !part.blocks.is_empty() {
                self.chapters
                    .push(chapter(part.title, part.kind, None, part.blocks));
            }
        }
    }

    fn finish(mut self) -> Vec<DetectedChapter> {
        self.heading();
        self.resolve_part(false);
        self.chapters
    }
}

/// Whether the blocks after a part heading are only its subtitle: at most two single short lines.
fn is_subtitle(blocks: &[String]) -> bool {
    blocks.len() <= 2
        && blocks
            .iter()
            .all(|block| !block.trim().contains('\n') && block.trim().chars().count() <= 80)
}

/// `CHAPTER I` + `The Beginning` → `CHAPTER I: The Beginning`; `BOOK I.` + `MISS BROOKE.` →
/// `BOOK I. MISS BROOKE.`
pub(crate) fn join_title(head: &str, tail: &str) -> String {
    let head = head.trim();
    let tail = tail.trim();
    if tail.is_empty() {
        return head.to_owned();
    }
    if head.ends_with(['.', ':', '-', '—', '–']) {
        format!("{head} {tail}")
    } else {
        format!("{head}: {tail}")
    }
}

fn chapter(
    title: String,
    kind: SectionKind,
    part: Option<String>,
    blocks: impl IntoIterator<Item = String>,
) -> DetectedChapter {
    let mut text = String::new();
    for block in blocks {
        let block = block.trim_end();
        if block.trim().is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(block);
    }
    DetectedChapter {
        title,
        part,
        text,
        kind,
    }
}
