//! Text of an (X)HTML content document, read leniently: block elements (`p`, `div`, `h1`–`h6`,
//! `li`, `blockquote`, `br`, ...) end paragraphs, whitespace runs inside a paragraph become one
//! space, `script`, `style` and `head` are dropped (the `<title>` is kept aside), entities are
//! decoded. The first non-empty `h1`–`h3` is the page's heading and is not part of its text.

use quick_xml::events::Event;

use super::{
    xml::{attribute_exact, local_end_name, local_name, next_event, push_reference, reader},
    ImportError,
};

/// What a content document holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Page {
    /// The first non-empty `h1`, `h2` or `h3`.
    pub(crate) heading: Option<String>,
    /// The `<title>` in `<head>`.
    pub(crate) title: Option<String>,
    /// The paragraphs, separated by blank lines.
    pub(crate) text: String,
    /// The `epub:type` values of the `body`, `section`, `article` and `div` elements before the
    /// first text (`bodymatter chapter`, `dedication`), lowercase.
    pub(crate) types: Vec<String>,
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
    "br",
    "hr",
    "section",
    "article",
    "header",
    "footer",
    "aside",
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
];

/// Elements whose content is not text to read.
const SKIPPED: &[&str] = &["script", "style", "noscript", "svg", "math", "rt", "rp"];

/// Where text currently goes.
#[derive(Default)]
struct State {
    page: Page,
    paragraph: String,
    /// Depth inside `head`.
    head: usize,
    /// Depth inside skipped elements.
    skipped: usize,
    /// The `<title>` being read.
    title: Option<String>,
    /// The heading being read, and its element name.
    heading: Option<(String, String)>,
}

impl State {
    fn push_text(&mut self, text: &str) {
        if let Some(title) = self.title.as_mut() {
            push_collapsed(title, text);
            return;
        }
        if self.head > 0 || self.skipped > 0 {
            return;
        }
        if let Some((_, heading)) = self.heading.as_mut() {
            push_collapsed(heading, text);
        } else {
            push_collapsed(&mut self.paragraph, text);
        }
    }

    fn end_paragraph(&mut self) {
        let paragraph = self.paragraph.trim_matches(is_collapsible);
        if !paragraph.is_empty() {
            if !self.page.text.is_empty() {
                self.page.text.push_str("\n\n");
            }
            self.page.text.push_str(paragraph);
        }
        self.paragraph.clear();
    }

    fn end_heading(&mut self) {
        if let Some((_, heading)) = self.heading.take() {
            let heading = heading.trim_matches(is_collapsible);
            if !heading.is_empty() {
                self.page.heading = Some(heading.to_owned());
            }
        }
    }

    fn at_start(&self) -> bool {
        self.page.text.is_empty() && self.paragraph.trim().is_empty()
    }
}

/// Whitespace that HTML collapses (not the no-break space).
fn is_collapsible(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C')
}

/// Appends `text`, collapsing whitespace runs to one space and dropping leading whitespace.
fn push_collapsed(out: &mut String, text: &str) {
    for c in text.chars() {
        if is_collapsible(c) {
            if !out.is_empty() && !out.ends_with(' ') {
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
/// [`ImportError::Malformed`] when it cannot be parsed even leniently.
pub(crate) fn extract(part: &str, source: &str) -> Result<Page, ImportError> {
    let mut reader = reader(source);
    let mut state = State::default();
    let mut reference = String::new();
    loop {
        let event = next_event(&mut reader, part)?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(element) | Event::Empty(element) => {
                let name = local_name(&element).to_ascii_lowercase();
                if name == "head" {
                    if !empty {
                        state.head += 1;
                    }
                    continue;
                }
                if state.head > 0 {
                    if name == "title" && !empty && state.title.is_none() {
                        state.title = Some(String::new());
                    }
                    continue;
                }
                if SKIPPED.contains(&name.as_str()) {
                    if !empty {
                        state.skipped += 1;
                    }
                    continue;
                }
                if state.skipped > 0 {
                    continue;
                }
                if matches!(name.as_str(), "body" | "section" | "article" | "div")
                    && state.at_start()
                    && state.heading.is_none()
                {
                    if let Some(types) = attribute_exact(&element, "epub:type") {
                        state
                            .page
                            .types
                            .extend(types.split_whitespace().map(str::to_lowercase));
                    }
                }
                if let Some((_, heading)) = state.heading.as_mut() {
                    if BLOCKS.contains(&name.as_str()) {
                        push_collapsed(heading, " ");
                    }
                    continue;
                }
                if matches!(name.as_str(), "h1" | "h2" | "h3")
                    && !empty
                    && state.page.heading.is_none()
                {
                    state.end_paragraph();
                    state.heading = Some((name, String::new()));
                    continue;
                }
                if BLOCKS.contains(&name.as_str()) {
                    state.end_paragraph();
                }
            }
            Event::End(element) => {
                let name = local_end_name(element.name().0).to_ascii_lowercase();
                if name == "head" {
                    state.head = state.head.saturating_sub(1);
                    continue;
                }
                if name == "title" {
                    if let Some(title) = state.title.take() {
                        let title = title.trim_matches(is_collapsible);
                        if !title.is_empty() && state.page.title.is_none() {
                            state.page.title = Some(title.to_owned());
                        }
                    }
                    continue;
                }
                if state.head > 0 {
                    continue;
                }
                if SKIPPED.contains(&name.as_str()) {
                    state.skipped = state.skipped.saturating_sub(1);
                    continue;
                }
                if state.skipped > 0 {
                    continue;
                }
                if state.heading.as_ref().is_some_and(|(tag, _)| *tag == name) {
                    state.end_heading();
                    continue;
                }
                if state.heading.is_none() && BLOCKS.contains(&name.as_str()) {
                    state.end_paragraph();
                }
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
    state.end_heading();
    state.end_paragraph();
    Ok(state.page)
}
