//! `SegmentEditor`: the selected segment's text with live words / characters / KB / seconds,
//! and the buttons for every edit. The text area doubles as the cursor source for a split.

use crate::i18n::t;
use leptos::{html::Textarea, prelude::*};
use shared::{EngineLimits, Segment, SegmentStats};

/// The edits the editor's buttons ask for; the owner applies them.
#[derive(Clone, Copy)]
pub struct EditorActions {
    /// Start editing the text.
    pub edit: Callback<()>,
    /// Keep the edited text.
    pub save: Callback<()>,
    /// Drop the edited text.
    pub cancel: Callback<()>,
    /// Split at the text cursor.
    pub split: Callback<()>,
    /// Merge with the previous segment.
    pub merge_previous: Callback<()>,
    /// Merge with the next segment.
    pub merge_next: Callback<()>,
    /// Delete the segment.
    pub delete: Callback<()>,
    /// Undo the last edit.
    pub undo: Callback<()>,
    /// Redo the last undone edit.
    pub redo: Callback<()>,
}

/// Preview and editor of one segment.
#[component]
pub fn SegmentEditor(
    segment: Signal<Option<Segment>>,
    /// Its 1-based row in the table.
    row: Signal<Option<usize>>,
    draft: RwSignal<String>,
    editing: Signal<bool>,
    locked: Signal<bool>,
    can_undo: Signal<bool>,
    can_redo: Signal<bool>,
    limits: EngineLimits,
    textarea: NodeRef<Textarea>,
    actions: EditorActions,
) -> impl IntoView {
    let shown = move || {
        if editing.get() {
            draft.get()
        } else {
            segment.with(|s| s.as_ref().map(|s| s.text.clone()).unwrap_or_default())
        }
    };
    let shown_untracked = move || untrack(shown);
    let stats = move || {
        let text = shown();
        let stats = SegmentStats::of(&text, &limits);
        let fits = limits.check(shared::SegmentId(0), &text).is_ok();
        (stats, fits)
    };
    let t = t();
    let heading = move || {
        segment.with(|s| match s {
            Some(s) => {
                let row = row.get().unwrap_or_default();
                (t.segment_heading)(row, (t.delimiter_name)(s.delimiter), s.start, s.end)
            }
            None => t.no_segment.to_owned(),
        })
    };
    let idle = move || segment.with(Option::is_none) || locked.get();
    let not_editing = move || !editing.get() || locked.get();
    view! {
        <section class="segment-editor" aria-label=t.segment_editor>
            <h2>{heading}</h2>
            <label class="visually-hidden" for="segment-text">
                {t.segment_text}
            </label>
            <textarea
                id="segment-text"
                node_ref=textarea
                readonly=move || !editing.get()
                prop:value=shown
                on:input=move |ev| draft.set(event_target_value(&ev))
            >
                // The initial text as content, so the server-rendered page shows it without JS.
                {shown_untracked()}
            </textarea>
            <p class="stats" aria-live="polite">
                {move || {
                    let (stats, fits) = stats();
                    (t.stats)(stats.words, stats.chars, stats.kilobytes(), stats.seconds, fits)
                }}
            </p>
            <div class="toolbar" role="toolbar" aria-label=t.segment_actions>
                <button on:click=move |_| actions.edit.run(()) disabled=move || idle() || editing.get()>
                    {t.edit}
                </button>
                <button on:click=move |_| actions.save.run(()) disabled=not_editing>
                    {t.save}
                </button>
                <button on:click=move |_| actions.cancel.run(()) disabled=not_editing>
                    {t.cancel}
                </button>
                <button on:click=move |_| actions.split.run(()) disabled=idle>
                    {t.split}
                </button>
                <button on:click=move |_| actions.merge_previous.run(()) disabled=idle>
                    {t.merge_previous}
                </button>
                <button on:click=move |_| actions.merge_next.run(()) disabled=idle>
                    {t.merge_next}
                </button>
                <button on:click=move |_| actions.delete.run(()) disabled=idle>
                    {t.delete}
                </button>
                <button on:click=move |_| actions.undo.run(()) disabled=move || !can_undo.get() || locked.get()>
                    {t.undo}
                </button>
                <button on:click=move |_| actions.redo.run(()) disabled=move || !can_redo.get() || locked.get()>
                    {t.redo}
                </button>
            </div>
        </section>
    }
}
