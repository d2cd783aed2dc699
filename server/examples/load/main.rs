//! Load test of the REST API against the server binary (build it in release mode first):
//!
//! ```sh
//! cargo build --release -p server --bins --example load && target/release/examples/load
//! ```
//!
//! It starts `target/release/server` on a fresh SQLite file with the demo account, makes an API
//! token, a project and one chapter per connection whose plan has 500 segments, then runs two
//! scenarios, each with 64 connections (one keep-alive connection per client) for 60 s:
//!
//! - **read**: every connection loads the same plan (`GET …/plan`, the whole JSON answer read);
//! - **save**: every connection saves one edit after another on its own chapter — it toggles a
//!   segment's revision mark, naming the version its last save answered in `If-Match` — so the
//!   saves do not race (a 412 would count as an error).
//!
//! It prints throughput, latency percentiles, errors, the server's resident memory before,
//! during and after each run, and the CPU time the server and this generator used. Options:
//! `--seconds N` (60), `--connections N` (64), `--segments N` (500), `--only read|save`,
//! `--rate R` (send R requests/s in all, on a fixed schedule, instead of each connection's next
//! request as soon as the last is answered; latency then counts from when a request was due),
//! `--server PATH` (the binary; default `server` beside this example's folder).

// A command-line program: its report goes to standard output.
#![allow(clippy::print_stdout)]
// The shared process helpers stop a run at the first failure, as in the tests.
#![allow(clippy::unwrap_used)]

#[path = "../../tests/process/mod.rs"]
mod process;

mod drive;
mod setup;

use std::path::PathBuf;

use anyhow::{bail, Context};

use drive::{Load, Run};
use process::{api_token, bearer as bearer_client, Server};

/// The command line's options.
#[derive(Debug)]
struct Options {
    /// How long each scenario runs.
    seconds: u64,
    /// How many connections send requests at once.
    connections: usize,
    /// How many segments each chapter's plan has.
    segments: usize,
    /// Requests per second in all, on a fixed schedule; none: as fast as they are answered.
    rate: Option<f64>,
    /// The one scenario to run (`read` or `save`); none: both.
    only: Option<String>,
    /// The server binary.
    server: PathBuf,
}

impl Options {
    /// The options of the command line, checked.
    fn parse() -> anyhow::Result<Self> {
        let exe = std::env::current_exe().context("finding this program")?;
        let beside = exe
            .parent()
            .and_then(|examples| examples.parent())
            .map(|profile| profile.join("server"))
            .context("finding the server binary")?;
        let mut options = Self {
            seconds: 60,
            connections: 64,
            segments: 500,
            rate: None,
            only: None,
            server: beside,
        };
        let mut args = std::env::args().skip(1);
        while let Some(flag) = args.next() {
            let value = args
                .next()
                .with_context(|| format!("{flag} needs a value"))?;
            match flag.as_str() {
                "--seconds" => options.seconds = value.parse().context("--seconds")?,
                "--connections" => options.connections = value.parse().context("--connections")?,
                "--segments" => options.segments = value.parse().context("--segments")?,
                "--rate" => options.rate = Some(value.parse().context("--rate")?),
                "--only" if value == "read" || value == "save" => options.only = Some(value),
                "--server" => options.server = value.into(),
                _ => bail!("unknown option {flag} {value} (see the example's documentation)"),
            }
        }
        if options
            .rate
            .is_some_and(|rate| !(rate > 0.0 && rate.is_finite()))
        {
            bail!("--rate must be a positive number of requests per second");
        }
        if !options.server.is_file() {
            bail!(
                "no server binary at {} (cargo build --release -p server)",
                options.server.display()
            );
        }
        Ok(options)
    }

    /// Whether `scenario` is to run.
    fn runs(&self, scenario: &str) -> bool {
        self.only.as_deref().is_none_or(|only| only == scenario)
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let options = Options::parse()?;
    let dir = tempfile::tempdir().context("a temporary folder")?;
    let database = format!("sqlite://{}?mode=rwc", dir.path().join("load.db").display());
    let server = Server::start_binary(&options.server, &database, dir.path(), "info", &[]).await;
    let measured = measure(&options, &server).await;
    server.kill();
    measured
}

/// Sets up the chapters on `server` and runs the scenarios the options ask for.
async fn measure(options: &Options, server: &Server) -> anyhow::Result<()> {
    let pid = server.pid();
    let token = api_token(&server.base, "load test").await;
    let text = setup::chapter_text(options.segments);
    let plans = setup::planned_chapters(
        &bearer_client(&token),
        &server.base,
        &text,
        options.connections.max(1),
        options.segments,
    )
    .await?;
    println!(
        "server {} (pid {pid}), SQLite; {} chapters of {} characters, {} segments each; \
         {} connections, {} s per scenario",
        options.server.display(),
        plans.len(),
        text.chars().count(),
        options.segments,
        options.connections,
        options.seconds,
    );
    let clients = || {
        (0..options.connections)
            .map(|_| bearer_client(&token))
            .collect()
    };
    let load = Load {
        seconds: options.seconds,
        rate: options.rate,
        pid,
    };
    let pace = options
        .rate
        .map_or("as fast as answered".to_owned(), |rate| {
            format!("{rate} requests/s offered")
        });
    if options.runs("read") {
        let before = Cpu::now(pid);
        let run = drive::reads(clients(), &server.base, &plans[0], load).await;
        report(
            &format!("read: GET …/plan, {pace}"),
            &run,
            Cpu::now(pid).since(before),
        );
    }
    if options.runs("save") {
        let before = Cpu::now(pid);
        let run = drive::saves(clients(), &server.base, &plans, load).await;
        report(
            &format!("save: POST …/revision, {pace}"),
            &run,
            Cpu::now(pid).since(before),
        );
    }
    println!(
        "server peak RSS (VmHWM) {:.1} MiB",
        mib(drive::status_kib(pid, "VmHWM:"))
    );
    Ok(())
}

/// Prints a run's figures; `cpu` is the CPU time the server and this process used meanwhile
/// (both share the machine's cores).
fn report(title: &str, run: &Run, cpu: Cpu) {
    let mut micros: Vec<u32> = run.tallies.iter().flat_map(|t| t.micros.clone()).collect();
    micros.sort_unstable();
    let requests = micros.len();
    let errors: u64 = run.tallies.iter().map(|t| t.errors).sum();
    let bytes: u64 = run.tallies.iter().map(|t| t.bytes).sum();
    let seconds = run.elapsed.as_secs_f64();
    let at = |q: f64| {
        let i = ((requests as f64 * q).ceil() as usize).clamp(1, requests.max(1)) - 1;
        f64::from(micros.get(i).copied().unwrap_or(0)) / 1000.0
    };
    let ok = (requests as u64).saturating_sub(errors).max(1);
    println!("\n{title}");
    println!(
        "  {requests} requests in {seconds:.1} s: {:.0} requests/s, {errors} errors, \
         {:.1} KB per answer",
        requests as f64 / seconds,
        bytes as f64 / ok as f64 / 1000.0,
    );
    println!(
        "  latency ms: p50 {:.2}, p90 {:.2}, p99 {:.2}, max {:.2}",
        at(0.50),
        at(0.90),
        at(0.99),
        at(1.0)
    );
    let rss: Vec<f64> = run.rss_kib.iter().map(|&k| mib(k)).collect();
    let (first, last) = (rss.first().copied(), rss.last().copied());
    let highest = rss.iter().copied().fold(0.0, f64::max);
    println!(
        "  server RSS MiB: start {:.1}, end {:.1}, highest {highest:.1}; every 10 s: {}",
        first.unwrap_or(0.0),
        last.unwrap_or(0.0),
        rss.iter()
            .step_by(10)
            .map(|m| format!("{m:.1}"))
            .collect::<Vec<_>>()
            .join(" "),
    );
    let others = (cpu.machine - cpu.server - cpu.client).max(0.0);
    println!(
        "  CPU cores in use: server {:.2}, load generator {:.2}, other processes {:.2}",
        cpu.server / seconds,
        cpu.client / seconds,
        others / seconds,
    );
    let slowest = run
        .tallies
        .iter()
        .map(|t| t.micros.len())
        .min()
        .unwrap_or(0);
    println!("  fewest requests on one connection: {slowest}");
}

/// CPU time (user + system) used so far, in seconds.
#[derive(Debug, Clone, Copy)]
struct Cpu {
    /// By the server.
    server: f64,
    /// By this process.
    client: f64,
    /// By the whole machine (all processes, `/proc/stat`).
    machine: f64,
}

impl Cpu {
    /// The server `pid`'s and this process's CPU time until now.
    fn now(pid: u32) -> Self {
        Self {
            server: cpu_seconds(&format!("/proc/{pid}/stat")),
            client: cpu_seconds("/proc/self/stat"),
            machine: machine_seconds(),
        }
    }

    /// The time used since `before`.
    fn since(self, before: Self) -> Self {
        Self {
            server: self.server - before.server,
            client: self.client - before.client,
            machine: self.machine - before.machine,
        }
    }
}

/// User and system time of the process whose `/proc/…/stat` is at `path`, in seconds.
fn cpu_seconds(path: &str) -> f64 {
    let stat = std::fs::read_to_string(path).unwrap_or_default();
    let fields = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let ticks: u64 = fields
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|t| t.parse::<u64>().ok())
        .sum();
    // Linux reports these in USER_HZ, 100 per second.
    ticks as f64 / 100.0
}

/// The CPU time every process of the machine used since it started, in seconds: the busy
/// fields (user, nice, system, irq, softirq, steal) of `/proc/stat`'s first line.
fn machine_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    let line = stat.lines().next().unwrap_or_default();
    let ticks: Vec<u64> = line
        .split_whitespace()
        .skip(1)
        .filter_map(|t| t.parse().ok())
        .collect();
    let busy: u64 = [0, 1, 2, 5, 6, 7]
        .iter()
        .filter_map(|&i| ticks.get(i))
        .sum();
    busy as f64 / 100.0
}

/// KiB as MiB.
fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}
