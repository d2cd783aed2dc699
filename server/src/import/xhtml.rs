//! Text of an (X)HTML content document as a list of blocks, read as XML (a document that is not
//! well-formed is refused, as reading systems refuse it): every block element (`p`, `div`,
//! `section`, `blockquote`, `li`, `td`, `h1`–`h6`, ...) ends a paragraph, `br` ends a line,
//! whitespace runs inside a paragraph become one space, entities are decoded.
//!
//! Left out: `head` (its `<title>` is kept aside), scripts, styles, `aside` notes, note references
//! and page-break markers (`epub:type` or ARIA `role`), hidden elements (`hidden`,
//! `aria-hidden="true"`, `display: none`) and line or page numbers (`class="lnum"`,
//! `"pagenum"`, ...).
//!
//! Every element `id` is kept with the block it starts at, so a table of contents can cut the
//! document at its fragments; every block carries the `epub:type` values of the sections it sits
//! in, so a cut piece knows whether it is front matter, body or notes.

mod lines;
mod skip;

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};

use super::{
    xml::{
        attribute, attribute_exact, local_end_name, local_name, next_event, push_reference,
        well_formed_reader,
    },
    ImportError,
};

/// A content document's blocks, ids and title.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Document {
    /// The `<title>` in `<head>`.
    pub(crate) title: Option<String>,
    /// The paragraphs, lines and headings in reading order.
    pub(crate) blocks: Vec<Block>,
    /// Each element id (the first element with it wins) and where it starts.
    pub(crate) anchors: HashMap<String, Anchor>,
    /// The `epub:type` lists that blocks and anchors refer to by index (lowercase, outermost
    /// section first).
    pub(crate) contexts: Vec<Vec<String>>,
}

impl Document {
    /// Whether the sections of `context` (an index into [`Self::contexts`]) have one of `types`.
    pub(crate) fn context_has(&self, context: usize, types: &[&str]) -> bool {
        self.contexts
            .get(context)
            .is_some_and(|open| open.iter().any(|t| types.contains(&t.as_str())))
    }
}

/// Where an element with an id starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Anchor {
    /// Index of the first block at or after the element's start.
    pub(crate) block: usize,
    /// The sections open there, the element itself included (an index into
    /// [`Document::contexts`]).
    pub(crate) context: usize,
}

/// A paragraph, a line of verse or a heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    /// The text on one line (a paragraph's `br` line breaks kept as `\n`).
    pub(crate) text: String,
    /// 1–6 for `h1`–`h6`, 0 for text.
    pub(crate) heading: u8,
    /// Whether the block continues the previous one on a new line (a line of verse written as one
    /// `div` per line) rather than starting a paragraph.
    pub(crate) line: bool,
    /// The sections the block sits in (an index into [`Document::contexts`]).
    pub(crate) context: usize,
    /// The element holding this block's one-line `div` siblings, for [`lines::join`].
    group: Option<u32>,
    /// Whether that element's class names it verse (`stanza`, `poem`, `linegroup`, ...).
    verse: bool,
}

/// Elements whose start or end ends a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "hr",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "main",
    "figure",
    "figcaption",
    "table",
    "caption",
    "tr",
    "td",
    "th",
    "pre",
    "address",
    "center",
    "body",
    "hgroup",
    "details",
    "summary",
    "poem",
    "stanza",
];

/// Elements whose `epub:type` says what part of the book their content is.
const SECTIONING: &[&str] = &["body", "section", "article", "div", "nav"];

/// An element being read.
struct Open {
    name: String,
    serial: u32,
    /// Whether it pushed `epub:type` values onto the section types.
    typed: bool,
    /// How many section types were open before it.
    types_before: usize,
    /// Whether its class names verse.
    verse: bool,
}

/// The reader's state between events.
#[derive(Default)]
struct State {
    document: Document,
    stack: Vec<Open>,
    serial: u32,
    /// The serial of the last block element that started.
    last_block: u32,
    /// The stack depth below which content is skipped, while inside a skipped element.
    skip_below: Option<usize>,
    /// The section types open now, outermost first.
    types: Vec<String>,
    /// The context index for `types`, when it is in [`Document::contexts`] already.
    context: Option<usize>,
    /// The `<title>` being read.
    title: Option<String>,
    /// The paragraph or heading being read.
    buffer: String,
    /// The level of the heading being read (0 when reading text) and its stack depth.
    heading: Option<(u8, usize)>,
}

impl State {
    fn context(&mut self) -> usize {
        if let Some(index) = self.context {
            return index;
        }
        let index = self.document.contexts.len();
        self.document.contexts.push(self.types.clone());
        self.context = Some(index);
        index
    }

    fn push_text(&mut self, text: &str) {
        if let Some(title) = self.title.as_mut() {
            push_collapsed(title, text);
        } else if self.skip_below.is_none() && !self.in_head() {
            push_collapsed(&mut self.buffer, text);
        }
    }

    fn in_head(&self) -> bool {
        self.stack.iter().any(|open| open.name == "head")
    }

    /// Ends the paragraph or heading being read; `leaf` is the `div` it was the whole text of.
    fn end_block(&mut self, leaf: Option<(u32, bool)>) {
        let heading = self.heading.take().map_or(0, |(level, _)| level);
        let text = self.buffer.trim_matches(is_collapsible);
        if !text.is_empty() {
            let text = text.to_owned();
            let context = self.context();
            self.document.blocks.push(Block {
                text,
                heading,
                line: false,
                context,
                group: leaf.map(|(group, _)| group),
                verse: leaf.is_some_and(|(_, verse)| verse),
            });
        }
        self.buffer.clear();
    }

    fn start(&mut self, element: &BytesStart<'_>, empty: bool) {
        let name = local_name(element).to_ascii_lowercase();
        if self.skip_below.is_none() && skip::skipped(&name, element) {
            self.skip_below = Some(self.stack.len());
        }
        let reading = self.skip_below.is_none() && !self.in_head();
        let block = BLOCKS.contains(&name.as_str());
        if reading && self.heading.is_none() && block {
            self.end_block(None);
        }
        self.serial += 1;
        if block {
            self.last_block = self.serial;
        }
        let types_before = self.types.len();
        let typed = SECTIONING.contains(&name.as_str())
            && attribute_exact(element, "epub:type").is_some_and(|types| {
                self.types
                    .extend(types.split_whitespace().map(str::to_lowercase));
                self.types.len() > types_before
            });
        if typed {
            self.context = None;
        }
        if let Some(id) = attribute(element, "id")
            .or_else(|| (name == "a").then(|| attribute(element, "name")).flatten())
        {
            let anchor = Anchor {
                block: self.document.blocks.len(),
                context: self.context(),
            };
            self.document.anchors.entry(id).or_insert(anchor);
        }
        if name == "title" && self.in_head() && self.title.is_none() && !empty {
            self.title = Some(String::new());
        }
        if reading {
            if let Some(level) = heading_level(&name).filter(|_| !empty) {
                if self.heading.is_none() {
                    self.heading = Some((level, self.stack.len()));
                }
            } else if self.heading.is_some() && (block || name == "br") {
                push_collapsed(&mut self.buffer, " ");
            } else if name == "br" {
                self.buffer
                    .truncate(self.buffer.trim_end_matches(' ').len());
                self.buffer.push('\n');
            }
        }
        let verse = skip::names_verse(element);
        let open = Open {
            name,
            serial: self.serial,
            typed,
            types_before,
            verse,
        };
        if empty {
            self.close(open);
        } else {
            self.stack.push(open);
        }
    }

    /// The end of the element `name`: the innermost open element of that name is closed (a
    /// well-formed document always closes the innermost one).
    fn end(&mut self, name: &str) {
        let Some(position) = self.stack.iter().rposition(|open| open.name == name) else {
            return;
        };
        while self.stack.len() > position + 1 {
            if let Some(inner) = self.stack.pop() {
                self.close(inner);
            }
        }
        if let Some(open) = self.stack.pop() {
            self.close(open);
        }
    }

    fn close(&mut self, open: Open) {
        if open.typed {
            self.types.truncate(open.types_before);
            self.context = None;
        }
        if open.name == "title" {
            if let Some(title) = self.title.take() {
                let title = title.trim_matches(is_collapsible);
                if !title.is_empty() && self.document.title.is_none() {
                    self.document.title = Some(title.to_owned());
                }
            }
        }
        if self.skip_below == Some(self.stack.len()) {
            self.skip_below = None;
            return;
        }
        if self.skip_below.is_some() || self.in_head() {
            return;
        }
        if self
            .heading
            .is_some_and(|(_, depth)| depth == self.stack.len())
        {
            self.end_block(None);
        } else if self.heading.is_none() && BLOCKS.contains(&open.name.as_str()) {
            let leaf = (open.name == "div" && self.last_block == open.serial).then(|| {
                let parent = self.stack.last();
                (
                    parent.map_or(0, |parent| parent.serial),
                    parent.is_some_and(|parent| parent.verse),
                )
            });
            self.end_block(leaf);
        }
    }
}

/// The heading level of `h1`–`h6`.
fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', level @ b'1'..=b'6'] => Some(level - b'0'),
        _ => None,
    }
}

/// Whitespace that HTML collapses (not the no-break space).
fn is_collapsible(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C')
}

/// Appends `text`, collapsing whitespace runs to one space and dropping whitespace at the start
/// of the text or of a line.
fn push_collapsed(out: &mut String, text: &str) {
    for c in text.chars() {
        if is_collapsible(c) {
            if !out.is_empty() && !out.ends_with([' ', '\n']) {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

/// Reads the content document `part`.
///
/// # Errors
/// [`ImportError::Malformed`] when it is not well-formed XML (an end tag that does not match, a
/// tag left open at the end, a broken tag), naming the part and the byte.
pub(crate) fn extract(part: &str, source: &str) -> Result<Document, ImportError> {
    let mut reader = well_formed_reader(source);
    let mut state = State::default();
    let mut reference = String::new();
    loop {
        match next_event(&mut reader, part)? {
            Event::Start(element) => state.start(&element, false),
            Event::Empty(element) => state.start(&element, true),
            Event::End(element) => {
                let name = local_end_name(element.name().0).to_ascii_lowercase();
                state.end(&name);
            }
            Event::Text(text) => state.push_text(&text),
            Event::CData(data) => {
                let data = data.into_inner();
                state.push_text(&data);
            }
            Event::GeneralRef(entity) => {
                reference.clear();
                push_reference(&mut reference, &entity);
                let decoded = std::mem::take(&mut reference);
                state.push_text(&decoded);
                reference = decoded;
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if let Some(open) = state.stack.last() {
        return Err(ImportError::Malformed(format!(
            "{part}: <{}> is not closed",
            open.name
        )));
    }
    state.end_block(None);
    lines::join(&mut state.document.blocks);
    Ok(state.document)
}
