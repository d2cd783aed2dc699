//! Tests of the manuscript import. DOCX and EPUB files are built in memory with the `zip`
//! writer; text snippets imitate the benchmark novels (Emma, Middlemarch, La Regenta, Fortunata
//! y Jacinta) without reading them.

mod docx;
mod epub;
mod epub_refusals;
mod epub_sections;
mod limits;
mod pdf;
mod properties;
mod real_books;
mod text;

use std::io::{Cursor, Write};

use zip::{write::SimpleFileOptions, CompressionMethod, ZipWriter};

use super::*;
use crate::pdftotext::Pdftotext;

/// A zip archive of `entries`, deflated.
pub(super) fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        // EPUB wants its `mimetype` first and stored.
        let method = if *name == "mimetype" {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        let options = SimpleFileOptions::default().compression_method(method);
        writer.start_file(*name, options).unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// Imports `bytes` as `name`, expecting success.
pub(super) fn ok(name: &str, bytes: &[u8]) -> Manuscript {
    match import(name, bytes, &Pdftotext::default()) {
        Ok(manuscript) => manuscript,
        Err(error) => panic!("importing {name} failed: {error}"),
    }
}

/// Imports `bytes` as `name`, expecting an error.
pub(super) fn err(name: &str, bytes: &[u8]) -> ImportError {
    match import(name, bytes, &Pdftotext::default()) {
        Ok(manuscript) => panic!("importing {name} succeeded: {manuscript:?}"),
        Err(error) => error,
    }
}

/// The chapters' titles.
pub(super) fn titles(manuscript: &Manuscript) -> Vec<&str> {
    manuscript
        .chapters
        .iter()
        .map(|chapter| chapter.title.as_str())
        .collect()
}

/// The chapters' parts.
pub(super) fn parts(manuscript: &Manuscript) -> Vec<Option<&str>> {
    manuscript
        .chapters
        .iter()
        .map(|chapter| chapter.part.as_deref())
        .collect()
}

/// The chapters' kinds.
pub(super) fn kinds(manuscript: &Manuscript) -> Vec<SectionKind> {
    manuscript
        .chapters
        .iter()
        .map(|chapter| chapter.kind)
        .collect()
}

/// Every chapter follows the paragraph convention.
pub(super) fn assert_convention(manuscript: &Manuscript) {
    for chapter in &manuscript.chapters {
        let text = &chapter.text;
        assert!(!text.trim().is_empty(), "blank chapter {:?}", chapter.title);
        assert!(!text.contains("\n\n\n"), "{text:?}");
        assert!(!text.contains('\r'), "{text:?}");
        assert!(
            !text.starts_with('\n') && !text.ends_with(char::is_whitespace),
            "{text:?}"
        );
        for line in text.lines() {
            assert_eq!(line, line.trim_end(), "trailing whitespace in {text:?}");
        }
    }
}

#[test]
fn format_comes_from_the_extension_in_any_case() {
    assert_eq!(Format::from_file_name("book.TXT"), Ok(Format::Text));
    assert_eq!(Format::from_file_name("dir/book.md"), Ok(Format::Markdown));
    assert_eq!(
        Format::from_file_name("C:\\Users\\x\\Novela.DocX"),
        Ok(Format::Docx)
    );
    assert_eq!(Format::from_file_name("a.b.epub"), Ok(Format::Epub));
    assert_eq!(Format::from_file_name("Scan.PDF"), Ok(Format::Pdf));
    assert_eq!(
        Format::from_file_name("book.odt"),
        Err(ImportError::UnsupportedExtension("odt".to_owned()))
    );
    assert_eq!(
        Format::from_file_name(".epub"),
        Err(ImportError::UnsupportedExtension(String::new()))
    );
}

#[test]
fn unknown_extensions_are_refused_with_a_clear_message() {
    let error = err("novel.odt", b"PK\x03\x04");
    assert_eq!(error, ImportError::UnsupportedExtension("odt".to_owned()));
    assert!(
        error.to_string().contains(".odt cannot be imported"),
        "{error}"
    );
    let error = err("README", b"text");
    assert_eq!(error, ImportError::UnsupportedExtension(String::new()));
    assert!(error.to_string().contains("no extension"), "{error}");
}

#[test]
fn uploads_over_50_mb_are_refused_before_parsing() {
    // Valid text and a valid-looking name: only the size can make it fail.
    let bytes = vec![b'a'; MAX_UPLOAD_BYTES + 1];
    for name in ["big.txt", "big.md", "big.docx", "big.epub"] {
        let error = err(name, &bytes);
        assert_eq!(
            error,
            ImportError::TooLarge {
                bytes: MAX_UPLOAD_BYTES + 1,
                max: MAX_UPLOAD_BYTES
            }
        );
        assert!(error.to_string().contains("50.0 MB"), "{error}");
    }
}

#[test]
fn section_kinds_serialize_in_lowercase() {
    let json = serde_json::to_string(&[
        SectionKind::Body,
        SectionKind::FrontMatter,
        SectionKind::BackMatter,
    ])
    .unwrap();
    assert_eq!(json, r#"["body","frontmatter","backmatter"]"#);
    let back: SectionKind = serde_json::from_str(r#""frontmatter""#).unwrap();
    assert_eq!(back, SectionKind::FrontMatter);
    assert_eq!(serde_json::to_string(&Format::Epub).unwrap(), r#""epub""#);
}

#[test]
fn mismatch_messages_name_the_format() {
    let error = ImportError::NotWhatItSays {
        expected: Format::Docx,
        problem: Mismatch::NotZip,
    };
    assert_eq!(
        error.to_string(),
        "This file says .docx but is not a Word document: it is not a zip archive"
    );
}

#[test]
fn normalize_paragraphs_trims_lines_and_collapses_blank_runs() {
    assert_eq!(
        normalize_paragraphs("\n\n  One  \n two\t\n\n\n \nThree \n\n"),
        "  One\n two\n\nThree"
    );
    assert_eq!(normalize_paragraphs(" \n\t\n"), "");
}
