//! Measures the first-person narrator from the text alone, as the app would meet a new book: the
//! cast is the one `propose_cast` gives (every proposed character), the narrating member is the one
//! `propose_first_person_narrator` picks, and the dialogue is attributed with that cast.
//!
//! An excerpt counts as told in the first person when its narration (outside the gold quotations)
//! has at least 20 first-person words per thousand; its narrating character is the gold speaker
//! of most quotations with an "I said"-type tag ("I said", "said I", "—dije", "—le contesté yo"). Per excerpt it prints whether the proposal has that character, whether
//! it is marked as narrating, and how many of the "I said" quotations go to them; for the other
//! excerpts, whether someone was wrongly marked. Last, the share of all quotations the proposed
//! cast gets right, in first- and in third-person excerpts.
//!
//! ```text
//! cargo run --release -p shared --example narrator_dev -- /work/shared/corpus/attribution-dev
//! ```

#![allow(clippy::print_stdout)]

use std::{collections::HashMap, error::Error, fs, path::PathBuf};

use serde::Deserialize;
use shared::{
    attribution::{
        attribute,
        propose::{narrator::propose_first_person_narrator, propose_cast},
    },
    cast::character::Character,
    Cast, CharacterId, Language,
};

#[derive(Deserialize)]
struct Gold {
    text: String,
    #[serde(default)]
    language: Option<String>,
    characters: Vec<GoldCharacter>,
    quotes: Vec<GoldQuote>,
}

#[derive(Deserialize)]
struct GoldCharacter {
    id: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Deserialize)]
struct GoldQuote {
    start: usize,
    end: usize,
    speaker: String,
}

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

#[derive(Default)]
struct Totals {
    first_person: usize,
    in_proposal: usize,
    marked: usize,
    wrong_marked: usize,
    i_quotes: usize,
    i_right: usize,
    third_person: usize,
    false_narrator: usize,
    unknown: usize,
    unknown_marked: usize,
    /// All quotations of third-person ([0]) and first-person ([1]) excerpts, and how many the
    /// proposed cast gets right.
    quotes: [usize; 2],
    right: [usize; 2],
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut totals = Totals::default();
    for dir in std::env::args().skip(1) {
        let mut files: Vec<PathBuf> = fs::read_dir(&dir)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .filter(|p| p.file_name().is_some_and(|n| n != "manifest.json"))
            .collect();
        files.sort();
        for path in files {
            let gold: Gold = serde_json::from_str(&fs::read_to_string(&path)?)?;
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            run(&name, &gold, &mut totals);
        }
    }
    println!(
        "first-person excerpts {}: narrating character in the proposal {}, marked as narrating {} \
         (another marked {}); \"I said\" quotations to them {} of {}",
        totals.first_person,
        totals.in_proposal,
        totals.marked,
        totals.wrong_marked,
        totals.i_right,
        totals.i_quotes
    );
    println!(
        "first-person excerpts without an \"I said\" quotation {}: someone marked in {} (check \
         by hand)",
        totals.unknown, totals.unknown_marked
    );
    println!(
        "third-person excerpts {}: someone marked as narrating in {}",
        totals.third_person, totals.false_narrator
    );
    let pct = |k: usize| 100.0 * totals.right[k] as f64 / totals.quotes[k].max(1) as f64;
    println!(
        "all quotations with the proposed cast: first-person excerpts {:.1}% of {}, \
         third-person {:.1}% of {}",
        pct(1),
        totals.quotes[1],
        pct(0),
        totals.quotes[0]
    );
    Ok(())
}

fn run(name: &str, gold: &Gold, totals: &mut Totals) {
    let language = gold
        .language
        .as_deref()
        .and_then(Language::from_code)
        .unwrap_or(Language::En);
    let chars: Vec<char> = gold.text.chars().collect();
    let rate = first_person_rate(&chars, &gold.quotes, language);
    let mut votes: HashMap<&str, usize> = HashMap::new();
    let i_quotes: Vec<&GoldQuote> = gold
        .quotes
        .iter()
        .filter(|q| said_i(&chars, q, &gold.quotes, language))
        .collect();
    for q in &i_quotes {
        *votes.entry(q.speaker.as_str()).or_default() += 1;
    }
    let narrating = votes
        .iter()
        .max_by_key(|(id, n)| (**n, std::cmp::Reverse(**id)))
        .map(|(id, _)| *id)
        .and_then(|id| gold.characters.iter().find(|c| c.id == id))
        .filter(|c| !c.name.starts_with('_'));
    let (cast, marked) = proposed_cast(&gold.text, language);
    let matches = |id: &CharacterId, who: &GoldCharacter| {
        cast.get(id.as_str()).is_some_and(|c| same_person(c, who))
    };
    let attributions = attribute(&gold.text, &cast, language, &[]);
    // Every quotation, as the proposed cast attributes it.
    let (mut all, mut all_right) = (0, 0);
    for q in &gold.quotes {
        let Some(who) = gold
            .characters
            .iter()
            .find(|c| c.id == q.speaker && !c.name.starts_with('_'))
        else {
            continue;
        };
        all += 1;
        let best = attributions
            .iter()
            .filter(|a| a.span.start < q.end && q.start < a.span.end)
            .max_by_key(|a| a.span.end.min(q.end) - a.span.start.max(q.start));
        all_right += usize::from(
            best.and_then(|a| a.speaker.as_ref())
                .is_some_and(|id| matches(id, who)),
        );
    }
    let slot = usize::from(rate >= 20.0);
    totals.quotes[slot] += all;
    totals.right[slot] += all_right;
    if rate < 20.0 {
        totals.third_person += 1;
        if let Some(id) = &marked {
            totals.false_narrator += 1;
            println!(
                "{name}: third person ({rate:.0}/1000), {} marked",
                id.as_str()
            );
        }
        return;
    }
    let Some(who) = narrating else {
        totals.unknown += 1;
        totals.unknown_marked += usize::from(marked.is_some());
        println!(
            "{name}: first person ({rate:.0}/1000), no \"I said\" quotation, marked {}",
            marked.as_ref().map_or("nobody", CharacterId::as_str)
        );
        return;
    };
    totals.first_person += 1;
    let found = cast
        .characters()
        .iter()
        .find(|c| same_person(c, who))
        .map(|c| c.id.clone());
    let right_mark = marked.as_ref().is_some_and(|id| matches(id, who));
    totals.in_proposal += usize::from(found.is_some());
    totals.marked += usize::from(right_mark);
    totals.wrong_marked += usize::from(marked.is_some() && !right_mark);
    let mut right = 0;
    let mine: Vec<&&GoldQuote> = i_quotes.iter().filter(|q| q.speaker == who.id).collect();
    for q in &mine {
        let best = attributions
            .iter()
            .filter(|a| a.span.start < q.end && q.start < a.span.end)
            .max_by_key(|a| a.span.end.min(q.end) - a.span.start.max(q.start));
        if best
            .and_then(|a| a.speaker.as_ref())
            .is_some_and(|id| matches(id, who))
        {
            right += 1;
        }
    }
    totals.i_quotes += mine.len();
    totals.i_right += right;
    println!(
        "{name}: first person ({rate:.0}/1000), narrating {} ({}): proposed {}, marked {}, \
         \"I said\" {right} of {}",
        who.name,
        who.id,
        found.as_ref().map_or("no", |_| "yes"),
        marked.as_ref().map_or("nobody", CharacterId::as_str),
        mine.len()
    );
}

/// First-person words per thousand words of the narration outside the gold quotations.
fn first_person_rate(chars: &[char], quotes: &[GoldQuote], language: Language) -> f64 {
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
fn said_i(chars: &[char], quote: &GoldQuote, quotes: &[GoldQuote], language: Language) -> bool {
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

/// A cast from the whole proposal for `text` (names two characters share go to the first), and
/// the member the narrator proposal marks as narrating on that cast (printed when the proposal's
/// own `narrates` flag says otherwise).
fn proposed_cast(text: &str, language: Language) -> (Cast, Option<CharacterId>) {
    let mut characters = vec![Character::narrator(language)];
    let mut used = std::collections::HashSet::new();
    let mut flagged = None;
    for proposed in propose_cast(text, language) {
        let narrates = proposed.narrates;
        let names: Vec<String> = std::iter::once(proposed.name)
            .chain(proposed.aliases)
            .filter(|n| used.insert(n.to_lowercase()))
            .collect();
        let Some((name, aliases)) = names.split_first() else {
            continue;
        };
        let Some(mut character) = Character::named(name, language) else {
            continue;
        };
        if characters.iter().any(|c: &Character| c.id == character.id) {
            continue;
        }
        character.aliases = aliases.to_vec();
        character.gender = proposed.gender;
        if narrates {
            flagged = Some(character.id.clone());
        }
        characters.push(character);
    }
    let Ok(cast) = Cast::new(characters.clone()) else {
        return (Cast::with_narrator(language), None);
    };
    let marked = propose_first_person_narrator(text, &cast, language);
    if marked != flagged {
        println!("(the proposal flags {flagged:?}, the guess on its cast {marked:?})");
    }
    if let Some(id) = &marked {
        if let Some(c) = characters.iter_mut().find(|c| &c.id == id) {
            c.narrates = true;
        }
    }
    let cast = Cast::new(characters).unwrap_or(cast);
    (cast, marked)
}

/// Whether a proposed character is the gold one: a name of one equals a name of the other, or the
/// proposed full name holds the gold name ("Mr. Lockwood" for "Lockwood"), ignoring case.
fn same_person(proposed: &Character, gold: &GoldCharacter) -> bool {
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
