//! Benchmark: importing whole novels (`server::import`: text decoding, heading detection, front
//! and back matter) from the corpus beside the repository, read at run time and skipped when it is
//! absent (goal: under one second per novel), and the published EPUBs of the test corpus
//! (`server/tests/books`; goal: the whole of *Moby-Dick* under 50 ms) and a 300-page PDF (goal:
//! under 2 s, `pdftotext` included).

use std::{
    fs,
    hint::black_box,
    path::{Path, PathBuf},
};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// Where the novels are: `../shared/corpus/novels` from the workspace root.
fn novels_dir() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = fs::canonicalize(manifest).unwrap_or_else(|_| manifest.to_path_buf());
    manifest.join("../../shared/corpus/novels")
}

fn import_novels(c: &mut Criterion) {
    let dir = novels_dir();
    let Ok(entries) = fs::read_dir(&dir) else {
        eprintln!("note: no novels at {}; skipping", dir.display());
        return;
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    let pdf = server::pdftotext::Pdftotext::default();
    let mut group = c.benchmark_group("import");
    group.sample_size(20);
    for path in paths {
        let Ok(bytes) = fs::read(&path) else { continue };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let chapters = server::import::import(&name, &bytes, &pdf)
            .map(|m| m.chapters.len())
            .unwrap_or(0);
        eprintln!("{name}: {chapters} chapters");
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(name.clone(), |b| {
            b.iter(|| server::import::import(black_box(&name), black_box(&bytes), &pdf))
        });
    }
    group.finish();
}

fn import_epubs(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/books");
    let pdf = server::pdftotext::Pdftotext::default();
    let mut group = c.benchmark_group("import-epub");
    group.sample_size(30);
    for name in ["moby-dick.epub", "childrens-literature.epub"] {
        let bytes = fs::read(dir.join(name)).expect("the test corpus is in the repository");
        let chapters = server::import::import(name, &bytes, &pdf)
            .map(|m| m.chapters.len())
            .unwrap_or(0);
        eprintln!("{name}: {chapters} sections");
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| server::import::import(black_box(name), black_box(&bytes), &pdf))
        });
    }
    group.finish();
}

/// A 300-page PDF (`server/tests/books/moby-dick-300.pdf`) through `pdftotext` and the rebuilding
/// of its paragraphs; the goal is under 2 s.
fn import_pdf(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/books/moby-dick-300.pdf");
    let bytes = fs::read(path).expect("the test corpus is in the repository");
    let pdf = server::pdftotext::Pdftotext::default();
    let chapters = server::import::import("moby-dick-300.pdf", &bytes, &pdf)
        .map(|m| m.chapters.len())
        .unwrap_or(0);
    eprintln!("moby-dick-300.pdf: {chapters} chapters");
    let mut group = c.benchmark_group("import-pdf");
    group.sample_size(10);
    group.bench_function("moby-dick-300.pdf", |b| {
        b.iter(|| server::import::import("moby-dick-300.pdf", black_box(&bytes), &pdf))
    });
    group.finish();
}

criterion_group!(benches, import_epubs, import_pdf, import_novels);
criterion_main!(benches);
