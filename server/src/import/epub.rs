//! EPUB 2 and 3: `META-INF/container.xml` names the package document (OPF); its spine gives the
//! reading order of manifest items, which are XHTML content documents. A document is cut into
//! sections where the table of contents (EPUB 3 navigation document, else the EPUB 2 NCX) points
//! inside it, or, when no entry does, at its headings ([`sections`]); a book in one file with a
//! table of contents reads as the chapters its reader sees.
//!
//! Skipped spine items: `linear="no"`, the navigation document and the NCX, items that are not
//! (X)HTML, and items that are a cover, table of contents, title page or copyright page by the
//! guide, by the navigation document's landmarks, or by their id or file name (`cover`, `toc`,
//! `nav`, `titlepage`, `copyright`, ...). Missing files and documents without text are skipped
//! too. Inside a document, the text of such a page (by its `epub:type`) is not read and the text
//! after it is, even when a table-of-contents entry points at the page and none at that text.
//!
//! A section's title is its table-of-contents label (unless the entry points at a page that is not
//! read: the label names that page), else its first `h1`–`h3` (removed from its text either way),
//! else its document's `<title>` when that is not just the book's title.
//!
//! Refused: a DRM-encrypted book, a spine item or table-of-contents entry that is not in the
//! file, an entry pointing to an id its document lacks, a document that is not well-formed.

mod encryption;
mod navigation;
mod package;
mod sections;

use std::collections::HashSet;

use self::{
    navigation::Navigation,
    package::{rootfile, Package},
};
use super::{
    archive::Archive, outline::guess_kind, xhtml, xml::decode_document, DetectedChapter, Format,
    ImportError, Limits, Listing, Mismatch, SectionKind,
};

/// What an EPUB import returns: the book title and the chapters.
pub(crate) type Imported = (Option<String>, Vec<DetectedChapter>);

const EPUB_MIMETYPE: &str = "application/epub+zip";
const CONTAINER: &str = "META-INF/container.xml";
const NCX_MEDIA_TYPE: &str = "application/x-dtbncx+xml";

/// Imports an `.epub` file.
///
/// # Errors
/// [`ImportError::NotWhatItSays`] for a file that is not a zip, has another mimetype or no
/// container; [`ImportError::NoSpine`]; archive limits; [`ImportError::Malformed`] for XML errors
/// or a missing package document.
pub(crate) fn import_epub(bytes: &[u8], limits: &Limits) -> Result<Imported, ImportError> {
    let mut archive = Archive::open(bytes, Format::Epub, limits)?;
    let mismatch = |problem| ImportError::NotWhatItSays {
        expected: Format::Epub,
        problem,
    };
    if let Some(mimetype) = archive.read("mimetype")? {
        let mimetype = decode_document(&mimetype).trim().to_owned();
        if mimetype != EPUB_MIMETYPE {
            let shown: String = mimetype.chars().take(60).collect();
            return Err(mismatch(Mismatch::WrongMimetype(shown)));
        }
    }
    let Some(container) = archive.read(CONTAINER)? else {
        return Err(mismatch(if archive.contains("word/document.xml") {
            Mismatch::LooksLike(Format::Docx)
        } else {
            Mismatch::MissingPart(CONTAINER.to_owned())
        }));
    };
    encryption::refuse_drm(&mut archive)?;
    let rootfile = rootfile(&decode_document(&container))?.ok_or(mismatch(Mismatch::NoRootfile))?;
    let opf_path = resolve("", &rootfile).ok_or(mismatch(Mismatch::NoRootfile))?;
    let Some(opf) = archive.read(&opf_path)? else {
        // The detail is the zip library's own words; the sentence around it is the page's.
        return Err(ImportError::Malformed(format!(
            "{opf_path}: {}",
            zip::result::ZipError::FileNotFound
        )));
    };
    let package = Package::parse(&opf_path, &decode_document(&opf))?;
    if !package.has_spine || package.spine.is_empty() {
        return Err(ImportError::NoSpine);
    }
    let navigation = Navigation::read(&package, &mut archive)?;
    if let Some(entry) = navigation
        .entries
        .iter()
        .find(|entry| !archive.contains(&entry.path))
    {
        return Err(missing(Listing::Contents, entry.path.clone()));
    }

    let mut documents = Vec::new();
    let mut seen = HashSet::new();
    for itemref in &package.spine {
        let Some(item) = package.manifest.get(&itemref.idref) else {
            return Err(missing(Listing::ReadingOrder, itemref.idref.clone()));
        };
        if !itemref.linear
            || !seen.insert(item.path.clone())
            || navigation.skipped.contains(&item.path)
            || !item.is_content()
            || item.is_navigation()
            || skipped_by_name(&item.id, &item.path)
        {
            continue;
        }
        let Some(bytes) = archive.read(&item.path)? else {
            return Err(missing(Listing::ReadingOrder, item.path.clone()));
        };
        let document = xhtml::extract(&item.path, &decode_document(&bytes))?;
        let cuts =
            sections::toc_cuts(&document, &item.path, &navigation.entries).map_err(|entry| {
                let fragment = entry.fragment.as_deref().unwrap_or_default();
                missing(Listing::Contents, format!("{}#{fragment}", entry.path))
            })?;
        documents.push((document, cuts));
    }
    let with_text = documents
        .iter()
        .filter(|(document, _)| !document.blocks.is_empty())
        .count();

    let mut chapters = Vec::new();
    for (document, mut cuts) in documents {
        if cuts.iter().all(|cut| cut.block == 0) {
            let labels = std::mem::take(&mut cuts);
            cuts = sections::heading_cuts(&document, with_text == 1);
            cuts.extend(labels);
        }
        for piece in sections::pieces(&document, cuts) {
            if piece.text.trim().is_empty() {
                continue;
            }
            let title = piece
                .label
                .or(piece.heading)
                .or_else(|| {
                    document.title.clone().filter(|title| {
                        piece.whole_file_start && Some(title) != package.title.as_ref()
                    })
                })
                .unwrap_or_else(|| format!("Section {}", chapters.len() + 1));
            let kind = kind_from_types(&piece.types).unwrap_or_else(|| guess_kind(&title));
            chapters.push(DetectedChapter {
                title,
                part: piece.part,
                text: piece.text,
                kind,
            });
        }
    }
    Ok((package.title, chapters))
}

/// `epub:type` values and guide or landmark types of pages that are not read.
const SKIPPED_TYPES: &[&str] = &[
    "cover",
    "frontcover",
    "backcover",
    "toc",
    "titlepage",
    "title-page",
    "halftitlepage",
    "copyright-page",
    "copyright",
    "loi",
    "lot",
    "landmarks",
];

/// `epub:type` values of front matter.
const FRONT_TYPES: &[&str] = &[
    "frontmatter",
    "dedication",
    "epigraph",
    "foreword",
    "preface",
    "imprint",
    "contributors",
    "other-credits",
    "errata",
    "seriespage",
];

/// `epub:type` values of back matter.
const BACK_TYPES: &[&str] = &[
    "backmatter",
    "appendix",
    "afterword",
    "glossary",
    "bibliography",
    "index",
    "endnotes",
    "rearnotes",
    "footnotes",
    "colophon",
    "acknowledgments",
];

/// A refusal for `target`, listed in `listed_in` but not in the book.
fn missing(listed_in: Listing, target: String) -> ImportError {
    ImportError::MissingInBook { listed_in, target }
}

fn kind_from_types(types: &[String]) -> Option<SectionKind> {
    // The most specific type wins: `bodymatter` on `body` and `appendix` on a section.
    types.iter().rev().find_map(|t| {
        if FRONT_TYPES.contains(&t.as_str()) {
            Some(SectionKind::FrontMatter)
        } else if BACK_TYPES.contains(&t.as_str()) {
            Some(SectionKind::BackMatter)
        } else if t == "bodymatter" || t == "chapter" || t == "part" {
            Some(SectionKind::Body)
        } else {
            None
        }
    })
}

/// Whether an item's id or file name says it is a cover, table of contents, title or copyright
/// page. Words are compared whole (`toc`, not `toccata`).
fn skipped_by_name(id: &str, path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or(path);
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    [id, stem].iter().any(|name| {
        let lower = name.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|word| !word.is_empty())
            .collect();
        words == ["title"]
            || words.windows(2).any(|pair| pair == ["title", "page"])
            || words.iter().any(|word| {
                matches!(
                    *word,
                    "cover"
                        | "toc"
                        | "nav"
                        | "titlepage"
                        | "halftitle"
                        | "halftitlepage"
                        | "copyright"
                        | "contents"
                        | "frontcover"
                        | "backcover"
                )
            })
    })
}

/// The directory part of an archive path, with its trailing `/` (empty at the root).
fn directory(path: &str) -> &str {
    path.rfind('/')
        .and_then(|slash| path.get(..=slash))
        .unwrap_or("")
}

/// The archive path an `href` in a document under `base` points to: fragment and query dropped,
/// percent-decoded, `.` and `..` resolved. `None` for external links and empty targets.
pub(crate) fn resolve(base: &str, href: &str) -> Option<String> {
    let href = href.trim();
    let href = href.split(['#', '?']).next().unwrap_or("");
    if href.is_empty()
        || href.contains("://")
        || href.starts_with("data:")
        || href.starts_with("mailto:")
    {
        return None;
    }
    let decoded = percent_decode(href);
    let joined = match decoded.strip_prefix('/') {
        Some(absolute) => absolute.to_owned(),
        None => format!("{base}{decoded}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            _ => parts.push(part),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// `%20` and the like decoded; invalid escapes are kept, invalid UTF-8 is replaced.
pub(crate) fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        if byte == b'%' {
            let high = bytes
                .get(index + 1)
                .and_then(|&b| char::from(b).to_digit(16));
            let low = bytes
                .get(index + 2)
                .and_then(|&b| char::from(b).to_digit(16));
            if let (Some(high), Some(low)) = (high, low) {
                out.push(u8::try_from(high * 16 + low).unwrap_or(b'?'));
                index += 3;
                continue;
            }
        }
        out.push(byte);
        index += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
