//! Lines joined into paragraphs by their geometry. A line starts a paragraph when it is indented
//! past the text's left edge, when a wider gap than the line spacing separates it from the line
//! above, or when the line above stopped short of the right edge after ending a sentence (or is
//! very short: a heading). A word hyphenated at a line end is joined, unless the text writes that
//! compound with its hyphen elsewhere (`pier-heads`) or its next part is capitalised; a line break
//! next to a dash becomes a space only if the text spaces its dashes.

use std::collections::HashSet;

use super::bbox::Line;

/// The pages' lines as paragraphs separated by blank lines.
pub(super) fn paragraphs(pages: &[Vec<Line>]) -> String {
    let lines: Vec<(usize, &Line)> = pages
        .iter()
        .enumerate()
        .flat_map(|(page, lines)| lines.iter().map(move |line| (page, line)))
        .collect();
    let Some(geometry) = Geometry::of(lines.iter().map(|(_, line)| *line)) else {
        return String::new();
    };
    let spaced = spaced_dashes(lines.iter().map(|(_, line)| line.text.as_str()));
    let compounds = compounds(lines.iter().map(|(_, line)| line.text.as_str()));
    let mut out = String::new();
    let mut previous: Option<(usize, &Line)> = None;
    for &(page, line) in &lines {
        let text = line.text.trim();
        match previous {
            Some(before) if !geometry.starts_paragraph(before, (page, line)) => {
                join(&mut out, text, spaced, &compounds);
            }
            Some(_) => out.push_str("\n\n"),
            None => {}
        }
        out.push_str(text);
        previous = Some((page, line));
    }
    out
}

/// The text block's measures, from its lines.
struct Geometry {
    /// The most common left edge: where body lines start.
    left: f32,
    /// Where full lines end.
    right: f32,
    /// The usual distance between the tops of two lines.
    spacing: f32,
    /// The usual height of a line.
    height: f32,
}

impl Geometry {
    fn of<'a>(lines: impl Iterator<Item = &'a Line> + Clone) -> Option<Self> {
        let mut lefts: Vec<i32> = lines.clone().map(|line| line.left.round() as i32).collect();
        lefts.sort_unstable();
        let left = mode(&lefts)? as f32;
        let rights: Vec<f32> = lines.clone().map(|line| line.right).collect();
        let right = percentile(rights, 9)?;
        let heights: Vec<f32> = lines.clone().map(|line| line.bottom - line.top).collect();
        let height = percentile(heights, 5)?.max(1.0);
        let tops: Vec<&Line> = lines.collect();
        let gaps: Vec<f32> = tops
            .windows(2)
            .filter_map(|pair| match pair {
                [a, b] if b.top > a.top => Some(b.top - a.top),
                _ => None,
            })
            .collect();
        let spacing = percentile(gaps, 5).unwrap_or(height * 1.2);
        Some(Self {
            left,
            right,
            spacing,
            height,
        })
    }

    fn starts_paragraph(
        &self,
        (page_before, before): (usize, &Line),
        (page, line): (usize, &Line),
    ) -> bool {
        let indented = line.left > self.left + self.height * 0.4;
        let gap = page == page_before && line.top - before.top > self.spacing * 1.5;
        let width = (self.right - self.left).max(1.0);
        let short = before.right < self.right - self.height * 1.5;
        let very_short = before.right - before.left < width * 0.5;
        indented || gap || (short && ends_sentence(&before.text)) || very_short
    }
}

/// The most common value of sorted `values`.
fn mode(values: &[i32]) -> Option<i32> {
    let mut best: Option<(i32, usize)> = None;
    for run in values.chunk_by(|a, b| a == b) {
        if let Some(&value) = run.first() {
            if best.is_none_or(|(_, count)| run.len() > count) {
                best = Some((value, run.len()));
            }
        }
    }
    best.map(|(value, _)| value)
}

/// The `tenths`-tenth percentile of `values`.
fn percentile(mut values: Vec<f32>, tenths: usize) -> Option<f32> {
    values.sort_unstable_by(f32::total_cmp);
    let index = (values.len() * tenths / 10).min(values.len().checked_sub(1)?);
    values.get(index).copied()
}

/// Whether a line ends a sentence or announces what follows (`:`).
fn ends_sentence(line: &str) -> bool {
    crate::import::ends_with_mark(line, &['.', '!', '?', '…', ':'])
}

/// Whether the text puts spaces around its em dashes (Spanish incisos: `casa —dijo—`) rather
/// than setting them close (`ago—never`).
fn spaced_dashes<'a>(lines: impl Iterator<Item = &'a str>) -> bool {
    let (mut spaced, mut closed) = (0_usize, 0_usize);
    for line in lines {
        let chars: Vec<char> = line.chars().collect();
        for window in chars.windows(3) {
            if let [before, '—', after] = window {
                if before.is_alphabetic() && after.is_alphabetic() {
                    closed += 1;
                } else if *before == ' ' {
                    spaced += 1;
                }
            }
        }
    }
    spaced >= closed
}

/// The hyphenated compounds the text writes inside its lines (`pier-heads`), lowercase.
fn compounds<'a>(lines: impl Iterator<Item = &'a str>) -> HashSet<String> {
    lines
        .flat_map(str::split_whitespace)
        .map(|word| word.trim_matches(|c: char| !c.is_alphabetic()))
        .filter(|word| word.split('-').count() == 2 && word.split('-').all(|part| !part.is_empty()))
        .map(str::to_lowercase)
        .collect()
}

/// Appends the next line of a paragraph to `out`.
fn join(out: &mut String, text: &str, spaced_dashes: bool, compounds: &HashSet<String>) {
    let hyphen = out.ends_with('-') && out.chars().rev().nth(1).is_some_and(char::is_alphabetic);
    let compound = || {
        let head: String = out
            .trim_end_matches('-')
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let tail: String = text.chars().take_while(|c| c.is_alphabetic()).collect();
        compounds.contains(&format!("{head}-{tail}").to_lowercase())
    };
    if hyphen && text.chars().next().is_some_and(char::is_lowercase) && !compound() {
        // A word cut at the line end: `esta-` `tuaria`.
        out.pop();
    } else if hyphen {
        // A compound whose next part is capitalised keeps its hyphen: `Cape-` `Horner`.
    } else if !spaced_dashes && (out.ends_with('—') || text.starts_with('—')) {
        // Dashes set close: the break falls inside `ago—never`.
    } else {
        out.push(' ');
    }
}
