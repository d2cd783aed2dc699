//! Benchmarks: segmenting whole novels (read from the corpus beside the repository at run time,
//! skipped when it is absent) and edits and undo on a 2,000-segment plan, each under a millisecond.

use std::{
    fs,
    hint::black_box,
    path::{Path, PathBuf},
    time::Duration,
};

use criterion::{criterion_main, BatchSize, Criterion, Throughput};
use shared::{segment_chapter, Edit, EngineLimits, History, Plan};

const HOUND: &str = include_str!("../../server/demo/en-doyle-hound-of-the-baskervilles-ch01.txt");

/// Where the novels are: `../shared/corpus/novels` from the workspace root.
fn novels_dir() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = fs::canonicalize(manifest).unwrap_or_else(|_| manifest.to_path_buf());
    manifest.join("../../shared/corpus/novels")
}

fn segment_novels(c: &mut Criterion) {
    let dir = novels_dir();
    let Ok(entries) = fs::read_dir(&dir) else {
        eprintln!(
            "note: no novels at {}; skipping the segment_chapter benchmarks",
            dir.display()
        );
        return;
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    let limits = EngineLimits::default();
    let mut group = c.benchmark_group("segment_chapter");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    for path in paths {
        let Ok(text) = fs::read_to_string(&path) else {
            eprintln!("note: cannot read {}; skipped", path.display());
            continue;
        };
        let name = path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| segment_chapter(black_box(&text), &limits));
        });
    }
    group.finish();
}

/// A chapter of repeated Hound chapters and its plan, with at least 2,000 segments.
fn big_plan(limits: &EngineLimits) -> (String, Plan) {
    let mut chapter = String::new();
    loop {
        chapter.push_str(HOUND);
        chapter.push_str("\n\n");
        let segments = segment_chapter(&chapter, limits);
        if segments.len() >= 2_000 {
            return (chapter, Plan::new(segments));
        }
    }
}

fn edit_big_plan(c: &mut Criterion) {
    let limits = EngineLimits::default();
    let (chapter, plan) = big_plan(&limits);
    let segments = plan.segments();
    let middle = &segments[segments.len() / 2];
    let before_last = &segments[segments.len() - 2];
    let edits = [
        (
            "split",
            Edit::Split {
                id: middle.id,
                at: middle.text.chars().count() / 2,
            },
        ),
        ("merge_next", Edit::MergeNext { id: middle.id }),
        (
            "merge_next_at_the_end",
            Edit::MergeNext { id: before_last.id },
        ),
        ("delete", Edit::Delete { id: middle.id }),
    ];
    let mut group = c.benchmark_group(format!("plan_of_{}_segments", segments.len()));
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2));
    for (name, edit) in &edits {
        group.bench_function(*name, |b| {
            b.iter_batched(
                || plan.clone(),
                |mut plan| {
                    let splice = plan.apply(edit, &chapter, &limits);
                    (plan, splice)
                },
                BatchSize::LargeInput,
            );
        });
    }
    group.bench_function("undo_split", |b| {
        b.iter_batched(
            || {
                let mut plan = plan.clone();
                let mut history = History::default();
                if let Ok(splice) = plan.apply(&edits[0].1, &chapter, &limits) {
                    history.record(splice);
                }
                (plan, history)
            },
            |(mut plan, mut history)| {
                history.undo(&mut plan);
                (plan, history)
            },
            BatchSize::LargeInput,
        );
    });
    group.bench_function("validate", |b| {
        b.iter(|| plan.validate(black_box(&chapter), &limits));
    });
    group.finish();
}

/// The benchmark group lives in a private module: the function `criterion_group!` makes is public
/// and undocumented.
mod group {
    criterion::criterion_group!(benches, super::segment_novels, super::edit_big_plan);
}

criterion_main!(group::benches);
