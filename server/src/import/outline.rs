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

use super::{DetectedChapter, SectionKind};

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

/// A heading with a level (0 for a Word `Title`, 1 for `#` or `Heading 1`, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Leveled {
    /// 0 = title, 1 = top heading, larger is deeper.
    pub(crate) level: u8,
    /// The heading's text without markup.
    pub(crate) title: String,
    /// The paragraph to keep when the heading is below the chapter level (for Markdown the line
    /// with its `#`s, for Word the text).
    pub(crate) raw: String,
}

/// A heading with a level, or a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Node {
    /// A heading.
    Heading(Leveled),
    /// A paragraph.
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

/// Chooses the chapter level among leveled headings and turns the nodes into items, with the book
/// title when the first heading is a lone top-level one. `None` when there is no heading.
///
/// The chapter level is the highest level that occurs more than once (else the highest present),
/// stepping one level down while most of its headings are directly followed by a deeper heading
/// (they are then part headings). Headings above the chapter level are parts; headings below it
/// stay in the text as paragraphs.
pub(crate) fn from_levels(nodes: Vec<Node>) -> Option<(Option<String>, Vec<Item>)> {
    let mut counts = [0usize; 10];
    let mut headings = nodes.iter().filter_map(|node| match node {
        Node::Heading(heading) => Some(heading),
        Node::Block(_) => None,
    });
    let first = headings.next()?;
    let first_level = first.level;
    for heading in nodes.iter().filter_map(|node| match node {
        Node::Heading(heading) => Some(heading),
        Node::Block(_) => None,
    }) {
        if let Some(count) = counts.get_mut(usize::from(heading.level.min(9))) {
            *count += 1;
        }
    }
    let total: usize = counts.iter().sum();
    let top = counts.iter().position(|&count| count > 0).unwrap_or(0);
    let lone_top = usize::from(first_level) == top && counts.get(top) == Some(&1);
    let book_title = lone_top.then(|| first.title.clone());
    // A lone top heading above others is the book's title and is dropped from the outline; when
    // it is the only heading it also titles the single chapter.
    let drop_first = lone_top && total > 1;
    if drop_first {
        if let Some(count) = counts.get_mut(top) {
            *count -= 1;
        }
    }
    let chapter_level = chapter_level(&nodes, &counts, drop_first);
    let mut items = Vec::with_capacity(nodes.len());
    let mut dropped = !drop_first;
    for node in nodes {
        match node {
            Node::Block(block) => items.push(Item::Block(block)),
            Node::Heading(heading) => {
                if !dropped {
                    dropped = true;
                    continue;
                }
                let level = usize::from(heading.level.min(9));
                match level.cmp(&chapter_level) {
                    std::cmp::Ordering::Less => items.push(Item::Part {
                        title: heading.title,
                    }),
                    std::cmp::Ordering::Equal => items.push(Item::Chapter {
                        kind: guess_kind(&heading.title),
                        title: heading.title,
                    }),
                    std::cmp::Ordering::Greater => items.push(Item::Block(heading.raw)),
                }
            }
        }
    }
    Some((book_title, items))
}

fn chapter_level(nodes: &[Node], counts: &[usize; 10], skip_first: bool) -> usize {
    let repeated = counts.iter().position(|&count| count > 1);
    let Some(mut level) = repeated.or_else(|| counts.iter().position(|&count| count > 0)) else {
        return 0;
    };
    loop {
        let Some(deeper) =
            (level + 1..counts.len()).find(|&l| counts.get(l).is_some_and(|&c| c > 1))
        else {
            return level;
        };
        // How many headings of `level` are followed directly by a deeper heading.
        let mut at_level = 0;
        let mut followed = 0;
        let mut skipped = !skip_first;
        let mut iter = nodes.iter().peekable();
        while let Some(node) = iter.next() {
            let Node::Heading(heading) = node else {
                continue;
            };
            if !skipped {
                skipped = true;
                continue;
            }
            if usize::from(heading.level.min(9)) != level {
                continue;
            }
            at_level += 1;
            if let Some(Node::Heading(next)) = iter.peek() {
                if usize::from(next.level.min(9)) > level {
                    followed += 1;
                }
            }
        }
        if followed * 2 > at_level {
            level = deeper;
        } else {
            return level;
        }
    }
}

/// Front matter titles, lowercase: matched whole, or followed by `:`, `.` or a dash.
const FRONT: &[&str] = &[
    "front matter",
    "contents",
    "table of contents",
    "índice",
    "indice",
    "índice general",
    "sumario",
    "preface",
    "prefacio",
    "foreword",
    "dedication",
    "dedicatoria",
    "copyright",
    "title page",
    "epigraph",
    "epígrafe",
    "nota del editor",
    "editor's note",
];

/// Back matter titles, lowercase, matched like [`FRONT`].
const BACK: &[&str] = &[
    "appendix",
    "apéndice",
    "apendice",
    "anexo",
    "notes",
    "endnotes",
    "notas",
    "glossary",
    "glosario",
    "about the author",
    "about the authors",
    "sobre el autor",
    "sobre la autora",
    "acerca del autor",
    "acerca de la autora",
    "acknowledgements",
    "acknowledgments",
    "agradecimientos",
    "bibliography",
    "bibliografía",
    "bibliografia",
    "index",
    "colophon",
    "colofón",
    "afterword",
    "also by",
    "otras obras",
    "license",
    "licence",
    "licencia",
];

/// Titles that may carry a designator (`Appendix A`, `Apéndice II`).
const DESIGNATED: &[&str] = &["appendix", "apéndice", "apendice", "anexo"];

/// A guess of a section's kind from its title; anything unrecognised (chapters, prologues,
/// epilogues) is [`SectionKind::Body`].
pub(crate) fn guess_kind(title: &str) -> SectionKind {
    let lower = title
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let lower = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    if lower.contains("project gutenberg")
        && (lower.contains("licen") || lower.starts_with("end of"))
    {
        return SectionKind::BackMatter;
    }
    if matches_any(&lower, FRONT) {
        return SectionKind::FrontMatter;
    }
    if matches_any(&lower, BACK)
        || DESIGNATED
            .iter()
            .any(|keyword| lower.starts_with(&format!("{keyword} ")))
    {
        return SectionKind::BackMatter;
    }
    SectionKind::Body
}

/// Whether `lower` is one of `keywords`, or one followed by `:`, `.`, `,` or a dash.
pub(crate) fn matches_any(lower: &str, keywords: &[&str]) -> bool {
    keywords.iter().any(|keyword| {
        lower.strip_prefix(keyword).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.is_empty() || rest.starts_with([':', '.', ',', '-', '—', '–', '('])
        })
    })
}
