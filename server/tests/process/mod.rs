//! The server binary as a separate process, for the programs that drive it over HTTP as a
//! deployment would (the crash and two-server tests, the load generator `examples/load` and the
//! render benchmark `examples/render`, which include this file with `#[path]`): starting one on a
//! database, an API token of the demo account, server functions, JSON answers, Server-Sent
//! Events.

// Each test binary uses its own part of this module.
#![allow(dead_code)]

use std::{
    net::TcpListener,
    path::Path,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

/// A server process on `base`.
pub struct Server {
    child: Child,
    pub base: String,
}

impl Server {
    /// Starts the binary on a free port over `database`, and waits until it answers.
    pub async fn start(database: &str, dir: &Path) -> Self {
        Self::start_with(database, dir, &[]).await
    }

    /// The same, with more environment variables.
    pub async fn start_with(database: &str, dir: &Path, vars: &[(&str, String)]) -> Self {
        // Cargo names the binary to the server's tests; the load generator passes its own.
        let Some(binary) = option_env!("CARGO_BIN_EXE_server") else {
            panic!("only the server's tests know where its binary is");
        };
        Self::start_binary(Path::new(binary), database, dir, "error", vars).await
    }

    /// Starts `binary` on a free port over `database`, with its audio cache and site root in
    /// `dir`, `RUST_LOG` set to `log` and `vars`, and waits until it answers.
    pub async fn start_binary(
        binary: &Path,
        database: &str,
        dir: &Path,
        log: &str,
        vars: &[(&str, String)],
    ) -> Self {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(binary)
            .env("STUDIO_ADDR", format!("127.0.0.1:{port}"))
            .env("DATABASE_URL", database)
            .env("STUDIO_AUDIO_DIR", dir.join("audio"))
            .env("STUDIO_SITE_ROOT", dir)
            .env("RUST_LOG", log)
            .envs(vars.iter().map(|(k, v)| (*k, v.as_str())))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("starting the server");
        let base = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        while Client::new()
            .get(format!("{base}/health"))
            .send()
            .await
            .is_err()
        {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "the server did not start"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Self { child, base }
    }

    /// The process id, to read its memory in `/proc`.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// SIGKILL: no shutdown, no flush.
    pub fn kill(mut self) {
        self.child.kill().expect("killing the server");
        self.child.wait().expect("reaping the server");
    }
}

/// The status, `ETag` and JSON body of an answer.
pub async fn json(response: reqwest::Response) -> (StatusCode, Option<String>, Value) {
    let status = response.status();
    let etag = response
        .headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    (status, etag, response.json().await.unwrap_or(Value::Null))
}

/// Signs in as the demo account and makes an API token (kept in the database, so it outlives
/// every restart).
pub async fn token(base: &str) -> String {
    api_token(base, "test").await
}

/// Signs in as the demo account and makes an API token called `name` (kept in the database, so
/// it outlives every restart).
pub async fn api_token(base: &str, name: &str) -> String {
    let signed_in = Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .post(format!("{base}/api/sign_in"))
        .form(&[
            ("email", server::accounts::DEMO_EMAIL),
            ("password", server::accounts::DEMO_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    let cookie = signed_in
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("studio_session=") && !v.starts_with("studio_session=;"))
        .and_then(|v| v.split(';').next())
        .expect("a session")
        .to_owned();
    let made = Client::new()
        .post(format!("{base}/api/create_api_token"))
        .header("cookie", cookie)
        .json(&json!({ "name": name }))
        .send()
        .await
        .unwrap();
    made.json().await.expect("a token")
}

/// A client that sends `token` as its bearer token with every request.
pub fn bearer(token: &str) -> Client {
    Client::builder()
        .default_headers(
            [(
                reqwest::header::AUTHORIZATION,
                format!("Bearer {token}").parse().unwrap(),
            )]
            .into_iter()
            .collect(),
        )
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap()
}

/// The database of a test: a fresh one on the PostgreSQL server `TEST_POSTGRES_URL` names, else
/// a SQLite file in `dir`.
pub async fn database(dir: &std::path::Path, name: &str) -> String {
    match std::env::var("TEST_POSTGRES_URL") {
        Ok(admin) => fresh_postgres_database(&admin, name).await,
        Err(_) => format!(
            "sqlite://{}?mode=rwc",
            dir.join(format!("{name}.db")).display()
        ),
    }
}

/// A new database on the PostgreSQL server at `admin`, and its URL.
async fn fresh_postgres_database(admin: &str, prefix: &str) -> String {
    use sqlx::{Connection, Executor};
    sqlx::any::install_default_drivers();
    let name = format!("studio_{prefix}_{}", std::process::id());
    let mut conn = sqlx::AnyConnection::connect(admin).await.unwrap();
    conn.execute(format!("CREATE DATABASE {name}").as_str())
        .await
        .unwrap();
    format!("{}/{name}", admin.rsplit_once('/').unwrap().0)
}

/// Calls the server function `/api/{name}` with a JSON body; its JSON answer, or why not.
pub async fn call(client: &Client, base: &str, name: &str, body: Value) -> anyhow::Result<Value> {
    let answer = client
        .post(format!("{base}/api/{name}"))
        .json(&body)
        .send()
        .await?;
    let status = answer.status();
    let value: Value = answer.json().await?;
    anyhow::ensure!(status.is_success(), "{name}: {status} {value}");
    Ok(value)
}

/// A stream of Server-Sent Events, read as JSON messages.
pub struct Events {
    response: reqwest::Response,
    buffer: String,
}

impl Events {
    /// Opens `url` with `client`, asserting a 200 event stream.
    pub async fn open(client: &Client, url: &str) -> Self {
        let response = client.get(url).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{url}");
        Self {
            response,
            buffer: String::new(),
        }
    }

    /// The next message's JSON, or `None` once the stream ended (a minute at most).
    pub async fn next(&mut self) -> Option<Value> {
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let message: String = self.buffer.drain(..end + 2).collect();
                let data: String = message
                    .lines()
                    .filter_map(|line| line.strip_prefix("data:"))
                    .map(str::trim_start)
                    .collect();
                if !data.is_empty() {
                    return Some(serde_json::from_str(&data).unwrap());
                }
                continue; // a keep-alive comment
            }
            let chunk = tokio::time::timeout(Duration::from_secs(60), self.response.chunk())
                .await
                .expect("an event within a minute")
                .unwrap()?;
            self.buffer.push_str(std::str::from_utf8(&chunk).unwrap());
        }
    }
}
