//! Auditions on the cloud engines, Azure Speech and ElevenLabs, against a local stub of each
//! service that records the requests (headers, path, SSML or JSON body) and answers each status
//! the real ones do: the clip is rendered once and cached, every failure reads in the page's
//! language, a 429 or 5xx is tried again (honouring `Retry-After`), and nothing is cached for a
//! failed render.

use serde_json::{json, Value};
use server::config::{AzureSpeech, Config, ElevenLabsConfig};

use crate::{
    helpers::{spawn_app_with, TestApp},
    stub::{reply, reply_bytes, Responder, Stub},
};

const AZURE_KEY: &str = "azure-test-key";
const ELEVEN_KEY: &str = "eleven-test-key";
const ELEVEN_VOICE: &str = "JBFqnCBsd6RMkjVDRZzb";
const LINE: &str = "Sir Henry Baskerville & <his> friend.";

/// `seconds` of a 24 kHz 16-bit mono tone, as raw little-endian samples.
fn pcm(seconds: f64) -> Vec<u8> {
    let samples = (24_000.0 * seconds) as usize;
    (0..samples)
        .flat_map(|i| (((i % 48) as i16 - 24) * 800).to_le_bytes())
        .collect()
}

/// The same tone as a WAV file, as Azure answers.
fn wav(seconds: f64) -> Vec<u8> {
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: 24_000,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut cursor = std::io::Cursor::new(Vec::new());
    let mut writer = hound::WavWriter::new(&mut cursor, spec).unwrap();
    for chunk in pcm(seconds).chunks(2) {
        writer
            .write_sample(i16::from_le_bytes([chunk[0], chunk[1]]))
            .unwrap();
    }
    writer.finalize().unwrap();
    cursor.into_inner()
}

fn audio(body: Vec<u8>, content_type: &str) -> Responder {
    reply_bytes(
        200,
        &[("content-type".to_owned(), content_type.to_owned())],
        body,
    )
}

/// Azure's voice list as the stub gives it: Ryan offers two styles.
const AZURE_VOICES: &str = r#"[{"ShortName": "en-GB-RyanNeural", "Locale": "en-GB", "Gender": "Male",
    "StyleList": ["cheerful", "chat"]}]"#;

/// A stub of both services answering `script` in order, and Azure's voice list whenever asked
/// (not recorded: the tests count synthesis requests).
async fn speech_stub(script: Vec<Responder>) -> Stub {
    Stub::start_with(
        script,
        vec![(
            "/cognitiveservices/voices/list".to_owned(),
            reply(200, &[], AZURE_VOICES),
        )],
    )
    .await
}

/// A studio whose Azure Speech and ElevenLabs are `endpoint`.
async fn studio(endpoint: &str) -> TestApp {
    let endpoint = endpoint.to_owned();
    spawn_app_with(move |config: &mut Config| {
        config.seed_demo = false;
        config.azure_speech = Some(AzureSpeech {
            key: AZURE_KEY.into(),
            region: "westeurope".into(),
            endpoint: Some(endpoint.clone()),
        });
        config.elevenlabs = Some(ElevenLabsConfig {
            key: ELEVEN_KEY.into(),
            model: ElevenLabsConfig::DEFAULT_MODEL.into(),
            endpoint: Some(endpoint),
        });
    })
    .await
}

/// A project whose narrator reads with Azure's Ryan (cheerful, faster, lower) and whose Holmes
/// reads with an ElevenLabs voice, with one pronunciation that has a respelling and one without.
async fn project(app: &TestApp) -> i64 {
    let project: i64 = app
        .call(
            "create_project",
            json!({ "name": "Cloud", "language": "en" }),
        )
        .await
        .ok();
    let voice = |engine: &str, id: &str| {
        json!({ "engine": engine, "voice_id": id, "style": if engine == "azure" { json!("cheerful") } else { Value::Null },
                "style_degree": 1.5, "rate": 10, "pitch": -5 })
    };
    let cast = json!([
        { "id": "narrator", "name": "Narrator", "aliases": [], "gender": "unknown", "age": "adult",
          "description": "", "voice": voice("azure", "en-GB-RyanNeural") },
        { "id": "holmes", "name": "Sherlock Holmes", "aliases": [], "gender": "male", "age": "adult",
          "description": "", "voice": voice("elevenlabs", ELEVEN_VOICE) },
    ]);
    app.call(
        "save_cast",
        json!({ "project": project, "version": 0, "cast": cast }),
    )
    .await
    .ok::<Value>();
    app.call(
        "save_pronunciations",
        json!({ "project": project, "version": 0, "entries": [
            { "grapheme": "Baskerville", "ipa": "ˈbæskəvɪl", "espeak": null, "respelling": "BASK-er-vil",
              "locale": "en", "case_sensitive": true, "status": "approved" },
            { "grapheme": "Henry", "ipa": "ˈhɛnri", "espeak": null, "respelling": null,
              "locale": "en", "case_sensitive": true, "status": "approved" },
        ] }),
    )
    .await
    .ok::<Value>();
    project
}

async fn audition(app: &TestApp, project: i64, speaker: &str, language: &str) -> (u16, Value) {
    let answer = app
        .call_in(
            "audition",
            json!({ "project": project, "text": LINE, "speaker": speaker }),
            language,
        )
        .await;
    (answer.status, answer.body)
}

async fn clip_seconds(app: &TestApp, clip: &Value) -> f64 {
    let url = format!("{}{}", app.base, clip["url"].as_str().unwrap());
    let bytes = app
        .client
        .get(url)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let reader = hound::WavReader::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    f64::from(reader.duration()) / f64::from(reader.spec().sample_rate)
}

#[tokio::test]
async fn azure_gets_its_headers_and_the_voices_ssml_and_the_clip_is_cached() {
    let stub = speech_stub(vec![audio(wav(1.5), "audio/x-wav")]).await;
    let app = studio(&stub.url).await;
    let project = project(&app).await;

    let (status, first) = audition(&app, project, "narrator", "en").await;
    let (_, again) = audition(&app, project, "narrator", "en").await;

    assert_eq!(status, 200, "{first}");
    assert_eq!(first["cached"], false);
    assert_eq!(again["cached"], true);
    assert_eq!(
        stub.seen().len(),
        1,
        "the second audition came from the cache"
    );
    let seen = &stub.seen()[0];
    assert_eq!(seen.method, "POST");
    assert_eq!(seen.path, "/cognitiveservices/v1");
    assert_eq!(seen.header("ocp-apim-subscription-key").unwrap(), AZURE_KEY);
    assert_eq!(
        seen.header("x-microsoft-outputformat").unwrap(),
        "riff-24khz-16bit-mono-pcm"
    );
    assert_eq!(seen.header("content-type").unwrap(), "application/ssml+xml");
    assert!(seen
        .header("user-agent")
        .unwrap()
        .starts_with("audiobook-studio/"));
    let ssml = String::from_utf8(seen.raw.clone()).unwrap();
    for part in [
        "xml:lang=\"en-GB\"",
        "<voice name=\"en-GB-RyanNeural\">",
        "<mstts:express-as style=\"cheerful\" styledegree=\"1.50\">",
        "<prosody rate=\"+10%\" pitch=\"-5%\">",
        "<phoneme alphabet=\"ipa\" ph=\"ˈbæskəvɪl\">Baskerville</phoneme>",
        "<phoneme alphabet=\"ipa\" ph=\"ˈhɛnri\">Henry</phoneme>",
        "&amp; &lt;his&gt; friend.",
    ] {
        assert!(ssml.contains(part), "{part} missing from {ssml}");
    }
    assert_eq!(first["applied"].as_array().unwrap().len(), 2);
    assert!((clip_seconds(&app, &first).await - 1.5).abs() < 0.01);
    assert!((first["seconds"].as_f64().unwrap() - 1.5).abs() < 0.01);
}

#[tokio::test]
async fn elevenlabs_gets_its_key_model_settings_and_respellings_as_plain_text() {
    let stub = speech_stub(vec![audio(pcm(0.75), "audio/pcm")]).await;
    let app = studio(&stub.url).await;
    let project = project(&app).await;

    let (status, clip) = audition(&app, project, "holmes", "en").await;

    assert_eq!(status, 200, "{clip}");
    let seen = &stub.seen()[0];
    assert_eq!(seen.method, "POST");
    assert_eq!(seen.path, format!("/v1/text-to-speech/{ELEVEN_VOICE}"));
    assert_eq!(seen.query.as_deref(), Some("output_format=pcm_24000"));
    assert_eq!(seen.header("xi-api-key").unwrap(), ELEVEN_KEY);
    assert_eq!(seen.header("content-type").unwrap(), "application/json");
    assert_eq!(seen.body["model_id"], "eleven_multilingual_v2");
    assert_eq!(seen.body["text"], "Sir Henry BASK-er-vil & <his> friend.");
    assert_eq!(seen.body["voice_settings"]["speed"], 1.1);
    assert_eq!(seen.body["voice_settings"]["style"], 0.5);
    // No SSML: the entry with only IPA cannot be said, and the page is told.
    assert_eq!(clip["unsaid"], json!(["Henry"]));
    assert_eq!(clip["applied"][0]["form"], "respelling");
    assert!((clip_seconds(&app, &clip).await - 0.75).abs() < 0.01);
}

/// A status a service answers with, what the page reads in English and Spanish, and how many
/// requests the studio makes (three when it is worth trying again: the tests' retry policy).
struct Case {
    speaker: &'static str,
    status: u16,
    retry_after: bool,
    english: &'static str,
    spanish: &'static str,
    requests: usize,
}

const fn case(
    speaker: &'static str,
    status: u16,
    english: &'static str,
    spanish: &'static str,
    requests: usize,
) -> Case {
    Case {
        speaker,
        status,
        retry_after: false,
        english,
        spanish,
        requests,
    }
}

const CASES: [Case; 9] = [
    case(
        "narrator",
        400,
        "Azure Speech refused the request (400)",
        "Azure Speech rechazó la petición (400)",
        1,
    ),
    case(
        "narrator",
        401,
        "Azure Speech refused the key (401)",
        "Azure Speech rechazó la clave (401)",
        1,
    ),
    case(
        "narrator",
        403,
        "refused the key (403)",
        "rechazó la clave (403)",
        1,
    ),
    Case {
        retry_after: true,
        ..case(
            "narrator",
            429,
            "too many requests",
            "demasiadas peticiones",
            3,
        )
    },
    case(
        "narrator",
        500,
        "Azure Speech failed (500)",
        "Azure Speech falló (500)",
        3,
    ),
    case(
        "holmes",
        401,
        "ElevenLabs refused the key (401); check STUDIO_ELEVENLABS_API_KEY",
        "ElevenLabs rechazó la clave (401)",
        1,
    ),
    case(
        "holmes",
        404,
        "ElevenLabs has no voice “JBFqnCBsd6RMkjVDRZzb”",
        "ElevenLabs no tiene ninguna voz «JBFqnCBsd6RMkjVDRZzb»",
        1,
    ),
    case(
        "holmes",
        422,
        "ElevenLabs refused the request (422)",
        "ElevenLabs rechazó la petición (422)",
        1,
    ),
    Case {
        retry_after: true,
        ..case(
            "holmes",
            503,
            "ElevenLabs failed (503)",
            "ElevenLabs falló (503)",
            3,
        )
    },
];

#[tokio::test]
async fn every_error_status_is_a_clear_refusal_in_the_pages_language_and_nothing_is_cached() {
    for case in CASES {
        let headers: &[(&str, &str)] = if case.retry_after {
            &[("retry-after", "0")]
        } else {
            &[]
        };
        // Once asked in English, once in Spanish; then a success.
        let mut script: Vec<Responder> = (0..case.requests * 2)
            .map(|_| reply(case.status, headers, "{\"detail\": \"scripted failure\"}"))
            .collect();
        script.push(if case.speaker == "holmes" {
            audio(pcm(0.5), "audio/pcm")
        } else {
            audio(wav(0.5), "audio/x-wav")
        });
        let stub = speech_stub(script).await;
        let app = studio(&stub.url).await;
        let project = project(&app).await;

        let (code, en) = audition(&app, project, case.speaker, "en").await;
        let (_, es) = audition(&app, project, case.speaker, "es").await;
        let (_, rendered) = audition(&app, project, case.speaker, "en").await;

        let status = case.status;
        assert_eq!(code, 422, "{status}: {en}");
        let (en, es) = (
            en["Refused"].as_str().unwrap(),
            es["Refused"].as_str().unwrap(),
        );
        assert!(en.contains(case.english), "{status}: {en}");
        assert!(es.contains(case.spanish), "{status}: {es}");
        assert_eq!(stub.seen().len(), case.requests * 2 + 1, "{status}");
        assert_eq!(rendered["cached"], false, "a failed render cached nothing");
    }
}

#[tokio::test]
async fn a_rate_limit_waits_as_long_as_retry_after_says_then_succeeds() {
    let stub = speech_stub(vec![
        reply(429, &[("retry-after", "0.15")], ""),
        audio(wav(0.5), "audio/x-wav"),
    ])
    .await;
    let app = studio(&stub.url).await;
    let project = project(&app).await;

    let (status, clip) = audition(&app, project, "narrator", "en").await;

    assert_eq!(status, 200, "{clip}");
    let seen = stub.seen();
    assert_eq!(seen.len(), 2);
    assert!(seen[1].at.duration_since(seen[0].at).as_millis() >= 150);
}

#[tokio::test]
async fn a_service_that_is_not_there_is_unreachable_and_audio_that_is_not_wav_is_refused() {
    // Nothing listens on port 9 of this machine.
    let app = studio("http://127.0.0.1:9").await;
    let id = project(&app).await;
    let (status, answer) = audition(&app, id, "narrator", "en").await;
    assert_eq!(status, 422);
    assert!(answer["Refused"]
        .as_str()
        .unwrap()
        .contains("Azure Speech could not be reached"));

    let stub = speech_stub(vec![reply(200, &[("content-type", "text/html")], "<html>")]).await;
    let app = studio(&stub.url).await;
    let id = project(&app).await;
    let (status, answer) = audition(&app, id, "narrator", "es").await;
    assert_eq!(status, 422);
    assert!(answer["Refused"]
        .as_str()
        .unwrap()
        .contains("devolvió un audio que el estudio no puede leer"));
}

#[tokio::test]
async fn elevenlabs_voices_are_listed_with_the_key() {
    let list = json!({ "voices": [
        { "voice_id": ELEVEN_VOICE, "name": "George", "labels": { "gender": "male", "accent": "british" } },
    ] });
    let stub = Stub::start(vec![reply(200, &[], &list.to_string())]).await;
    let app = studio(&stub.url).await;

    let voices: Vec<Value> = app
        .call("list_voices", json!({ "engine": "elevenlabs" }))
        .await
        .ok();
    let again: Vec<Value> = app
        .call("list_voices", json!({ "engine": "elevenlabs" }))
        .await
        .ok();

    assert_eq!(voices, again);
    assert_eq!(voices[0]["id"], ELEVEN_VOICE);
    assert_eq!(voices[0]["language"], "mul");
    let seen = stub.seen();
    assert_eq!(seen.len(), 1, "the list is kept");
    assert_eq!(seen[0].path, "/v1/voices");
    assert_eq!(seen[0].header("xi-api-key").unwrap(), ELEVEN_KEY);
}

#[tokio::test]
async fn a_style_the_voice_lacks_is_refused_before_azure_is_asked() {
    let stub = speech_stub(Vec::new()).await;
    let app = studio(&stub.url).await;
    let project = project(&app).await;
    let voice = json!({ "engine": "azure", "voice_id": "en-GB-RyanNeural", "style": "whispering",
                        "style_degree": 1.0, "rate": 0, "pitch": 0 });

    let en = app
        .call_in(
            "try_voice",
            json!({ "project": project, "voice": voice }),
            "en",
        )
        .await;
    let es = app
        .call_in(
            "try_voice",
            json!({ "project": project, "voice": voice }),
            "es",
        )
        .await;

    assert_eq!(en.status, 422);
    assert_eq!(
        en.body["Refused"],
        "the voice en-GB-RyanNeural has no style “whispering” (it offers cheerful, chat); change it on the cast page"
    );
    assert!(es.body["Refused"]
        .as_str()
        .unwrap()
        .contains("no tiene el estilo «whispering»"));
    assert!(stub.seen().is_empty(), "nothing was sent to synthesize");
}

#[tokio::test]
async fn a_render_whose_engine_fails_half_way_stores_nothing_and_the_next_resumes_after_its_clips()
{
    let stub = speech_stub(vec![
        audio(wav(1.0), "audio/x-wav"),             // the title
        audio(wav(1.2), "audio/x-wav"),             // the first segment
        reply(400, &[], "<error>bad SSML</error>"), // the second: refused, not retried
        audio(wav(1.1), "audio/x-wav"),             // the second, next time
        audio(wav(1.3), "audio/x-wav"),             // the third
    ])
    .await;
    let app = studio(&stub.url).await;
    let project = project(&app).await;
    let chapter = app
        .add_chapter(
            project,
            "Fog",
            "The fog lay thick.\n\nThe cab rolled on.\n\nThe night was cold.",
        )
        .await;
    let plan: Value = app.generate(chapter, 0).await.ok();
    let mut segments = plan["segments"].as_array().unwrap().clone();
    for segment in &mut segments {
        segment["voice"] = json!("narrator");
    }
    app.call(
        "save_plan",
        json!({ "chapter": chapter, "version": 1, "segments": segments }),
    )
    .await
    .ok::<Value>();
    let render = |language: &'static str| {
        let app = &app;
        async move {
            let job: u64 = app
                .call(
                    "start_render",
                    json!({ "project": project, "chapter": chapter }),
                )
                .await
                .ok();
            let path =
                format!("/api/projects/{project}/chapters/{chapter}/render_jobs/{job}/events");
            let route = "/api/projects/1/chapters/1/render_jobs/1/events";
            crate::speaker_jobs::Events::at(app, &path, route, language)
                .await
                .rest()
                .await
                .pop()
                .unwrap()
        }
    };

    let failed = render("es").await;

    assert_eq!(failed["event"], "failed", "{failed}");
    assert_eq!(failed["reason"]["speech"]["engine"], "azure");
    assert_eq!(
        failed["reason"]["speech"]["segment"],
        segments[1]["segment_id"]
    );
    assert!(
        failed["message"]
            .as_str()
            .unwrap()
            .contains("rechazó la petición (400)"),
        "{failed}"
    );
    let state: Value = app
        .call(
            "render_state",
            json!({ "project": project, "chapter": chapter }),
        )
        .await
        .ok();
    assert!(
        state["render"].is_null(),
        "nothing half-made is kept as the chapter's render"
    );

    let done = render("en").await;

    assert_eq!(done["event"], "done", "{done}");
    assert_eq!(
        done["render"]["sent"], 2,
        "only the clips the failed render did not make"
    );
    assert_eq!(done["render"]["cached"], 2);
    assert_eq!(stub.seen().len(), 5);
}
