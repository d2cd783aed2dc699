//! Why a manuscript could not be imported, as data: the server's import picks the variant, the
//! page words it ([`crate::i18n::Texts::import_error`]).

use serde::{Deserialize, Serialize};

/// A manuscript file format, chosen by extension and verified by content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain UTF-8 text (`.txt`, `.text`).
    Text,
    /// Markdown (`.md`, `.markdown`).
    Markdown,
    /// A Word document (`.docx`).
    Docx,
    /// An EPUB book (`.epub`).
    Epub,
    /// A PDF document with a text layer (`.pdf`).
    Pdf,
}

impl Format {
    /// The format a file name's extension announces (compared ignoring case; directories in the
    /// name, with `/` or `\`, are ignored).
    ///
    /// # Errors
    /// [`ImportError::UnsupportedExtension`] with the extension (lowercase, without the dot; empty
    /// when there is none) for any other extension.
    pub fn from_file_name(file_name: &str) -> Result<Self, ImportError> {
        let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
        let extension = match base.rfind('.') {
            Some(dot) if dot > 0 => base.get(dot + 1..).unwrap_or(""),
            _ => "",
        }
        .to_lowercase();
        match extension.as_str() {
            "txt" | "text" => Ok(Self::Text),
            "md" | "markdown" => Ok(Self::Markdown),
            "docx" => Ok(Self::Docx),
            "epub" => Ok(Self::Epub),
            "pdf" => Ok(Self::Pdf),
            _ => Err(ImportError::UnsupportedExtension(extension)),
        }
    }

    /// The format's usual extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Text => "txt",
            Self::Markdown => "md",
            Self::Docx => "docx",
            Self::Epub => "epub",
            Self::Pdf => "pdf",
        }
    }
}

/// The content evidence that a file is not of the format its extension claims.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Mismatch {
    /// The file is not a zip archive (DOCX and EPUB files are zips).
    NotZip,
    /// The archive lacks a part every file of the format has.
    MissingPart(String),
    /// The EPUB's `mimetype` entry is not `application/epub+zip`.
    WrongMimetype(String),
    /// `META-INF/container.xml` names no package document.
    NoRootfile,
    /// The content is another supported format.
    LooksLike(Format),
    /// The text holds a NUL byte, so it is binary data.
    Binary {
        /// Offset of the first NUL byte.
        byte: usize,
    },
    /// The file does not start as every PDF does (`%PDF-`).
    NotPdf,
    /// The text is not valid UTF-8.
    NotUtf8 {
        /// Offset of the first byte that is not UTF-8.
        byte: usize,
    },
}

/// The list in a book that names a part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Listing {
    /// The reading order (an EPUB's spine).
    ReadingOrder,
    /// The table of contents (an EPUB's navigation document or NCX).
    Contents,
}

/// Why a file could not be imported. Its words are in `i18n` (`Display` gives the English).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportError {
    /// The extension is not one of `.txt`, `.md`, `.docx`, `.epub`, `.pdf` (lowercase, without
    /// the dot).
    UnsupportedExtension(String),
    /// The upload is bigger than the limit; it was not parsed.
    TooLarge {
        /// Size of the upload in bytes.
        bytes: usize,
        /// The largest accepted size in bytes.
        max: usize,
    },
    /// The content contradicts the extension.
    NotWhatItSays {
        /// The format the extension announced.
        expected: Format,
        /// What gave it away.
        problem: Mismatch,
    },
    /// The archive holds more entries than any manuscript needs.
    TooManyEntries {
        /// Entries in the archive.
        entries: usize,
        /// The largest accepted number of entries.
        max: usize,
    },
    /// Reading the archive would unpack more than the limit.
    UncompressedTooLarge {
        /// The largest accepted total of uncompressed bytes.
        max: u64,
    },
    /// An archive entry expands far more than real documents do.
    ZipBomb,
    /// The EPUB's package document has no spine, or an empty one: no reading order.
    NoSpine,
    /// The Word document contains no paragraph with text.
    NoParagraphs,
    /// The file contains no text (after dropping blank chapters and skipped sections).
    NoText,
    /// A part of the file could not be parsed (an XML error, a damaged archive): the parser's
    /// detail.
    Malformed(String),
    /// The book is encrypted (DRM): only the app it was sold for can read it.
    Encrypted,
    /// The book lists a part that is not in the file.
    MissingInBook {
        /// Where it is listed.
        listed_in: Listing,
        /// The part: a spine item's id or path, or a table-of-contents target (`file#id`).
        target: String,
    },
    /// The PDF has pages but no text on them: a scan, which would need OCR first.
    NoTextLayer {
        /// Its number of pages.
        pages: usize,
    },
    /// The PDF opens only with a password.
    PasswordProtected,
    /// The server cannot read PDFs (its PDF reader, poppler-utils, is not installed).
    NoPdfReader,
    /// A chapter is bigger than a chapter may be.
    ChapterTooLarge {
        /// The chapter's title.
        title: String,
        /// Size of its text in bytes.
        bytes: usize,
        /// The largest accepted chapter size in bytes.
        max: usize,
    },
}

impl std::error::Error for ImportError {}
