//! PDF manuscripts, from their text layer: each page's lines with their boxes, in reading order,
//! as poppler's `pdftotext -bbox-layout` writes them (the [`TextLayer`] port; the server fills it
//! with `pdftotext`). What the page prints around the text is dropped: running headers and
//! footers and page numbers ([`furniture`]). Lines are joined into paragraphs by their geometry
//! ([`paragraphs`]): a first-line indent, a wider gap, or a short line ending a sentence starts a
//! new one; a word hyphenated at a line end is joined. The paragraphs then go through the same
//! heading detection as a `.txt`.
//!
//! A PDF with pages but no text on them is a scan: refused, saying so.

mod bbox;
mod furniture;
mod paragraphs;

use super::{text, DetectedChapter, ImportError};

/// Reads a PDF's text layer (the port the server fills with `pdftotext`).
pub trait TextLayer {
    /// The text layer as poppler's `-bbox-layout` XHTML: `page` elements holding `line`s (with
    /// `xMin`, `yMin`, `xMax`, `yMax` in points) holding `word`s.
    ///
    /// # Errors
    /// [`ImportError::PasswordProtected`], [`ImportError::Malformed`] for a PDF that cannot be
    /// read, [`ImportError::NoPdfReader`] when there is no reader.
    fn read(&self, pdf: &[u8]) -> Result<String, ImportError>;
}

/// What a PDF import returns: the book title (a PDF gives none here) and the chapters.
pub(crate) type Imported = (Option<String>, Vec<DetectedChapter>);

/// The first bytes of every PDF (within its first kilobyte, by the standard).
const MAGIC: &[u8] = b"%PDF-";

/// Whether `bytes` start as a PDF does.
pub(crate) fn is_pdf(bytes: &[u8]) -> bool {
    bytes
        .get(..1024.min(bytes.len()))
        .is_some_and(|head| head.windows(MAGIC.len()).any(|window| window == MAGIC))
}

/// Imports the text layer `layer` of a PDF.
///
/// # Errors
/// [`ImportError::NoTextLayer`] when no page holds text; [`ImportError::Malformed`] when the
/// layer is not the reader's XHTML.
pub(crate) fn import_layer(layer: &str, fallback_title: &str) -> Result<Imported, ImportError> {
    let mut pages = bbox::pages(layer)?;
    if pages.iter().all(Vec::is_empty) {
        return Err(ImportError::NoTextLayer { pages: pages.len() });
    }
    furniture::drop_furniture(&mut pages);
    let text = paragraphs::paragraphs(&pages);
    Ok(text::import_paragraphs(&text, fallback_title))
}
