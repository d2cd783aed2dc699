//! The load itself: connections that each send one request after another until the time is up,
//! timing each from sending it to the last byte of its answer, while the server's memory is
//! sampled from `/proc`.

use std::{
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
    time::{Duration, Instant},
};

use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use tokio::time::{Interval, MissedTickBehavior};

use crate::setup::Planned;

/// What one connection measured.
#[derive(Debug, Default)]
pub struct Tally {
    /// Each answered request's latency, in microseconds (errors included).
    pub micros: Vec<u32>,
    /// Requests that failed: no answer, or a status other than 200 (a 412 included).
    pub errors: u64,
    /// Bytes of the answers' bodies.
    pub bytes: u64,
}

impl Tally {
    /// Notes the latency of a request that was sent, or due, at `started`.
    fn time(&mut self, started: Instant) {
        let micros = started.elapsed().as_micros();
        self.micros.push(u32::try_from(micros).unwrap_or(u32::MAX));
    }
}

/// How hard to load the server.
#[derive(Debug, Clone, Copy)]
pub struct Load {
    /// How long, in seconds.
    pub seconds: u64,
    /// Requests per second sent in all, spread evenly over the connections (an open loop: a
    /// request is timed from when it was due, so a late answer delays no measurement); none:
    /// each connection sends its next request as soon as the last is answered.
    pub rate: Option<f64>,
    /// The server's process id, whose memory is sampled.
    pub pid: u32,
}

/// What a connection needs to know: when to stop, and when its next request is due.
struct Connection {
    stop: Arc<AtomicBool>,
    pace: Option<Interval>,
}

impl Connection {
    /// Whether the run goes on.
    fn going(&self) -> bool {
        !self.stop.load(Ordering::Relaxed)
    }

    /// Waits until the next request is due (at once without a rate); when it was due.
    async fn due(&mut self) -> Instant {
        match &mut self.pace {
            Some(pace) => pace.tick().await.into_std(),
            None => Instant::now(),
        }
    }
}

/// The whole run: every connection's tally, how long it took, and the server's memory.
#[derive(Debug)]
pub struct Run {
    /// The connections' tallies.
    pub tallies: Vec<Tally>,
    /// From the first request to the last answer.
    pub elapsed: Duration,
    /// The server's resident memory in KiB, sampled every second, the first before the first
    /// request and the last after the last answer.
    pub rss_kib: Vec<u64>,
}

/// Each client's connection GETs `plan` under `load`.
pub async fn reads(clients: Vec<Client>, base: &str, plan: &Planned, load: Load) -> Run {
    let url = format!("{base}{}", plan.path);
    run(clients, load, move |client, mut connection| {
        let url = url.clone();
        async move {
            let mut tally = Tally::default();
            while connection.going() {
                let started = connection.due().await;
                let answer = client.get(&url).send().await;
                let body = match answer {
                    Ok(answer) if answer.status() == StatusCode::OK => answer.bytes().await.ok(),
                    _ => None,
                };
                tally.time(started);
                match body {
                    Some(body) => tally.bytes += body.len() as u64,
                    None => tally.errors += 1,
                }
            }
            tally
        }
    })
    .await
}

/// Each client's connection toggles the revision mark of one segment of its own chapter under
/// `load`, every save naming the version the previous one answered (`If-Match`).
pub async fn saves(clients: Vec<Client>, base: &str, plans: &[Planned], load: Load) -> Run {
    let plans: Vec<Planned> = plans.to_vec();
    let base = base.to_owned();
    let mut next = 0;
    run(clients, load, move |client, mut connection| {
        let plan = plans[next % plans.len()].clone();
        next += 1;
        let base = base.clone();
        async move {
            let mut tally = Tally::default();
            let url = format!("{base}{}/segments/{}/revision", plan.path, plan.segment);
            let (mut version, mut marked) = (plan.version, false);
            while connection.going() {
                let started = connection.due().await;
                let answer = client
                    .post(&url)
                    .header("if-match", format!("\"{version}\""))
                    .json(&json!({ "mark": !marked }))
                    .send()
                    .await;
                let saved = match answer {
                    Ok(answer) if answer.status() == StatusCode::OK => {
                        let etag = answer.headers().get("etag").and_then(|v| v.to_str().ok());
                        let etag = etag.and_then(|v| v.trim_matches('"').parse::<i64>().ok());
                        answer.bytes().await.ok().zip(etag)
                    }
                    _ => None,
                };
                tally.time(started);
                if let Some((body, etag)) = saved {
                    tally.bytes += body.len() as u64;
                    (version, marked) = (etag, !marked);
                } else {
                    tally.errors += 1;
                    if let Some(now) = current(&client, &base, &plan).await {
                        (version, marked) = now;
                    }
                }
            }
            tally
        }
    })
    .await
}

/// The plan's stored version and whether the toggled segment is marked, after a failed save.
async fn current(client: &Client, base: &str, plan: &Planned) -> Option<(i64, bool)> {
    let answer = client
        .get(format!("{base}{}", plan.path))
        .send()
        .await
        .ok()?;
    let stored: Value = answer.json().await.ok()?;
    let segment = stored["segments"]
        .as_array()?
        .iter()
        .find(|s| s["segment_id"].as_u64() == Some(plan.segment))?;
    Some((
        stored["version"].as_i64()?,
        segment["needs_revision"].as_bool()?,
    ))
}

/// Runs one `connection` future per client until `load.seconds` have passed (then each
/// finishes the request under way), sampling the server's memory every second.
async fn run<F, Fut>(clients: Vec<Client>, load: Load, mut connection: F) -> Run
where
    F: FnMut(Client, Connection) -> Fut,
    Fut: std::future::Future<Output = Tally> + Send + 'static,
{
    let stop = Arc::new(AtomicBool::new(false));
    let mut rss_kib = vec![rss(load.pid)];
    let started = Instant::now();
    let count = clients.len();
    let tasks: Vec<_> = clients
        .into_iter()
        .enumerate()
        .map(|(n, client)| {
            let pace = load.rate.map(|rate| {
                // Each connection sends every `count / rate` seconds, the connections staggered.
                let every = Duration::from_secs_f64(count as f64 / rate);
                let first = tokio::time::Instant::now() + every.mul_f64(n as f64 / count as f64);
                let mut pace = tokio::time::interval_at(first, every);
                pace.set_missed_tick_behavior(MissedTickBehavior::Burst);
                pace
            });
            let stop = stop.clone();
            tokio::spawn(connection(client, Connection { stop, pace }))
        })
        .collect();
    for _ in 0..load.seconds {
        tokio::time::sleep(Duration::from_secs(1)).await;
        rss_kib.push(rss(load.pid));
    }
    stop.store(true, Ordering::Relaxed);
    let mut tallies = Vec::with_capacity(tasks.len());
    for task in tasks {
        tallies.push(task.await.unwrap_or_default());
    }
    let elapsed = started.elapsed();
    rss_kib.push(rss(load.pid));
    Run {
        tallies,
        elapsed,
        rss_kib,
    }
}

/// The process's resident memory (`VmRSS`) in KiB; 0 when it cannot be read.
pub fn rss(pid: u32) -> u64 {
    status_kib(pid, "VmRSS:")
}

/// A `… kB` line of `/proc/{pid}/status`, in KiB; 0 when it cannot be read.
pub fn status_kib(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix(field))
                .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}
