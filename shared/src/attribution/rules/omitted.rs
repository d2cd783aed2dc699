//! A speech verb with no subject in its tag ("—dijo—", "—respondí"): in Spanish its ending and
//! an adjective agreeing with the left-out subject still say something about the speaker.

use std::ops::Range;

use super::Subject;
use crate::{
    attribution::text::Doc,
    text::{
        language::{Gender, Language},
        lexicon::{agreement_gender, is_adverb, is_clitic, speech_verb_person, VerbPerson},
    },
};

/// The subject a verb with no subject in its tag implies: in Spanish, the verb's ending tells
/// "I" ("—respondí") from someone else ("—respondió"), and an adjective agreeing with the subject
/// right after the verb tells the gender ("—dijo, asustada", "—gritó colérico").
pub(super) fn left_out(doc: &Doc<'_>, verb: usize, clause: &Range<usize>) -> Subject {
    if doc.language != Language::Es {
        return Subject::Omitted {
            gender: None,
            third_person: false,
        };
    }
    let person = speech_verb_person(doc.word(verb));
    if person == Some(VerbPerson::First) {
        let bytes = doc.tokens.get(verb).map_or(0..0, |t| t.bytes.clone());
        return Subject::FirstPerson { bytes };
    }
    Subject::Omitted {
        gender: agreeing_gender(doc, verb, clause),
        third_person: person == Some(VerbPerson::Third),
    }
}

/// The gender of an adjective or participle right after a Spanish speech verb, past a gerund, an
/// adverb or "muy" ("—dijo sonriendo, asustada"), before anything else.
fn agreeing_gender(doc: &Doc<'_>, verb: usize, clause: &Range<usize>) -> Option<Gender> {
    let mut at = verb + 1;
    while at < clause.end && at <= verb + 3 {
        let word = doc.word(at);
        if let Some(gender) = agreement_gender(word) {
            return Some(gender);
        }
        let passable = word.ends_with("ando")
            || word.ends_with("iendo")
            || is_adverb(word, doc.language)
            || is_clitic(word, doc.language)
            || matches!(word, "muy" | "todo" | "toda" | "algo" | "tan");
        if !passable {
            return None;
        }
        at += 1;
    }
    None
}
