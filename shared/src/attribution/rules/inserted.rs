//! A subject set apart from its speech verb: after a phrase between commas ("said, after a
//! pause, Mary", "—contestó, sin levantar la vista, Pedro—") or, in a Spanish inciso, after a few
//! words of manner ("—dijo medio en serio la tía Rosa—", "—dijo con mucha calma Pedro—"). A name
//! after a preposition is someone spoken to or about ("—dijo mirando a Flora—", "el padre de
//! Flora"), and a conjunction opens another clause ("—dijo, y Pedro se echó a reír"): neither is
//! the subject.

use std::ops::Range;

use super::Subject;
use crate::{
    attribution::text::{word_capitalised, Doc, Mention},
    text::language::Language,
};

/// Most words between the verb and a subject set apart from it.
const INSERTED: usize = 6;

/// The cast member named as the subject of the speech verb ending before token `from`, set apart
/// from it within `clause`.
pub(super) fn set_apart(doc: &Doc<'_>, from: usize, clause: &Range<usize>) -> Option<Subject> {
    let english = doc.language == Language::En;
    // In English only a phrase between commas stands between a verb and its subject.
    if english && !doc.gap_before(from).contains(',') {
        return None;
    }
    let last = clause.end.min(from + INSERTED + 1);
    let mut at = from;
    while at < last {
        let word = doc.word(at);
        if is_conjunction(word, doc.language) {
            return None;
        }
        let after_comma = at > from && doc.gap_before(at).contains(',');
        if let Some(mention) = doc.mention_starting(at) {
            let object = at > from && governed(doc, at, from);
            return (!object && (!english || after_comma)).then(|| Subject::Name {
                who: mention.who,
                bytes: mention.bytes.clone(),
                adjacent: false,
            });
        }
        if doc.clause_ends_after(at) {
            return None;
        }
        at += 1;
    }
    None
}

/// A tag whose verb the lexicon lacks, between two parts of a quotation: a past-tense word, then
/// a cast name that ends the clause (“Aw,” fleered Happy Jack, “he ain't…”; "—¡Ca! —rezongó
/// Pedro—. No…"). The quotation before it must end in a comma (in Spanish, the raya's inciso
/// is enough), so a sentence of narration after a quotation ("Ran Tom home.") is no tag.
pub(super) fn unknown_verb(doc: &Doc<'_>, clause: &Range<usize>) -> Option<Subject> {
    let verb = clause.start;
    let word = doc.word(verb);
    let capitalised = doc
        .tokens
        .get(verb)
        .is_some_and(|t| word_capitalised(doc.text, t));
    let past = match doc.language {
        Language::En => word.len() > 4 && word.ends_with("ed"),
        Language::Es => word.chars().count() > 3 && word.ends_with('ó'),
    };
    let interrupted = match doc.language {
        Language::En => doc.gap_before(verb).contains(','),
        Language::Es => true,
    };
    if capitalised || !past || !interrupted {
        return None;
    }
    let mention = doc.mention_starting(verb + 1)?;
    let last = mention.tokens.end.checked_sub(1)?;
    let ends = last + 1 == clause.end || doc.gap_after(last).contains(',');
    ends.then(|| Subject::Name {
        who: mention.who,
        bytes: mention.bytes.clone(),
        adjacent: false,
    })
}

/// Most words before the subject of a clause that opens with an absolute construction
/// ("Convencido su padre de que…, le dijo:", "Then at last Tom said").
const OPENING: usize = 2;

/// The cast member opening a clause that runs to a speech verb at token `verb`: named at its
/// first word `first`, or within its first words when no preposition governs the name and no
/// conjunction comes before it.
pub(super) fn opening_mention<'d>(
    doc: &'d Doc<'_>,
    first: usize,
    verb: usize,
) -> Option<&'d Mention> {
    for at in first..verb.min(first + OPENING + 1) {
        if at > first
            && (is_conjunction(doc.word(at - 1), doc.language) || doc.clause_ends_after(at - 1))
        {
            return None;
        }
        if let Some(mention) = doc.mention_starting(at) {
            return (at == first || !governed(doc, at, first)).then_some(mention);
        }
    }
    None
}

/// Whether the name at token `at` follows a preposition (articles aside): "a la tía Rosa".
fn governed(doc: &Doc<'_>, at: usize, from: usize) -> bool {
    let mut k = at;
    while k > from {
        k -= 1;
        let word = doc.word(k);
        if is_article(word, doc.language) {
            continue;
        }
        return is_preposition(word, doc.language);
    }
    false
}

fn is_article(word: &str, language: Language) -> bool {
    match language {
        Language::En => matches!(word, "the" | "a" | "an"),
        Language::Es => matches!(word, "el" | "la" | "los" | "las" | "un" | "una"),
    }
}

fn is_preposition(word: &str, language: Language) -> bool {
    match language {
        Language::En => matches!(
            word,
            "to" | "of"
                | "with"
                | "at"
                | "for"
                | "from"
                | "by"
                | "in"
                | "on"
                | "about"
                | "upon"
                | "towards"
                | "toward"
                | "into"
                | "after"
                | "before"
                | "behind"
                | "beside"
                | "like"
                | "than"
        ),
        Language::Es => matches!(
            word,
            "a" | "á"
                | "al"
                | "de"
                | "del"
                | "con"
                | "para"
                | "hacia"
                | "sin"
                | "por"
                | "en"
                | "sobre"
                | "ante"
                | "tras"
                | "entre"
                | "contra"
                | "hasta"
                | "según"
                | "desde"
                | "que"
        ),
    }
}

fn is_conjunction(word: &str, language: Language) -> bool {
    match language {
        Language::En => matches!(
            word,
            "and"
                | "but"
                | "while"
                | "whilst"
                | "when"
                | "as"
                | "who"
                | "which"
                | "that"
                | "whom"
                | "whose"
                | "until"
                | "if"
                | "because"
                | "though"
                | "or"
                | "so"
        ),
        Language::Es => matches!(
            word,
            "y" | "e"
                | "pero"
                | "mientras"
                | "cuando"
                | "quien"
                | "quienes"
                | "cual"
                | "porque"
                | "aunque"
                | "si"
                | "ni"
                | "o"
                | "u"
                | "pues"
                | "como"
                | "mas"
        ),
    }
}
