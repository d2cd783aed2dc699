//! `spawn_app`: starts the server on port 0 with a fresh SQLite file (or, when `TEST_POSTGRES_URL`
//! is set, a fresh PostgreSQL database) and its audio in a fresh folder (or, when
//! `TEST_S3_ENDPOINT` is set, a fresh prefix of the bucket `studio-test` there), and returns typed
//! helpers to call it.

use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use server::{
    accounts::{DEMO_EMAIL, DEMO_PASSWORD},
    config::{AudioBucket, AudioStore, Config},
    Application,
};

/// A running server and a client for it.
pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    /// Where the server keeps its audio.
    pub audio: AudioStore,
    /// What it runs with; a second server on the same database starts from it.
    config: Config,
    demo: bool,
    /// Dropped with the test: the server stops and closes its database pool.
    stop: tokio::sync::oneshot::Sender<()>,
    thread: std::thread::JoinHandle<()>,
    dir: std::sync::Arc<tempfile::TempDir>,
}

/// The answer of a server function: its status and JSON body.
pub struct Answer {
    pub status: u16,
    pub body: Value,
}

impl Answer {
    /// The body as `T`, asserting a 2xx status.
    pub fn ok<T: DeserializeOwned>(self) -> T {
        assert!(
            (200..300).contains(&self.status),
            "status {} body {}",
            self.status,
            self.body
        );
        serde_json::from_value(self.body).expect("decoding the answer")
    }
}

/// Starts the app with the demo projects seeded.
pub async fn spawn_app() -> TestApp {
    spawn(true, |_| {}).await
}

/// Starts the app with an empty database.
pub async fn spawn_empty_app() -> TestApp {
    spawn(false, |_| {}).await
}

/// Starts the app with the demo projects seeded and the test's changes to its configuration.
pub async fn spawn_app_with(configure: impl FnOnce(&mut Config)) -> TestApp {
    spawn(true, configure).await
}

async fn spawn(seed_demo: bool, configure: impl FnOnce(&mut Config)) -> TestApp {
    server::telemetry::init();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut config = test_config(dir.path());
    config.seed_demo = seed_demo;
    if let Ok(admin_url) = std::env::var("TEST_POSTGRES_URL") {
        config.database_url = fresh_postgres_database(&admin_url).await;
    }
    configure(&mut config);
    let demo = config.seed_demo;
    serve(config, demo, std::sync::Arc::new(dir)).await
}

async fn serve(config: Config, demo: bool, dir: std::sync::Arc<tempfile::TempDir>) -> TestApp {
    let audio = config.audio_store.clone();
    let running = config.clone();
    // The server gets its own runtime (with the large worker stacks of production) on its own
    // thread; it stops when the test drops its `TestApp`, and every task on it with it.
    let (sender, receiver) = tokio::sync::oneshot::channel();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        let runtime = server::runtime().expect("a runtime");
        runtime.block_on(async move {
            let app = Application::build(config).await.expect("building the app");
            let _ = sender.send(app.address());
            app.run_until(async move {
                let _ = stopped.await;
            })
            .await
            .expect("serving");
        });
    });
    let base = format!("http://{}", receiver.await.expect("the server's address"));
    let cookie = if demo {
        sign_in(&base, DEMO_EMAIL, DEMO_PASSWORD).await
    } else {
        sign_up(&base, "producer@studio.test", "Producer").await
    };
    TestApp {
        client: client_with(cookie.as_deref()),
        base,
        audio,
        config: running,
        demo,
        stop,
        thread,
        dir,
    }
}

impl TestApp {
    /// A second server on the same database and audio, with the test's changes to its
    /// configuration, signed in as the same account.
    pub async fn beside(&self, configure: impl FnOnce(&mut Config)) -> TestApp {
        let mut config = self.config.clone();
        config.seed_demo = false;
        configure(&mut config);
        serve(config, self.demo, self.dir.clone()).await
    }

    /// Stops this server, its runtime and every task on it (as if its process died, except
    /// that requests under way finish), then starts another on the same database.
    pub async fn restart(self, configure: impl FnOnce(&mut Config)) -> TestApp {
        let Self {
            mut config,
            demo,
            stop,
            thread,
            dir,
            ..
        } = self;
        let _ = stop.send(());
        tokio::task::spawn_blocking(move || thread.join())
            .await
            .expect("joining")
            .expect("the server stopped cleanly");
        config.seed_demo = false;
        configure(&mut config);
        serve(config, demo, dir).await
    }
}

/// The password of every account the tests make.
pub const PASSWORD: &str = "correct horse battery";

/// A client sending `cookie` (a session's `name=value`) with every request. A page or call that
/// never answers fails its test instead of stalling the run.
pub fn client_with(cookie: Option<&str>) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    if let Some(cookie) = cookie {
        headers.insert(
            reqwest::header::COOKIE,
            reqwest::header::HeaderValue::from_str(cookie).expect("a cookie"),
        );
    }
    reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(120))
        .default_headers(headers)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("an HTTP client")
}

/// Posts an account form (`sign_in`, `sign_up`) as a browser without JavaScript does; the
/// response as it came (no redirect followed).
pub async fn post_form(base: &str, name: &str, form: &[(&str, &str)]) -> reqwest::Response {
    client_with(None)
        .post(format!("{base}/api/{name}"))
        .form(form)
        .send()
        .await
        .expect("posting a form")
}

/// The session cookie (`name=value`) a response sets, if any.
pub fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("studio_session=") && !v.starts_with("studio_session=;"))
        .and_then(|v| v.split(';').next())
        .map(str::to_owned)
}

/// Signs in and returns the session cookie.
pub async fn sign_in(base: &str, email: &str, password: &str) -> Option<String> {
    let response = post_form(base, "sign_in", &[("email", email), ("password", password)]).await;
    session_cookie(&response)
}

/// Signs up a new account (owner of a new organisation) and returns its session cookie.
pub async fn sign_up(base: &str, email: &str, name: &str) -> Option<String> {
    let response = post_form(
        base,
        "sign_up",
        &[("email", email), ("name", name), ("password", PASSWORD)],
    )
    .await;
    let cookie = session_cookie(&response);
    assert!(
        cookie.is_some(),
        "signing up {email}: {}",
        response.status()
    );
    cookie
}

/// The configuration of a test server whose files live in `dir`: SQLite, the demo seeded,
/// espeak-ng, no cloud engine, quick retries.
pub fn test_config(dir: &std::path::Path) -> Config {
    Config {
        address: "127.0.0.1:0".parse().expect("address"),
        database_url: format!("sqlite://{}/test.db?mode=rwc", dir.display()),
        site_root: dir.display().to_string(),
        seed_demo: true,
        espeak_program: "espeak-ng".to_owned(),
        ffmpeg_program: "ffmpeg".to_owned(),
        pdftotext_program: "pdftotext".to_owned(),
        espeak_processes: 2,
        audio_store: test_audio_store(dir),
        audio_cache_bytes: 2 * 1024 * 1024 * 1024,
        azure_speech: None,
        elevenlabs: None,
        speech_retry: server::retry::RetryPolicy {
            max_attempts: 3,
            base_delay: std::time::Duration::from_millis(20),
            max_delay: std::time::Duration::from_millis(200),
        },
        prices: vec![
            (shared::VoiceEngine::Espeak, 0.0),
            (shared::VoiceEngine::Azure, 16.0),
            (shared::VoiceEngine::ElevenLabs, 100.0),
        ],
        usage: server::usage::UsageLimits::default(),
        llm: None,
        jobs: server::jobs::JobSettings::default(),
    }
}

/// A fresh folder under `dir`, or a fresh prefix of the bucket `studio-test` at
/// `TEST_S3_ENDPOINT` (which `.ci/run` starts and fills with its bucket).
pub fn test_audio_store(dir: &std::path::Path) -> AudioStore {
    static COUNTER: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    match std::env::var("TEST_S3_ENDPOINT") {
        Ok(endpoint) => {
            let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            AudioStore::Bucket(AudioBucket {
                name: "studio-test".to_owned(),
                prefix: Some(format!("run-{}-{n}", std::process::id())),
                endpoint: Some(endpoint),
                region: "us-east-1".to_owned(),
                access_key_id: "studio".to_owned(),
                secret_access_key: "studio-secret".to_owned(),
            })
        }
        Err(_) => AudioStore::Folder(dir.join("audio")),
    }
}

/// Creates a uniquely named database on the server at `admin_url` and returns its URL.
async fn fresh_postgres_database(admin_url: &str) -> String {
    use sqlx::Executor;
    static COUNTER: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = format!("studio_test_{}_{n}", std::process::id());
    sqlx::any::install_default_drivers();
    let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(admin_url)
        .await
        .expect("connecting to TEST_POSTGRES_URL");
    conn.execute(format!("CREATE DATABASE {name}").as_str())
        .await
        .expect("creating a database");
    let (prefix, _) = admin_url
        .rsplit_once('/')
        .expect("a database name in TEST_POSTGRES_URL");
    format!("{prefix}/{name}")
}

impl TestApp {
    /// The server's audio, read and written as the server does.
    pub fn audio_objects(&self) -> std::sync::Arc<dyn object_store::ObjectStore> {
        server::speech::cache::objects(&self.audio).expect("opening the audio store")
    }

    /// Calls server function `name` with JSON `args`.
    pub async fn call(&self, name: &str, args: Value) -> Answer {
        self.send(self.client.post(format!("{}/api/{name}", self.base)), args)
            .await
    }

    /// Calls server function `name` with JSON `args` as the user of `client`.
    pub async fn call_as(&self, client: &reqwest::Client, name: &str, args: Value) -> Answer {
        self.send(client.post(format!("{}/api/{name}", self.base)), args)
            .await
    }

    /// A colleague in the demo organisation with `role`, invited by the demo owner and signed
    /// up as `email`: their signed-in client.
    pub async fn colleague(&self, role: &str, email: &str) -> reqwest::Client {
        let link: String = self
            .call("invite_member", serde_json::json!({ "role": role }))
            .await
            .ok();
        let token = link
            .rsplit_once('=')
            .expect("an invitation link")
            .1
            .to_owned();
        let form = [
            ("email", email),
            ("name", email.split('@').next().unwrap_or(email)),
            ("password", PASSWORD),
            ("invitation", token.as_str()),
        ];
        let response = post_form(&self.base, "sign_up", &form).await;
        client_with(Some(&session_cookie(&response).expect("signed up")))
    }

    /// Calls server function `name` from a browser whose language is `language`.
    pub async fn call_in(&self, name: &str, args: Value, language: &str) -> Answer {
        let request = self
            .client
            .post(format!("{}/api/{name}", self.base))
            .header("accept-language", language);
        self.send(request, args).await
    }

    async fn send(&self, request: reqwest::RequestBuilder, args: Value) -> Answer {
        let response = request
            .json(&args)
            .send()
            .await
            .expect("sending the request");
        let status = response.status().as_u16();
        let text = response.text().await.expect("reading the body");
        let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
        Answer { status, body }
    }

    /// Uploads a manuscript file to the import preview.
    pub async fn upload(&self, name: &str, bytes: Vec<u8>) -> Answer {
        self.upload_in(name, bytes, "en").await
    }

    /// Uploads a manuscript from a browser whose language is `language`.
    pub async fn upload_in(&self, name: &str, bytes: Vec<u8>, language: &str) -> Answer {
        let response = self
            .client
            .post(format!("{}/api/import_preview", self.base))
            .query(&[("name", name)])
            .header("accept-language", language)
            .body(bytes)
            .send()
            .await
            .expect("sending the upload");
        let status = response.status().as_u16();
        let text = response.text().await.expect("reading the body");
        let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
        Answer { status, body }
    }

    /// GETs a page and returns its HTML.
    pub async fn page(&self, path: &str) -> (u16, String) {
        self.page_in(path, "en").await
    }

    /// GETs a page as a browser whose languages are `accept_language`.
    pub async fn page_in(&self, path: &str, accept_language: &str) -> (u16, String) {
        let response = self
            .client
            .get(format!("{}{path}", self.base))
            .header("accept-language", accept_language)
            .send()
            .await
            .expect("GET");
        let status = response.status().as_u16();
        (status, response.text().await.expect("reading the page"))
    }

    /// The first project's id and its chapters.
    pub async fn first_project(&self) -> (i64, Vec<Value>) {
        let projects: Vec<Value> = self.call("list_projects", json!({})).await.ok();
        let id = projects[0]["id"].as_i64().expect("a project id");
        let chapters: Vec<Value> = self
            .call("list_chapters", json!({ "project": id }))
            .await
            .ok();
        (id, chapters)
    }

    /// The id of the first project's first chapter with no plan yet (a demo project's first
    /// chapter comes planned; the ones after it have their text only).
    pub async fn unplanned_chapter(&self) -> i64 {
        let (_, chapters) = self.first_project().await;
        chapters
            .iter()
            .find(|c| c["status"] == "text_only")
            .and_then(|c| c["id"].as_i64())
            .expect("a chapter without a plan")
    }

    /// Generates the plan of `chapter` from version `version`.
    pub async fn generate(&self, chapter: i64, version: i64) -> Answer {
        self.call(
            "generate_plan",
            json!({ "chapter": chapter, "version": version }),
        )
        .await
    }

    /// Loads the plan of `chapter`.
    pub async fn load(&self, chapter: i64) -> Value {
        self.call("load_plan", json!({ "chapter": chapter }))
            .await
            .ok()
    }
}

/// A cast member as the API takes it, with an espeak-ng voice; `aliases` may be empty.
pub fn character(id: &str, name: &str, aliases: &[&str]) -> Value {
    json!({
        "id": id, "name": name, "aliases": aliases, "gender": "male", "age": "adult",
        "description": "",
        "voice": { "engine": "espeak", "voice_id": "en-gb", "style": null,
                   "style_degree": 1.0, "rate": 0, "pitch": 0 }
    })
}

impl TestApp {
    /// Creates a project in `language` whose cast is its narrator plus `characters`; returns its id.
    pub async fn project_with_cast(&self, name: &str, language: &str, characters: &[Value]) -> i64 {
        let project: i64 = self
            .call(
                "create_project",
                json!({ "name": name, "language": language }),
            )
            .await
            .ok();
        let detail: Value = self
            .call("load_project", json!({ "project": project }))
            .await
            .ok();
        let mut cast = vec![detail["cast"][0].clone()];
        cast.extend(characters.iter().cloned());
        self.call(
            "save_cast",
            json!({ "project": project, "version": 0, "cast": cast }),
        )
        .await
        .ok::<i64>();
        project
    }

    /// Adds a chapter at the end of `project`; returns its id.
    pub async fn add_chapter(&self, project: i64, title: &str, text: &str) -> i64 {
        self.call(
            "add_chapter",
            json!({ "project": project, "title": title, "text": text }),
        )
        .await
        .ok()
    }
}
