//! `BulkBar`: the actions on the rows marked for a group action (set their speaker, mark them
//! reviewed or not, clear the marks); shown while rows are marked and the plan is not locked.

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::edits::Workspace;

/// The toolbar of the marked rows.
#[component]
pub fn BulkBar(ws: Workspace) -> impl IntoView {
    let t = ws.t;
    let locked = ws.locked();
    let marked = ws.selection.marked;
    let speaker = RwSignal::new(String::new());
    let assign = move |_| {
        let speaker = speaker.get_untracked();
        ws.assign_marked((!speaker.is_empty()).then_some(speaker));
    };
    let options = move || {
        ws.voices.with_value(|voices| {
            voices
                .iter()
                .map(|voice| view! { <option value=voice.id.clone()>{voice.name.clone()}</option> })
                .collect_view()
        })
    };
    view! {
        <Show when=move || marked.with(|m| !m.is_empty()) && !locked.get()>
            <div class="bulk-bar" role="toolbar" aria-label=t.marked_actions>
                <span>{move || (t.marked_count)(marked.with(BTreeSet::len))}</span>
                <select
                    aria-label=t.speaker
                    prop:value=speaker
                    on:change=move |ev| speaker.set(event_target_value(&ev))
                >
                    <option value="">{t.unassigned}</option>
                    {options()}
                </select>
                <button on:click=assign>{t.assign_marked}</button>
                <button on:click=move |_| ws.review_marked(true)>{t.mark_reviewed}</button>
                <button on:click=move |_| ws.review_marked(false)>{t.mark_unreviewed}</button>
                <button on:click=move |_| ws.selection.clear_marks()>{t.clear_marks}</button>
            </div>
        </Show>
    }
}
