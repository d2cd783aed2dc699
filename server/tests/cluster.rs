//! Two server processes on one database, as behind a load balancer: a plan saved on one is read
//! on the other, a stale save is refused whichever server took the first, and a speaker job
//! started on one streams its progress to a client of the other, which finishes it after the
//! first is killed with SIGKILL. On PostgreSQL when `TEST_POSTGRES_URL` names a server (as
//! `.ci/run` does), else on one SQLite file.

// A failed unwrap is a failed test here.
#![allow(clippy::unwrap_used)]

mod process;
#[path = "api/stub.rs"]
#[allow(dead_code)]
mod stub;

use process::{bearer, json, token, Events, Server};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

/// The path of the first demo chapter, and its plan's version.
async fn first_chapter(client: &Client, base: &str) -> (String, i64) {
    let (_, _, projects) = json(
        client
            .get(format!("{base}/api/projects"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let chapter = format!(
        "/api/projects/{}/chapters/{}",
        projects[0]["id"], projects[0]["first_chapter"]
    );
    let (_, _, plan) = json(
        client
            .get(format!("{base}{chapter}/plan"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    (chapter, plan["version"].as_i64().unwrap())
}

/// Generates the chapter's plan afresh on `base`; its new version.
async fn generate(client: &Client, base: &str, chapter: &str, version: i64) -> i64 {
    let (status, _, plan) = json(
        client
            .post(format!("{base}{chapter}/plan/generate"))
            .header("if-match", format!("\"{version}\""))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{plan}");
    plan["version"].as_i64().unwrap()
}

#[tokio::test]
async fn a_plan_saved_on_one_server_is_read_on_the_other_and_a_stale_save_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let database = process::database(dir.path(), "cluster_plans").await;
    let one = Server::start(&database, &dir.path().join("one")).await;
    let other = Server::start(&database, &dir.path().join("other")).await;
    let client = bearer(&token(&one.base).await);
    let (chapter, version) = first_chapter(&client, &one.base).await;

    let generated = generate(&client, &one.base, &chapter, version).await;
    let (read_status, etag, read) = json(
        client
            .get(format!("{}{chapter}/plan", other.base))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let first = read["segments"][0]["segment_id"].clone();
    let mark = |base: &str, version: i64| {
        client
            .post(format!("{base}{chapter}/plan/segments/{first}/revision"))
            .header("if-match", format!("\"{version}\""))
            .json(&json!({ "mark": true }))
            .send()
    };
    let (saved_status, _, saved) = json(mark(&other.base, generated).await.unwrap()).await;
    let (stale_status, _, stale) = json(mark(&one.base, generated).await.unwrap()).await;
    let (_, _, after) = json(
        client
            .get(format!("{}{chapter}/plan", one.base))
            .send()
            .await
            .unwrap(),
    )
    .await;

    assert_eq!(read_status, StatusCode::OK);
    assert_eq!(etag, Some(format!("\"{generated}\"")));
    assert!(
        read["segments"].as_array().is_some_and(|s| s.len() > 1),
        "{read}"
    );
    assert_eq!(saved_status, StatusCode::OK, "{saved}");
    assert_eq!(stale_status, StatusCode::PRECONDITION_FAILED, "{stale}");
    assert_eq!(stale["current_version"], saved["version"]);
    assert_eq!(after["version"], saved["version"]);
    assert_eq!(
        after["segments"][0]["needsRevision"], true,
        "{}",
        after["segments"][0]
    );
    one.kill();
    other.kill();
}

#[tokio::test]
async fn a_job_started_on_one_server_streams_to_the_other_which_finishes_it_after_a_kill() {
    // Every request to the model is held until the first server is dead.
    let answers = (0..20).map(|_| {
        stub::answer_with(|_, keys| {
            let answer: serde_json::Map<String, Value> = keys
                .iter()
                .map(|k| (k.clone(), json!("narrator")))
                .collect();
            Value::Object(answer).to_string()
        })
    });
    let model = stub::Stub::start_gated(answers.collect()).await;
    let dir = tempfile::tempdir().unwrap();
    let database = process::database(dir.path(), "cluster_jobs").await;
    let vars = [
        ("STUDIO_LLM_PROVIDER", "openai".to_owned()),
        ("STUDIO_LLM_URL", format!("{}/v1", model.url)),
        ("STUDIO_LLM_API_KEY", "sk-test".to_owned()),
        ("STUDIO_LLM_MODEL", "gpt-test".to_owned()),
        ("STUDIO_LLM_REQUESTS_PER_MINUTE", "6000".to_owned()),
        ("STUDIO_JOB_LEASE_SECS", "2".to_owned()),
    ];
    let one = Server::start_with(&database, &dir.path().join("one"), &vars).await;
    let client = bearer(&token(&one.base).await);
    let (chapter, version) = first_chapter(&client, &one.base).await;
    generate(&client, &one.base, &chapter, version).await;
    let (status, _, queued) = json(
        client
            .post(format!("{}{chapter}/plan/assign-characters", one.base))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{queued}");
    model.wait_for_requests(1).await;

    let other = Server::start_with(&database, &dir.path().join("other"), &vars).await;
    let events_url = format!("{}{}", other.base, queued["events"].as_str().unwrap());
    let mut events = Events::open(&client, &events_url).await;
    let first = events.next().await.unwrap();
    one.kill();
    model.release(20);
    let mut last = first.clone();
    while let Some(event) = events.next().await {
        last = event;
    }

    assert_eq!(first["event"], "progress", "{first}");
    // The first server's request was never answered: the second asked again.
    assert!(model.seen().len() >= 2, "{} requests", model.seen().len());
    assert_eq!(last["event"], "done", "{last}");
    assert!(
        last["segments"].as_array().is_some_and(|s| !s.is_empty()),
        "{last}"
    );
    other.kill();
}
