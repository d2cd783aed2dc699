//! Headings that carry a level (Markdown `#`, Word heading styles): which level is the chapter
//! level, which headings are parts above it and which stay in the text below it, and the book
//! title that a lone top heading gives.

use super::{guess_kind, Item};

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
