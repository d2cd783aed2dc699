//! Benchmark: what accounts add to a request. A session cookie becomes a principal (one indexed
//! query), and a use case checks the principal's organisation and role (one more), measured
//! beside the plan load they guard: the demo's planned chapter on SQLite. The goal is under 1 ms
//! for the checks.

use std::hint::black_box;

use app::{
    api::{Accounts, PlanStore},
    model::Role,
};
use criterion::{criterion_group, criterion_main, Criterion};
use server::{
    accounts::{SqlAccounts, DEMO_EMAIL, DEMO_PASSWORD},
    db::Db,
    store::SqlStore,
};

fn checks(c: &mut Criterion) {
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    let dir = tempfile::tempdir().expect("a folder");
    let url = format!("sqlite://{}/bench.db?mode=rwc", dir.path().display());
    let (accounts, store, token) = runtime.block_on(async {
        let db = Db::connect(&url).await.expect("the database");
        let store = SqlStore::new(db.clone());
        let accounts = SqlAccounts::new(db, store.clone(), true);
        accounts.prepare().await.expect("the demo");
        let token = accounts
            .sign_in(DEMO_EMAIL.into(), DEMO_PASSWORD.into(), None)
            .await
            .expect("signing in");
        (accounts, store, token.0)
    });
    let who = runtime
        .block_on(accounts.principal(&token))
        .expect("a session")
        .expect("a principal");
    let chapter = runtime
        .block_on(store.list_projects(&who))
        .expect("projects")
        .into_iter()
        .find_map(|p| p.first_chapter)
        .expect("a chapter");

    let mut group = c.benchmark_group("access");
    group.bench_function("session cookie to principal", |b| {
        b.iter(|| runtime.block_on(accounts.principal(black_box(&token))))
    });
    group.bench_function("tenant and role check of a chapter", |b| {
        b.iter(|| runtime.block_on(store.allow_chapter(&who, black_box(chapter), Role::Editor)))
    });
    group.bench_function("load_plan of the demo chapter, check included", |b| {
        b.iter(|| runtime.block_on(store.load_plan(&who, black_box(chapter))))
    });
    group.finish();
}

criterion_group!(benches, checks);
criterion_main!(benches);
