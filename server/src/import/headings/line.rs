//! One line classified as a heading or not: chapter and part keywords (`Chapter 1`,
//! `Primera parte`), numerals (`XIV`, `-I- Juanito Santa Cruz`) and named sections (`Prologue`).
//! Which of the headings found start chapters is decided in the parent module.

use super::{
    numbers::{parse_number, roman},
    Class, LineHeading, MAX_TITLE_CHARS,
};
use crate::import::outline::matches_any;

/// Longest heading line considered, in bytes.
const MAX_HEADING_BYTES: usize = 120;

/// Chapter keywords, lowercase; `chap` and `cap` only with a period.
const CHAPTER_WORDS: &[&str] = &["chapter", "capítulo", "capitulo", "chap", "cap"];
/// Part keywords, lowercase; `vol` only with a period.
const PART_WORDS: &[&str] = &[
    "part", "parte", "book", "libro", "volume", "vol", "volumen", "tomo",
];
/// Keywords that are abbreviations and need a period.
const ABBREVIATIONS: &[&str] = &["chap", "cap", "vol"];

/// Named sections, lowercase, matched whole or followed by `:`, `.` or a dash.
const NAMED: &[&str] = &[
    "prologue",
    "prólogo",
    "prologo",
    "epilogue",
    "epílogo",
    "epilogo",
    "finale",
    "preface",
    "prefacio",
    "foreword",
    "introduction",
    "introducción",
    "introduccion",
    "contents",
    "table of contents",
    "índice",
    "indice",
    "dedication",
    "dedicatoria",
    "copyright",
    "appendix",
    "apéndice",
    "apendice",
    "notes",
    "notas",
    "glossary",
    "glosario",
    "about the author",
    "sobre el autor",
    "acerca del autor",
    "acknowledgements",
    "acknowledgments",
    "agradecimientos",
    "afterword",
    "bibliography",
    "bibliografía",
    "interlude",
    "interludio",
    "author's note",
    "nota del autor",
];

/// Classifies one line as a heading, or `None` for ordinary text.
pub(crate) fn classify_line(line: &str) -> Option<LineHeading> {
    let line = line.trim();
    if line.is_empty() || line.len() > MAX_HEADING_BYTES {
        return None;
    }
    // Emphasis around a whole heading (`**Chapter 1**`, `_Prologue_`) is decoration.
    let core = line.trim_matches(['*', '_', '=']).trim();
    if core.is_empty() {
        return None;
    }
    let found = keyword_first(core)
        .or_else(|| number_first(core))
        .or_else(|| numeral(core))
        .or_else(|| named(core));
    found.map(|(class, has_title)| LineHeading {
        class,
        has_title,
        text: core.to_owned(),
    })
}

/// `Chapter 1`, `VOLUME I`, `Parte primera`, `Chapter the First: A Title`.
fn keyword_first(core: &str) -> Option<(Class, bool)> {
    let (word, rest) = split_word(core);
    let lower = word.to_lowercase();
    let class = if CHAPTER_WORDS.contains(&lower.as_str()) {
        Class::Chapter
    } else if PART_WORDS.contains(&lower.as_str()) {
        Class::Part
    } else {
        return None;
    };
    let rest = match rest.strip_prefix('.') {
        Some(rest) => rest,
        None if ABBREVIATIONS.contains(&lower.as_str()) => return None,
        None => rest,
    };
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let mut rest = rest.trim_start();
    let (article, after) = split_word(rest);
    if article.eq_ignore_ascii_case("the") && after.starts_with(char::is_whitespace) {
        rest = after.trim_start();
    }
    let (_, rest) = parse_number(rest, true)?;
    let has_title = title_tail(rest)?;
    Some((class, has_title))
}

/// `Primera parte`, `First Book`, `Second Part: The Return`.
fn number_first(core: &str) -> Option<(Class, bool)> {
    let (_, rest) = parse_number(core, false)?;
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let (word, rest) = split_word(rest.trim_start());
    let lower = word.to_lowercase();
    let class = if PART_WORDS.contains(&lower.as_str()) && !ABBREVIATIONS.contains(&lower.as_str())
    {
        Class::Part
    } else if CHAPTER_WORDS.contains(&lower.as_str()) && !ABBREVIATIONS.contains(&lower.as_str()) {
        Class::Chapter
    } else {
        return None;
    };
    let has_title = title_tail(rest)?;
    Some((class, has_title))
}

/// Dashes that may surround a numeral (`-I-`, `— II —`).
const DASHES: [char; 4] = ['-', '—', '–', '‒'];

/// `XIV`, `IV.`, `-I-`, `3.`, `-I- Juanito Santa Cruz`, `IV. The Storm`.
fn numeral(core: &str) -> Option<(Class, bool)> {
    let dashed = core.starts_with(DASHES);
    let body = core.trim_start_matches(DASHES).trim_start();
    let (token, rest) = split_word(body);
    let value = if token.bytes().all(|b| b.is_ascii_digit()) {
        if token.is_empty() || token.len() > 3 {
            return None;
        }
        token.parse().ok().filter(|&value| value > 0)?
    } else if token.chars().all(|c| c.is_ascii_uppercase()) {
        roman(token)?
    } else {
        return None;
    };
    let tail = if dashed {
        // `-I-` must close its dashes; what follows them is a title.
        let trimmed = rest.trim_start();
        if !trimmed.starts_with(DASHES) {
            return None;
        }
        trimmed.trim_start_matches(DASHES)
    } else {
        let (period, rest) = match rest.strip_prefix('.') {
            Some(rest) => (true, rest),
            None => (false, rest),
        };
        if rest.trim().is_empty() {
            return Some((
                Class::Numeral {
                    value,
                    titled: false,
                },
                false,
            ));
        }
        // A title after a numeral needs a separator: `IV. The Storm`, `IV - The Storm`.
        if period && rest.starts_with(char::is_whitespace) {
            rest
        } else {
            rest.trim_start().strip_prefix([':', '-', '—', '–'])?
        }
    };
    let title = tail.trim();
    if title.is_empty() {
        return Some((
            Class::Numeral {
                value,
                titled: false,
            },
            false,
        ));
    }
    let starts_well = title
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“'‘«¿¡(".contains(c));
    let short = title.chars().count() <= MAX_TITLE_CHARS && title.split_whitespace().count() <= 16;
    if !starts_well || !short || title.ends_with([',', ';']) {
        return None;
    }
    Some((
        Class::Numeral {
            value,
            titled: true,
        },
        true,
    ))
}

/// `Prologue`, `EPÍLOGO.`, `Appendix A: Tables`, `About the Author`.
fn named(core: &str) -> Option<(Class, bool)> {
    let lower = core.to_lowercase();
    let lower = lower.trim_end_matches(['.', ':']).trim_end();
    if matches_any(lower, NAMED) {
        return Some((Class::Named, false));
    }
    let designated = ["appendix ", "apéndice ", "apendice ", "anexo "]
        .iter()
        .any(|keyword| lower.starts_with(keyword));
    (designated && core.chars().count() <= MAX_TITLE_CHARS).then_some((Class::Named, true))
}

/// What may follow a heading's number: nothing, a separator and a title, or a space and a title
/// that starts with a capital. `Some(has_title)`, or `None` when the line reads like prose
/// (`Part of the problem`).
fn title_tail(rest: &str) -> Option<bool> {
    let trimmed = rest.trim_start();
    if trimmed.is_empty() {
        return Some(false);
    }
    if !rest.starts_with(char::is_whitespace)
        && !trimmed.starts_with(['.', ':', ',', '-', '—', '–'])
    {
        return None;
    }
    if let Some(after) = trimmed.strip_prefix(['.', ':', ',', '-', '—', '–']) {
        let title = after.trim_start_matches(['.', '-', '—', '–']).trim();
        return Some(!title.is_empty());
    }
    let starts_well = trimmed
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“'‘«¿¡(".contains(c));
    starts_well.then_some(true)
}

/// The leading run of alphanumeric characters, and the rest.
pub(super) fn split_word(text: &str) -> (&str, &str) {
    let end = text
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(text.len(), |(index, _)| index);
    text.split_at(end)
}
