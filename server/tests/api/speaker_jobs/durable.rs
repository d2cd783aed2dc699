//! Speaker jobs live in the database: a job outlives the server that ran it, and a page on any
//! server of the same database streams and cancels it.

use std::time::Duration;

use serde_json::{json, Value};

use super::{chapter, holmes_for_all, is_final, llm_config, requesting, start, Events, SHORT};
use crate::{
    helpers::{spawn_app_with, TestApp},
    stub::Stub,
};

/// A short lease, so that a job of a server that stopped is taken over within seconds (on
/// PostgreSQL; a server starting on SQLite takes it over at once).
const LEASE: Duration = Duration::from_secs(2);

async fn app_with_lease(stub: &Stub) -> TestApp {
    let config = llm_config(stub);
    spawn_app_with(move |c| {
        c.llm = Some(config);
        c.jobs.lease = LEASE;
    })
    .await
}

#[tokio::test]
async fn a_job_whose_server_stopped_mid_request_is_finished_by_the_next_server() {
    // The first request is held until the server that sent it is gone; the second is answered.
    let stub = Stub::start_gated(vec![holmes_for_all(), holmes_for_all()]).await;
    let first = app_with_lease(&stub).await;
    let (project, chapter) = chapter(&first, SHORT).await;
    let job: u64 = start(&first, project, chapter).await.ok();
    let mut events = Events::open(&first, project, chapter, job).await;
    let before = events.until(requesting(0)).await;
    stub.wait_for_requests(1).await;
    drop(events);

    let second = first.restart(|_| {}).await;
    stub.wait_for_requests(2).await;
    stub.release(2);
    let after = Events::open(&second, project, chapter, job)
        .await
        .rest()
        .await;

    assert_eq!(before[0]["stage"], "started", "{before:?}");
    let last = after.last().expect("events after the restart");
    assert_eq!(last["event"], "done", "{after:?}");
    assert!(
        last["segments"]
            .as_array()
            .is_some_and(|segments| segments.iter().any(|s| s[1]["speaker"] == "holmes")),
        "{last}"
    );
    // The whole story from the first event: the first attempt's progress, then the second's.
    let started = after
        .iter()
        .filter(|event| event["stage"] == "started")
        .count();
    assert_eq!(started, 2, "{after:?}");
}

#[tokio::test]
async fn a_job_started_on_one_server_streams_to_and_is_cancelled_from_another() {
    let stub = Stub::start_gated(vec![holmes_for_all(), holmes_for_all()]).await;
    let one = app_with_lease(&stub).await;
    let config = llm_config(&stub);
    let other = one
        .beside(move |c| {
            c.llm = Some(config);
            c.jobs.lease = LEASE;
        })
        .await;
    let (project, chapter) = chapter(&one, SHORT).await;
    let job: u64 = start(&one, project, chapter).await.ok();
    let mut on_one = Events::open(&one, project, chapter, job).await;
    let mut on_other = Events::open(&other, project, chapter, job).await;
    on_other.until(requesting(0)).await;
    stub.wait_for_requests(1).await;

    let busy = start(&other, project, chapter).await;
    let cancelled = other
        .call(
            "cancel_speaker_job",
            json!({ "project": project, "chapter": chapter, "job": job }),
        )
        .await;
    let last_on_other = on_other.until(is_final).await.pop();
    let last_on_one = on_one.until(is_final).await.pop();

    assert_eq!(busy.status, 409, "{}", busy.body);
    assert_eq!(cancelled.status, 200, "{}", cancelled.body);
    assert_eq!(last_on_other, Some(json!({ "event": "cancelled" })));
    assert_eq!(last_on_one, last_on_other);
}

#[tokio::test]
async fn a_job_cancelled_before_any_server_claimed_it_ends_at_once() {
    // No runner claims it in time: the only server's one slot is held by another chapter's job.
    let stub = Stub::start_gated(vec![holmes_for_all(), holmes_for_all()]).await;
    let config = llm_config(&stub);
    let app = spawn_app_with(move |c| {
        c.llm = Some(config);
        c.jobs.concurrency = 1;
    })
    .await;
    let (project, busy_chapter) = chapter(&app, SHORT).await;
    let waiting_chapter = app.add_chapter(project, "The hansom", SHORT).await;
    app.generate(waiting_chapter, 0).await.ok::<Value>();
    let _running: u64 = start(&app, project, busy_chapter).await.ok();
    stub.wait_for_requests(1).await;
    let queued: u64 = start(&app, project, waiting_chapter).await.ok();

    let cancelled = app
        .call(
            "cancel_speaker_job",
            json!({ "project": project, "chapter": waiting_chapter, "job": queued }),
        )
        .await;
    let events = Events::open(&app, project, waiting_chapter, queued)
        .await
        .rest()
        .await;

    assert_eq!(cancelled.status, 200, "{}", cancelled.body);
    assert_eq!(events, vec![json!({ "event": "cancelled" })]);
    assert_eq!(
        stub.seen().len(),
        1,
        "the cancelled job never asked the model"
    );
}

#[tokio::test]
async fn a_script_queues_an_assignment_follows_its_events_and_cancels_the_next() {
    let stub = Stub::start_gated(vec![holmes_for_all(), holmes_for_all()]).await;
    let app = app_with_lease(&stub).await;
    let (project, chapter) = chapter(&app, SHORT).await;
    let token: String = app
        .call("create_api_token", json!({ "name": "pipeline" }))
        .await
        .ok();
    let script = reqwest::Client::new();
    let assign = format!(
        "{}/api/projects/{project}/chapters/{chapter}/plan/assign-characters",
        app.base
    );

    let queued = script
        .post(&assign)
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    let status = queued.status().as_u16();
    let location = queued.headers()["location"].to_str().unwrap().to_owned();
    let body: Value = queued.json().await.unwrap();
    let busy = script
        .post(&assign)
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    let busy_status = busy.status().as_u16();
    let busy_type = busy.headers()["content-type"].to_str().unwrap().to_owned();
    stub.release(1);
    let job = body["job"].as_u64().unwrap();
    let events = Events::open(&app, project, chapter, job).await.rest().await;

    assert_eq!(status, 202, "{body}");
    assert_eq!(body["events"], location);
    assert_eq!(
        location,
        format!("/api/projects/{project}/chapters/{chapter}/speaker_jobs/{job}/events")
    );
    assert_eq!(busy_status, 409);
    assert_eq!(busy_type, "application/problem+json");
    assert_eq!(events.last().unwrap()["event"], "done", "{events:?}");

    // The next one is cancelled by the script while its request is held.
    let next: Value = script
        .post(&assign)
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    stub.wait_for_requests(2).await;
    let job = next["job"].as_u64().unwrap();
    let url = format!(
        "{}/api/projects/{project}/chapters/{chapter}/speaker_jobs/{job}",
        app.base
    );
    let cancelled = script
        .delete(&url)
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    let last = Events::open(&app, project, chapter, job)
        .await
        .rest()
        .await
        .pop();
    let foreign = script
        .delete(format!(
            "{}/api/projects/{project}/chapters/{chapter}/speaker_jobs/999",
            app.base
        ))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();

    assert_eq!(cancelled.status().as_u16(), 204);
    assert_eq!(last, Some(json!({ "event": "cancelled" })));
    assert_eq!(foreign.status().as_u16(), 404);
}
