//! Auditions with the real espeak-ng (installed by `.ci/run`): a segment's words in its speaker's
//! voice, with the project's pronunciations, served from the content-addressed audio cache with
//! `ETag`, byte ranges and long-lived caching; bad input refused in the page's language with
//! nothing cached.

use app::model::ProjectId;
use futures_util::TryStreamExt;
use object_store::ObjectStoreExt;
use serde_json::{json, Value};
use server::{config::Config, speech::cache::clip_path};

use crate::helpers::{character, spawn_app_with, spawn_empty_app, Answer, TestApp};

const LINE: &str = "Sherlock Holmes took his bottle from the corner of the mantelpiece.";

async fn audition(app: &TestApp, project: i64, text: &str, speaker: Option<&str>) -> Answer {
    app.call(
        "audition",
        json!({ "project": project, "text": text, "speaker": speaker }),
    )
    .await
}

/// A project with a narrator and Holmes (espeak-ng `en-gb`).
async fn project(app: &TestApp) -> i64 {
    app.project_with_cast(
        "Audition",
        "en",
        &[character("holmes", "Sherlock Holmes", &["Holmes"])],
    )
    .await
}

/// GETs a clip's URL with extra headers: status, headers, body.
async fn fetch(
    app: &TestApp,
    url: &str,
    headers: &[(&str, &str)],
) -> (u16, reqwest::header::HeaderMap, Vec<u8>) {
    let mut request = app.client.get(format!("{}{url}", app.base));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    (status, headers, response.bytes().await.unwrap().to_vec())
}

fn decoded_seconds(bytes: &[u8]) -> f64 {
    let reader = hound::WavReader::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let spec = reader.spec();
    assert_eq!((spec.channels, spec.bits_per_sample), (1, 16));
    let samples: Vec<i16> = reader.into_samples().map(Result::unwrap).collect();
    assert!(
        samples.iter().any(|s| s.abs() > 1_000),
        "the clip is silent"
    );
    samples.len() as f64 / f64::from(spec.sample_rate)
}

#[tokio::test]
async fn a_segment_is_rendered_once_then_served_from_the_cache() {
    let app = spawn_empty_app().await;
    let project = project(&app).await;

    let first: Value = audition(&app, project, LINE, Some("holmes")).await.ok();
    let again: Value = audition(&app, project, LINE, Some("holmes")).await.ok();

    assert_eq!(first["cached"], false);
    assert_eq!(again["cached"], true);
    assert_eq!(first["key"], again["key"]);
    let url = first["url"].as_str().unwrap();
    assert_eq!(
        url,
        format!("/audio/{project}/{}", first["key"].as_str().unwrap())
    );
    let (status, headers, bytes) = fetch(&app, url, &[]).await;
    assert_eq!(status, 200);
    assert_eq!(headers["content-type"], "audio/wav");
    assert!(headers["cache-control"]
        .to_str()
        .unwrap()
        .contains("immutable"));
    let seconds = decoded_seconds(&bytes);
    assert!(seconds > 2.0 && seconds < 15.0, "{seconds} s");
    assert!((first["seconds"].as_f64().unwrap() - seconds).abs() < 0.01);
}

#[tokio::test]
async fn the_clip_answers_etags_and_byte_ranges() {
    let app = spawn_empty_app().await;
    let project = project(&app).await;
    let clip: Value = audition(&app, project, LINE, None).await.ok();
    let url = clip["url"].as_str().unwrap();
    let (_, headers, whole) = fetch(&app, url, &[]).await;
    let etag = headers["etag"].to_str().unwrap().to_owned();
    assert_eq!(etag, format!("\"{}\"", clip["key"].as_str().unwrap()));

    let (status, _, body) = fetch(&app, url, &[("if-none-match", &etag)]).await;
    assert_eq!((status, body.len()), (304, 0));

    let (status, headers, part) = fetch(&app, url, &[("range", "bytes=100-199")]).await;
    assert_eq!(status, 206);
    assert_eq!(
        headers["content-range"],
        format!("bytes 100-199/{}", whole.len()).as_str()
    );
    assert_eq!(part, whole[100..200]);

    let (status, headers, _) = fetch(&app, url, &[("range", "bytes=99999999-")]).await;
    assert_eq!(status, 416);
    assert_eq!(
        headers["content-range"],
        format!("bytes */{}", whole.len()).as_str()
    );
}

#[tokio::test]
async fn clips_are_kept_per_project() {
    let app = spawn_empty_app().await;
    let mine = project(&app).await;
    let other = project(&app).await;
    let clip: Value = audition(&app, mine, LINE, None).await.ok();
    let key = clip["key"].as_str().unwrap();

    let (status, _, _) = fetch(&app, &format!("/audio/{other}/{key}"), &[]).await;
    assert_eq!(status, 404);
    let (status, _, _) = fetch(&app, &format!("/audio/{mine}/not-a-key"), &[]).await;
    assert_eq!(status, 404);
    let (status, _, _) = fetch(&app, &format!("/audio/{mine}/{}", "0".repeat(64)), &[]).await;
    assert_eq!(status, 404);
}

/// Replaces the project's cast member `id`'s voice settings by `voice` (merged into the stored).
async fn set_voice(app: &TestApp, project: i64, id: &str, voice: Value) {
    let detail: Value = app
        .call("load_project", json!({ "project": project }))
        .await
        .ok();
    let mut cast = detail["cast"].as_array().unwrap().clone();
    let member = cast.iter_mut().find(|c| c["id"] == id).unwrap();
    for (name, value) in voice.as_object().unwrap() {
        member["voice"][name] = value.clone();
    }
    app.call(
        "save_cast",
        json!({ "project": project, "version": detail["cast_version"], "cast": cast }),
    )
    .await
    .ok::<Value>();
}

#[tokio::test]
async fn a_slower_voice_gives_a_new_longer_clip() {
    let app = spawn_empty_app().await;
    let project = project(&app).await;
    let normal: Value = audition(&app, project, LINE, Some("holmes")).await.ok();

    set_voice(&app, project, "holmes", json!({ "rate": -50 })).await;
    let slow: Value = audition(&app, project, LINE, Some("holmes")).await.ok();

    assert_ne!(normal["key"], slow["key"]);
    assert_eq!(slow["cached"], false);
    let (normal_s, slow_s) = (
        normal["seconds"].as_f64().unwrap(),
        slow["seconds"].as_f64().unwrap(),
    );
    assert!(slow_s > normal_s * 1.4, "{normal_s} s, then {slow_s} s");
}

#[tokio::test]
async fn a_pronunciation_entry_is_applied_and_reported() {
    let app = spawn_empty_app().await;
    let project = project(&app).await;
    let before: Value = audition(&app, project, LINE, None).await.ok();
    let entry = json!({ "grapheme": "Sherlock", "ipa": "ˈʃɜːlɒk", "espeak": "tS'3:lQk",
                        "respelling": null, "locale": "en", "case_sensitive": false,
                        "status": "approved" });
    app.call(
        "save_pronunciations",
        json!({ "project": project, "version": 0, "entries": [entry] }),
    )
    .await
    .ok::<Value>();

    let after: Value = audition(&app, project, LINE, None).await.ok();

    assert_ne!(
        before["key"], after["key"],
        "a new pronunciation is a new clip"
    );
    assert_eq!(
        after["applied"],
        json!([{ "start": 0, "end": 8, "grapheme": "Sherlock", "form": "espeak" }])
    );
    assert_eq!(before["applied"], json!([]));
}

#[tokio::test]
async fn markup_and_brackets_in_the_text_are_read_as_text() {
    let app = spawn_empty_app().await;
    let project = project(&app).await;
    let clip: Value = audition(
        &app,
        project,
        "Tom & Jerry <said> ]]> [[tS'erlok]] \"yes\".",
        None,
    )
    .await
    .ok();
    let (status, _, bytes) = fetch(&app, clip["url"].as_str().unwrap(), &[]).await;
    assert_eq!(status, 200);
    assert!(decoded_seconds(&bytes) > 1.0);
}

/// The body of a refusal answered in `language`, asserting its status.
async fn refused(app: &TestApp, args: Value, language: &str, status: u16) -> String {
    let answer = app.call_in("audition", args, language).await;
    assert_eq!(answer.status, status, "{}", answer.body);
    answer.body["Refused"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn bad_requests_are_refused_in_the_pages_language() {
    let app = spawn_empty_app().await;
    let project = project(&app).await;

    let unknown = json!({ "project": project, "text": LINE, "speaker": "moriarty" });
    assert!(refused(&app, unknown.clone(), "en", 422)
        .await
        .contains("not in the cast"));
    assert!(refused(&app, unknown, "es", 422)
        .await
        .contains("no está en el reparto"));
    let blank = json!({ "project": project, "text": "  \n ", "speaker": null });
    assert!(refused(&app, blank, "es", 422)
        .await
        .contains("nada que decir"));
    let long = json!({ "project": project, "text": "word ".repeat(12_000), "speaker": null });
    assert!(refused(&app, long, "en", 422)
        .await
        .contains("split it first"));

    set_voice(&app, project, "holmes", json!({ "voice_id": "xx-nosuch" })).await;
    let nosuch = json!({ "project": project, "text": LINE, "speaker": "holmes" });
    assert!(refused(&app, nosuch, "en", 422)
        .await
        .contains("has no voice “xx-nosuch”"));

    let missing = app
        .call(
            "audition",
            json!({ "project": 999_999, "text": LINE, "speaker": null }),
        )
        .await;
    assert_eq!(missing.status, 404);
}

#[tokio::test]
async fn without_espeak_the_page_is_told_and_nothing_is_cached() {
    let app = spawn_app_with(|config: &mut Config| {
        config.seed_demo = false;
        config.espeak_program = "/nonexistent/espeak-ng".into();
    })
    .await;
    let project = project(&app).await;
    let message = refused(
        &app,
        json!({ "project": project, "text": LINE, "speaker": null }),
        "en",
        422,
    )
    .await;
    assert!(message.contains("espeak-ng is not installed"), "{message}");
}

#[tokio::test]
async fn the_cache_keeps_to_its_size_by_dropping_the_least_recently_used() {
    let app = spawn_app_with(|config: &mut Config| {
        config.seed_demo = false;
        // Room for one clip of about four seconds (150 to 175 kB of WAV), not two.
        config.audio_cache_bytes = 250_000;
    })
    .await;
    let project = project(&app).await;
    let first: Value = audition(&app, project, LINE, None).await.ok();
    let second: Value = audition(
        &app,
        project,
        "Watson took his pipe from the corner of the mantelpiece and smiled.",
        None,
    )
    .await
    .ok();

    let (status, _, _) = fetch(&app, first["url"].as_str().unwrap(), &[]).await;
    assert_eq!(status, 404, "the older clip was evicted");
    let (status, _, _) = fetch(&app, second["url"].as_str().unwrap(), &[]).await;
    assert_eq!(status, 200);
    let again: Value = audition(&app, project, LINE, None).await.ok();
    assert_eq!(again["cached"], false);
}

#[tokio::test]
async fn a_damaged_cached_clip_is_rendered_again() {
    let app = spawn_app_with(|config: &mut Config| config.seed_demo = false).await;
    let project = project(&app).await;
    let clip: Value = audition(&app, project, LINE, None).await.ok();
    let objects = app.audio_objects();
    let path = clip_path(
        ProjectId(project),
        &clip["key"].as_str().unwrap().parse().unwrap(),
    );
    let bytes = objects.get(&path).await.unwrap().bytes().await.unwrap();
    objects
        .put(&path, bytes.slice(..bytes.len() / 2).into())
        .await
        .unwrap();

    let again: Value = audition(&app, project, LINE, None).await.ok();

    assert_eq!(again["cached"], false);
    let stored = objects.get(&path).await.unwrap().bytes().await.unwrap();
    assert_eq!(stored, bytes);
}

#[tokio::test]
async fn each_project_keeps_its_clips_under_its_own_name_in_the_store() {
    let app = spawn_empty_app().await;
    let first = project(&app).await;
    let second = app
        .project_with_cast(
            "Another",
            "en",
            &[character("holmes", "Sherlock Holmes", &[])],
        )
        .await;

    let one: Value = audition(&app, first, LINE, None).await.ok();
    let two: Value = audition(&app, second, LINE, None).await.ok();

    assert_eq!(
        one["key"], two["key"],
        "the same words and voice make the same key"
    );
    assert_eq!(two["cached"], false, "another project's clip is not shared");
    let objects = app.audio_objects();
    for (project, clip) in [(first, &one), (second, &two)] {
        let listed: Vec<_> = objects
            .list(Some(&object_store::path::Path::from(project.to_string())))
            .try_collect()
            .await
            .unwrap();
        let names: Vec<String> = listed.iter().map(|o| o.location.to_string()).collect();
        assert_eq!(
            names,
            [format!("{project}/{}.wav", clip["key"].as_str().unwrap())]
        );
    }
    let (status, _, _) = fetch(
        &app,
        &format!("/audio/{second}/{}", one["key"].as_str().unwrap()),
        &[],
    )
    .await;
    assert_eq!(status, 200, "the second project has its own copy");
}

#[tokio::test]
async fn the_demo_chapter_is_planned_with_speakers_and_auditions_with_its_pronunciations() {
    let app = spawn_app_with(|_| {}).await;
    let projects: Vec<Value> = app.call("list_projects", json!({})).await.ok();
    let hound = projects
        .iter()
        .find(|p| p["language"] == "en")
        .expect("the English demo");
    let plan = app.load(hound["first_chapter"].as_i64().unwrap()).await;
    let segments = plan["segments"].as_array().unwrap();
    let voiced = |id: &str| segments.iter().filter(|s| s["voice"] == id).count();
    assert!(voiced("holmes") > 5, "Holmes speaks in chapter 1");
    assert!(voiced("mortimer") > 0, "Mortimer speaks at its end");
    let line = segments
        .iter()
        .find(|s| s["text"].as_str().unwrap().contains("Mortimer"))
        .expect("a segment naming Mortimer");

    let clip: Value = audition(
        &app,
        hound["id"].as_i64().unwrap(),
        line["text"].as_str().unwrap(),
        line["voice"].as_str(),
    )
    .await
    .ok();

    let applied = clip["applied"].as_array().unwrap();
    assert!(
        applied.iter().any(|a| a["grapheme"] == "Mortimer"),
        "{clip}"
    );
}

/// The planner's first engine of the first chapter: `[engine, tally]`.
async fn espeak_tally(app: &TestApp, project: i64) -> Value {
    let estimate: Value = app
        .call("estimate_project", json!({ "project": project }))
        .await
        .ok();
    estimate["chapters"][0]["engines"][0].clone()
}

#[tokio::test]
async fn the_planner_tallies_each_chapter_and_counts_the_clips_cached() {
    let app = spawn_app_with(|_| {}).await;
    let projects: Vec<Value> = app.call("list_projects", json!({})).await.ok();
    let hound = projects.iter().find(|p| p["language"] == "en").unwrap();
    let project = hound["id"].as_i64().unwrap();
    let plan = app.load(hound["first_chapter"].as_i64().unwrap()).await;
    let segments = plan["segments"].as_array().unwrap();
    let before = espeak_tally(&app, project).await;
    let first = &segments[0];
    audition(
        &app,
        project,
        first["text"].as_str().unwrap(),
        first["voice"].as_str(),
    )
    .await
    .ok::<Value>();
    let after = espeak_tally(&app, project).await;

    assert_eq!(before[0], "espeak");
    let tally = &before[1];
    assert_eq!(tally["segments"].as_u64().unwrap() as usize, segments.len());
    let chars: usize = segments
        .iter()
        .map(|s| s["text"].as_str().unwrap().chars().count())
        .sum();
    assert_eq!(tally["chars"].as_u64().unwrap() as usize, chars);
    assert!(tally["seconds"].as_f64().unwrap() > 60.0);
    assert_eq!(tally["cached"], 0);
    assert_eq!(after[1]["cached"], 1, "the auditioned segment is cached");
    assert_eq!(
        tally["billable_to_render"].as_u64().unwrap()
            - after[1]["billable_to_render"].as_u64().unwrap(),
        first["text"].as_str().unwrap().chars().count() as u64
    );
    let niebla: Value = app
        .call(
            "estimate_project",
            json!({ "project": projects.iter().find(|p| p["language"] == "es").unwrap()["id"] }),
        )
        .await
        .ok();
    let planned: Vec<Option<bool>> = niebla["chapters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["planned"].as_bool())
        .collect();
    assert_eq!(
        planned,
        [Some(true), Some(false), Some(false)],
        "chapter I planned, II and III to do"
    );
}

#[tokio::test]
async fn try_voice_says_a_sample_line_with_unsaved_settings_and_refuses_bad_ones() {
    let app = spawn_empty_app().await;
    let project = project(&app).await;
    let voice = |rate: i32, degree: f64| {
        json!({ "engine": "espeak", "voice_id": "en-gb", "style": null,
                "style_degree": degree, "rate": rate, "pitch": 0 })
    };

    let normal: Value = app
        .call(
            "try_voice",
            json!({ "project": project, "voice": voice(0, 1.0) }),
        )
        .await
        .ok();
    let faster: Value = app
        .call(
            "try_voice",
            json!({ "project": project, "voice": voice(60, 1.0) }),
        )
        .await
        .ok();
    let refused = app
        .call_in(
            "try_voice",
            json!({ "project": project, "voice": voice(0, 5.0) }),
            "es",
        )
        .await;

    assert_ne!(normal["key"], faster["key"]);
    assert!(normal["seconds"].as_f64().unwrap() > faster["seconds"].as_f64().unwrap());
    assert!(
        normal["seconds"].as_f64().unwrap() > 3.0,
        "the whole sample line"
    );
    assert_eq!(refused.status, 422);
    assert!(
        refused.body["Refused"].as_str().unwrap().contains("0,01–2"),
        "{}",
        refused.body
    );
}

#[tokio::test]
async fn the_concordance_finds_each_entry_and_a_changed_one_counts_its_stale_clips() {
    let app = spawn_app_with(|_| {}).await;
    let projects: Vec<Value> = app.call("list_projects", json!({})).await.ok();
    let hound = projects.iter().find(|p| p["language"] == "en").unwrap();
    let project = hound["id"].as_i64().unwrap();
    let chapter = hound["first_chapter"].as_i64().unwrap();
    let plan = app.load(chapter).await;
    let segments = plan["segments"].as_array().unwrap();
    // Whole words only: "the Mortimers" is not the entry.
    let mentions = |segment: &Value| {
        let text = segment["text"].as_str().unwrap();
        text.match_indices("Mortimer")
            .filter(|(at, word)| {
                !text[at + word.len()..].starts_with(|c: char| c.is_alphanumeric())
            })
            .count()
    };
    let naming: Vec<&Value> = segments.iter().filter(|s| mentions(s) > 0).collect();
    let first = naming[0];
    audition(
        &app,
        project,
        first["text"].as_str().unwrap(),
        first["voice"].as_str(),
    )
    .await
    .ok::<Value>();
    let saved: Value = app
        .call("load_pronunciations", json!({ "project": project }))
        .await
        .ok();
    let mut entries = saved["map"].as_array().unwrap().clone();

    let unchanged: Value = app
        .call(
            "pronunciation_concordance",
            json!({ "project": project, "entries": entries }),
        )
        .await
        .ok();
    let mortimer = entries
        .iter()
        .position(|e| e["grapheme"] == "Mortimer")
        .unwrap();
    entries[mortimer]["espeak"] = json!("m'o:tImER");
    let changed: Value = app
        .call(
            "pronunciation_concordance",
            json!({ "project": project, "entries": entries }),
        )
        .await
        .ok();

    let uses = &unchanged["entries"][mortimer];
    // Every chapter's text counts, planned or not (a plan's `text` is its chapter's).
    let chapters: Vec<Value> = app
        .call("list_chapters", json!({ "project": project }))
        .await
        .ok();
    let mut total = 0;
    for listed in &chapters {
        total += mentions(&app.load(listed["id"].as_i64().unwrap()).await);
    }
    assert!(chapters.len() > 1 && total > segments.iter().map(mentions).sum::<usize>());
    assert_eq!(uses["count"].as_u64().unwrap() as usize, total);
    let place = &uses["places"][0];
    assert_eq!(place["chapter"], chapter);
    let text = plan["text"].as_str().unwrap();
    let at = place["at"].as_u64().unwrap() as usize;
    assert!(text
        .chars()
        .skip(at)
        .collect::<String>()
        .starts_with("Mortimer"));
    assert!(place["context"].as_str().unwrap().contains("Mortimer"));
    assert_eq!(unchanged["impact"], json!([]));
    let impact = &changed["impact"][0];
    assert_eq!(impact[0], "espeak");
    assert_eq!(
        impact[1]["changed"].as_u64().unwrap() as usize,
        naming.len()
    );
    assert_eq!(impact[1]["stale"], 1, "the auditioned segment's clip");
    assert!(impact[1]["billable_chars"].as_u64().unwrap() > 0);
}
