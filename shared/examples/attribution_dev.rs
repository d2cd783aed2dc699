//! Measures the rule engine on the attribution dev set (LitBank excerpts in the scorer's JSON
//! format): builds a cast from each file's characters, attributes the dialogue, writes predictions
//! for `score_attribution.py` and prints accuracy per rule against the gold speakers.
//!
//! ```text
//! cargo run --release -p shared --example attribution_dev -- /work/shared/corpus/attribution-dev OUT/
//! ```

#![allow(clippy::print_stdout)]

mod dev_set;

use std::{
    collections::{BTreeMap, HashMap, HashSet},
    error::Error,
    fs,
    path::Path,
};

use dev_set::{gold_files, Gold};
use shared::{
    attribution::{
        attribute,
        propose::{gender::guess_gender, narrator::propose_first_person_narrator},
        verdict::{Attribution, Rule},
    },
    cast::character::Character,
    Cast, CharacterId, Language,
};

/// Tallies of gold quotes by the rule that attributed them.
#[derive(Default)]
struct Tally {
    by_rule: BTreeMap<String, (usize, usize)>,
    by_type: BTreeMap<String, (usize, usize)>,
    by_confidence: BTreeMap<u32, (usize, usize)>,
    by_rule_confidence: BTreeMap<(String, u32), (usize, usize)>,
    total: usize,
    correct: usize,
    resolved: usize,
    resolved_correct: usize,
    missed: usize,
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(gold_dir), Some(out_dir)) = (args.next(), args.next()) else {
        return Err("usage: attribution_dev GOLD_DIR OUT_DIR".into());
    };
    let flag = args.next();
    let verbose = flag.as_deref().is_some_and(|a| a == "-v" || a == "-vv");
    let all = flag.as_deref() == Some("-vv");
    fs::create_dir_all(&out_dir)?;
    let files = gold_files(&gold_dir)?;
    let mut tally = Tally::default();
    for path in &files {
        run_file(path, Path::new(&out_dir), &mut tally, verbose, all)?;
    }
    report(&tally);
    Ok(())
}

fn run_file(
    path: &Path,
    out_dir: &Path,
    tally: &mut Tally,
    verbose: bool,
    all: bool,
) -> Result<(), Box<dyn Error>> {
    let gold: Gold = serde_json::from_str(&fs::read_to_string(path)?)?;
    let language = gold
        .language
        .as_deref()
        .and_then(Language::from_code)
        .unwrap_or(Language::En);
    let (cast, back) = build_cast(&gold, language);
    let attributions = attribute(&gold.text, &cast, language, &[]);
    if verbose {
        if let Some(c) = cast.characters().iter().find(|c| c.narrates) {
            println!("{}: narrating character {}", path.display(), c.id.as_str());
        }
    }
    let quotes: Vec<serde_json::Value> = attributions
        .iter()
        .map(|a| {
            let speaker = a.speaker.as_ref().and_then(|id| back.get(id.as_str()));
            serde_json::json!({
                "start": a.span.start,
                "end": a.span.end,
                "speaker": speaker,
                "rule": a.evidence.rule,
                "confidence": (f64::from(a.confidence) * 1000.0).round() / 1000.0,
                "tag": a.evidence.tag,
            })
        })
        .collect();
    let name = path.file_name().ok_or("no file name")?;
    fs::write(
        out_dir.join(name),
        serde_json::to_string(&serde_json::json!({ "quotes": quotes }))?,
    )?;
    let special: HashSet<&str> = gold
        .characters
        .iter()
        .filter(|c| matches!(c.name.as_str(), "_group" | "_unknowable" | "_narr"))
        .map(|c| c.id.as_str())
        .collect();
    for quote in gold
        .quotes
        .iter()
        .filter(|q| !special.contains(q.speaker.as_str()))
    {
        let best = best_overlap(&attributions, quote.start..quote.end);
        tally.total += 1;
        let Some(attribution) = best else {
            tally.missed += 1;
            *tally.by_rule.entry("missed".to_owned()).or_default() = {
                let (n, c) = tally.by_rule.get("missed").copied().unwrap_or_default();
                (n + 1, c)
            };
            if let Some(kind) = &quote.kind {
                tally.by_type.entry(kind.clone()).or_default().0 += 1;
            }
            continue;
        };
        let predicted = attribution
            .speaker
            .as_ref()
            .and_then(|id| back.get(id.as_str()));
        let ok = predicted.is_some_and(|p| *p == quote.speaker);
        let narrator = attribution
            .speaker
            .as_ref()
            .is_some_and(CharacterId::is_narrator);
        let rule = if narrator {
            format!("{:?}->narrator", attribution.evidence.rule)
        } else {
            format!("{:?}", attribution.evidence.rule)
        };
        let entry = tally.by_rule.entry(rule).or_default();
        entry.0 += 1;
        entry.1 += usize::from(ok);
        if let Some(kind) = &quote.kind {
            let entry = tally.by_type.entry(kind.clone()).or_default();
            entry.0 += 1;
            entry.1 += usize::from(ok);
        }
        tally.correct += usize::from(ok);
        if attribution.speaker.is_some() && !narrator {
            tally.resolved += 1;
            tally.resolved_correct += usize::from(ok);
            let bucket = (attribution.confidence * 10.0).floor() as u32;
            let entry = tally.by_confidence.entry(bucket).or_default();
            entry.0 += 1;
            entry.1 += usize::from(ok);
            let key = (format!("{:?}", attribution.evidence.rule), bucket);
            let entry = tally.by_rule_confidence.entry(key).or_default();
            entry.0 += 1;
            entry.1 += usize::from(ok);
        }
        let narrator_label = "NARRATOR".to_owned();
        if verbose && (!ok || all) {
            let excerpt: String = gold.text.chars().skip(quote.start).take(60).collect();
            println!(
                "{}{} @{} {:?} {:.2} pred={:?} gold={} | {}",
                if ok { "  ok " } else { "ERR " },
                name.to_string_lossy().chars().take(20).collect::<String>(),
                quote.start,
                attribution.evidence.rule,
                attribution.confidence,
                if narrator {
                    Some(&narrator_label)
                } else {
                    predicted
                },
                quote.speaker,
                excerpt.replace('\n', " ")
            );
        }
    }
    Ok(())
}

/// The attribution overlapping `range` most, as the scorer matches them.
fn best_overlap(
    attributions: &[Attribution],
    range: std::ops::Range<usize>,
) -> Option<&Attribution> {
    attributions
        .iter()
        .map(|a| {
            (
                a,
                a.span
                    .end
                    .min(range.end)
                    .saturating_sub(a.span.start.max(range.start)),
            )
        })
        .filter(|&(_, overlap)| overlap > 0)
        .max_by_key(|&(_, overlap)| overlap)
        .map(|(a, _)| a)
}

/// Whether a dev-set alias is a name a producer would give the cast: not an indefinite
/// description ("a man"), not a bare pronoun-like word ("one", "another"), not a long description.
fn usable_alias(alias: &str) -> bool {
    let words: Vec<&str> = alias.split_whitespace().collect();
    let lowercase = !alias.chars().any(char::is_uppercase);
    let indefinite = matches!(
        words.first(),
        Some(&"a" | &"an" | &"A" | &"An" | &"some" | &"Some")
    );
    let vague = lowercase && words.len() == 1;
    !words.is_empty()
        && words.len() <= 4
        && !indefinite
        && !vague
        && alias.chars().any(char::is_alphanumeric)
}

/// A cast from the gold characters: ids are slugs of the dev ids (mapped back for the
/// predictions), aliases shared by two characters are dropped, genders are guessed from the text.
fn build_cast(gold: &Gold, language: Language) -> (Cast, HashMap<String, String>) {
    let mut owners: HashMap<String, HashSet<&str>> = HashMap::new();
    for c in &gold.characters {
        for name in std::iter::once(&c.name).chain(&c.aliases) {
            owners
                .entry(name.trim().to_lowercase())
                .or_default()
                .insert(&c.id);
        }
    }
    let mut characters = vec![Character::narrator(language)];
    let mut back = HashMap::new();
    let mut used: HashSet<String> = HashSet::new();
    for c in &gold.characters {
        let mut names: Vec<String> = Vec::new();
        for name in std::iter::once(&c.name).chain(&c.aliases) {
            let key = name.trim().to_lowercase();
            let unique = owners.get(&key).is_some_and(|o| o.len() == 1);
            if unique && usable_alias(name) && !used.contains(&key) && key != "narrator" {
                used.insert(key);
                names.push(name.trim().to_owned());
            }
        }
        let Some(slug) = CharacterId::slug(&c.id) else {
            continue;
        };
        let mut id = slug.clone();
        let mut n = 2;
        while back.contains_key(id.as_str()) || id.is_narrator() {
            id = CharacterId(format!("{slug}-{n}"));
            n += 1;
        }
        let primary = names
            .first()
            .cloned()
            .unwrap_or_else(|| format!("{} {}", c.id, id));
        used.insert(primary.to_lowercase());
        let Some(mut character) = Character::named(&primary, language) else {
            continue;
        };
        character.id = id.clone();
        character.aliases = names.iter().skip(1).cloned().collect();
        // The dev cast marks some first-person narrators in their ids ("narrator-0",
        // "Rudolf_narrator-4", "I-0") or names them "I", as a producer would by ticking "narrates".
        character.narrates = c.id.to_lowercase().contains("narrator")
            || c.name == "I"
            || c.id.split('-').next() == Some("I");
        let refs: Vec<&str> = character.names().collect();
        character.gender = guess_gender(&gold.text, &refs, language);
        back.insert(id.0.clone(), c.id.clone());
        characters.push(character);
    }
    // Nobody marked: the proposal a producer would be shown and accept (from the text alone).
    if !characters.iter().any(|c| c.narrates) {
        if let Ok(cast) = Cast::new(characters.clone()) {
            if let Some(id) = propose_first_person_narrator(&gold.text, &cast, language) {
                if let Some(c) = characters.iter_mut().find(|c| c.id == id) {
                    c.narrates = true;
                }
            }
        }
    }
    match Cast::new(characters) {
        Ok(cast) => (cast, back),
        Err(error) => {
            eprintln!("cast refused ({error}); using the narrator alone");
            (Cast::with_narrator(language), back)
        }
    }
}

fn report(tally: &Tally) {
    let pct = |c: usize, n: usize| {
        if n == 0 {
            0.0
        } else {
            100.0 * c as f64 / n as f64
        }
    };
    println!("rule            quotes  correct  accuracy");
    for (rule, &(n, c)) in &tally.by_rule {
        println!("{rule:<15} {n:>6}  {c:>7}  {:>7.1}%", pct(c, n));
    }
    println!(
        "all             {:>6}  {:>7}  {:>7.1}%",
        tally.total,
        tally.correct,
        pct(tally.correct, tally.total)
    );
    for (kind, &(n, c)) in &tally.by_type {
        println!("  gold {kind:<10} {n:>6}  {c:>7}  {:>7.1}%", pct(c, n));
    }
    let (sure, sure_ok) = tally
        .by_confidence
        .range(9..)
        .fold((0, 0), |(n, c), (_, &(bn, bc))| (n + bn, c + bc));
    println!(
        "confidence >= 0.9: {sure} quotes, {:.1}% right",
        pct(sure_ok, sure)
    );
    println!(
        "resolved-only precision {:.1}% ({} of {}, narrator answers excluded); unresolved, narrator or missed {:.1}% ({} missed spans)",
        pct(tally.resolved_correct, tally.resolved),
        tally.resolved_correct,
        tally.resolved,
        pct(tally.total - tally.resolved, tally.total),
        tally.missed
    );
    println!("calibration (confidence bucket: quotes, accuracy)");
    for (bucket, &(n, c)) in &tally.by_confidence {
        println!(
            "  {:.1}-{:.1}: {n:>5}  {:>5.1}%",
            f64::from(*bucket) / 10.0,
            f64::from(*bucket + 1) / 10.0,
            pct(c, n)
        );
    }
    println!("calibration by rule (rule, confidence bucket: quotes, accuracy)");
    for ((rule, bucket), &(n, c)) in &tally.by_rule_confidence {
        println!(
            "  {rule:<12} {:.1}-{:.1}: {n:>5}  {:>5.1}%",
            f64::from(*bucket) / 10.0,
            f64::from(*bucket + 1) / 10.0,
            pct(c, n)
        );
    }
    let _ = Rule::Unresolved;
}
