//! How the "I" of a story names themself: "my name was Ishmael", "call me Pip", "me llamo
//! Andrés", "Jonathan Harker." said as "I", a signature under a letter.

use std::ops::Range;

use crate::{
    attribution::text::{Doc, Mention},
    text::language::Language,
};

/// The cast members the "I" of the story names as themselves: in the narration ("I called myself
/// Pip", "he called me Darkie", "my name was Ishmael", "me llamo Andrés") or by signing a letter
/// ([`signs`]), or in a quotation a tag gives to "I" (`spoken_as_i`) that is only a name
/// ("Jonathan Harker.") or says "my name is", "I am" or "me llamo" before it. Each member once,
/// in order of first naming.
pub(super) fn self_named(doc: &Doc<'_>, spoken_as_i: &[&Range<usize>]) -> Vec<usize> {
    let inside = |mention: &Mention| {
        spoken_as_i
            .iter()
            .find(|q| q.start <= mention.bytes.start && mention.bytes.end <= q.end)
    };
    let mut found: Vec<usize> = Vec::new();
    for mention in &doc.mentions {
        let before: Vec<&str> = (mention.tokens.start.saturating_sub(3)..mention.tokens.start)
            .map(|t| doc.word(t))
            .collect();
        let introduced = names_oneself(&before, doc.language);
        let named = if mention.in_quote {
            inside(mention).is_some_and(|quote| {
                let words = doc.tokens_in(quote);
                // "Jonathan Harker." states a name; "Mr. Heathcliff?" and "My dear father," call
                // someone.
                let statement = doc
                    .text
                    .get((*quote).clone())
                    .unwrap_or_default()
                    .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.')
                    .ends_with('.');
                let alone = (words.start..words.end)
                    .filter(|t| !mention.tokens.contains(t))
                    .all(|t| matches!(doc.word(t), "sir" | "madam" | "señor" | "señora"));
                introduced || (alone && statement)
            })
        } else {
            introduced || signs(doc, mention)
        };
        if named && !found.contains(&mention.who) {
            found.push(mention.who);
        }
    }
    found
}

/// Whether a mention in the narration signs a letter: it is a paragraph of its own (a full stop
/// at most after it) right after one ending in a comma ("Yours ever,\n\nSALLIE McBRIDE.").
fn signs(doc: &Doc<'_>, mention: &Mention) -> bool {
    let before = doc.text.get(..mention.bytes.start).unwrap_or_default();
    let after = doc.text.get(mention.bytes.end..).unwrap_or_default();
    let own_line = after
        .split('\n')
        .next()
        .is_some_and(|rest| rest.trim().trim_end_matches('.').is_empty());
    let Some(opening) = before.rfind("\n\n") else {
        return false;
    };
    // Other words of the name may stand before the one found ("SALLIE McBRIDE").
    let lead: Vec<&str> = before[opening..].split_whitespace().collect();
    let alone = lead.len() <= 2 && lead.iter().all(|w| w.starts_with(char::is_uppercase));
    let closing = before[..opening].trim_end().ends_with(',');
    own_line && alone && closing
}

/// Whether the (lowercase) words right before a name introduce it as the speaker's own: "called
/// me", "called myself", "my name is", "my Christian name was", "I am", "I was called", "me
/// llamo", "me llamaba", "me pusieron", "mi nombre es".
fn names_oneself(before: &[&str], language: Language) -> bool {
    let last2 = before
        .len()
        .checked_sub(2)
        .map_or(&[][..], |k| &before[k..]);
    let last3 = before
        .len()
        .checked_sub(3)
        .map_or(&[][..], |k| &before[k..]);
    match language {
        Language::En => {
            (matches!(
                last2,
                [
                    "called" | "call" | "calls" | "named" | "christened" | "nicknamed",
                    "me" | "myself"
                ] | ["name", "is" | "was" | "being"]
                    | ["i", "am"]
            ) || matches!(
                last3,
                [
                    "i",
                    "am" | "was",
                    "called" | "named" | "christened" | "nicknamed"
                ]
            )) && !matches!(last3, ["not", _, _] | [_, "not", _])
                && (last2.first() != Some(&"name")
                    || last3.first() == Some(&"my")
                    || before.contains(&"my"))
        }
        Language::Es => matches!(
            last2,
            [
                "me",
                "llamo"
                    | "llamaba"
                    | "llamaban"
                    | "llaman"
                    | "llamaron"
                    | "decían"
                    | "dicen"
                    | "pusieron"
            ] | ["nombre", "es" | "era"]
                | ["yo", "soy"]
        ),
    }
}
