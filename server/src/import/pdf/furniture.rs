//! What a page prints around the text: running headers and footers (a line at the top or bottom
//! of a page whose shape, digits aside, recurs there on many pages) and page numbers (`12`,
//! `- 12 -`, `Page 12`, `12 / 300`, `xii`; uppercase roman numerals are chapter numbers).

use std::collections::HashMap;

use super::bbox::Line;

/// How many lines at the top and at the bottom of a page may be headers or footers.
const EDGE_LINES: usize = 2;

/// Removes running headers and footers and page numbers from the top and bottom of each page.
pub(super) fn drop_furniture(pages: &mut [Vec<Line>]) {
    let mut top: HashMap<String, usize> = HashMap::new();
    let mut bottom: HashMap<String, usize> = HashMap::new();
    for page in pages.iter() {
        for line in page.iter().take(EDGE_LINES) {
            *top.entry(shape(&line.text)).or_default() += 1;
        }
        for line in page.iter().rev().take(EDGE_LINES) {
            *bottom.entry(shape(&line.text)).or_default() += 1;
        }
    }
    // A line recurring on at least two pages in five (three pages at least) is the page's.
    let page_count = pages.len();
    let recurring = |count: usize| count >= 3 && count * 5 >= page_count * 2;
    let furniture = |line: &Line, counts: &HashMap<String, usize>| {
        is_page_number(&line.text)
            || counts
                .get(&shape(&line.text))
                .is_some_and(|&c| recurring(c))
    };
    for page in pages.iter_mut() {
        let tail = page
            .iter()
            .rev()
            .take(EDGE_LINES)
            .take_while(|line| furniture(line, &bottom))
            .count();
        page.truncate(page.len() - tail);
        let head = page
            .iter()
            .take(EDGE_LINES)
            .take_while(|line| furniture(line, &top))
            .count();
        page.drain(..head);
    }
}

/// A line's shape for comparing headers across pages: lowercase, digits as `#`, one space.
fn shape(line: &str) -> String {
    line.split_whitespace()
        .map(|word| {
            word.chars()
                .map(|c| if c.is_ascii_digit() { '#' } else { c })
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_number(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_digit())
        || (word.len() <= 7 && word.chars().all(|c| "ivxlcdm".contains(c)))
}

/// Whether a line is only a page number, possibly with `page`/`página`, `of`/`de` or `/`.
pub(super) fn is_page_number(line: &str) -> bool {
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '/' | '|' | '·'))
        .filter(|word| !word.is_empty())
        .collect();
    let numbers = words.iter().filter(|word| is_number(word)).count();
    (1..=2).contains(&numbers)
        && words.iter().filter(|word| !is_number(word)).all(|word| {
            matches!(
                word.to_lowercase().as_str(),
                "page" | "p." | "pg." | "página" | "pág." | "of" | "de"
            )
        })
}
