//! The crash test: the real server binary takes a stream of plan edits over the REST API and is
//! killed with SIGKILL at random moments, then restarted on the same database. After every
//! restart the stored plan validates, and it is exactly the last acknowledged plan, or that plan
//! with the one edit that was in flight when the process died: an acknowledged save is never
//! lost. `CRASH_KILLS` (default 5; 20 for the full run) kills; on SQLite, or on PostgreSQL when
//! `TEST_POSTGRES_URL` names a server (as for the API tests).

// A failed unwrap is a failed test here.
#![allow(clippy::unwrap_used)]

mod process;

use std::time::Duration;

use process::{bearer, json, token, Server};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use shared::{Edit, EngineLimits, Plan, Segment, SegmentId};

/// A small deterministic generator (xorshift), seeded per run and printed on failure.
struct Random(u64);

impl Random {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

/// The chapter under test: its path, text and limits.
struct Chapter {
    path: String,
    text: String,
    limits: EngineLimits,
}

/// The stored plan: its version and segments, after checking that it validates.
async fn stored(client: &Client, base: &str, chapter: &Chapter) -> (i64, Vec<Segment>) {
    let (status, _, plan) = json(
        client
            .get(format!("{base}{}", chapter.path))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{plan}");
    let segments: Vec<Segment> = serde_json::from_value(plan["segments"].clone()).unwrap();
    Plan::new(segments.clone())
        .validate(&chapter.text, &chapter.limits)
        .expect("the stored plan validates");
    (plan["version"].as_i64().unwrap(), segments)
}

/// An edit of a random segment: a split in its middle, a merge with the next, or its mark.
fn random_edit(random: &mut Random, segments: &[Segment]) -> (Edit, String, SegmentId, Value) {
    let at = usize::try_from(random.below(segments.len() as u64)).unwrap_or(0);
    let segment = &segments[at];
    let id: SegmentId = segment.id;
    let chars = segment.text.chars().count();
    match random.below(3) {
        0 if chars > 20 => (
            Edit::Split { id, at: chars / 2 },
            "split".into(),
            id,
            json!({ "position": chars / 2 }),
        ),
        1 if at + 1 < segments.len() => (
            Edit::MergeNext { id },
            "merge".into(),
            id,
            json!({ "direction": "forward" }),
        ),
        _ => (
            Edit::ToggleRevision { id },
            "revision".into(),
            id,
            json!({ "mark": !segment.needs_revision }),
        ),
    }
}

async fn crash_run(database: &str, kills: usize, seed: u64) {
    let dir = tempfile::tempdir().unwrap();
    let mut random = Random(seed | 1);
    let mut server = Server::start(database, dir.path()).await;
    let token = token(&server.base).await;
    let client = bearer(&token);
    let (_, _, projects) = json(
        client
            .get(format!("{}/api/projects", server.base))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let path = format!(
        "/api/projects/{}/chapters/{}/plan",
        projects[0]["id"], projects[0]["first_chapter"]
    );
    let (_, etag, _) = json(
        client
            .get(format!("{}{path}", server.base))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let generate = client
        .post(format!("{}{path}/generate", server.base))
        .header("if-match", etag.unwrap())
        .send()
        .await
        .unwrap();
    let (status, _, plan) = json(generate).await;
    assert_eq!(status, StatusCode::OK, "{plan}");
    let chapter = Chapter {
        path,
        text: plan["text"].as_str().unwrap().to_owned(),
        limits: serde_json::from_value(plan["limits"].clone()).unwrap(),
    };

    let chapter = std::sync::Arc::new(chapter);
    for kill in 0..kills {
        let (version, segments) = stored(&client, &server.base, &chapter).await;
        let editing = tokio::spawn(edit_until_refused(
            client.clone(),
            server.base.clone(),
            chapter.clone(),
            (version, Plan::new(segments)),
            random.below(u64::MAX),
        ));
        tokio::time::sleep(Duration::from_millis(20 + random.below(400))).await;
        server.kill();
        let (version, acked, in_flight) = editing.await.unwrap();
        server = Server::start(database, dir.path()).await;
        let (after, segments) = stored(&client, &server.base, &chapter).await;
        eprintln!(
            "kill {kill}: acknowledged up to version {version}, stored {after}, {} segments",
            segments.len()
        );
        if after == version {
            assert_eq!(
                segments,
                acked.segments(),
                "kill {kill} (seed {seed}): the acknowledged plan"
            );
        } else {
            assert_eq!(
                after,
                version + 1,
                "kill {kill} (seed {seed}): one edit at most was in flight"
            );
            let mut landed = acked.clone();
            let edit = in_flight.expect("an edit was in flight");
            landed.apply(&edit, &chapter.text, &chapter.limits).unwrap();
            assert_eq!(
                segments,
                landed.segments(),
                "kill {kill} (seed {seed}): the edit in flight, whole"
            );
        }
    }
    server.kill();
}

/// Sends random edits, each on the version the last one was acknowledged at, until the server
/// stops answering; returns the last acknowledged version and plan and the edit in flight.
async fn edit_until_refused(
    client: Client,
    base: String,
    chapter: std::sync::Arc<Chapter>,
    (mut version, mut acked): (i64, Plan),
    seed: u64,
) -> (i64, Plan, Option<Edit>) {
    let mut random = Random(seed | 1);
    loop {
        let (edit, action, id, body) = random_edit(&mut random, acked.segments());
        let url = format!("{base}{}/segments/{}/{action}", chapter.path, id.0);
        let answer = client
            .post(url)
            .header("if-match", format!("\"{version}\""))
            .json(&body)
            .send()
            .await;
        let Ok(answer) = answer else {
            return (version, acked, Some(edit));
        };
        let (status, _, saved) = json(answer).await;
        if status == StatusCode::OK {
            acked
                .apply(&edit, &chapter.text, &chapter.limits)
                .expect("the edit applies here as it did on the server");
            version = saved["version"].as_i64().unwrap();
        } else if saved.is_null() {
            // The answer was cut off: the server died while sending it.
            return (version, acked, Some(edit));
        }
        // Otherwise refused (a split that would make an empty segment): nothing changed.
    }
}

fn kills() -> usize {
    std::env::var("CRASH_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5)
}

fn seed() -> u64 {
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(7, |d| d.as_nanos() as u64);
    eprintln!("crash test seed {seed}");
    seed
}

#[tokio::test]
async fn no_acknowledged_edit_is_lost_when_the_server_is_killed() {
    let dir = tempfile::tempdir().unwrap();
    let database = process::database(dir.path(), "crash").await;
    crash_run(&database, kills(), seed()).await;
}
