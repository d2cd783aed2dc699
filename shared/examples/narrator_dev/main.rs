//! Measures the first-person narrator from the text alone, as the app would meet a new book: the
//! cast is the one `propose_cast` gives (every proposed character), the narrating member is the one
//! `propose_first_person_narrator` picks, and the dialogue is attributed with that cast.
//!
//! An excerpt counts as told in the first person when its narration (outside the gold quotations)
//! has at least 20 first-person words per thousand; its narrating character is the gold speaker
//! of most quotations with an "I said"-type tag ("I said", "said I", "—dije", "—le contesté
//! yo"). Per excerpt it prints whether the proposal has that character, whether it is marked as
//! narrating, and how many of the "I said" quotations go to them; for the other excerpts,
//! whether someone was wrongly marked. Last, the share of all quotations the proposed cast gets
//! right, in first- and in third-person excerpts.
//!
//! ```text
//! cargo run --release -p shared --example narrator_dev -- /work/shared/corpus/attribution-dev \
//!     shared/corpus/attribution-es
//! ```

#![allow(clippy::print_stdout)]

#[path = "../dev_set/mod.rs"]
mod dev_set;
mod gold;

use std::{collections::HashMap, error::Error, fs};

use self::{
    dev_set::{gold_files, Gold, GoldCharacter, GoldQuote},
    gold::{first_person_rate, said_i, same_person},
};
use shared::{
    attribution::{
        attribute,
        propose::{narrator::propose_first_person_narrator, propose_cast, proposed_characters},
    },
    cast::character::Character,
    Cast, CharacterId, Language,
};

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
        for path in gold_files(&dir)? {
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

/// A cast from the whole proposal for `text` (names two characters share go to the first), and
/// the member the narrator proposal marks as narrating on that cast (printed when the proposal's
/// own `narrates` flag says otherwise).
fn proposed_cast(text: &str, language: Language) -> (Cast, Option<CharacterId>) {
    let proposals = propose_cast(text, language);
    let mut characters = vec![Character::narrator(language)];
    let mut flagged = None;
    for (at, mut character) in proposed_characters(&proposals, language) {
        character.gender = proposals[at].gender;
        if proposals[at].narrates {
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
