//! Manuscript import: turns an uploaded file (`.txt`, `.md`, `.docx`, `.epub` or `.pdf`) into a
//! book title and a list of chapters with their text. Pure: it takes the file name and its bytes
//! and does no IO, so the caller decides where uploads come from and where chapters go; a PDF's
//! text layer comes through the [`TextLayer`] port, which the caller fills.
//!
//! The format comes from the file name's extension and is then checked against the content (a
//! `.docx` must be a zip holding `word/document.xml`, a `.txt` must be UTF-8 text, ...). Archives
//! are read under [`Limits`] (entries, total uncompressed bytes, compression ratio), so a zip bomb
//! costs a bounded amount of work. No input makes this module panic.
//!
//! Every chapter's text follows the segmenter's paragraph convention: paragraphs separated by one
//! blank line (`\n\n`), no trailing whitespace on any line, no leading or trailing blank lines.
//! Chapters whose text is blank are dropped.

mod archive;
mod docx;
mod epub;
mod headings;
mod outline;
mod pdf;
mod text;
mod xhtml;
mod xml;

#[cfg(test)]
mod tests;

pub use app::error::{Format, ImportError, Listing, Mismatch};
pub use pdf::TextLayer;
use serde::{Deserialize, Serialize};
use shared::ChapterText;

/// Largest upload accepted, in bytes (50 MB); anything bigger is refused before parsing.
pub const MAX_UPLOAD_BYTES: usize = 50 * 1024 * 1024;

/// What an import found: the book's title when the file names one, and its chapters in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manuscript {
    /// The book's title, from the document's metadata (EPUB `dc:title`, DOCX `dc:title` or a lone
    /// `Title` paragraph, a lone Markdown `#` heading, a Project Gutenberg `Title:` line).
    pub title: Option<String>,
    /// The format the file was read as.
    pub format: Format,
    /// The chapters, in reading order; none is blank.
    pub chapters: Vec<DetectedChapter>,
}

/// One chapter found in a manuscript.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DetectedChapter {
    /// The chapter's heading (`CHAPTER I`, `-I- Juanito Santa Cruz`, an EPUB `<h1>`), which is
    /// not repeated in [`Self::text`]; a made-up title (`Front matter`, the file name) when the
    /// chapter had none.
    pub title: String,
    /// The part, book or volume heading the chapter belongs to (`VOLUME I`, `BOOK I. MISS
    /// BROOKE.`), when the manuscript has such headings above its chapters.
    pub part: Option<String>,
    /// The chapter's text: paragraphs separated by one blank line, no trailing whitespace.
    pub text: String,
    /// Whether this looks like the body of the book or like front or back matter.
    pub kind: SectionKind,
}

/// Where a chapter belongs in the book; a guess from its title that the producer can override.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    /// The story or main text, to be narrated (prologues and epilogues included).
    Body,
    /// Contents, dedication, preface, copyright and the like, before the body.
    FrontMatter,
    /// Appendices, notes, glossary, about the author, licences, after the body.
    BackMatter,
}

/// The bounds an import works within. [`Limits::default`] is what [`import`] uses; tests lower
/// them to exercise each refusal with small inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest upload, in bytes.
    pub max_upload_bytes: usize,
    /// Largest total of bytes unpacked from an archive, over all the entries read.
    pub max_uncompressed_bytes: u64,
    /// Largest number of entries in an archive.
    pub max_entries: usize,
    /// Largest ratio of unpacked to packed size for an entry that unpacks to more than
    /// [`Limits::ratio_free_bytes`].
    pub max_compression_ratio: u64,
    /// Bytes an entry may unpack to whatever its compression ratio.
    pub ratio_free_bytes: u64,
    /// Largest chapter text, in bytes.
    pub max_chapter_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_upload_bytes: MAX_UPLOAD_BYTES,
            max_uncompressed_bytes: 200 * 1024 * 1024,
            max_entries: 10_000,
            // Word and EPUB XML compresses about 5 to 20 times; zeros about 1000 times.
            max_compression_ratio: 100,
            ratio_free_bytes: 1024 * 1024,
            max_chapter_bytes: ChapterText::MAX_BYTES,
        }
    }
}

/// Imports a manuscript with the default [`Limits`].
///
/// # Errors
/// See [`ImportError`]: unsupported extension, oversize upload, content that is not what the
/// extension says, archive limits, no text, damaged XML, an oversize chapter, a PDF without text
/// layer or with a password.
pub fn import(
    file_name: &str,
    bytes: &[u8],
    text_layer: &dyn TextLayer,
) -> Result<Manuscript, ImportError> {
    import_with_limits(file_name, bytes, &Limits::default(), text_layer)
}

/// Imports a manuscript within `limits`.
///
/// # Errors
/// As [`import`].
pub fn import_with_limits(
    file_name: &str,
    bytes: &[u8],
    limits: &Limits,
    text_layer: &dyn TextLayer,
) -> Result<Manuscript, ImportError> {
    let format = Format::from_file_name(file_name)?;
    if bytes.len() > limits.max_upload_bytes {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            max: limits.max_upload_bytes,
        });
    }
    let fallback_title = file_stem(file_name);
    let (title, chapters) = match format {
        Format::Text => text::import_text(bytes, &fallback_title, false)?,
        Format::Markdown => text::import_text(bytes, &fallback_title, true)?,
        Format::Docx => docx::import_docx(bytes, &fallback_title, limits)?,
        Format::Epub => epub::import_epub(bytes, limits)?,
        Format::Pdf => {
            if !pdf::is_pdf(bytes) {
                return Err(ImportError::NotWhatItSays {
                    expected: Format::Pdf,
                    problem: Mismatch::NotPdf,
                });
            }
            pdf::import_layer(&text_layer.read(bytes)?, &fallback_title)?
        }
    };
    let chapters = finish(chapters, limits)?;
    if chapters.is_empty() {
        return Err(match format {
            Format::Docx => ImportError::NoParagraphs,
            _ => ImportError::NoText,
        });
    }
    Ok(Manuscript {
        title: title
            .map(|title| clean_title(&title))
            .filter(|t| !t.is_empty()),
        format,
        chapters,
    })
}

/// Normalises every chapter's text and title, drops blank chapters, and enforces the chapter size.
fn finish(
    chapters: Vec<DetectedChapter>,
    limits: &Limits,
) -> Result<Vec<DetectedChapter>, ImportError> {
    let mut kept = Vec::with_capacity(chapters.len());
    for (index, chapter) in chapters.into_iter().enumerate() {
        let text = normalize_paragraphs(&chapter.text);
        if text.is_empty() {
            continue;
        }
        let mut title = clean_title(&chapter.title);
        if title.is_empty() {
            title = format!("Chapter {}", index + 1);
        }
        if text.len() > limits.max_chapter_bytes {
            return Err(ImportError::ChapterTooLarge {
                title,
                bytes: text.len(),
                max: limits.max_chapter_bytes,
            });
        }
        kept.push(DetectedChapter {
            title,
            part: chapter
                .part
                .map(|part| clean_title(&part))
                .filter(|p| !p.is_empty()),
            text,
            kind: chapter.kind,
        });
    }
    Ok(kept)
}

/// Longest title kept, in characters; longer ones are cut with an ellipsis.
const MAX_TITLE_CHARS: usize = 200;

/// A title on one line: whitespace runs become one space, and very long titles are cut.
fn clean_title(title: &str) -> String {
    let mut out = String::with_capacity(title.len().min(MAX_TITLE_CHARS * 4));
    for (count, word) in title.split_whitespace().enumerate() {
        if count > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    if let Some((cut, _)) = out.char_indices().nth(MAX_TITLE_CHARS) {
        out.truncate(cut);
        out.push('…');
    }
    out
}

/// The paragraph convention: lines without trailing whitespace, runs of blank lines collapsed to
/// one, no blank lines at either end.
pub(crate) fn normalize_paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_pending = false;
    for line in text.split('\n') {
        let line = line.trim_end();
        if line.is_empty() {
            blank_pending = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if blank_pending {
                out.push('\n');
            }
        }
        blank_pending = false;
        out.push_str(line);
    }
    out
}

/// Whether `line` ends with one of `marks`, closing quotes and brackets (and spaces) after it
/// allowed: `…said.”` ends a sentence.
pub(crate) fn ends_with_mark(line: &str, marks: &[char]) -> bool {
    line.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
    })
    .ends_with(marks)
}

/// The file name without directories; both `/` and `\` separate them.
fn base_name(file_name: &str) -> &str {
    file_name.rsplit(['/', '\\']).next().unwrap_or(file_name)
}

/// The base name without its extension, used as a title when nothing better is found.
fn file_stem(file_name: &str) -> String {
    let base = base_name(file_name);
    let stem = match base.rfind('.') {
        Some(dot) if dot > 0 => base.get(..dot).unwrap_or(base),
        _ => base,
    };
    let stem = stem.trim();
    if stem.is_empty() {
        "Untitled".to_owned()
    } else {
        stem.to_owned()
    }
}
