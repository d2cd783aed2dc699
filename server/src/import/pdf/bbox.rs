//! poppler's `pdftotext -bbox-layout` output (XHTML: `page` › `flow` › `block` › `line` ›
//! `word`, each with its box in points) read into pages of lines.

use quick_xml::events::Event;

use crate::import::{
    xml::{attribute, local_end_name, local_name, next_event, push_reference, reader},
    ImportError,
};

/// A line of text and its box, in points from the page's top left corner.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    pub(crate) left: f32,
    pub(crate) top: f32,
    pub(crate) right: f32,
    pub(crate) bottom: f32,
    /// Its words, separated by single spaces.
    pub(crate) text: String,
}

/// The name this output is reported under in errors.
const PART: &str = "pdftotext -bbox-layout";

/// The pages of `source`, each a list of lines in reading order.
///
/// # Errors
/// [`ImportError::Malformed`] when the output is not XML.
pub(crate) fn pages(source: &str) -> Result<Vec<Vec<Line>>, ImportError> {
    let mut reader = reader(source);
    let mut pages: Vec<Vec<Line>> = Vec::new();
    let mut line: Option<Line> = None;
    let mut word: Option<String> = None;
    let number = |element: &quick_xml::events::BytesStart<'_>, name: &str| {
        attribute(element, name)
            .and_then(|value| value.trim().parse::<f32>().ok())
            .unwrap_or(0.0)
    };
    loop {
        match next_event(&mut reader, PART)? {
            Event::Start(element) => match local_name(&element) {
                "page" => pages.push(Vec::new()),
                "line" => {
                    line = Some(Line {
                        left: number(&element, "xMin"),
                        top: number(&element, "yMin"),
                        right: number(&element, "xMax"),
                        bottom: number(&element, "yMax"),
                        text: String::new(),
                    });
                }
                "word" => word = Some(String::new()),
                _ => {}
            },
            Event::End(element) => match local_end_name(element.name().0) {
                "word" => {
                    if let (Some(done), Some(line)) = (word.take(), line.as_mut()) {
                        let done = done.trim();
                        if !done.is_empty() {
                            if !line.text.is_empty() {
                                line.text.push(' ');
                            }
                            line.text.push_str(done);
                        }
                    }
                }
                "line" => {
                    if let (Some(done), Some(page)) = (line.take(), pages.last_mut()) {
                        if !done.text.is_empty() {
                            page.push(done);
                        }
                    }
                }
                _ => {}
            },
            Event::Text(text) => {
                if let Some(word) = word.as_mut() {
                    word.push_str(&text);
                }
            }
            Event::GeneralRef(entity) => {
                if let Some(word) = word.as_mut() {
                    push_reference(word, &entity);
                }
            }
            Event::Eof => return Ok(pages),
            _ => {}
        }
    }
}
