//! Heading lines in plain text (and in Word documents without heading styles).
//!
//! A heading is a paragraph of one line, or a heading line plus one short subtitle line (joined
//! into the title: `Chapter 5: The Return`). A chapter or part keyword line at the top of a longer
//! paragraph is split off as a heading, unless the next line is a heading too (a table of
//! contents). Headings are:
//!
//! - a chapter heading: `Chapter 1`, `CHAPTER IV`, `Chapter the First`, `Capítulo 3`,
//!   `CAPÍTULO III`, `Capitulo primero`, `Cap. 5`, with an optional title after `.`, `:` or a
//!   dash (`CHAPTER I: Mr. Sherlock Holmes`) or after a space when it starts with a capital;
//! - a part heading: `Part`, `Parte`, `Book`, `Libro`, `Volume`, `Vol.`, `Volumen`, `Tomo`
//!   followed by a number (`VOLUME I`, `Parte primera`, `Book the Second`), or `Primera parte`;
//! - a bare numeral, as Spanish novels number chapters: `I`, `XIV`, `IV.`, `-I-`, `3.`, or a
//!   numeral with a title: `-I- Juanito Santa Cruz`, `IV. The Storm`;
//! - a named section: `Prologue`, `Prólogo`, `Epilogue`, `Finale`, `Contents`, `Índice`,
//!   `Preface`, `Dedication`, `Appendix A`, `Notes`, `About the Author`, ...
//!
//! Numbers may be Arabic, Roman, or English or Spanish words (`one`, `first`, `twenty-one`,
//! `primera`, `segundo`, `décimo`).
//!
//! Which headings start chapters: when the text has chapter headings, bare numerals are section
//! numbers inside chapters and stay in the text. Otherwise numerals are the chapters, except that
//! when titled numerals (`-I- Juanito Santa Cruz`) and bare ones (`-I-`) both occur, the titled
//! ones are the chapters and the bare ones number sections within them (*Fortunata y Jacinta*).
//! Numerals must also count up (each one is 1 or at most 3 above the previous one) to be taken
//! as headings, which keeps a stray `M.` signature or a lone `I` from cutting a chapter.

use super::{
    outline::{guess_kind, join_title, matches_any, Item},
    SectionKind,
};

/// Longest heading line considered, in bytes.
const MAX_HEADING_BYTES: usize = 120;
/// Longest subtitle or numeral title, in characters.
const MAX_TITLE_CHARS: usize = 80;

/// What a heading line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// `Chapter 1`, `Capítulo III`.
    Chapter,
    /// `Part One`, `VOLUME I`, `Parte primera`.
    Part,
    /// `XIV`, `-I-`, `-I- Juanito Santa Cruz`.
    Numeral {
        /// The number.
        value: u32,
        /// Whether a title follows the numeral.
        titled: bool,
    },
    /// `Prologue`, `Contents`, `Notes`.
    Named,
}

/// A heading line: its class, and whether a title follows the number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LineHeading {
    /// What kind of heading it is.
    pub(crate) class: Class,
    /// Whether text follows the number or keyword (`Chapter 1. The Beginning`).
    pub(crate) has_title: bool,
    /// The line, trimmed and without decoration.
    pub(crate) text: String,
}

/// A paragraph classified as a heading or not.
enum Candidate {
    Heading {
        heading: LineHeading,
        /// The paragraph as written, kept as text if the heading is not taken.
        original: String,
    },
    Block(String),
}

/// Classifies paragraphs (blank-line separated blocks of text) into headings and text.
pub(crate) fn plain_items(blocks: Vec<String>) -> Vec<Item> {
    let mut candidates = Vec::with_capacity(blocks.len());
    for block in blocks {
        classify_block(block, &mut candidates);
    }
    keep_counting_numerals(&mut candidates);
    let has_chapters = candidates.iter().any(|candidate| {
        matches!(candidate, Candidate::Heading { heading, .. } if heading.class == Class::Chapter)
    });
    let (mut titled, mut bare) = (0usize, 0usize);
    for candidate in &candidates {
        if let Candidate::Heading { heading, .. } = candidate {
            if let Class::Numeral { titled: t, .. } = heading.class {
                if t {
                    titled += 1;
                } else {
                    bare += 1;
                }
            }
        }
    }
    let bare_are_sections = titled >= 2 && bare >= 1;
    candidates
        .into_iter()
        .map(|candidate| match candidate {
            Candidate::Block(block) => Item::Block(block),
            Candidate::Heading { heading, original } => match heading.class {
                Class::Numeral { titled, .. } if has_chapters || (!titled && bare_are_sections) => {
                    Item::Block(original)
                }
                Class::Part => Item::Part {
                    title: heading.text,
                },
                Class::Chapter | Class::Numeral { .. } => Item::Chapter {
                    title: heading.text,
                    kind: SectionKind::Body,
                },
                Class::Named => Item::Chapter {
                    kind: guess_kind(&heading.text),
                    title: heading.text,
                },
            },
        })
        .collect()
}

/// Splits a block into heading and text candidates.
fn classify_block(block: String, out: &mut Vec<Candidate>) {
    let mut lines = block.lines().filter(|line| !line.trim().is_empty());
    let (Some(first), second, third) = (lines.next(), lines.next(), lines.next()) else {
        return;
    };
    let Some(heading) = classify_line(first) else {
        out.push(Candidate::Block(block));
        return;
    };
    let keyword = matches!(heading.class, Class::Chapter | Class::Part);
    match (second, third) {
        (None, _) => out.push(Candidate::Heading {
            heading,
            original: block,
        }),
        (Some(subtitle), None) if !heading.has_title && is_subtitle_line(subtitle) => {
            let text = join_title(&heading.text, subtitle);
            out.push(Candidate::Heading {
                heading: LineHeading { text, ..heading },
                original: block,
            });
        }
        // A chapter or part keyword line at the top of a longer paragraph is a heading; the rest
        // of the paragraph is text. Consecutive heading lines are a table of contents instead.
        (Some(next), _) if keyword && classify_line(next).is_none() => {
            let rest = block
                .split_once('\n')
                .map(|(_, rest)| rest.to_owned())
                .unwrap_or_default();
            out.push(Candidate::Heading {
                heading,
                original: first.to_owned(),
            });
            out.push(Candidate::Block(rest));
        }
        _ => out.push(Candidate::Block(block)),
    }
}

/// A short line that reads like a title: starts with a capital or digit, at most 80 characters.
fn is_subtitle_line(line: &str) -> bool {
    let line = line.trim();
    line.chars().count() <= MAX_TITLE_CHARS
        && line
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Demotes numerals that do not continue a count (1, or at most 3 above the previous numeral
/// of the same sort).
fn keep_counting_numerals(candidates: &mut [Candidate]) {
    let mut last = [None::<u32>; 2];
    for candidate in candidates.iter_mut() {
        let Candidate::Heading { heading, original } = candidate else {
            continue;
        };
        let Class::Numeral { value, titled } = heading.class else {
            continue;
        };
        let slot = &mut last[usize::from(titled)];
        let counts =
            value == 1 || slot.is_some_and(|previous| value > previous && value <= previous + 3);
        if counts {
            *slot = Some(value);
        } else {
            *candidate = Candidate::Block(std::mem::take(original));
        }
    }
}

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
fn split_word(text: &str) -> (&str, &str) {
    let end = text
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(text.len(), |(index, _)| index);
    text.split_at(end)
}

/// A number at the start of `text`: Arabic digits, a Roman numeral (any case) or a number word;
/// with `any_form` false, only number words. Returns the value and the rest.
fn parse_number(text: &str, any_form: bool) -> Option<(u32, &str)> {
    let (token, rest) = split_word(text);
    if token.is_empty() {
        return None;
    }
    if any_form {
        if token.bytes().all(|b| b.is_ascii_digit()) {
            return (token.len() <= 4)
                .then(|| token.parse().ok())
                .flatten()
                .map(|value| (value, rest));
        }
        if let Some(value) = roman(&token.to_ascii_uppercase()) {
            return Some((value, rest));
        }
    }
    let lower = token.to_lowercase();
    let value = number_word(&lower)?;
    // `twenty-one`, `thirty-first`.
    if value >= 20 && value % 10 == 0 && value < 100 {
        if let Some(after_hyphen) = rest.strip_prefix('-') {
            let (unit, after) = split_word(after_hyphen);
            if let Some(unit_value) = number_word(&unit.to_lowercase()).filter(|&v| v < 10) {
                return Some((value + unit_value, after));
            }
        }
    }
    Some((value, rest))
}

/// English and Spanish number words, cardinal and ordinal, up to twenty (and the tens).
const NUMBER_WORDS: &[(&str, u32)] = &[
    ("one", 1),
    ("first", 1),
    ("two", 2),
    ("second", 2),
    ("three", 3),
    ("third", 3),
    ("four", 4),
    ("fourth", 4),
    ("five", 5),
    ("fifth", 5),
    ("six", 6),
    ("sixth", 6),
    ("seven", 7),
    ("seventh", 7),
    ("eight", 8),
    ("eighth", 8),
    ("nine", 9),
    ("ninth", 9),
    ("ten", 10),
    ("tenth", 10),
    ("eleven", 11),
    ("eleventh", 11),
    ("twelve", 12),
    ("twelfth", 12),
    ("thirteen", 13),
    ("thirteenth", 13),
    ("fourteen", 14),
    ("fourteenth", 14),
    ("fifteen", 15),
    ("fifteenth", 15),
    ("sixteen", 16),
    ("sixteenth", 16),
    ("seventeen", 17),
    ("seventeenth", 17),
    ("eighteen", 18),
    ("eighteenth", 18),
    ("nineteen", 19),
    ("nineteenth", 19),
    ("twenty", 20),
    ("twentieth", 20),
    ("thirty", 30),
    ("thirtieth", 30),
    ("forty", 40),
    ("fortieth", 40),
    ("fifty", 50),
    ("fiftieth", 50),
    ("last", 999),
    ("final", 999),
    ("uno", 1),
    ("una", 1),
    ("única", 1),
    ("unica", 1),
    ("primero", 1),
    ("primera", 1),
    ("primer", 1),
    ("dos", 2),
    ("segundo", 2),
    ("segunda", 2),
    ("tres", 3),
    ("tercero", 3),
    ("tercera", 3),
    ("tercer", 3),
    ("cuatro", 4),
    ("cuarto", 4),
    ("cuarta", 4),
    ("cinco", 5),
    ("quinto", 5),
    ("quinta", 5),
    ("seis", 6),
    ("sexto", 6),
    ("sexta", 6),
    ("siete", 7),
    ("séptimo", 7),
    ("séptima", 7),
    ("septimo", 7),
    ("septima", 7),
    ("ocho", 8),
    ("octavo", 8),
    ("octava", 8),
    ("nueve", 9),
    ("noveno", 9),
    ("novena", 9),
    ("diez", 10),
    ("décimo", 10),
    ("décima", 10),
    ("decimo", 10),
    ("decima", 10),
    ("once", 11),
    ("undécimo", 11),
    ("undécima", 11),
    ("doce", 12),
    ("duodécimo", 12),
    ("duodécima", 12),
    ("trece", 13),
    ("catorce", 14),
    ("quince", 15),
    ("dieciséis", 16),
    ("dieciseis", 16),
    ("diecisiete", 17),
    ("dieciocho", 18),
    ("diecinueve", 19),
    ("veinte", 20),
    ("vigésimo", 20),
    ("vigésima", 20),
];

fn number_word(lower: &str) -> Option<u32> {
    NUMBER_WORDS
        .iter()
        .find(|(word, _)| *word == lower)
        .map(|&(_, value)| value)
}

/// The value of an uppercase Roman numeral written the standard way (`XIV`, not `XIIII`), up to
/// 3999.
pub(crate) fn roman(token: &str) -> Option<u32> {
    if token.is_empty() || token.len() > 15 {
        return None;
    }
    let mut total: u32 = 0;
    let mut previous = 0;
    for c in token.chars().rev() {
        let value = match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            'D' => 500,
            'M' => 1000,
            _ => return None,
        };
        if value < previous {
            total = total.checked_sub(value)?;
        } else {
            total += value;
            previous = value;
        }
    }
    (total > 0 && total < 4000 && to_roman(total) == token).then_some(total)
}

fn to_roman(mut value: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (step, letters) in TABLE {
        while value >= step {
            out.push_str(letters);
            value -= step;
        }
    }
    out
}
