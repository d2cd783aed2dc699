//! Word documents (`.docx`): the paragraphs (`w:p`) of `word/document.xml`, their runs' text
//! (`w:t`) concatenated, `w:tab` as a tab and `w:br`/`w:cr` as a line break.
//!
//! Chapters start at heading paragraphs: a `Title` or `Heading N` style, found by the style's
//! name in `word/styles.xml` (so localised style ids such as `Ttulo1` work), by an outline level
//! on the style (or a style it is based on) or on the paragraph, or, without `styles.xml`, by the
//! style id (`Heading1`, `Title`). The chapter level is chosen as for Markdown
//! ([`super::outline::from_levels`]). A document without heading paragraphs is split by the heading
//! lines of plain text ([`super::headings`]).
//!
//! The book title is `dc:title` in `docProps/core.xml`, else a lone `Title` paragraph at the top.
//! Text boxes, drawings and the `mc:Fallback` copies of alternate content are not read (they would
//! repeat or scatter text); deleted revisions (`w:delText`) and field codes are not text.

use std::collections::HashMap;

use quick_xml::events::Event;

use super::{
    archive::Archive,
    headings,
    outline::{self, assemble, Leveled, Node},
    xml::{
        attribute, decode_document, local_end_name, local_name, next_event, push_reference, reader,
    },
    DetectedChapter, Format, ImportError, Limits, Mismatch,
};

/// What a DOCX import returns: the book title and the chapters.
pub(crate) type Imported = (Option<String>, Vec<DetectedChapter>);

const DOCUMENT: &str = "word/document.xml";
const STYLES: &str = "word/styles.xml";
const CORE: &str = "docProps/core.xml";

/// Imports a `.docx` file.
///
/// # Errors
/// [`ImportError::NotWhatItSays`] when it is not a zip or has no `word/document.xml`;
/// [`ImportError::NoParagraphs`] when no paragraph has text; archive limits; XML errors.
pub(crate) fn import_docx(
    bytes: &[u8],
    fallback_title: &str,
    limits: &Limits,
) -> Result<Imported, ImportError> {
    let mut archive = Archive::open(bytes, Format::Docx, limits)?;
    let Some(document) = archive.read(DOCUMENT)? else {
        let problem = if archive.contains("META-INF/container.xml") {
            Mismatch::LooksLike(Format::Epub)
        } else {
            Mismatch::MissingPart(DOCUMENT.to_owned())
        };
        return Err(ImportError::NotWhatItSays {
            expected: Format::Docx,
            problem,
        });
    };
    let paragraphs = paragraphs(&decode_document(&document))?;
    if paragraphs.iter().all(|p| p.text.trim().is_empty()) {
        return Err(ImportError::NoParagraphs);
    }
    let styles = match archive.read(STYLES)? {
        Some(bytes) => Some(styles(&decode_document(&bytes))?),
        None => None,
    };
    let core_title = match archive.read(CORE)? {
        Some(bytes) => core_title(&decode_document(&bytes))?,
        None => None,
    };

    let nodes: Vec<Node> = paragraphs
        .into_iter()
        .filter(|p| !p.text.trim().is_empty())
        .map(|p| match heading_level(&p, styles.as_ref()) {
            Some(level) => Node::Heading(Leveled {
                level,
                title: p.text.trim().to_owned(),
                raw: p.text,
            }),
            None => Node::Block(p.text),
        })
        .collect();
    if nodes.iter().any(|node| matches!(node, Node::Heading(_))) {
        if let Some((title, items)) = outline::from_levels(nodes) {
            return Ok((core_title.or(title), assemble(items, fallback_title)));
        }
        return Ok((core_title, Vec::new()));
    }
    let blocks = nodes
        .into_iter()
        .filter_map(|node| match node {
            Node::Block(text) => Some(text),
            Node::Heading(_) => None,
        })
        .collect();
    let items = headings::plain_items(blocks);
    Ok((core_title, assemble(items, fallback_title)))
}

/// A paragraph of the document.
struct Paragraph {
    text: String,
    /// `w:pStyle w:val`.
    style: Option<String>,
    /// `w:outlineLvl w:val` set on the paragraph itself (0-based).
    outline: Option<u8>,
}

/// Elements whose content is not read.
const SKIPPED: &[&str] = &["Fallback", "txbxContent", "drawing", "pict", "object"];

fn paragraphs(source: &str) -> Result<Vec<Paragraph>, ImportError> {
    let mut reader = reader(source);
    let mut out = Vec::new();
    let mut current: Option<Paragraph> = None;
    let mut depth = 0usize;
    let mut skipped = 0usize;
    let mut in_properties = false;
    let mut in_text = false;
    let mut runs = 0usize;
    loop {
        let event = next_event(&mut reader, DOCUMENT)?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(element) | Event::Empty(element) => {
                let name = local_name(&element);
                if SKIPPED.contains(&name) {
                    if !empty {
                        skipped += 1;
                    }
                    continue;
                }
                if skipped > 0 {
                    continue;
                }
                match name {
                    "p" => {
                        if empty {
                            continue;
                        }
                        depth += 1;
                        if depth == 1 {
                            current = Some(Paragraph {
                                text: String::new(),
                                style: None,
                                outline: None,
                            });
                        }
                    }
                    "pPr" if !empty && depth > 0 => in_properties = true,
                    "pStyle" if in_properties => {
                        if let Some(paragraph) = current.as_mut() {
                            paragraph.style = attribute(&element, "val");
                        }
                    }
                    "outlineLvl" if in_properties => {
                        if let Some(paragraph) = current.as_mut() {
                            paragraph.outline = attribute(&element, "val")
                                .and_then(|value| value.trim().parse().ok());
                        }
                    }
                    "r" if !empty => runs += 1,
                    "t" if !empty => in_text = true,
                    "tab" if runs > 0 && !in_properties => push(&mut current, "\t"),
                    "br" | "cr" if runs > 0 => push(&mut current, "\n"),
                    "noBreakHyphen" if runs > 0 => push(&mut current, "-"),
                    _ => {}
                }
            }
            Event::End(element) => {
                let name = local_end_name(element.name().0);
                if SKIPPED.contains(&name) {
                    skipped = skipped.saturating_sub(1);
                    continue;
                }
                if skipped > 0 {
                    continue;
                }
                match name {
                    "p" => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            out.extend(current.take());
                            in_properties = false;
                            in_text = false;
                            runs = 0;
                        }
                    }
                    "pPr" => in_properties = false,
                    "r" => runs = runs.saturating_sub(1),
                    "t" => in_text = false,
                    _ => {}
                }
            }
            Event::Text(text) if in_text && skipped == 0 => push(&mut current, &text),
            Event::GeneralRef(entity) if in_text && skipped == 0 => {
                if let Some(paragraph) = current.as_mut() {
                    push_reference(&mut paragraph.text, &entity);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out.extend(current);
    Ok(out)
}

fn push(paragraph: &mut Option<Paragraph>, text: &str) {
    if let Some(paragraph) = paragraph.as_mut() {
        paragraph.text.push_str(text);
    }
}

/// A paragraph style: its lowercase name, outline level and parent.
#[derive(Default)]
struct Style {
    name: String,
    outline: Option<u8>,
    based_on: Option<String>,
}

/// Paragraph styles by id.
fn styles(source: &str) -> Result<HashMap<String, Style>, ImportError> {
    let mut reader = reader(source);
    let mut styles = HashMap::new();
    let mut current: Option<(String, Style)> = None;
    loop {
        let event = next_event(&mut reader, STYLES)?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(element) | Event::Empty(element) => match local_name(&element) {
                "style" if !empty => {
                    let paragraph =
                        attribute(&element, "type").is_none_or(|kind| kind == "paragraph");
                    current = attribute(&element, "styleId")
                        .filter(|_| paragraph)
                        .map(|id| (id, Style::default()));
                }
                "name" => {
                    if let Some((_, style)) = current.as_mut() {
                        style.name = attribute(&element, "val")
                            .unwrap_or_default()
                            .to_lowercase();
                    }
                }
                "basedOn" => {
                    if let Some((_, style)) = current.as_mut() {
                        style.based_on = attribute(&element, "val");
                    }
                }
                "outlineLvl" => {
                    if let Some((_, style)) = current.as_mut() {
                        style.outline =
                            attribute(&element, "val").and_then(|value| value.trim().parse().ok());
                    }
                }
                _ => {}
            },
            Event::End(element) if local_end_name(element.name().0) == "style" => {
                if let Some((id, style)) = current.take() {
                    styles.entry(id).or_insert(style);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(styles)
}

/// The heading level of a paragraph: 0 for a title, 1 to 9 for headings, `None` for body text.
fn heading_level(paragraph: &Paragraph, styles: Option<&HashMap<String, Style>>) -> Option<u8> {
    if let Some(outline) = paragraph.outline {
        return (outline < 9).then_some(outline + 1);
    }
    let mut id = paragraph.style.clone()?;
    let Some(styles) = styles else {
        return level_from_name(&id.to_lowercase());
    };
    // Follow `basedOn` a few steps, so that a custom "Chapter" style based on Heading 1 counts.
    for _ in 0..10 {
        let Some(style) = styles.get(&id) else {
            return level_from_name(&id.to_lowercase());
        };
        if let Some(level) = level_from_name(&style.name) {
            return Some(level);
        }
        if let Some(outline) = style.outline {
            return (outline < 9).then_some(outline + 1);
        }
        id = style.based_on.clone()?;
    }
    None
}

/// `title` → 0, `heading 2` / `heading2` → 2.
fn level_from_name(name: &str) -> Option<u8> {
    let compact: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    if compact == "title" {
        return Some(0);
    }
    let level: u8 = compact.strip_prefix("heading")?.parse().ok()?;
    (1..=9).contains(&level).then_some(level)
}

/// `dc:title` of the core properties.
fn core_title(source: &str) -> Result<Option<String>, ImportError> {
    let mut reader = reader(source);
    let mut title: Option<String> = None;
    loop {
        let event = next_event(&mut reader, CORE)?;
        match event {
            Event::Start(element) if local_name(&element) == "title" => {
                title = Some(String::new());
            }
            Event::Text(text) => {
                if let Some(title) = title.as_mut() {
                    title.push_str(&text);
                }
            }
            Event::GeneralRef(entity) => {
                if let Some(title) = title.as_mut() {
                    push_reference(title, &entity);
                }
            }
            Event::End(element) if local_end_name(element.name().0) == "title" => {
                let done = title.take().unwrap_or_default();
                let done = done.trim();
                return Ok((!done.is_empty()).then(|| done.to_owned()));
            }
            Event::Eof => return Ok(None),
            _ => {}
        }
    }
}
