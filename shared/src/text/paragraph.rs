//! Paragraphs of a chapter: separated by blank lines when the chapter has any, otherwise one per
//! line. The segmenter cuts at them and dialogue detection numbers them, so both agree.

use std::ops::Range;

/// The byte ranges of a chapter's paragraphs, trimmed of whitespace: separated by blank lines when
/// the chapter has any, otherwise one per line.
pub(crate) fn paragraph_ranges(chapter: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    Paragraphs {
        text: chapter,
        pos: 0,
        by_blank_lines: has_blank_line(chapter),
    }
}

/// Whether a line with only whitespace separates two lines with text.
fn has_blank_line(chapter: &str) -> bool {
    chapter
        .trim()
        .split('\n')
        .any(|line| line.trim_start().is_empty())
}

/// The byte ranges of a chapter's paragraphs, trimmed of whitespace.
struct Paragraphs<'a> {
    text: &'a str,
    pos: usize,
    /// Paragraphs end at blank lines (otherwise at every line break).
    by_blank_lines: bool,
}

impl Iterator for Paragraphs<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let mut paragraph: Option<Range<usize>> = None;
        while let Some(rest) = self.text.get(self.pos..).filter(|rest| !rest.is_empty()) {
            let line = rest.split('\n').next().unwrap_or(rest);
            let line_start = self.pos;
            self.pos += line.len() + 1;
            let body = line.trim_start();
            if body.is_empty() {
                if paragraph.is_some() {
                    break;
                }
                continue;
            }
            let start = line_start + line.len() - body.len();
            let end = start + body.trim_end().len();
            let paragraph = paragraph.get_or_insert(start..end);
            paragraph.end = end;
            if !self.by_blank_lines {
                break;
            }
        }
        paragraph
    }
}
