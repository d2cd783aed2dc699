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

mod line;
mod numbers;

use self::line::classify_line;
use super::{
    outline::{guess_kind, join_title, Item},
    SectionKind,
};

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
