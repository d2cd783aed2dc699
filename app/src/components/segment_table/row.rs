//! One row of the segment table: the cells of a [`Row`], its checkbox, flag button and speaker
//! menu, wired to the callbacks the table shares between its rows.

use std::collections::BTreeSet;

use leptos::prelude::*;
use shared::SegmentId;

use super::{Mark, Row, Voices};
use crate::i18n::t;

/// What every row shares: the selection, the marks and the callbacks.
pub(super) struct RowContext {
    pub(super) selector: Selector<Option<SegmentId>>,
    pub(super) on_select: Callback<SegmentId>,
    pub(super) on_toggle_flag: Callback<SegmentId>,
    pub(super) voices: Voices,
    pub(super) on_set_speaker: Callback<(SegmentId, Option<String>)>,
    pub(super) marked: Signal<BTreeSet<SegmentId>>,
    pub(super) on_mark: Callback<(SegmentId, Mark)>,
}

pub(super) fn segment_row(row: Row, context: RowContext) -> impl IntoView {
    let RowContext {
        selector,
        on_select,
        on_toggle_flag,
        voices,
        on_set_speaker,
        marked,
        on_mark,
    } = context;
    let id = row.id;
    let is_marked = Signal::derive(move || marked.with(|m| m.contains(&id)));
    let mark_label = (t().mark_row)(id.0);
    let is_selected = Signal::derive(move || selector.selected(&Some(id)));
    let t = t();
    let flag_label = (t.needs_revision_of)(id.0);
    let speaker = row.speaker.clone().unwrap_or_default();
    let known = voices.iter().any(|(voice, _)| *voice == speaker);
    let options = voices
        .iter()
        .map(|(voice, name)| {
            let chosen = *voice == speaker;
            view! { <option value=voice.clone() selected=chosen>{name.clone()}</option> }
        })
        .collect_view();
    let speaker_label = (t.speaker_of)(id.0);
    let confidence = row.confidence.map(|c| format!("{c}%")).unwrap_or_default();
    let evidence = match (&row.evidence, row.locked) {
        (_, true) => t.chosen_by_hand.to_owned(),
        (Some(evidence), false) => evidence.clone(),
        (None, false) => String::new(),
    };
    let doubtful = row.is_doubtful();
    let contradiction = row
        .contradiction
        .clone()
        .filter(|_| !speaker.is_empty())
        .map(|named| {
            voices
                .iter()
                .find(|(voice, _)| *voice == named)
                .map_or(named, |(_, name)| name.clone())
        });
    let delimiter = (t.delimiter_name)(row.delimiter);
    let delimiter = if row.edited {
        format!("{delimiter} ✎")
    } else {
        delimiter.to_owned()
    };
    view! {
        <tr
            id=format!("seg-{id}")
            class:selected=is_selected
            aria-selected=move || is_selected.get().to_string()
            class:marked=is_marked
            on:click=move |ev| {
                if ev.shift_key() {
                    on_mark.run((id, Mark::Range));
                } else if ev.ctrl_key() || ev.meta_key() {
                    on_mark.run((id, Mark::Toggle));
                } else {
                    on_select.run(id);
                }
            }
        >
            <td class="marker">
                <input
                    type="checkbox"
                    aria-label=mark_label
                    prop:checked=is_marked
                    on:click=move |ev| {
                        ev.stop_propagation();
                        on_mark.run((id, Mark::Toggle));
                    }
                />
                {move || if is_selected.get() { "▶" } else { "" }}
            </td>
            <td>
                <button
                    class="flag"
                    class:on=row.needs_revision
                    aria-label=flag_label
                    aria-pressed=row.needs_revision.to_string()
                    on:click=move |ev| {
                        ev.stop_propagation();
                        on_toggle_flag.run(id);
                    }
                >
                    "⚑"
                </button>
                {row.reviewed.then(|| view! { <span class="reviewed" title=t.reviewed>"✓"</span> })}
            </td>
            <td class="row-number"></td>
            <td>{delimiter}</td>
            <td>{row.start}</td>
            <td>{row.end}</td>
            <td>{row.chars}</td>
            <td class:doubtful=doubtful>
                <select
                    aria-label=speaker_label
                    on:click=|ev| ev.stop_propagation()
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        on_set_speaker.run((id, (!value.is_empty()).then_some(value)));
                    }
                >
                    <option value="" selected=speaker.is_empty()>
                        {t.unassigned}
                    </option>
                    {(!known && !speaker.is_empty())
                        .then(|| view! { <option value=speaker.clone() selected=true>{speaker.clone()}</option> })}
                    {options}
                </select>
                {contradiction.map(|named| {
                    let keep = speaker.clone();
                    view! {
                        <span class="contradiction" title=(t.tag_names)(&named)>
                            "⚠ "
                            {named.clone()}
                        </span>
                        " "
                        <button
                            class="keep"
                            title=t.keep_speaker_hint
                            on:click=move |ev| {
                                ev.stop_propagation();
                                on_set_speaker.run((id, Some(keep.clone())));
                            }
                        >
                            {t.keep_speaker}
                        </button>
                    }
                })}
            </td>
            <td title=evidence>{confidence}</td>
        </tr>
    }
}
