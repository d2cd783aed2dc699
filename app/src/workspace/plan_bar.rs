//! `PlanBar`: the chapter's toolbar: fresh plan, sign-off, assign speakers, the doubtful-rows
//! filter, plan file export and import, the plan's figures and where its autosave stands.

use leptos::prelude::*;

use super::{
    autosave::SaveState,
    edits::Workspace,
    plan_file,
    shortcuts::{Shortcuts, ShortcutsButton},
    signoff::Signoff,
    speaker_run::SpeakerRun,
};

/// The toolbar above the segment table; `engine_text` says who assigns speakers.
#[component]
pub fn PlanBar(
    ws: Workspace,
    run: SpeakerRun,
    signoff: Signoff,
    only_doubtful: RwSignal<bool>,
    engine_text: String,
    shortcuts: Shortcuts,
) -> impl IntoView {
    let t = ws.t;
    let locked = ws.locked();
    let complete = ws.complete;
    let version = ws.autosave.version();
    let summary = move || (t.summary)(ws.state.with(|s| s.segments().len()), version.get().0);
    let open_flags = move || {
        let open = ws
            .state
            .with(|s| shared::signoff::open_flags(s.segments()).count());
        (open > 0).then(|| (t.open_flags)(open))
    };
    let reviewed = move || {
        let (done, total) = ws.state.with(|s| shared::signoff::reviewed(s.segments()));
        (total > 0).then(|| (t.reviewed_share)(done, total))
    };
    let cannot_sign = move || !ws.has_plan() || (!complete.get() && signoff.is_blocked());
    let cannot_assign =
        move || locked.get() || !ws.has_plan() || run.progress.with(Option::is_some);
    view! {
        <div class="plan-bar">
            {ws.editable.then(|| view! {
                <button on:click=move |_| plan_file::generate(ws) disabled=move || complete.get()>
                    {move || if ws.has_plan() { t.regenerate_plan } else { t.generate_plan }}
                </button>
                <button on:click=move |_| signoff.toggle_complete() disabled=cannot_sign>
                    {move || if complete.get() { t.reopen } else { t.mark_complete }}
                </button>
                <button on:click=move |_| run.assign() disabled=cannot_assign title=engine_text.clone()>
                    {t.assign_speakers}
                </button>
            })}
            {(!ws.editable).then(|| view! { <span class="read-only" role="note">{t.read_only}</span> })}
            <label>
                <input
                    type="checkbox"
                    prop:checked=only_doubtful
                    on:change=move |ev| only_doubtful.set(event_target_checked(&ev))
                />
                " "
                {t.only_doubtful}
            </label>
            <button on:click=move |_| plan_file::export(ws) disabled=move || !ws.has_plan()>
                {t.export_plan}
            </button>
            {ws.editable.then(|| view! {
                <label class="file-button">
                    {t.import_plan}
                    " "
                    <input
                        type="file"
                        accept=".json"
                        on:change=move |ev| plan_file::import(ws, &ev)
                        disabled=move || locked.get()
                    />
                </label>
            })}
            <span class="muted">{summary}</span>
            <span class="open-flags">{open_flags}</span>
            <span class="reviewed-share">{reviewed}</span>
            <SaveIndicator state=ws.autosave.status() />
            <ShortcutsButton shortcuts />
        </div>
    }
}

/// The save state, as words and a data attribute for styles and tests.
#[component]
fn SaveIndicator(state: Signal<SaveState>) -> impl IntoView {
    let t = crate::i18n::t();
    let text = move || match state.get() {
        SaveState::Saved => t.saved.to_owned(),
        SaveState::Pending => t.unsaved.to_owned(),
        SaveState::Saving => t.saving.to_owned(),
        SaveState::Failed(reason) => (t.save_failed)(&reason),
        SaveState::Conflict => t.conflict.to_owned(),
    };
    view! {
        <span class="save-state" role="status" aria-label=t.save_state>
            {text}
        </span>
    }
}
