//! Benchmark: attributing the dialogue of a chapter of about 5,000 words (the opening of *Emma*,
//! read from the corpus beside the repository at run time, with a cast proposed from the text; and
//! the Hound's first chapter, always available as a fixture). The goal is under 50 ms.

use std::{
    fs,
    hint::black_box,
    path::{Path, PathBuf},
    time::Duration,
};

use criterion::{criterion_main, Criterion, Throughput};
use shared::{
    attribution::{
        attribute,
        propose::{propose_cast, proposed_characters},
    },
    cast::character::Character,
    Cast, Language,
};

const HOUND: &str = include_str!("../../server/demo/en-doyle-hound-of-the-baskervilles-ch01.txt");

/// The first paragraphs of `text` holding about `words` words.
fn opening(text: &str, words: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    for paragraph in text.split("\n\n") {
        if count >= words {
            break;
        }
        count += paragraph.split_whitespace().count();
        out.push_str(paragraph);
        out.push_str("\n\n");
    }
    out
}

/// A cast built from the proposal for `text`: its first `size` characters, shared names dropped.
fn proposed_cast(text: &str, size: usize) -> Cast {
    let proposals: Vec<_> = propose_cast(text, Language::En)
        .into_iter()
        .take(size)
        .collect();
    let members = proposed_characters(&proposals, Language::En)
        .into_iter()
        .map(|(at, mut character)| {
            character.gender = proposals[at].gender;
            character
        });
    let characters = std::iter::once(Character::narrator(Language::En))
        .chain(members)
        .collect();
    Cast::new(characters).unwrap_or_else(|_| Cast::with_narrator(Language::En))
}

fn emma() -> Option<String> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = fs::canonicalize(manifest).unwrap_or_else(|_| manifest.to_path_buf());
    let path: PathBuf = manifest.join("../../shared/corpus/novels/en-austen-emma.txt");
    match fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(_) => {
            eprintln!(
                "note: no novel at {}; skipping the Emma benchmark",
                path.display()
            );
            None
        }
    }
}

fn attribute_chapters(c: &mut Criterion) {
    let mut chapters = vec![("hound_ch01", HOUND.to_owned())];
    if let Some(text) = emma() {
        chapters.push(("emma_5000_words", opening(&text, 5_000)));
    }
    let mut group = c.benchmark_group("attribute");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    for (name, chapter) in &chapters {
        let cast = proposed_cast(chapter, 12);
        let words = chapter.split_whitespace().count();
        eprintln!(
            "note: {name}: {words} words, {} cast members, {} quotations",
            cast.characters().len(),
            attribute(chapter, &cast, Language::En, &[]).len()
        );
        group.throughput(Throughput::Bytes(chapter.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| attribute(black_box(chapter), &cast, Language::En, &[]));
        });
    }
    group.finish();
}

/// The benchmark group lives in a private module: the function `criterion_group!` makes is public
/// and undocumented.
mod group {
    criterion::criterion_group!(benches, super::attribute_chapters);
}

criterion_main!(group::benches);
