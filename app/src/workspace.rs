//! `PlanWorkspace`: one chapter's plan under edit in the browser, composed of parts that each own
//! one concern: the plan and its edits (`edits`), autosave (`autosave`, a state machine), keys,
//! selection, speaker runs, plan files, sign-off and audition. Edits never wait for the server; autosave
//! stores them ~2 s after the last change, and a stale save is a conflict, never an overwrite.

mod audition;
mod audition_bar;
mod autosave;
mod bulk_bar;
mod conflicts;
pub mod editor;
mod edits;
mod keyboard;
mod live;
mod notices;
mod panes;
mod plan_bar;
mod plan_file;
mod render_panel;
mod selection;
mod shortcuts;
mod signoff;
mod speaker_run;

use leptos::prelude::*;

use crate::{
    components::SpeakerJobBar,
    i18n::t,
    model::{ChapterPlan, SpeakerEngine},
};
use bulk_bar::BulkBar;
use conflicts::ConflictPanel;
use edits::Workspace;
use notices::Notices;
use panes::Panes;
use plan_bar::PlanBar;
use render_panel::RenderPanel;
use signoff::Signoff;
use speaker_run::SpeakerRun;

/// The plan editor for one chapter: toolbars, notices, segment table and segment editor.
/// `engine` says who assigns speakers: the rules here, or the server's language model.
#[component]
pub fn PlanWorkspace(
    plan: ChapterPlan,
    /// A character of the chapter's text whose segment is selected first.
    at: Option<usize>,
    engine: SpeakerEngine,
    on_changed: Callback<()>,
    /// Every row of the script in the page the server sends, not only the first screenful.
    all_rows: bool,
) -> impl IntoView {
    let t = t();
    let ws = Workspace::new(plan, at, t, on_changed);
    let run = SpeakerRun::new(ws, &engine);
    let signoff = Signoff::new(ws);
    let actions = ws.actions();
    let player = audition::Player::new();
    let shortcuts = shortcuts::Shortcuts::new();
    keyboard::install(ws, actions, player, shortcuts);
    let only_doubtful = RwSignal::new(false);
    let engine_text = speaker_run::engine_text(t, &engine);
    let others = live::follow(ws);
    view! {
        <div class="workspace">
            <PlanBar ws run signoff only_doubtful engine_text shortcuts />
            <shortcuts::ShortcutsDialog shortcuts />
            <live::Colleagues ws others />
            {ws.editable.then(|| view! { <BulkBar ws /> })}
            <SpeakerJobBar progress=run.progress.into() on_cancel=Callback::new(move |()| run.cancel()) />
            <Notices ws run signoff />
            <ConflictPanel ws />
            <Show when=move || ws.has_plan() fallback=move || view! { <p>{t.no_plan_yet}</p> }>
                <Panes ws run signoff only_doubtful actions player all_rows />
                <RenderPanel ws />
            </Show>
        </div>
    }
    .into_any()
}
