//! A speech tag whose subject is a description no cast name holds ("said the old man", "said a
//! young officer", "—dijo una señora"): someone outside the cast, or a cast member described.
//! Its head noun may still tell the speaker's gender, and its determiner whether it points back
//! at someone already in the story (definite: "the old man", "his mother") or brings in someone
//! new (indefinite: "a voice", "one of the colts").

use std::ops::Range;

use super::{apposition, Subject};
use crate::{
    attribution::text::Doc,
    text::{
        language::{Gender, Language},
        lexicon::noun_gender,
    },
};

/// Most words of a description after its determiner that may hold its head noun.
const HEAD_WORDS: usize = 4;

/// The subject a description opening at the determiner at token `at` gives, in `clause`.
pub(super) fn description(doc: &Doc<'_>, at: usize, clause: &Range<usize>) -> Subject {
    let definite = !is_indefinite(doc.word(at), doc.language);
    let mut gender = None;
    let mut k = at + 1;
    while k < clause.end.min(at + 1 + HEAD_WORDS) {
        let word = doc.word(k);
        if matches!(word, "of" | "with" | "in" | "de" | "del" | "con" | "en") {
            break;
        }
        if let Some(found) = noun_gender(word) {
            gender = Some(found);
        }
        if doc.clause_ends_after(k) || doc.gap_after(k).contains(',') {
            break;
        }
        k += 1;
    }
    Subject::Stranger {
        // A group says nothing of one speaker's gender.
        gender: gender.filter(|g| *g != Gender::Other),
        definite,
    }
}

/// A definite description after a speech verb whose head word belongs to one cast member's name
/// ("said the parson" for Parson Tringham, "said his uncle" for Uncle John, "dijo el
/// capitán"), or that the narration before set beside one member's name ([`apposition`]): the
/// determiner at token `at`, then up to three words in the same clause. An indefinite one
/// ("said a parson") is someone new.
pub(super) fn nominal(doc: &Doc<'_>, at: usize, clause: &Range<usize>) -> Option<Subject> {
    if is_indefinite(doc.word(at), doc.language) {
        return None;
    }
    let mut k = at + 1;
    while k < clause.end.min(at + 4) {
        if let Some(who) = doc.name_word_owner(k) {
            let bytes = doc.tokens.get(at)?.bytes.start..doc.tokens.get(k)?.bytes.end;
            return Some(Subject::Nominal { who, bytes });
        }
        if doc.clause_ends_after(k) || doc.gap_after(k).contains(',') {
            break;
        }
        k += 1;
    }
    // "said my brother" where the narration said "my brother Robert"; never the possessor in
    // "said my brother's wife".
    let start = doc.tokens.get(at)?.bytes.start;
    let k = apposition::head(doc, at, clause)?;
    let who = apposition::described(doc, at, k, start)?;
    let bytes = start..doc.tokens.get(k)?.bytes.end;
    Some(Subject::Nominal { who, bytes })
}

/// Words that open a noun phrase: after a speech verb, they open a subject that is not a name.
pub(super) fn is_determiner(word: &str, language: Language) -> bool {
    match language {
        Language::En => matches!(
            word,
            "the" | "a" | "an" | "his" | "her" | "my" | "our" | "their" | "one"
        ),
        Language::Es => matches!(
            word,
            "el" | "la" | "un" | "una" | "su" | "mi" | "los" | "las"
        ),
    }
}

/// Determiners of someone new: "a", "one", "un".
fn is_indefinite(word: &str, language: Language) -> bool {
    match language {
        Language::En => matches!(word, "a" | "an" | "one"),
        Language::Es => matches!(word, "un" | "una"),
    }
}
