//! Published EPUBs of different shapes (`server/tests/books`; its README gives sources and
//! licences), each imported with the sections its own table of contents lists, each section
//! starting and ending where the book's table of contents says.

use super::*;

fn book(name: &str) -> Manuscript {
    let path = format!("{}/tests/books/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    ok(name, &bytes)
}

/// The section titled `title`.
fn section<'a>(manuscript: &'a Manuscript, title: &str) -> &'a DetectedChapter {
    manuscript
        .chapters
        .iter()
        .find(|chapter| chapter.title == title)
        .unwrap_or_else(|| panic!("no section {title:?} in {:?}", titles(manuscript)))
}

/// Asserts that the section `title` starts and ends with these words.
fn bounds(manuscript: &Manuscript, title: &str, starts: &str, ends: &str) {
    let text = &section(manuscript, title).text;
    assert!(
        text.starts_with(starts),
        "{title} starts {:?}",
        text.get(..80)
    );
    assert!(
        text.ends_with(ends),
        "{title} ends {:?}",
        text.get(text.len().saturating_sub(80)..)
    );
}

#[test]
fn moby_dick_one_file_per_chapter() {
    let book = book("moby-dick.epub");
    assert_eq!(book.title.as_deref(), Some("Moby-Dick"));
    assert_eq!(book.chapters.len(), 139);
    let titles = titles(&book);
    assert_eq!(
        titles[..4],
        [
            "Original Transcriber’s Notes:",
            "ETYMOLOGY.",
            "EXTRACTS (Supplied by a Sub-Sub-Librarian).",
            "Chapter 1. Loomings."
        ]
    );
    assert_eq!(titles[138], "Epilogue");
    let body = book
        .chapters
        .iter()
        .filter(|chapter| chapter.kind == SectionKind::Body)
        .count();
    assert_eq!(body, 136, "135 chapters and the epilogue");
    bounds(
        &book,
        "Chapter 1. Loomings.",
        "Call me Ishmael. Some years ago",
        "like a snow hill in the air.",
    );
    bounds(
        &book,
        "Epilogue",
        "“AND I ONLY AM ESCAPED ALONE TO TELL THEE”",
        "only found another orphan.",
    );
    assert_convention(&book);
}

#[test]
fn childrens_literature_one_file_cut_by_its_navigation() {
    let book = book("childrens-literature.epub");
    assert_eq!(book.title.as_deref(), Some("Children's Literature"));
    let titles = titles(&book);
    assert_eq!(titles.len(), 17);
    assert_eq!(
        titles[..3],
        ["BIBLIOGRAPHY", "INTRODUCTORY", "190 A FOUR-LEAVED CLOVER"]
    );
    assert_eq!(
        titles[16],
        "204 THE KING OF THE GOLDEN RIVER OR THE BLACK BROTHERS"
    );
    // The four tales inside "A Four-Leaved Clover" are hidden in the navigation: not cut.
    bounds(
        &book,
        "190 A FOUR-LEAVED CLOVER",
        "The rabbis of old were good story-tellers.",
        "flew away, and was lost in the distance.",
    );
    bounds(
        &book,
        "192 THE REAL PRINCESS",
        "By almost common consent Hans Christian Andersen",
        "Now this is a true story!",
    );
    assert_eq!(
        section(&book, "INTRODUCTORY").part.as_deref(),
        Some("SECTION IV FAIRY STORIES—MODERN FANTASTIC TALES")
    );
    assert_eq!(section(&book, "BIBLIOGRAPHY").kind, SectionKind::BackMatter);
    assert_convention(&book);
}

#[test]
fn childrens_literature_as_epub2_reads_by_its_ncx() {
    let epub2 = book("childrens-literature-epub2.epub");
    let epub3 = book("childrens-literature.epub");
    let titles = titles(&epub2);
    // The NCX lists the four tales the navigation document hides, and no page numbers.
    assert_eq!(titles.len(), 21);
    assert_eq!(
        titles[3..7],
        [
            "I. The Rabbi and the Diadem",
            "II. Friendship",
            "III. True Charity",
            "IV. An Eastern Garden"
        ]
    );
    assert_eq!(
        section(&epub2, "II. Friendship").part.as_deref(),
        Some("190 A FOUR-LEAVED CLOVER")
    );
    for title in [
        "192 THE REAL PRINCESS",
        "204 THE KING OF THE GOLDEN RIVER OR THE BLACK BROTHERS",
    ] {
        assert_eq!(section(&epub2, title).text, section(&epub3, title).text);
    }
}

#[test]
fn the_waste_land_verse_in_div_lines() {
    let book = book("wasteland.epub");
    assert_eq!(
        titles(&book),
        [
            "I. THE BURIAL OF THE DEAD",
            "II. A GAME OF CHESS",
            "III. THE FIRE SERMON",
            "IV. DEATH BY WATER",
            "V. WHAT THE THUNDER SAID",
            "NOTES ON \"THE WASTE LAND\""
        ]
    );
    use SectionKind::{BackMatter, Body};
    assert_eq!(kinds(&book), [Body, Body, Body, Body, Body, BackMatter]);
    let first = &book.chapters[0].text;
    assert!(
        first.starts_with(
            "April is the cruellest month, breeding\nLilacs out of the dead land, mixing\n"
        ),
        "{first:?}"
    );
    // Line numbers and note references are not read.
    assert!(
        first.contains("into the Hofgarten,\nAnd drank coffee"),
        "{first:?}"
    );
    assert!(first.contains("Son of man,\nYou cannot say"), "{first:?}");
    bounds(
        &book,
        "IV. DEATH BY WATER",
        "Phlebas the Phoenician, a fortnight dead,\nForgot",
        "who was once handsome and tall as you.",
    );
    assert_convention(&book);
}

#[test]
fn georgia_one_file_of_nested_sections() {
    let book = book("georgia.epub");
    assert_eq!(
        titles(&book),
        [
            "GEORGIA",
            "Climate and Soils",
            "Minerals",
            "Agriculture",
            "Manufactures",
            "Population",
            "Government",
            "Education",
            "Finance",
            "History"
        ]
    );
    assert!(book.chapters[1..]
        .iter()
        .all(|chapter| chapter.part.as_deref() == Some("GEORGIA")));
    bounds(
        &book,
        "Finance",
        "The assessed value of taxable property in 1910",
        "but by contract it may be 8%.",
    );
    // The notes are asides: not read inside the chapter.
    assert!(!book
        .chapters
        .iter()
        .any(|c| c.text.contains("usual nomenclature")));
}

#[test]
fn an_arabic_book_cut_at_its_headings() {
    let book = book("regime-anticancer-arabic.epub");
    assert_eq!(book.chapters.len(), 5);
    assert_eq!(book.chapters[0].title, "من أين تأتي الحياة؟");
    assert!(
        book.chapters[0].text.starts_with("حسنًا!"),
        "{:?}",
        book.chapters[0].text.get(..40)
    );
    assert_convention(&book);
}
