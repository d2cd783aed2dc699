//! PDF manuscripts: the text layer rebuilt into paragraphs and chapters (pure, with a text layer
//! given here), and real PDFs read by `pdftotext` (`server/tests/books`, its README says how they
//! were made).

use super::*;
use crate::import::TextLayer;

fn book_file(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/books/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// A text's paragraphs (lines of verse counted as paragraphs: a PDF sets them apart the same
/// way), hyphens and whitespace runs aside: a word hyphenated at a line end may keep its hyphen.
fn paragraphs(text: &str) -> Vec<String> {
    text.split('\n')
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            line.replace('-', "")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// Asserts that two texts hold the same paragraphs, showing the first that differs.
fn same_paragraphs(pdf: &str, source: &str, title: &str) {
    let (pdf, source) = (paragraphs(pdf), paragraphs(source));
    if let Some((a, b)) = pdf.iter().zip(&source).find(|(a, b)| a != b) {
        panic!("{title}: the PDF reads\n{a}\nwhere the source reads\n{b}");
    }
    assert_eq!(pdf.len(), source.len(), "{title}: paragraphs");
}

#[test]
fn moby_dick_printed_by_chromium_reads_as_its_epub() {
    let pdf = ok("moby-dick-1-3.pdf", &book_file("moby-dick-1-3.pdf"));
    let epub = ok("moby-dick.epub", &book_file("moby-dick.epub"));
    assert_eq!(pdf.format, Format::Pdf);
    assert_eq!(
        titles(&pdf),
        [
            "Chapter 1. Loomings.",
            "Chapter 2. The Carpet-Bag.",
            "Chapter 3. The Spouter-Inn."
        ]
    );
    for chapter in &pdf.chapters {
        let source = epub
            .chapters
            .iter()
            .find(|c| c.title == chapter.title)
            .expect("the EPUB has the chapter");
        same_paragraphs(&chapter.text, &source.text, &chapter.title);
        // The running header and the page numbers are gone.
        assert!(!chapter.text.contains("MOBY-DICK; OR, THE WHALE"));
        assert!(!chapter
            .text
            .split("\n\n")
            .any(|p| p.chars().all(|c| c.is_ascii_digit())));
    }
    // Hyphenation: the compound written with its hyphen elsewhere keeps it.
    assert!(pdf.chapters[2].text.contains("Cape-Horner"));
    assert_convention(&pdf);
}

#[test]
fn niebla_typeset_with_hyphenation_reads_as_its_text() {
    let pdf = ok("niebla-1-3.pdf", &book_file("niebla-1-3.pdf"));
    let demo = include_str!("../../../demo/es-unamuno-niebla-cap01-03.txt");
    let txt = ok("niebla.txt", demo.as_bytes());
    assert_eq!(titles(&pdf), ["I", "II", "III"]);
    for (chapter, source) in pdf.chapters.iter().zip(&txt.chapters) {
        same_paragraphs(&chapter.text, &source.text, &chapter.title);
        assert!(!chapter.text.contains("Miguel de Unamuno — Niebla"));
    }
    // Words cut at line ends are whole again, and raya dialogue keeps its spaces.
    let first = &pdf.chapters[0].text;
    assert!(first.contains("actitud estatuaria y augusta"), "{first}");
    assert!(first.contains("cosas —pensó Augusto—; tener"), "{first}");
    assert_convention(&pdf);
}

#[test]
fn a_scan_a_password_and_a_damaged_pdf_are_refused() {
    assert_eq!(
        err("scan.pdf", &book_file("scanned.pdf")),
        ImportError::NoTextLayer { pages: 1 }
    );
    assert_eq!(
        err("locked.pdf", &book_file("password.pdf")),
        ImportError::PasswordProtected
    );
    let mut damaged = book_file("niebla-1-3.pdf");
    damaged.truncate(400);
    assert!(
        matches!(err("cut.pdf", &damaged), ImportError::Malformed(detail) if detail.contains("pdftotext")),
    );
    assert_eq!(
        err("letter.pdf", b"Dear reader,\n"),
        ImportError::NotWhatItSays {
            expected: Format::Pdf,
            problem: Mismatch::NotPdf
        }
    );
}

/// A text layer given as lines: (left, top, right, text) on 12-point lines, one page per slice.
struct Lines(Vec<Vec<(f32, f32, f32, &'static str)>>);

impl TextLayer for Lines {
    fn read(&self, _pdf: &[u8]) -> Result<String, ImportError> {
        let mut out = String::from("<html><body><doc>");
        for page in &self.0 {
            out.push_str("<page width=\"400\" height=\"600\"><flow><block>");
            for (left, top, right, text) in page {
                let bottom = top + 12.0;
                out.push_str(&format!(
                    "<line xMin=\"{left}\" yMin=\"{top}\" xMax=\"{right}\" yMax=\"{bottom}\">"
                ));
                for word in text.split(' ') {
                    let word = word.replace('&', "&amp;");
                    out.push_str(&format!("<word>{word}</word>"));
                }
                out.push_str("</line>");
            }
            out.push_str("</block></flow></page>");
        }
        out.push_str("</doc></body></html>");
        Ok(out)
    }
}

fn import_lines(pages: Vec<Vec<(f32, f32, f32, &'static str)>>) -> Manuscript {
    import("book.pdf", b"%PDF-1.7\n", &Lines(pages)).expect("imports")
}

#[test]
fn headers_footers_page_numbers_indents_and_hyphens() {
    let page = |number: &'static str, body: Vec<(f32, f32, f32, &'static str)>| {
        let mut lines = vec![(150.0, 20.0, 250.0, "A NOVEL IN PARTS")];
        lines.extend(body);
        lines.push((195.0, 560.0, 205.0, number));
        lines
    };
    let manuscript = import_lines(vec![
        page(
            "1",
            vec![
                (170.0, 60.0, 230.0, "CHAPTER I"),
                (
                    60.0,
                    100.0,
                    350.0,
                    "It was a dark and stormy night; the rain fell in",
                ),
                (
                    50.0,
                    114.0,
                    350.0,
                    "torrents, except at occasional intervals, when it was",
                ),
                (
                    50.0,
                    128.0,
                    350.0,
                    "checked by a violent gust of wind which swept up the",
                ),
                (50.0, 142.0, 200.0, "streets. A dog barked."),
                (
                    60.0,
                    156.0,
                    350.0,
                    "“Who goes there?” asked the watchman, a well-",
                ),
                (
                    50.0,
                    170.0,
                    350.0,
                    "known figure of the town, and he raised his lan-",
                ),
            ],
        ),
        page(
            "2",
            vec![
                (
                    50.0,
                    60.0,
                    350.0,
                    "tern high above the water-gate of the old town walls",
                ),
                (50.0, 74.0, 290.0, "while the storm went on."),
                (
                    50.0,
                    100.0,
                    350.0,
                    "After a gap, without an indent, a new paragraph.",
                ),
            ],
        ),
        page(
            "3",
            vec![
                (170.0, 60.0, 230.0, "CHAPTER II"),
                (60.0, 100.0, 350.0, "Morning came, and the water-"),
                (50.0, 114.0, 200.0, "gate was open."),
            ],
        ),
    ]);
    assert_eq!(titles(&manuscript), ["CHAPTER I", "CHAPTER II"]);
    assert_eq!(
        manuscript.chapters[0].text,
        "It was a dark and stormy night; the rain fell in torrents, except at occasional \
         intervals, when it was checked by a violent gust of wind which swept up the streets. A \
         dog barked.\n\n\
         “Who goes there?” asked the watchman, a wellknown figure of the town, and he raised \
         his lantern high above the water-gate of the old town walls while the storm went on.\n\n\
         After a gap, without an indent, a new paragraph."
    );
    // "water-gate" is written whole elsewhere, so its line-end hyphen stays.
    assert_eq!(
        manuscript.chapters[1].text,
        "Morning came, and the water-gate was open."
    );
}

#[test]
fn a_layer_without_text_is_a_scan() {
    let layer = Lines(vec![vec![], vec![]]);
    assert_eq!(
        import("scan.pdf", b"%PDF-1.4\n", &layer).unwrap_err(),
        ImportError::NoTextLayer { pages: 2 }
    );
}

#[test]
fn a_300_page_pdf_finds_its_chapters() {
    let pdf = ok("moby-dick-300.pdf", &book_file("moby-dick-300.pdf"));
    let titles = titles(&pdf);
    assert!(titles.len() > 30, "{titles:?}");
    assert_eq!(titles[0], "Chapter 1. Loomings.");
    assert_eq!(titles[31], "Chapter 32. Cetology.");
    // No running header or "Page N" footer left anywhere.
    assert!(!pdf
        .chapters
        .iter()
        .any(|c| c.text.contains("Page ") || c.text.contains("\n\nMoby-Dick\n\n")));
    assert_convention(&pdf);
}
