//! Benchmark: the engine documents (SSML for Azure and espeak-ng, plain text for ElevenLabs) of
//! every segment of a 2,000-segment chapter with a 2,500-entry pronunciation map, and the cache
//! key of each. The goal is under 50 ms for a whole chapter. The chapter is the Hound's first,
//! repeated; a third of the map are words of the text (each a match somewhere), the rest names it
//! does not use, so the automaton is the size a real project's map gives.

use std::{collections::BTreeSet, hint::black_box, time::Duration};

use criterion::{criterion_main, Criterion};
use shared::{
    pronunciation::Entry,
    segment_chapter,
    speech::{render, ClipKey, ClipSource, Dialect, Pronouncer, Utterance},
    EngineLimits, Language, PronunciationMap, Segment, Voice, VoiceEngine,
};

const HOUND: &str = include_str!("../../server/demo/en-doyle-hound-of-the-baskervilles-ch01.txt");
const ENTRIES: usize = 2_500;

/// The segments of the Hound's first chapter repeated until there are at least 2,000.
fn chapter(limits: &EngineLimits) -> Vec<Segment> {
    let mut text = String::new();
    loop {
        text.push_str(HOUND);
        text.push_str("\n\n");
        let segments = segment_chapter(&text, limits);
        if segments.len() >= 2_000 {
            return segments;
        }
    }
}

/// 2,500 entries: the text's longer words first, then invented names.
fn map() -> PronunciationMap {
    let words: BTreeSet<String> = HOUND
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 6)
        .map(str::to_lowercase)
        .collect();
    let real = words.into_iter().take(ENTRIES / 3);
    let invented = (0..).map(|n| format!("Zorvath{n}"));
    let entries = real
        .chain(invented)
        .take(ENTRIES)
        .enumerate()
        .map(|(n, grapheme)| Entry {
            espeak: (n % 2 == 0).then(|| "t'Est".to_owned()),
            respelling: Some("TEST".to_owned()),
            ..Entry::new(&grapheme, "ˈtɛst", "en")
        })
        .collect();
    PronunciationMap::new(entries).expect("a valid map")
}

fn voice(engine: VoiceEngine, id: &str) -> Voice {
    Voice {
        engine,
        voice_id: id.to_owned(),
        style: None,
        style_degree: 1.0,
        rate: 10,
        pitch: -5,
    }
}

fn documents(c: &mut Criterion) {
    let limits = EngineLimits::default();
    let segments = chapter(&limits);
    let map = map();
    let mut group = c.benchmark_group(format!(
        "documents_of_{}_segments_with_{}_entries",
        segments.len(),
        map.entries().len()
    ));
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("build_the_automaton", |b| {
        b.iter(|| Pronouncer::new(black_box(&map), "en-GB"));
    });
    let cases = [
        (
            "azure",
            Dialect::Azure,
            voice(VoiceEngine::Azure, "en-GB-RyanNeural"),
        ),
        (
            "espeak",
            Dialect::Espeak,
            voice(VoiceEngine::Espeak, "en-gb"),
        ),
        ("plain", Dialect::Plain, voice(VoiceEngine::Espeak, "en-gb")),
    ];
    for (name, dialect, voice) in cases {
        group.bench_function(format!("{name}_with_keys"), |b| {
            b.iter(|| {
                let pronouncer = Pronouncer::new(&map, "en-GB");
                let mut applied = 0;
                for segment in &segments {
                    let utterance = Utterance {
                        text: &segment.text,
                        voice: &voice,
                        language: Language::En,
                    };
                    if let Ok(rendering) = render(utterance, dialect, &pronouncer, &limits) {
                        applied += rendering.applied.len();
                        black_box(ClipKey::of(&ClipSource {
                            engine: name,
                            engine_version: "1",
                            format: "wav",
                            voice: &voice,
                            document: &rendering.document,
                        }));
                    }
                }
                applied
            });
        });
    }
    group.finish();
}

/// The benchmark group lives in a private module: the function `criterion_group!` makes is public
/// and undocumented.
mod group {
    criterion::criterion_group!(benches, super::documents);
}

criterion_main!(group::benches);
