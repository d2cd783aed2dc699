//! Benchmark: the autosave of one edit on a 2,000-segment chapter. The page sends the change (its
//! request body's size is printed beside the whole plan's), and the store applies it with
//! `shared`, validates the plan and writes it with the change logged, on SQLite. Goals: under
//! 5 KB sent and under 20 ms of server time. The whole-plan save it replaced is measured beside.

use std::{cell::RefCell, hint::black_box};

use app::{
    api::{Accounts, PlanStore, ProjectStore},
    model::Version,
};
use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::json;
use server::{
    accounts::{SqlAccounts, DEMO_EMAIL, DEMO_PASSWORD},
    db::Db,
    store::SqlStore,
};
use shared::{plan::change::Change, ChapterText, Edit, Language, Plan};

/// A chapter of `n` paragraphs of ordinary length, each one segment.
fn chapter(n: usize) -> String {
    (1..=n)
        .map(|i| {
            format!(
                "Paragraph {i}: the hound was heard again on the moor that night, and Sir Henry \
                 stood at the window a long while, listening, before he spoke to Barrymore."
            )
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn autosave(c: &mut Criterion) {
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    let dir = tempfile::tempdir().expect("a folder");
    let url = format!("sqlite://{}/bench.db?mode=rwc", dir.path().display());
    let text = chapter(2_000);
    let (store, who, chapter, loaded) = runtime.block_on(async {
        let db = Db::connect(&url).await.expect("the database");
        let store = SqlStore::new(db.clone());
        let accounts = SqlAccounts::new(db, store.clone(), true);
        accounts.prepare().await.expect("the demo");
        let token = accounts
            .sign_in(DEMO_EMAIL.into(), DEMO_PASSWORD.into(), None)
            .await
            .expect("signing in");
        let who = accounts
            .principal(&token.0)
            .await
            .expect("a session")
            .expect("a principal");
        let project = store
            .create_project(&who, "Bench".into(), Language::En)
            .await
            .expect("a project");
        let chapter = store
            .add_chapter(
                &who,
                project,
                "Long".into(),
                ChapterText::parse(text.clone()).expect("text"),
            )
            .await
            .expect("a chapter");
        let loaded = store
            .generate_plan(&who, chapter, Version::NONE)
            .await
            .expect("a plan");
        (store, who, chapter, loaded)
    });
    assert_eq!(loaded.segments.len(), 2_000, "one segment per paragraph");
    let page = RefCell::new((Plan::new(loaded.segments.clone()), loaded.version));
    let limits = loaded.limits.clone();

    // One edit as the page sends it, and the whole plan as it was sent before.
    let (one, whole) = {
        let mut plan = page.borrow().0.clone();
        let id = plan.segments()[1_000].id;
        let splice = plan
            .apply(&Edit::Split { id, at: 40 }, &text, &limits)
            .expect("a split");
        let body =
            json!({ "chapter": chapter, "base": loaded.version, "changes": [Change::of(&splice)] });
        let whole =
            json!({ "chapter": chapter, "version": loaded.version, "segments": plan.segments() });
        (body.to_string().len(), whole.to_string().len())
    };
    eprintln!("autosave request body, one split: {one} bytes; the whole plan: {whole} bytes");

    let mut group = c.benchmark_group("autosave");
    group.sample_size(30);
    let mut n = 0usize;
    group.bench_function("save_changes, one edit, 2,000 segments", |b| {
        b.iter(|| {
            n += 1;
            let (change, base) = {
                let mut page = page.borrow_mut();
                let id = page.0.segments()[n * 7 % 2_000].id;
                let splice = page
                    .0
                    .apply(&Edit::ToggleRevision { id }, &text, &limits)
                    .expect("an edit");
                (Change::of(&splice), page.1)
            };
            let saved = runtime
                .block_on(store.save_changes(&who, black_box(chapter), base, vec![change]))
                .expect("saved");
            page.borrow_mut().1 = saved.version;
        })
    });
    group.bench_function("save_plan, the whole plan, 2,000 segments", |b| {
        b.iter(|| {
            let (segments, base) = {
                let page = page.borrow();
                (page.0.segments().to_vec(), page.1)
            };
            let version = runtime
                .block_on(store.save_plan(&who, black_box(chapter), base, segments))
                .expect("saved");
            page.borrow_mut().1 = version;
        })
    });
    group.finish();
}

criterion_group!(benches, autosave);
criterion_main!(benches);
