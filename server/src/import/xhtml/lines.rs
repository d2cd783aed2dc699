//! Verse written one `div` per line: consecutive one-line `div`s of one parent become the lines
//! of one paragraph, when the parent's class says verse or when they read as verse (short lines,
//! most of them not ending a sentence). Prose written one `div` per paragraph stays paragraphs.

use super::Block;

/// Longest line, in characters, that still reads as a line of verse.
const MAX_LINE_CHARS: usize = 90;

/// Marks the lines of each verse group as continuing the group's first block.
pub(super) fn join(blocks: &mut [Block]) {
    let mut start = 0;
    while start < blocks.len() {
        let group = blocks.get(start).and_then(|block| block.group);
        let end = match group {
            Some(group) => {
                start
                    + blocks
                        .get(start..)
                        .unwrap_or_default()
                        .iter()
                        .take_while(|block| block.group == Some(group) && block.heading == 0)
                        .count()
            }
            None => start + 1,
        };
        let run = blocks.get_mut(start..end).unwrap_or_default();
        if run.len() >= 2 && reads_as_verse(run) {
            for block in run.iter_mut().skip(1) {
                block.line = true;
            }
        }
        start = end.max(start + 1);
    }
}

fn reads_as_verse(run: &[Block]) -> bool {
    if run.iter().any(|block| block.verse) {
        return true;
    }
    let short = run
        .iter()
        .all(|block| block.text.chars().count() <= MAX_LINE_CHARS);
    let ending = run
        .iter()
        .filter(|block| ends_sentence(&block.text))
        .count();
    short && ending * 2 <= run.len()
}

/// Whether a line ends with a full stop, question or exclamation mark.
fn ends_sentence(text: &str) -> bool {
    crate::import::ends_with_mark(text, &['.', '!', '?', '…'])
}
