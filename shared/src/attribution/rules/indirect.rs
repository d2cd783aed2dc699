//! Reported speech: a speech verb whose words follow as a clause ("I answered that it was the
//! fourth of May", "she asked whether he had come") reports what was said in the narration; it
//! is no tag of the quotation next to it.

use std::ops::Range;

use crate::{attribution::text::Doc, text::language::Language};

/// Whether the speech verb at token `verb` introduces a reported clause: "whether", "if" or
/// "that" and a subject after it, past an object pronoun or a name ("told him that he").
pub(super) fn reports(doc: &Doc<'_>, verb: usize, clause: &Range<usize>) -> bool {
    if doc.language != Language::En {
        return false;
    }
    let mut at = verb + 1;
    while at < clause.end && at <= verb + 3 {
        match doc.word(at) {
            "whether" | "if" => return true,
            // "that it was late", not "said that gentleman".
            "that" => return opens_clause(doc.word(at + 1)),
            "him" | "her" | "them" | "me" | "us" | "to" => at += 1,
            _ if doc.mention_starting(at).is_some() => at += 1,
            _ => return false,
        }
    }
    false
}

/// Whether `word` may open the subject of a clause after "that": a pronoun or a determiner.
fn opens_clause(word: &str) -> bool {
    matches!(
        word,
        "i" | "he"
            | "she"
            | "it"
            | "we"
            | "they"
            | "you"
            | "there"
            | "the"
            | "his"
            | "her"
            | "my"
            | "our"
            | "their"
            | "your"
            | "a"
            | "an"
            | "this"
            | "these"
            | "those"
            | "no"
    )
}
