//! `RenderPanel`: the chapter as audio. Starts a render on the server and follows its job
//! (clips done, audio ready, time left, cancel), then shows the stored render: a player, the MP3
//! download, whether edits made it stale, and its ACX report, each failing rule with the segment
//! that causes it and a button that selects that segment in the table.

use leptos::{prelude::*, task::spawn_local};
use shared::{
    delivery::{
        acx::{AcxReport, Finding, Rule},
        exceptions::{Exception, ExceptionKind},
    },
    plan::review::{FlagAction, FlagKind, FlagStatus},
    SegmentId,
};

use super::edits::Workspace;
use crate::{
    api::renders::{cancel_render, render_state, start_render},
    components::Loaded,
    i18n::{clock, render_texts, t, use_locale, RenderTexts},
    job_feed::{EventFeed, FeedError, FeedStorage},
    model::{ChapterRender, JobId, RenderEvent, RenderStage},
    resource::fetched,
};

/// A running render's progress, as the bar shows it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Progress {
    stage: RenderStage,
    done: usize,
    total: usize,
    sent: usize,
    seconds: f64,
    left: Option<f64>,
}

/// The render panel of the workspace's chapter.
#[component]
pub fn RenderPanel(ws: Workspace) -> impl IntoView {
    let r = render_texts(use_locale().get_untracked());
    let refresh = RwSignal::new(0u32);
    let state = fetched(
        move || refresh.get(),
        move |_| render_state(ws.project, ws.chapter),
    );
    let progress = RwSignal::new(None::<Progress>);
    let job = RwSignal::new(None::<JobId>);
    let note = RwSignal::new(None::<String>);
    let feed: StoredValue<Option<EventFeed>, FeedStorage> = StoredValue::new_with_storage(None);
    let follow = move |id: JobId| {
        job.set(Some(id));
        let url = id.render_events_url(ws.project, ws.chapter);
        let opened = EventFeed::open(&url, RenderEvent::is_final, move |message| {
            on_event(r, message, progress, job, note, refresh, feed);
        });
        match opened {
            Ok(opened) => feed.set_value(Some(opened)),
            Err(reason) => {
                job.set(None);
                note.set(Some((r.failed)(&reason)));
            }
        }
    };
    // Set from the click until the server answers, so a second click cannot ask again.
    let asking = RwSignal::new(false);
    let start = Callback::new(move |()| {
        note.set(None);
        asking.set(true);
        spawn_local(async move {
            let started = start_render(ws.project, ws.chapter).await;
            asking.set(false);
            match started {
                Ok(id) => follow(id),
                Err(err) => note.set(Some((t().error)(&err))),
            }
        });
    });
    let busy = Signal::derive(move || asking.get() || job.get().is_some());
    let cancel = move |_| {
        if let Some(id) = job.get_untracked() {
            spawn_local(async move {
                if let Err(err) = cancel_render(ws.project, ws.chapter, id).await {
                    note.set(Some((t().error)(&err)));
                }
            });
        }
    };
    let data = move || async move { state.await };
    view! {
        <section class="render-panel" aria-labelledby="render-heading">
            <h2 id="render-heading">{r.heading}</h2>
            <Loaded loading="…" data=data let:render>
                {
                    // A render already under way when the page opened (or on another page) is
                    // followed too. Read here, under the panel's own `Suspense`: a read of the
                    // state outside it would suspend the whole workspace around the panel (and
                    // take the focus from it) each time the state is asked for again.
                    let running = render.job;
                    Effect::new(move |_| {
                        if let Some(id) = running.filter(|_| job.get_untracked().is_none()) {
                            follow(id);
                        }
                    });
                }
                {ws.editable.then(|| view! { <Start r rendered=render.render.is_some() start busy /> })}
                <Stored ws r render />
            </Loaded>
            <Show when=move || progress.with(Option::is_some)>
                <div class="render-job" role="group" aria-label=r.heading>
                    <progress
                        aria-label=move || progress.get().map(|p| (r.stage)(p.stage)).unwrap_or_default()
                        max=move || progress.get().map_or(1, |p| p.total.max(1)).to_string()
                        value=move || progress.get().map_or(0, |p| p.done).to_string()
                    ></progress>
                    <span class="render-job-text" role="status">
                        {move || progress.get().map(|p| describe(r, p)).unwrap_or_default()}
                    </span>
                    {ws.editable.then(|| view! { <button on:click=cancel>{r.cancel}</button> })}
                </div>
            </Show>
            {move || note.get().map(|text| view! { <p class="notice" role="status">{text}</p> })}
        </section>
    }
}

/// The button that starts a render: *Render chapter*, or *Render again* once there is one.
#[component]
fn Start(
    r: &'static RenderTexts,
    rendered: bool,
    start: Callback<()>,
    busy: Signal<bool>,
) -> impl IntoView {
    view! {
        <p class="render-actions">
            <button class="render-start" on:click=move |_| start.run(()) disabled=move || busy.get()>
                {if rendered { r.render_again } else { r.render }}
            </button>
            <span class="muted">" " {r.render_hint}</span>
        </p>
    }
}

/// What the job said, applied to the panel.
fn on_event(
    r: &'static RenderTexts,
    message: Result<RenderEvent, FeedError>,
    progress: RwSignal<Option<Progress>>,
    job: RwSignal<Option<JobId>>,
    note: RwSignal<Option<String>>,
    refresh: RwSignal<u32>,
    feed: StoredValue<Option<EventFeed>, FeedStorage>,
) {
    if let Ok(RenderEvent::Progress {
        stage,
        done,
        total,
        sent,
        seconds,
        remaining_seconds,
    }) = message
    {
        progress.set(Some(Progress {
            stage,
            done,
            total,
            sent,
            seconds,
            left: remaining_seconds,
        }));
        return;
    }
    // Every other message ends the job; the feed is dropped after the callback returns.
    job.set(None);
    progress.set(None);
    spawn_local(async move { feed.set_value(None) });
    match message {
        Ok(RenderEvent::Done { render }) => note.set(Some((r.clips)(render.sent, render.cached))),
        Ok(RenderEvent::Failed { reason, .. }) => {
            note.set(Some((r.failed)(&(r.failure)(&reason))));
        }
        Ok(RenderEvent::Cancelled) => note.set(Some(r.cancelled.to_owned())),
        Ok(RenderEvent::Progress { .. }) => return,
        Err(FeedError::Lost) => note.set(Some((r.failed)(r.lost))),
        Err(FeedError::Unreadable(reason)) => note.set(Some((r.failed)(&reason))),
    }
    refresh.update(|n| *n += 1);
}

/// "Rendering clips · 12 of 40 clips (3 sent to an engine) · 1:23 of audio · about 0:20 left".
fn describe(r: &RenderTexts, p: Progress) -> String {
    format!(
        "{} · {}",
        (r.stage)(p.stage),
        (r.progress)(p.done, p.total, p.sent, p.seconds, p.left)
    )
}

/// The stored render: summary, player, download, ACX report.
#[component]
fn Stored(ws: Workspace, r: &'static RenderTexts, render: ChapterRender) -> impl IntoView {
    let Some(info) = render.render else {
        return view! { <p class="render-state">{r.not_rendered}</p> }.into_any();
    };
    let summary = (r.rendered)(info.seconds, info.bytes as f64, info.version.0);
    view! {
        <p class="render-state">{summary}</p>
        {render.stale.then(|| view! { <p class="render-stale" role="note">{r.stale}</p> })}
        <p class="render-listen">
            <audio controls preload="none" src=info.url.clone()></audio>
            " "
            <a class="render-download" href=info.url download>{r.download}</a>
        </p>
        <Exceptions ws r exceptions=info.exceptions checked=info.checked />
        <Report ws r report=info.report />
    }
    .into_any()
}

/// Exception-first review: how many segments passed the automatic checks, the flags raised, and
/// each segment to listen to, with why, a button to it and one that flags it with the reason.
#[component]
fn Exceptions(
    ws: Workspace,
    r: &'static RenderTexts,
    exceptions: Vec<Exception>,
    checked: usize,
) -> impl IntoView {
    let singled: std::collections::BTreeSet<SegmentId> =
        exceptions.iter().map(|e| e.segment).collect();
    let passed = checked.saturating_sub(singled.len());
    let flags = move || {
        ws.state.with(|s| {
            let status = |wanted| {
                s.segments()
                    .iter()
                    .filter(|seg| seg.flag.as_ref().is_some_and(|f| f.status == wanted))
                    .count()
            };
            (r.flags)(status(FlagStatus::Open), status(FlagStatus::Verified))
        })
    };
    let items: Vec<_> = exceptions
        .into_iter()
        .map(|exception| {
            let segment = exception.segment;
            let why = (r.exception)(&exception.kind);
            let kind = flag_kind(&exception.kind);
            let note = why.clone();
            let row = move || row_of(ws, segment);
            let go = move |_| ws.selection.selected.set(Some(segment));
            let flag = move |_| {
                ws.selection.selected.set(Some(segment));
                ws.flag(FlagAction::Raise {
                    kind,
                    note: note.clone(),
                });
            };
            view! {
                <li>
                    {move || row().map(|row| (r.go_to)(row))} ": " {why} " "
                    <button class="acx-go" on:click=go>{r.listen}</button>
                    {ws.editable.then(|| view! { " " <button on:click=flag>{r.flag}</button> })}
                </li>
            }
        })
        .collect();
    view! {
        <h3>{r.review}</h3>
        <p class="review-share">{(r.passed)(passed, checked)} " " {flags}</p>
        <ul class="exceptions">{items}</ul>
    }
}

/// The kind of flag an exception raises.
fn flag_kind(kind: &ExceptionKind) -> FlagKind {
    match kind {
        ExceptionKind::TooLong { .. } | ExceptionKind::TooShort { .. } => FlagKind::Misread,
        ExceptionKind::Acx { .. } => FlagKind::Other,
        ExceptionKind::SpeakerChanged { .. } => FlagKind::WrongVoice,
    }
}

/// The ACX report: every rule with what was measured, what is allowed, and where it fails.
#[component]
fn Report(ws: Workspace, r: &'static RenderTexts, report: AcxReport) -> impl IntoView {
    let verdict = if report.passes() {
        r.acx_passes.to_owned()
    } else {
        (r.acx_fails)(report.findings.len())
    };
    let rows: Vec<_> = RULES
        .iter()
        .map(|&rule| {
            let finding = report.findings.iter().find(|f| f.rule == rule).cloned();
            let (measured, allowed) = figures(r, &report, rule);
            let failed = finding.is_some();
            view! {
                <tr class:acx-fail=failed>
                    <th scope="row">{(r.rule)(rule)}</th>
                    <td>{measured}</td>
                    <td>{allowed}</td>
                    <td>{if failed { r.fail } else { r.pass }}</td>
                    <td>{finding.map(|f| view! { <Place ws r finding=f /> })}</td>
                </tr>
            }
        })
        .collect();
    view! {
        <h3>{r.acx}</h3>
        <p class=if report.passes() { "acx-verdict acx-pass" } else { "acx-verdict acx-fail" }>{verdict}</p>
        <table class="acx-report">
            <thead>
                <tr>
                    <th scope="col">{r.acx}</th>
                    <th scope="col">{r.measured}</th>
                    <th scope="col">{r.allowed}</th>
                    <th scope="col"></th>
                    <th scope="col">{r.where_}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// Where a failure is: its time, and a button to the segment that causes it.
#[component]
fn Place(ws: Workspace, r: &'static RenderTexts, finding: Finding) -> impl IntoView {
    let at = finding.at.map(clock);
    let segment = finding.segment;
    let row = move || segment.and_then(|id| row_of(ws, id));
    view! {
        {at}
        {move || row().map(|row| {
            let go = move |_| ws.selection.selected.set(segment);
            view! { " " <button class="acx-go" on:click=go>{(r.go_to)(row)}</button> }
        })}
    }
}

/// The segment's row in the plan, from 1.
fn row_of(ws: Workspace, id: SegmentId) -> Option<usize> {
    ws.state
        .with(|s| s.segments().iter().position(|s| s.id == id))
        .map(|at| at + 1)
}

const RULES: [Rule; 7] = [
    Rule::Loudness,
    Rule::Peak,
    Rule::NoiseFloor,
    Rule::DigitalSilence,
    Rule::SampleRate,
    Rule::Bitrate,
    Rule::Length,
];

/// What was measured for `rule`, and what ACX allows.
fn figures(r: &RenderTexts, report: &AcxReport, rule: Rule) -> (String, &'static str) {
    let m = &report.measurements;
    let e = &report.encoding;
    match rule {
        Rule::Loudness => (format!("{:.1} dB", m.rms_db), "−23 … −18 dB"),
        Rule::Peak => (format!("{:.1} dB", m.peak_db), "≤ −3 dB"),
        Rule::NoiseFloor => (format!("{:.1} dB", m.noise_floor_db), "≤ −60 dB"),
        Rule::DigitalSilence => (
            m.silence
                .as_ref()
                .map_or_else(|| r.none.to_owned(), |s| format!("{:.2} s", s.seconds)),
            "< 0.25 s",
        ),
        Rule::SampleRate => (format!("{} Hz", e.sample_rate), "44100 Hz"),
        Rule::Bitrate => (
            if e.min_kbps == e.max_kbps {
                format!("{} kbps CBR", e.min_kbps)
            } else {
                format!("{}–{} kbps VBR", e.min_kbps, e.max_kbps)
            },
            "≥ 192 kbps CBR",
        ),
        Rule::Length => (clock(m.seconds), "≤ 2:00:00"),
    }
}
