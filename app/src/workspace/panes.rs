//! `Panes`: the segment table beside the selected segment's editor and review panel. The table's
//! rows join each segment with what the last speaker run found and what a speech tag contradicts.

use std::collections::HashMap;

use leptos::prelude::*;
use shared::{Edit, SegmentId};

use super::{
    audition::Player, audition_bar::AuditionBar, edits::Workspace, signoff::Signoff,
    speaker_run::SpeakerRun,
};
use crate::components::{EditorActions, ReviewPanel, Row, SegmentEditor, SegmentTable};

/// The table and the side panes; `only_doubtful` filters the table.
#[component]
pub fn Panes(
    ws: Workspace,
    run: SpeakerRun,
    signoff: Signoff,
    only_doubtful: RwSignal<bool>,
    actions: EditorActions,
    player: Player,
    /// Every row in the page the server sends (`?rows=all`).
    all_rows: bool,
) -> impl IntoView {
    let (state, selection, locked) = (ws.state, ws.selection, ws.locked());
    let rows = Memo::new(move |_| {
        let doubtful_only = only_doubtful.get();
        let named: HashMap<SegmentId, String> = signoff.contradicted.with(|found| {
            found
                .iter()
                .map(|c| (c.segment, c.named.to_string()))
                .collect()
        });
        run.found.with(|found| {
            state.with(|s| {
                s.segments()
                    .iter()
                    .map(|segment| {
                        let named = named.get(&segment.id).map(String::as_str);
                        Row::new(segment, found.get(&segment.id), named)
                    })
                    .filter(|row| !doubtful_only || row.is_doubtful())
                    .collect::<Vec<_>>()
            })
        })
    });
    let segment = Signal::derive(move || {
        let id = selection.selected.get()?;
        state.with(|s| s.segment(id).cloned())
    });
    let row = Signal::derive(move || {
        let id = selection.selected.get()?;
        state.with(|s| s.row(id))
    });
    let on_select = Callback::new(move |id| {
        if !ws.editing.get_untracked() {
            selection.selected.set(Some(id));
        }
    });
    let on_mark =
        Callback::new(move |(id, how)| state.with_untracked(|s| selection.mark(s, id, how)));
    view! {
        <div class="panes">
            <SegmentTable
                rows
                selected=selection.selected.into()
                on_select
                on_toggle_flag=Callback::new(move |id| ws.apply(Edit::ToggleRevision { id }))
                voices=ws.voices.get_value()
                on_set_speaker=Callback::new(move |(id, speaker)| {
                    ws.apply(Edit::SetSpeaker { id, speaker })
                })
                marked=selection.marked.into()
                on_mark
                all_rows
            />
            <div class="side">
                <SegmentEditor
                    segment
                    row
                    draft=ws.draft
                    editing=ws.editing.into()
                    locked
                    can_undo=Signal::derive(move || state.with(|s| s.can_undo()))
                    can_redo=Signal::derive(move || state.with(|s| s.can_redo()))
                    limits=ws.text.with_value(|(_, limits)| limits.clone())
                    textarea=ws.textarea
                    actions
                />
                <AuditionBar ws player />
                <ReviewPanel
                    segment
                    locked=ws.flags_locked()
                    on_flag=Callback::new(move |action| ws.flag(action))
                />
            </div>
        </div>
    }
}
