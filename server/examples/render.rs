//! Benchmark of a chapter render against the server binary (build it in release mode first):
//!
//! ```sh
//! cargo build --release -p server --bins --example render && target/release/examples/render
//! ```
//!
//! It starts `target/release/server` on a fresh SQLite file with the demo account, makes a
//! chapter of about `--minutes` (30) minutes of speech from the demo's English chapter, every
//! segment read by the narrator (espeak-ng), and renders it three times:
//!
//! 1. **cold**: every clip is rendered by espeak-ng;
//! 2. **cached**: every clip comes from the cache, so the time is the join, mastering, MP3
//!    encoding, decoding and ACX check alone (the issue's figure: at least 50 times faster than
//!    real time);
//! 3. **one edit**: one segment's words changed; the render must send exactly one clip.
//!
//! For each it prints the wall time, the audio's length, the speed against real time, the clips
//! sent to the engine and the ACX verdict. `--server PATH` names another binary.

// A command-line program: its report goes to standard output.
#![allow(clippy::print_stdout)]
// The shared process helpers stop a run at the first failure, as in the tests.
#![allow(clippy::unwrap_used)]

#[path = "../tests/process/mod.rs"]
mod process;

use std::{path::PathBuf, time::Instant};

use anyhow::{bail, ensure, Context};
use reqwest::Client;
use serde_json::{json, Value};

use process::{api_token, call, Events, Server};

/// The demo's English chapter, whose paragraphs make the chapter's text.
const HOUND: &str = include_str!("../demo/en-doyle-hound-of-the-baskervilles-ch01.txt");

/// espeak-ng's default pace, words a minute: how many words make the minutes asked for.
const WORDS_PER_MINUTE: usize = 175;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut minutes = 30usize;
    let exe = std::env::current_exe().context("finding this program")?;
    let mut binary: PathBuf = exe
        .parent()
        .and_then(|examples| examples.parent())
        .map(|profile| profile.join("server"))
        .context("finding the server binary")?;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .with_context(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--minutes" => minutes = value.parse()?,
            "--server" => binary = value.into(),
            other => bail!("unknown option {other}"),
        }
    }
    let dir = tempfile::tempdir()?;
    let database = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("bench.db").display()
    );
    let server = Server::start_binary(&binary, &database, dir.path(), "warn", &[]).await;
    let base = server.base.clone();
    let token = api_token(&base, "render bench").await;
    // No overall timeout: a cold render streams its events for minutes.
    let client = Client::builder()
        .default_headers(
            [(
                reqwest::header::AUTHORIZATION,
                format!("Bearer {token}").parse()?,
            )]
            .into_iter()
            .collect(),
        )
        .build()?;

    let text = chapter_text(minutes * WORDS_PER_MINUTE);
    let project = call(
        &client,
        &base,
        "create_project",
        json!({ "name": "Render bench", "language": "en" }),
    )
    .await?;
    let chapter = call(
        &client,
        &base,
        "add_chapter",
        json!({ "project": project, "title": "Chapter One", "text": text }),
    )
    .await?;
    let plan = call(
        &client,
        &base,
        "generate_plan",
        json!({ "chapter": chapter, "version": 0 }),
    )
    .await?;
    let mut segments = plan["segments"].as_array().cloned().context("segments")?;
    for segment in &mut segments {
        segment["voice"] = json!("narrator");
    }
    let version = call(
        &client,
        &base,
        "save_plan",
        json!({ "chapter": chapter, "version": plan["version"], "segments": segments }),
    )
    .await?;
    println!(
        "chapter: {} words, {} segments",
        text.split_whitespace().count(),
        segments.len()
    );
    for run in ["cold", "cached"] {
        render(&client, &base, &project, &chapter, run).await?;
    }
    let middle = segments.len() / 2;
    segments[middle]["text"] = json!("The fog lay thick upon the moor, and nothing moved.");
    call(
        &client,
        &base,
        "save_plan",
        json!({ "chapter": chapter, "version": version, "segments": segments }),
    )
    .await?;
    let sent = render(&client, &base, &project, &chapter, "one edit").await?;
    ensure!(sent == 1, "after one edit {sent} clips were sent, not 1");
    drop(server);
    Ok(())
}

/// Renders the chapter and prints the figures; answers the clips sent to the engine.
async fn render(
    client: &Client,
    base: &str,
    project: &Value,
    chapter: &Value,
    run: &str,
) -> anyhow::Result<u64> {
    let started = Instant::now();
    let job = call(
        client,
        base,
        "start_render",
        json!({ "project": project, "chapter": chapter }),
    )
    .await?;
    let url = format!("{base}/api/projects/{project}/chapters/{chapter}/render_jobs/{job}/events");
    let mut events = Events::open(client, &url).await;
    let mut last = Value::Null;
    while let Some(event) = events.next().await {
        last = event;
    }
    let wall = started.elapsed().as_secs_f64();
    ensure!(last["event"] == "done", "{run}: {last}");
    let render = &last["render"];
    let seconds = render["seconds"].as_f64().unwrap_or_default();
    let sent = render["sent"].as_u64().unwrap_or_default();
    let findings = render["report"]["findings"].as_array().map_or(0, Vec::len);
    println!(
        "{run:>9}: {wall:6.1} s for {:5.1} min of audio = {:5.1}× real time; {sent} clips sent, {} cached; ACX: {}",
        seconds / 60.0,
        seconds / wall,
        render["cached"],
        if findings == 0 { "passes".to_owned() } else { format!("{findings} failures") }
    );
    Ok(sent)
}

/// About `words` words of the demo chapter's paragraphs, over and over.
fn chapter_text(words: usize) -> String {
    let paragraphs: Vec<&str> = HOUND
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty() && !p.starts_with("Chapter "))
        .collect();
    let mut text = Vec::new();
    let mut count = 0;
    for paragraph in paragraphs.iter().cycle() {
        if count >= words {
            break;
        }
        count += paragraph.split_whitespace().count();
        text.push(*paragraph);
    }
    text.join("\n\n")
}
