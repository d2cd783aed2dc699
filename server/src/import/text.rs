//! Plain text and Markdown: decoding (UTF-8 with or without a BOM, UTF-16 with a BOM; anything
//! else is refused with the offset of the first bad byte), line endings (CRLF and CR become LF),
//! the Project Gutenberg header and footer (dropped; the header's `Title:` names the book), and
//! paragraphs.
//!
//! Paragraphs are blocks of lines separated by blank lines. A file that has almost no blank lines
//! (under one per ten lines) and many long lines (a quarter over 100 bytes: one paragraph per
//! line, as word processors export) is read one paragraph per line instead. Markdown files whose chapters are ATX headings (`#`, `##`) are split at those
//! (see [`super::outline::from_levels`]); other files, and Markdown without ATX headings, by the
//! heading lines of [`super::headings`]. Setext headings (underlined with `===`) are not read.

use std::borrow::Cow;

use super::{
    headings,
    outline::{self, assemble, Leveled, Node},
    xml::decode_utf16,
    DetectedChapter, Format, ImportError, Mismatch,
};

/// What a text import returns: the book title, if the file names one, and the chapters.
pub(crate) type Imported = (Option<String>, Vec<DetectedChapter>);

/// Imports a `.txt` (or, with `markdown`, a `.md`) file.
///
/// # Errors
/// [`ImportError::NotWhatItSays`] for binary or non-UTF-8 content.
pub(crate) fn import_text(
    bytes: &[u8],
    fallback_title: &str,
    markdown: bool,
) -> Result<Imported, ImportError> {
    let format = if markdown {
        Format::Markdown
    } else {
        Format::Text
    };
    let text = decode(bytes, format)?;
    let text = normalize_newlines(text);
    let (gutenberg_title, body) = strip_gutenberg(&text);
    if markdown {
        if let Some((title, items)) = outline::from_levels(markdown_nodes(body)) {
            return Ok((title.or(gutenberg_title), assemble(items, fallback_title)));
        }
    }
    let items = headings::plain_items(blocks(body, !markdown));
    Ok((gutenberg_title, assemble(items, fallback_title)))
}

/// Imports text already in paragraphs separated by blank lines (a PDF's, rebuilt from its
/// lines): chapters by the heading lines of [`super::headings`], as in a `.txt`.
pub(crate) fn import_paragraphs(text: &str, fallback_title: &str) -> Imported {
    let items = headings::plain_items(blocks(text, false));
    (None, assemble(items, fallback_title))
}

/// The file as text. A UTF-8 BOM is dropped and UTF-16 with a BOM is decoded; otherwise the bytes
/// must be UTF-8 without NUL bytes.
fn decode(bytes: &[u8], format: Format) -> Result<Cow<'_, str>, ImportError> {
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Ok(Cow::Owned(decode_utf16(rest, u16::from_le_bytes)));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Ok(Cow::Owned(decode_utf16(rest, u16::from_be_bytes)));
    }
    let (offset, body) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (3, rest),
        None => (0, bytes),
    };
    let nul = body.iter().position(|&byte| byte == 0);
    let mismatch = |problem| ImportError::NotWhatItSays {
        expected: format,
        problem,
    };
    match std::str::from_utf8(body) {
        Ok(text) => match nul {
            Some(byte) => Err(mismatch(Mismatch::Binary {
                byte: offset + byte,
            })),
            None => Ok(Cow::Borrowed(text)),
        },
        Err(error) => {
            let bad = error.valid_up_to();
            Err(match nul {
                Some(byte) if byte < bad => mismatch(Mismatch::Binary {
                    byte: offset + byte,
                }),
                _ => mismatch(Mismatch::NotUtf8 { byte: offset + bad }),
            })
        }
    }
}

/// CRLF and lone CR become LF.
fn normalize_newlines(text: Cow<'_, str>) -> Cow<'_, str> {
    if !text.contains('\r') {
        return text;
    }
    Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Whether `line` starts with `prefix`, ignoring ASCII case.
fn starts_with_ignore_case(line: &str, prefix: &str) -> bool {
    line.get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
}

/// The text between the Project Gutenberg `*** START OF ...` and `*** END OF ...` lines (and
/// before an `End of the Project Gutenberg EBook` line), and the header's `Title:`. Text without
/// the markers is returned whole.
fn strip_gutenberg(text: &str) -> (Option<String>, &str) {
    let mut start = 0;
    let mut end = text.len();
    let mut header: Option<&str> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        let trimmed = line.trim();
        let Some(first) = trimmed.bytes().next() else {
            continue;
        };
        if first == b'*' {
            let marker = trimmed.trim_start_matches('*').trim_start();
            if header.is_none() && starts_with_ignore_case(marker, "start of") {
                header = text.get(..line_start);
                start = offset;
            } else if starts_with_ignore_case(marker, "end of") && trimmed.starts_with("***") {
                end = line_start;
                break;
            }
        } else if (first == b'E' || first == b'e')
            && (starts_with_ignore_case(trimmed, "end of the project gutenberg")
                || starts_with_ignore_case(trimmed, "end of project gutenberg"))
        {
            end = line_start;
            break;
        }
    }
    let title = header.and_then(|header| {
        header.lines().find_map(|line| {
            let line = line.trim();
            starts_with_ignore_case(line, "title:")
                .then(|| line.get(6..).unwrap_or("").trim().to_owned())
                .filter(|title| !title.is_empty())
        })
    });
    (title, text.get(start..end.max(start)).unwrap_or(""))
}

/// Lines longer than this (in bytes) are paragraphs, not hard-wrapped lines.
const LONG_LINE_BYTES: usize = 100;

/// The paragraphs of `text`: blank-line separated blocks, or single lines when the file is
/// written one paragraph per line (allowed with `line_mode_allowed`).
fn blocks(text: &str, line_mode_allowed: bool) -> Vec<String> {
    let (mut blank, mut filled, mut long) = (0usize, 0usize, 0usize);
    for line in text.lines() {
        let length = line.trim().len();
        if length == 0 {
            blank += 1;
        } else {
            filled += 1;
            if length > LONG_LINE_BYTES {
                long += 1;
            }
        }
    }
    // Hard-wrapped text has no line much longer than 80 characters; paragraph-per-line text has
    // many.
    let line_mode = line_mode_allowed && filled >= 2 && blank * 10 < filled && long * 4 >= filled;
    let mut blocks = Vec::new();
    if line_mode {
        for line in text.lines() {
            if !line.trim().is_empty() {
                blocks.push(line.trim_end().to_owned());
            }
        }
        return blocks;
    }
    let mut current = String::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
            continue;
        }
        if !current.is_empty() {
            current.push('\n');
        }
        current.push_str(line.trim_end());
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
}

/// Markdown as headings and paragraphs. Lines inside fenced code blocks are text.
fn markdown_nodes(text: &str) -> Vec<Node> {
    let mut nodes = Vec::new();
    let mut current = String::new();
    let mut fence: Option<&'static str> = None;
    let flush = |current: &mut String, nodes: &mut Vec<Node>| {
        if !current.is_empty() {
            nodes.push(Node::Block(std::mem::take(current)));
        }
    };
    for line in text.lines() {
        let start = line.trim_start();
        let push = |current: &mut String| {
            if !current.is_empty() {
                current.push('\n');
            }
            current.push_str(line.trim_end());
        };
        if let Some(marker) = fence {
            push(&mut current);
            if start.starts_with(marker) {
                fence = None;
            }
            continue;
        }
        if start.starts_with("```") || start.starts_with("~~~") {
            fence = Some(if start.starts_with('`') { "```" } else { "~~~" });
            push(&mut current);
            continue;
        }
        if start.is_empty() {
            flush(&mut current, &mut nodes);
            continue;
        }
        if let Some((level, title)) = atx_heading(line) {
            flush(&mut current, &mut nodes);
            if !title.is_empty() {
                nodes.push(Node::Heading(Leveled {
                    level,
                    title,
                    raw: line.trim().to_owned(),
                }));
            }
            continue;
        }
        push(&mut current);
    }
    flush(&mut current, &mut nodes);
    nodes
}

/// An ATX heading line (`## Title ##`): its level and its text without markers or emphasis.
fn atx_heading(line: &str) -> Option<(u8, String)> {
    let rest = line.trim_start_matches(' ');
    if line.len() - rest.len() > 3 {
        return None;
    }
    let hashes = rest.bytes().take_while(|&byte| byte == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let after = rest.get(hashes..)?;
    if !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    let mut title = after.trim();
    let unclosed = title.trim_end_matches('#');
    if unclosed.is_empty() || unclosed.ends_with([' ', '\t']) {
        title = unclosed.trim_end();
    }
    let title = title.trim_matches(['*', '_']).trim();
    Some((u8::try_from(hashes).ok()?, title.to_owned()))
}
