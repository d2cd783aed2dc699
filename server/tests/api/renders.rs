//! Chapter renders with the real espeak-ng and ffmpeg (installed by `.ci/run`): a planned chapter
//! rendered as a job, its events read as Server-Sent Events, the MP3 downloaded and read back by
//! its frames, its ACX report; an edit re-renders exactly one clip; a segment that cannot be
//! rendered is refused, named, before any engine is called; a cancelled render stores nothing.

use futures_util::TryStreamExt;
use serde_json::{json, Value};
use shared::{delivery::mp3, Segment};

use crate::{
    helpers::{character, spawn_empty_app, Answer, TestApp},
    speaker_jobs::Events,
};

const TEXT: &str = "The fog lay thick over Baker Street that morning.\n\n\
                    “Where to?” asked Watson.\n\n\
                    “To the river,” said Holmes. “And quickly.”\n\n\
                    * * *\n\n\
                    The cab rolled on through the fog.";

/// A project (narrator and Holmes) with one planned chapter whose every segment has a speaker:
/// Holmes for quotations, the narrator otherwise. Returns project, chapter and the saved version.
async fn planned(app: &TestApp) -> (i64, i64, i64, Vec<Segment>) {
    let project = app
        .project_with_cast("Renders", "en", &[character("holmes", "Holmes", &[])])
        .await;
    let chapter = app.add_chapter(project, "Chapter One", TEXT).await;
    let plan: Value = app.generate(chapter, 0).await.ok();
    let mut segments: Vec<Segment> = serde_json::from_value(plan["segments"].clone()).unwrap();
    for segment in &mut segments {
        let quoted = segment.text.starts_with('“');
        segment.speaker = Some(if quoted { "holmes" } else { "narrator" }.to_owned());
    }
    let version = save(app, chapter, 1, &segments).await;
    (project, chapter, version, segments)
}

async fn save(app: &TestApp, chapter: i64, version: i64, segments: &[Segment]) -> i64 {
    app.call(
        "save_plan",
        json!({ "chapter": chapter, "version": version, "segments": segments }),
    )
    .await
    .ok()
}

async fn start(app: &TestApp, project: i64, chapter: i64) -> Answer {
    app.call(
        "start_render",
        json!({ "project": project, "chapter": chapter }),
    )
    .await
}

async fn events(app: &TestApp, project: i64, chapter: i64, job: u64) -> Events {
    let path = format!("/api/projects/{project}/chapters/{chapter}/render_jobs/{job}/events");
    Events::at(
        app,
        &path,
        "/api/projects/1/chapters/1/render_jobs/1/events",
        "en",
    )
    .await
}

/// Renders the chapter to the end; returns every event.
async fn render(app: &TestApp, project: i64, chapter: i64) -> Vec<Value> {
    let job: u64 = start(app, project, chapter).await.ok();
    events(app, project, chapter, job).await.rest().await
}

async fn delivery(app: &TestApp, project: i64) -> Value {
    app.call("load_delivery", json!({ "project": project }))
        .await
        .ok()
}

async fn state(app: &TestApp, project: i64, chapter: i64) -> Value {
    app.call(
        "render_state",
        json!({ "project": project, "chapter": chapter }),
    )
    .await
    .ok()
}

async fn download(
    app: &TestApp,
    project: i64,
    chapter: i64,
) -> (u16, reqwest::header::HeaderMap, Vec<u8>) {
    let response = app
        .client
        .get(format!(
            "{}/api/projects/{project}/chapters/{chapter}/render.mp3",
            app.base
        ))
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    (status, headers, response.bytes().await.unwrap().to_vec())
}

#[tokio::test]
async fn a_chapter_is_rendered_checked_and_downloaded_and_an_edit_renders_one_clip_again() {
    let app = spawn_empty_app().await;
    let (project, chapter, version, mut segments) = planned(&app).await;
    let (status, _, _) = download(&app, project, chapter).await;
    assert_eq!(status, 404, "nothing to download before the first render");

    let seen = render(&app, project, chapter).await;

    let last = seen.last().unwrap();
    assert_eq!(last["event"], "done", "{last}");
    let progress: Vec<&Value> = seen.iter().filter(|e| e["event"] == "progress").collect();
    assert!(progress.iter().any(|e| e["stage"] == "clips"));
    assert!(progress.iter().any(|e| e["stage"] == "encoding"));
    // The title and every segment with words; the scene break is a pause.
    let spoken = segments
        .iter()
        .filter(|s| s.text.chars().any(char::is_alphanumeric))
        .count();
    let made = &last["render"];
    assert_eq!(made["sent"], spoken + 1);
    assert_eq!(made["cached"], 0);
    assert_eq!(
        made["checked"], spoken,
        "every spoken segment's clip is timed"
    );
    assert!(made["exceptions"].is_array());
    let report = &made["report"];
    assert_eq!(report["encoding"]["sampleRate"], 44_100);
    assert_eq!(report["encoding"]["minKbps"], 192);
    assert_eq!(report["encoding"]["maxKbps"], 192);
    let rms = report["measurements"]["rmsDb"].as_f64().unwrap();
    assert!(
        (-23.0..=-18.0).contains(&rms),
        "mastered to ACX loudness: {rms}"
    );
    assert!(report["measurements"]["peakDb"].as_f64().unwrap() <= -3.0);
    assert!(report["measurements"]["noiseFloorDb"].as_f64().unwrap() <= -60.0);
    assert!(
        report["measurements"]["silence"].is_null(),
        "room tone, never digital silence"
    );

    let (status, headers, bytes) = download(&app, project, chapter).await;
    assert_eq!(status, 200);
    assert_eq!(headers["content-type"], "audio/mpeg");
    assert!(headers["content-disposition"]
        .to_str()
        .unwrap()
        .contains("Chapter One.mp3"));
    let ranged = app
        .client
        .get(format!(
            "{}/api/projects/{project}/chapters/{chapter}/render.mp3",
            app.base
        ))
        .header("range", "bytes=100-199")
        .send()
        .await
        .unwrap();
    assert_eq!(ranged.status().as_u16(), 206, "a player can seek");
    assert_eq!(ranged.bytes().await.unwrap().as_ref(), &bytes[100..200]);
    let stream = mp3::scan(&bytes).unwrap();
    assert_eq!(
        (
            stream.sample_rate,
            stream.channels,
            stream.min_kbps,
            stream.max_kbps
        ),
        (44_100, 1, 192, 192)
    );
    let seconds = made["seconds"].as_f64().unwrap();
    assert!(
        (stream.seconds - seconds).abs() < 0.2,
        "{} s vs {seconds} s",
        stream.seconds
    );
    let stored = state(&app, project, chapter).await;
    assert_eq!(stored["stale"], false);
    assert_eq!(stored["render"]["report"], *report);
    assert_eq!(stored["render"]["version"], version);

    // One segment's words change: the render is stale, and only that clip is sent again.
    let last_words = segments
        .iter()
        .rposition(|s| s.speaker.as_deref() == Some("narrator"))
        .unwrap();
    segments[last_words].text = "The cab rolled on through the rain.".to_owned();
    let version = save(&app, chapter, version, &segments).await;
    assert_eq!(state(&app, project, chapter).await["stale"], true);

    let again = render(&app, project, chapter).await;

    let done = again.last().unwrap();
    assert_eq!(done["event"], "done", "{done}");
    assert_eq!(done["render"]["sent"], 1, "exactly the edited segment");
    assert_eq!(done["render"]["cached"], spoken);
    let stored = state(&app, project, chapter).await;
    assert_eq!(
        (stored["stale"].clone(), stored["render"]["version"].clone()),
        (json!(false), json!(version))
    );
    let renders = app
        .audio_objects()
        .list(Some(&object_store::path::Path::from(format!(
            "{project}/renders"
        ))));
    let kept: Vec<_> = renders.try_collect().await.unwrap();
    assert_eq!(kept.len(), 1, "the replaced render's file is deleted");
}

#[tokio::test]
async fn a_segment_without_a_speaker_is_refused_by_row_before_any_engine_is_called() {
    let app = spawn_empty_app().await;
    let (project, chapter, version, mut segments) = planned(&app).await;
    segments[1].speaker = None;
    save(&app, chapter, version, &segments).await;

    let refused = app
        .call_in(
            "start_render",
            json!({ "project": project, "chapter": chapter }),
            "es",
        )
        .await;

    assert_eq!(refused.status, 422);
    let words = refused.body["Refused"].as_str().unwrap();
    assert!(
        words.contains("segmento 2") && words.contains("hablante"),
        "{words}"
    );
    let objects: Vec<_> = app
        .audio_objects()
        .list(Some(&object_store::path::Path::from(project.to_string())))
        .try_collect()
        .await
        .unwrap();
    assert!(objects.is_empty(), "nothing was rendered: {objects:?}");
    assert!(state(&app, project, chapter).await["render"].is_null());
}

#[tokio::test]
async fn a_second_render_of_the_chapter_is_busy_and_a_cancelled_one_stores_nothing() {
    let app = spawn_empty_app().await;
    let (project, chapter, _, _) = planned(&app).await;
    let job: u64 = start(&app, project, chapter).await.ok();

    let second = start(&app, project, chapter).await;
    assert_eq!(second.status, 409);
    assert_eq!(state(&app, project, chapter).await["job"], job);
    app.call(
        "cancel_render",
        json!({ "project": project, "chapter": chapter, "job": job }),
    )
    .await
    .ok::<Value>();
    let seen = events(&app, project, chapter, job).await.rest().await;

    let last = seen.last().unwrap();
    assert!(
        last["event"] == "cancelled" || last["event"] == "done",
        "{last}"
    );
    if last["event"] == "cancelled" {
        assert!(state(&app, project, chapter).await["render"].is_null());
    }
    assert!(state(&app, project, chapter).await["job"].is_null());
}

#[tokio::test]
async fn the_book_is_built_as_an_m4b_with_credits_and_a_marker_per_chapter_once_every_chapter_passes(
) {
    let app = spawn_empty_app().await;
    let (project, chapter, _, _) = planned(&app).await;
    let settings = json!({ "author": "Arthur Conan Doyle", "pauses": { "headMs": 750, "titleMs": 1500,
        "phraseMs": 200, "sentenceMs": 450, "turnMs": 650, "paragraphMs": 900, "sceneMs": 2500, "tailMs": 2000 } });
    app.call(
        "save_delivery_settings",
        json!({ "project": project, "settings": settings }),
    )
    .await
    .ok::<Value>();
    let before = delivery(&app, project).await;
    assert_eq!(before["chapters"][0]["state"]["state"], "not_rendered");
    let refused = app.call("start_book", json!({ "project": project })).await;
    assert_eq!(refused.status, 422, "no chapter is rendered yet");

    render(&app, project, chapter).await;
    let second = app
        .add_chapter(project, "Chapter Two", "The rain came at last.")
        .await;
    let plan: Value = app.generate(second, 0).await.ok();
    let mut segments: Vec<Segment> = serde_json::from_value(plan["segments"].clone()).unwrap();
    segments[0].speaker = Some("narrator".to_owned());
    save(&app, second, 1, &segments).await;
    assert_eq!(
        delivery(&app, project).await["chapters"][1]["state"]["state"],
        "not_rendered"
    );
    render(&app, project, second).await;
    let ready = delivery(&app, project).await;
    assert_eq!(ready["chapters"][0]["state"]["state"], "passes", "{ready}");
    assert_eq!(ready["chapters"][1]["state"]["state"], "passes", "{ready}");
    assert_eq!(ready["settings"]["author"], "Arthur Conan Doyle");

    let job: u64 = app
        .call("start_book", json!({ "project": project }))
        .await
        .ok();
    let path = format!("/api/projects/{project}/book_jobs/{job}/events");
    // Not in the OpenAPI document (nor is the M4B): no schema to check the events against.
    let mut events = Events::at(&app, &path, "", "en").await;
    let seen = events.rest().await;

    let last = seen.last().unwrap();
    assert_eq!(last["event"], "done", "{last}");
    assert_eq!(last["book"]["markers"], 4, "credits and two chapters");
    let built = delivery(&app, project).await;
    assert_eq!(built["book"]["stale"], false);
    let response = app
        .client
        .get(format!("{}/api/projects/{project}/book.m4b", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["content-type"], "audio/mp4");
    let bytes = response.bytes().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("book.m4b");
    std::fs::write(&file, &bytes).unwrap();
    let probe = std::process::Command::new("ffprobe")
        .args([
            "-v",
            "error",
            "-show_chapters",
            "-show_format",
            "-of",
            "json",
        ])
        .arg(&file)
        .output()
        .unwrap();
    let probed: Value = serde_json::from_slice(&probe.stdout).unwrap();
    let titles: Vec<&str> = probed["chapters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["tags"]["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Opening credits",
            "Chapter One",
            "Chapter Two",
            "Closing credits"
        ]
    );
    assert_eq!(probed["format"]["tags"]["artist"], "Arthur Conan Doyle");
    assert_eq!(probed["format"]["tags"]["title"], "Renders");
    assert_eq!(
        probed["format"]["tags"]["composer"], "espeak-ng en, espeak-ng en-gb",
        "the cast's voices as the narrators"
    );

    // An edit makes the chapter stale and the book with it; the book cannot be built again yet.
    segments[0].text = "The rain came at last, and the moor was quiet.".to_owned();
    save(&app, second, 2, &segments).await;
    let edited = delivery(&app, project).await;
    assert_eq!(edited["chapters"][1]["state"]["state"], "stale");
    assert_eq!(edited["book"]["stale"], true);
    assert_eq!(
        app.call("start_book", json!({ "project": project }))
            .await
            .status,
        422
    );
}

#[tokio::test]
async fn pauses_out_of_range_are_refused_in_the_pages_language_and_nothing_changes() {
    let app = spawn_empty_app().await;
    let (project, _, _, _) = planned(&app).await;
    let settings = json!({ "author": "", "pauses": { "headMs": 750, "titleMs": 1500,
        "phraseMs": 200, "sentenceMs": 450, "turnMs": 650, "paragraphMs": 900, "sceneMs": 2500, "tailMs": 200 } });

    let refused = app
        .call_in(
            "save_delivery_settings",
            json!({ "project": project, "settings": settings }),
            "es",
        )
        .await;

    assert_eq!(refused.status, 422);
    let words = refused.body["Refused"].as_str().unwrap();
    assert!(
        words.contains("«tail»") && words.contains("1000 a 5000 ms"),
        "{words}"
    );
    let stored: Value = app
        .call("load_delivery", json!({ "project": project }))
        .await
        .ok();
    assert_eq!(stored["settings"]["pauses"]["tailMs"], 3_000);
}

#[tokio::test]
async fn a_speaker_changed_after_the_render_is_listed_for_review_with_the_one_it_was_read_as() {
    let app = spawn_empty_app().await;
    let (project, chapter, version, mut segments) = planned(&app).await;
    render(&app, project, chapter).await;
    let before = state(&app, project, chapter).await;
    let listed = |state: &Value| {
        state["render"]["exceptions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "speakerChanged")
            .cloned()
            .collect::<Vec<_>>()
    };
    assert!(listed(&before).is_empty());

    let quoted = segments
        .iter()
        .position(|s| s.speaker.as_deref() == Some("holmes"))
        .unwrap();
    segments[quoted].speaker = Some("narrator".to_owned());
    save(&app, chapter, version, &segments).await;

    let after = state(&app, project, chapter).await;
    assert_eq!(after["stale"], true);
    assert_eq!(
        listed(&after),
        [json!({ "segment": segments[quoted].id.0, "kind": "speakerChanged", "was": "holmes" })]
    );
}

#[tokio::test]
async fn render_every_chapter_starts_the_missing_ones_and_names_those_that_cannot_be_rendered() {
    let app = spawn_empty_app().await;
    let (project, chapter, _, _) = planned(&app).await;
    let unassigned = app
        .add_chapter(project, "Unassigned", "Nobody speaks here.")
        .await;
    app.generate(unassigned, 0).await.ok::<Value>();
    app.add_chapter(project, "Unplanned", "No plan yet.").await;

    let all: Value = app
        .call_in("render_chapters", json!({ "project": project }), "es")
        .await
        .ok();

    assert_eq!(all["started"], 1);
    let refused = all["refused"].as_array().unwrap();
    assert_eq!(refused.len(), 1, "{all}");
    assert_eq!(refused[0][0], "Unassigned");
    for _ in 0..120 {
        if delivery(&app, project).await["chapters"][0]["state"]["state"] == "passes" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    let states: Vec<Value> = delivery(&app, project).await["chapters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["state"]["state"].clone())
        .collect();
    assert_eq!(
        states,
        [json!("passes"), json!("not_rendered"), json!("no_plan")]
    );
    assert!(state(&app, project, chapter).await["render"].is_object());
}
