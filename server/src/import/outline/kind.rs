//! Front and back matter told from a title (`Contents`, `Appendix A`, `About the Author`), and
//! the keyword match that heading detection shares.

use crate::import::SectionKind;

/// Front matter titles, lowercase: matched whole, or followed by `:`, `.` or a dash.
const FRONT: &[&str] = &[
    "front matter",
    "contents",
    "table of contents",
    "índice",
    "indice",
    "índice general",
    "sumario",
    "preface",
    "prefacio",
    "foreword",
    "dedication",
    "dedicatoria",
    "copyright",
    "title page",
    "epigraph",
    "epígrafe",
    "nota del editor",
    "editor's note",
];

/// Back matter titles, lowercase, matched like [`FRONT`].
const BACK: &[&str] = &[
    "appendix",
    "apéndice",
    "apendice",
    "anexo",
    "notes",
    "endnotes",
    "notas",
    "glossary",
    "glosario",
    "about the author",
    "about the authors",
    "sobre el autor",
    "sobre la autora",
    "acerca del autor",
    "acerca de la autora",
    "acknowledgements",
    "acknowledgments",
    "agradecimientos",
    "bibliography",
    "bibliografía",
    "bibliografia",
    "index",
    "colophon",
    "colofón",
    "afterword",
    "also by",
    "otras obras",
    "license",
    "licence",
    "licencia",
];

/// Titles that may carry a designator (`Appendix A`, `Apéndice II`).
const DESIGNATED: &[&str] = &["appendix", "apéndice", "apendice", "anexo"];

/// A guess of a section's kind from its title; anything unrecognised (chapters, prologues,
/// epilogues) is [`SectionKind::Body`].
pub(crate) fn guess_kind(title: &str) -> SectionKind {
    let lower = title
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let lower = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    if lower.contains("project gutenberg")
        && (lower.contains("licen") || lower.starts_with("end of"))
    {
        return SectionKind::BackMatter;
    }
    if matches_any(&lower, FRONT) {
        return SectionKind::FrontMatter;
    }
    if matches_any(&lower, BACK)
        || DESIGNATED
            .iter()
            .any(|keyword| lower.starts_with(&format!("{keyword} ")))
    {
        return SectionKind::BackMatter;
    }
    SectionKind::Body
}

/// Whether `lower` is one of `keywords`, or one followed by `:`, `.`, `,` or a dash.
pub(crate) fn matches_any(lower: &str, keywords: &[&str]) -> bool {
    keywords.iter().any(|keyword| {
        lower.strip_prefix(keyword).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.is_empty() || rest.starts_with([':', '.', ',', '-', '—', '–', '('])
        })
    })
}
