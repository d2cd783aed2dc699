//! The dev sets' gold as `narrator_dev` reads it: the excerpts, how much of their narration is
//! in the first person, which quotations have an "I said"-type tag, and which proposed character
//! is which gold one.

use shared::{cast::character::Character, Language};

use crate::dev_set::{GoldCharacter, GoldQuote};

/// English speech verbs for spotting "I said" tags in the gold (a measuring aid, not the engine's).
const EN_VERBS: &[&str] = &[
    "said",
    "say",
    "asked",
    "ask",
    "replied",
    "reply",
    "answered",
    "answer",
    "cried",
    "exclaimed",
    "returned",
    "observed",
    "remarked",
    "repeated",
    "continued",
    "added",
    "whispered",
    "shouted",
    "called",
    "began",
    "inquired",
    "rejoined",
    "retorted",
    "muttered",
    "murmured",
    "went",
    "told",
    "thought",
    "responded",
    "suggested",
    "explained",
    "protested",
    "pleaded",
    "urged",
    "says",
];
/// Spanish first-person speech verbs (preterite and imperfect).
const ES_VERBS: &[&str] = &[
    "dije",
    "decía",
    "respondí",
    "contesté",
    "pregunté",
    "repliqué",
    "exclamé",
    "añadí",
    "grité",
    "murmuré",
    "repuse",
    "insistí",
    "interrumpí",
    "pensé",
    "respondía",
    "contestaba",
    "preguntaba",
    "exclamaba",
    "grité",
    "supliqué",
    "advertí",
    "observé",
];
/// First-person words per thousand words of the narration outside the gold quotations.
pub fn first_person_rate(chars: &[char], quotes: &[GoldQuote], language: Language) -> f64 {
    let mut inside = vec![false; chars.len()];
    for q in quotes {
        for flag in inside.iter_mut().take(q.end.min(chars.len())).skip(q.start) {
            *flag = true;
        }
    }
    let narration: String = chars
        .iter()
        .zip(&inside)
        .map(|(c, q)| if *q { ' ' } else { *c })
        .collect();
    let words: Vec<String> = narration
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let first = words
        .iter()
        .filter(|w| match language {
            Language::En => matches!(w.as_str(), "i" | "me" | "my" | "myself"),
            Language::Es => matches!(w.as_str(), "yo" | "me" | "mi" | "mis" | "conmigo"),
        })
        .count();
    1000.0 * first as f64 / words.len().max(1) as f64
}

/// Whether a gold quotation has an "I said" tag right after it or right before it (within its
/// paragraph and before the next or after the previous quotation).
pub fn said_i(chars: &[char], quote: &GoldQuote, quotes: &[GoldQuote], language: Language) -> bool {
    let next = quotes
        .iter()
        .map(|q| q.start)
        .filter(|&s| s >= quote.end)
        .min()
        .unwrap_or(chars.len());
    let previous = quotes
        .iter()
        .map(|q| q.end)
        .filter(|&e| e <= quote.start)
        .max()
        .unwrap_or(0);
    let after: String = chars[quote.end.min(chars.len())..next.min(chars.len())]
        .iter()
        .take_while(|c| **c != '\n')
        .take(40)
        .collect();
    let before: String = chars[previous.min(quote.start)..quote.start.min(chars.len())]
        .iter()
        .rev()
        .take_while(|c| **c != '\n')
        .take(40)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let after = words(&after);
    let before = words(&before);
    match language {
        Language::En => {
            let tag = |w: &[String]| {
                w.iter().any(|x| x == "I") && w.iter().any(|x| EN_VERBS.contains(&x.as_str()))
            };
            tag(&after[..after.len().min(3)]) || tag(&before[before.len().saturating_sub(3)..])
        }
        Language::Es => after[..after.len().min(3)]
            .iter()
            .any(|x| ES_VERBS.contains(&x.to_lowercase().as_str())),
    }
}

/// Whether a proposed character is the gold one: a name of one equals a name of the other, or the
/// proposed full name holds the gold name ("Mr. Lockwood" for "Lockwood"), ignoring case.
pub fn same_person(proposed: &Character, gold: &GoldCharacter) -> bool {
    if proposed.id.is_narrator() {
        return false;
    }
    let gold_names: Vec<String> = std::iter::once(&gold.name)
        .chain(&gold.aliases)
        .map(|n| n.trim().to_lowercase())
        .filter(|n| !n.is_empty())
        .collect();
    proposed.names().any(|n| {
        let n = n.to_lowercase();
        gold_names.iter().any(|g| {
            *g == n
                || (g.split_whitespace().count() == 1
                    && g.len() > 2
                    && n.split_whitespace().any(|w| w.trim_matches('.') == g))
        })
    })
}
