//! What the load runs on: a project of chapters whose plans have the asked number of segments,
//! made over the API as a producer's script would make them.

use anyhow::{ensure, Context};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use shared::{segment_chapter, EngineLimits};

use crate::process::call;

/// The demo's English chapter, whose paragraphs (narration and dialogue) make the load's text.
const HOUND: &str = include_str!("../../demo/en-doyle-hound-of-the-baskervilles-ch01.txt");

/// A planned chapter: its plan's path, version, and the segment whose mark the saves toggle.
#[derive(Debug, Clone)]
pub struct Planned {
    /// `/api/projects/{p}/chapters/{c}/plan`.
    pub path: String,
    /// The plan's version after generation.
    pub version: i64,
    /// The id of a segment in the middle of the plan.
    pub segment: u64,
}

/// A chapter text that the segmenter cuts into exactly `segments` segments: the demo chapter's
/// paragraphs over and over (without its heading), then one-sentence paragraphs to make up
/// the count when a whole paragraph would overshoot it.
pub fn chapter_text(segments: usize) -> String {
    let limits = EngineLimits::default();
    let count = |paragraphs: &[&str]| segment_chapter(&paragraphs.join("\n\n"), &limits).len();
    let source: Vec<&str> = HOUND
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty() && !p.starts_with("Chapter "))
        .collect();
    let mut paragraphs: Vec<&str> = Vec::new();
    for paragraph in source.iter().cycle() {
        paragraphs.push(paragraph);
        if count(&paragraphs) > segments {
            paragraphs.pop();
            break;
        }
    }
    while count(&paragraphs) < segments {
        paragraphs.push("The fog lay thick upon the moor, and nothing moved on the road.");
    }
    paragraphs.join("\n\n")
}

/// Creates a project and `chapters` chapters of `text`, and generates each one's plan; checks
/// that every plan has `segments` segments.
pub async fn planned_chapters(
    client: &Client,
    base: &str,
    text: &str,
    chapters: usize,
    segments: usize,
) -> anyhow::Result<Vec<Planned>> {
    let project = call(
        client,
        base,
        "create_project",
        json!({ "name": "Load test", "language": "en" }),
    )
    .await?;
    let mut planned = Vec::with_capacity(chapters);
    for n in 1..=chapters {
        let chapter = call(
            client,
            base,
            "add_chapter",
            json!({ "project": project, "title": format!("Chapter {n}"), "text": text }),
        )
        .await?;
        let path = format!("/api/projects/{project}/chapters/{chapter}/plan");
        let generated = client
            .post(format!("{base}{path}/generate"))
            .header("if-match", "\"0\"")
            .send()
            .await?;
        let status = generated.status();
        let plan: Value = generated.json().await?;
        ensure!(
            status == StatusCode::OK,
            "generating {path}: {status} {plan}"
        );
        let cut = plan["segments"].as_array().map_or(0, Vec::len);
        ensure!(
            cut == segments,
            "{path} has {cut} segments, not {segments}: the server's limits differ from the default"
        );
        planned.push(Planned {
            path,
            version: plan["version"].as_i64().context("a version")?,
            segment: plan["segments"][cut / 2]["segment_id"]
                .as_u64()
                .context("a segment id")?,
        });
    }
    Ok(planned)
}
