//! A description the narration ties to a cast member's name: "my brother Robert", "Robert, my
//! brother,", "my brother, Robert,", "Mrs Morel, the mother,". A tag with that description
//! ("said my brother") names that member.

use std::ops::Range;

use crate::{
    attribution::text::{word_capitalised, Doc},
    text::language::Language,
};

/// Most words between a determiner and the name it is set beside ("my elder brother Robert").
const DESCRIPTION_WORDS: usize = 3;

/// Whether a definite determiner speaks of the "I" of the story's own ("my brother") or of
/// someone else's or no one's ("his brother", "the mother"): the two never describe the same
/// person in one text.
fn first_person(word: &str, language: Language) -> Option<bool> {
    match language {
        Language::En => match word {
            "my" | "our" => Some(true),
            "the" | "his" | "her" | "their" => Some(false),
            _ => None,
        },
        Language::Es => match word {
            "mi" | "mis" | "nuestro" | "nuestra" => Some(true),
            "el" | "la" | "su" | "los" | "las" => Some(false),
            _ => None,
        },
    }
}

/// Whether the gap between two words is only spaces (a line break at most).
fn joined(gap: &str) -> bool {
    gap.chars().all(char::is_whitespace) && gap.matches('\n').count() < 2
}

/// Whether the gap is a comma between spaces.
fn comma(gap: &str) -> bool {
    gap.trim() == ","
}

/// The one cast member the narration before byte `before` describes with the word at token
/// `head` after a determiner of the kind at token `det` ("my" ... "brother"), by setting that
/// description beside their name; `None` when nobody or several are.
pub(super) fn described(doc: &Doc<'_>, det: usize, head: usize, before: usize) -> Option<usize> {
    let mine = first_person(doc.word(det), doc.language)?;
    let noun = doc.word(head);
    // A common noun as written ("the widow", not "the Dowager Lady Chettam", "de Santa Cruz").
    let is_head = |k: usize| {
        doc.word(k) == noun
            && !doc
                .tokens
                .get(k)
                .is_some_and(|t| word_capitalised(doc.text, t))
            && !doc.gap_after(k).trim_start().starts_with(['’', '\''])
    };
    let mut owners: Vec<Option<usize>> = Vec::new();
    // "my brother Robert"; "my brother Ned", a name the cast lacks, is someone else (`None`). Not
    // with a comma between: "their son, Miss Bates", "Seeing her father, Mary" are lists and
    // clauses as often as appositions.
    for k in (0..doc.tokens.len())
        .take_while(|&k| doc.tokens[k].bytes.end <= before)
        .filter(|&k| is_head(k) && opened_by(doc, k, mine).is_some())
    {
        if !joined(doc.gap_after(k)) {
            continue;
        }
        match doc.mention_starting(k + 1) {
            Some(mention) if !mention.in_quote => owners.push(Some(mention.who)),
            Some(_) => {}
            None if doc
                .tokens
                .get(k + 1)
                .is_some_and(|t| word_capitalised(doc.text, t)) =>
            {
                owners.push(None);
            }
            None => {}
        }
    }
    // "Robert, my brother," "Mrs Morel, the mother."
    for mention in doc
        .mentions
        .iter()
        .take_while(|m| m.bytes.end <= before)
        .filter(|m| !m.in_quote)
    {
        let end = mention.tokens.end;
        // Not in a list: "con Ripamilán, don Víctor, el gobernador, Benítez y otros".
        let listed = mention.tokens.start > 0 && doc.gap_before(mention.tokens.start).contains(',');
        let behind = !listed
            && comma(doc.gap_after(end - 1))
            && first_person(doc.word(end), doc.language) == Some(mine)
            && (end + 1..end + 1 + DESCRIPTION_WORDS).any(|k| {
                let next_named = doc
                    .tokens
                    .get(k + 1)
                    .is_some_and(|t| word_capitalised(doc.text, t));
                is_head(k)
                    && (end..k).all(|j| joined(doc.gap_after(j)))
                    && doc.gap_after(k).trim_start().starts_with([',', '.', ';'])
                    && !(comma(doc.gap_after(k)) && next_named)
            });
        if behind {
            owners.push(Some(mention.who));
        }
    }
    let first = *owners.first()?;
    if owners.iter().all(|o| *o == first) {
        first
    } else {
        None
    }
}

/// The determiner of the kind `mine` opening the description that ends at token `head`, with
/// only adjectives joined between ("my elder brother").
fn opened_by(doc: &Doc<'_>, head: usize, mine: bool) -> Option<usize> {
    (head.saturating_sub(DESCRIPTION_WORDS)..head)
        .rev()
        .take_while(|&k| joined(doc.gap_after(k)))
        .find(|&k| first_person(doc.word(k), doc.language).is_some())
        .filter(|&k| first_person(doc.word(k), doc.language) == Some(mine))
}

/// The head noun of a tag's description after its determiner at `at`, within `clause`: its
/// last word before the clause ends, a comma or a preposition ("said the old man, who…", "dijo
/// la señora de…"), at most [`DESCRIPTION_WORDS`] words in and written in lowercase.
pub(super) fn head(doc: &Doc<'_>, at: usize, clause: &Range<usize>) -> Option<usize> {
    let last = clause.end.min(at + 1 + DESCRIPTION_WORDS);
    let mut k = at + 1;
    while k < last {
        if is_preposition(doc.word(k)) {
            k = k.checked_sub(1).filter(|&h| h > at)?;
            break;
        }
        if doc.clause_ends_after(k) || doc.gap_after(k).contains(',') {
            break;
        }
        k += 1;
    }
    (k < last
        && !doc
            .tokens
            .get(k)
            .is_some_and(|t| word_capitalised(doc.text, t)))
    .then_some(k)
}

/// Words that end a description's head: what follows is a complement ("the man with the basket").
fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "of" | "with" | "in" | "at" | "from" | "to" | "de" | "del" | "con" | "en" | "a" | "para"
    )
}
