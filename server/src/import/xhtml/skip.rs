//! Which elements hold no text to read aloud, and which name their lines as verse.

use quick_xml::events::BytesStart;

use crate::import::xml::{attribute, attribute_exact};

/// Elements whose content is never read: scripts, styles, formulas and ruby annotations, and
/// asides (footnotes, sidebars, pull quotes).
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "rt", "rp", "aside",
];

/// `epub:type` and ARIA `role` values of markers that are not part of the text.
const MARKERS: &[&str] = &[
    "noteref",
    "doc-noteref",
    "pagebreak",
    "doc-pagebreak",
    "footnote",
    "doc-footnote",
    "endnote",
    "doc-endnote",
    "annoref",
    "backlink",
    "doc-backlink",
];

/// Class names of printed line and page numbers.
const NUMBER_CLASSES: &[&str] = &[
    "lnum",
    "linenum",
    "linenumber",
    "line-number",
    "linenr",
    "pagenum",
    "pagenumber",
    "page-number",
    "pageno",
    "page-no",
];

/// Whether nothing inside `element` (local name `name`, lowercase) is read.
pub(super) fn skipped(name: &str, element: &BytesStart<'_>) -> bool {
    if SKIPPED.contains(&name) {
        return true;
    }
    if attribute(element, "hidden").is_some() {
        return true;
    }
    if attribute(element, "aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true")) {
        return true;
    }
    if attribute(element, "style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    }) {
        return true;
    }
    let marked = |value: Option<String>| {
        value.is_some_and(|value| {
            value
                .split_whitespace()
                .any(|word| MARKERS.contains(&word.to_ascii_lowercase().as_str()))
        })
    };
    if marked(attribute_exact(element, "epub:type")) || marked(attribute(element, "role")) {
        return true;
    }
    attribute(element, "class").is_some_and(|class| {
        class
            .split_whitespace()
            .any(|word| NUMBER_CLASSES.contains(&word.to_ascii_lowercase().as_str()))
    })
}

/// Class words of an element whose children are lines of verse.
const VERSE_CLASSES: &[&str] = &[
    "verse",
    "poem",
    "poetry",
    "stanza",
    "linegroup",
    "line-group",
    "lg",
    "song",
];

/// Whether `element`'s class or `epub:type` says it holds verse.
pub(super) fn names_verse(element: &BytesStart<'_>) -> bool {
    let says = |value: Option<String>| {
        value.is_some_and(|value| {
            value
                .split_whitespace()
                .any(|word| VERSE_CLASSES.contains(&word.to_ascii_lowercase().as_str()))
        })
    };
    says(attribute(element, "class")) || says(attribute_exact(element, "epub:type"))
}
