//! `Notices`: what the workspace tells the producer under its toolbars: the last refusal or
//! outcome, speakers the cast lacks, a chapter text that changed under the plan (with the
//! carry-over), and what keeps the chapter from sign-off.

use leptos::prelude::*;

use super::{edits::Workspace, signoff::Signoff, speaker_run::SpeakerRun};

/// The workspace's notices, each shown only when it has something to say.
#[component]
pub fn Notices(ws: Workspace, run: SpeakerRun, signoff: Signoff) -> impl IntoView {
    let t = ws.t;
    let missing = run.missing;
    let stale = ws.stale;
    let cast_page = format!("/projects/{}/cast", ws.project.0);
    let blockers = move || {
        signoff
            .blockers
            .get()
            .into_iter()
            .map(|b| view! { <li>{(t.blocker)(&b)}</li> })
            .collect_view()
    };
    view! {
        <p class="notice" role="alert">{move || ws.notice.get()}</p>
        <Show when=move || missing.with(|m| !m.is_empty())>
            <p class="missing-speakers">
                {move || (t.missing_speakers)(&missing.get().join(", "))}
                " "
                <a href=cast_page.clone()>{t.open_cast}</a>
            </p>
        </Show>
        <Show when=move || ws.has_plan() && stale.with(|s| !s.is_empty())>
            <div class="stale" role="region" aria-label=t.text_changed>
                <strong>{t.text_changed}</strong>
                " "
                {move || (t.stale_segments)(stale.with(Vec::len))}
                " "
                <button class="primary" on:click=move |_| signoff.carry_over()>
                    {t.carry_over}
                </button>
            </div>
        </Show>
        <Show when=move || ws.has_plan() && !ws.complete.get() && signoff.is_blocked()>
            <div class="blockers">
                {t.before_complete}
                " "
                <ul>{blockers}</ul>
            </div>
        </Show>
    }
}
