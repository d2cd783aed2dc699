//! One row of the script: the cells of a [`Row`] (its checkbox, number, speaker's name or, when
//! selected, speaker menu, words, confidence and review marks), wired to the callbacks the table shares between its rows.

use std::collections::BTreeSet;

use leptos::{prelude::*, wasm_bindgen::JsCast};
use shared::SegmentId;

use super::{speaker::find, Mark, Row, Voices, DOUBTFUL_BELOW};
use crate::{
    components::{
        element_by_id,
        icon::{Glyph, Icon},
        keep_focus_on,
    },
    i18n::t,
};

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

/// The id of row `id`'s `control` (`speaker`, `flag`). A change redraws the row (rows are keyed by
/// what they show), so the control that made it is found again by its id and keeps the focus.
fn control_id(id: SegmentId, control: &str) -> String {
    format!("seg-{id}-{control}")
}

/// The id of row `id`'s speaker menu (the selected row is the one that has it).
pub fn speaker_menu_id(id: SegmentId) -> String {
    control_id(id, "speaker")
}

/// Gives the focus back to row `id`'s `control` once the row is drawn again.
fn refocus(id: SegmentId, control: &'static str) {
    keep_focus_on(move || element_by_id(&control_id(id, control)));
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
    let is_selected = Signal::derive(move || selector.selected(&Some(id)));
    let t = t();
    let mark_label = (t.mark_row)(id.0);
    let flag_label = (t.needs_revision_of)(id.0);
    let speaker = row.speaker.clone().unwrap_or_default();
    let current = find(&voices, &speaker);
    // Narration and dialogue told apart at a glance: the narrator's lines read as plain prose,
    // a character's carry the character's colour; a speaker not in the cast, none.
    let class = match (current, speaker.is_empty()) {
        (Some(current), _) => current.class(),
        (None, true) => "unassigned".to_owned(),
        (None, false) => "unknown-speaker".to_owned(),
    };
    let name = match (current, speaker.is_empty()) {
        (Some(current), _) => current.name.clone(),
        (None, true) => t.unassigned.to_owned(),
        (None, false) => speaker.clone(),
    };
    // Only the selected row carries the speaker menu; every other row shows the name, which opens
    // it. A menu per row made a long chapter's page as heavy as its rows times its cast.
    let speaker_control = {
        let speaker = speaker.clone();
        let voices = voices.clone();
        move || {
            if is_selected.get() {
                speaker_menu(id, &speaker, &voices, on_set_speaker).into_any()
            } else {
                speaker_name(id, &name).into_any()
            }
        }
    };
    let evidence = match (&row.evidence, row.locked) {
        (_, true) => t.chosen_by_hand.to_owned(),
        (Some(evidence), false) => evidence.clone(),
        (None, false) => String::new(),
    };
    let confidence = confidence_badge(row.confidence, row.locked, evidence);
    let doubtful = row.is_doubtful();
    let contradiction = row
        .contradiction
        .clone()
        .filter(|_| !speaker.is_empty())
        .map(|named| find(&voices, &named).map_or(named, |voice| voice.name.clone()));
    view! {
        <tr
            id=format!("seg-{id}")
            data-speaker=speaker.clone()
            class=class
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
            </td>
            <td class="row-number"></td>
            <td class="speaker" class:doubtful=doubtful>
                {speaker_control}
                {contradiction.map(|named| {
                    let keep = speaker.clone();
                    view! {
                        <span class="contradiction" title=(t.tag_names)(&named)>
                            <Icon glyph=Glyph::Warning />
                            " "
                            {named.clone()}
                        </span>
                        " "
                        <button
                            class="keep"
                            title=t.keep_speaker_hint
                            on:click=move |ev| {
                                ev.stop_propagation();
                                on_set_speaker.run((id, Some(keep.clone())));
                                refocus(id, "speaker");
                            }
                        >
                            {t.keep_speaker}
                        </button>
                    }
                })}
            </td>
            <td class="line">
                <div class="words" dir="auto">{row.text.clone()}</div>
            </td>
            <td class="confidence">{confidence}</td>
            <td class="marks">
                <button
                    id=control_id(id, "flag")
                    class="flag"
                    class:on=row.needs_revision
                    title=flag_label.clone()
                    aria-label=flag_label
                    aria-pressed=row.needs_revision.to_string()
                    on:click=move |ev| {
                        ev.stop_propagation();
                        on_toggle_flag.run(id);
                        refocus(id, "flag");
                    }
                >
                    <Icon glyph=Glyph::Flag />
                </button>
                {row.reviewed.then(|| view! {
                    <span class="reviewed" role="img" aria-label=t.reviewed title=t.reviewed>
                        <Icon glyph=Glyph::Check />
                    </span>
                })}
                {row.edited.then(|| view! {
                    <span class="edited" role="img" aria-label=t.edited title=t.edited>
                        <Icon glyph=Glyph::Pencil />
                    </span>
                })}
            </td>
        </tr>
    }
}

/// The speaker menu of the selected row: the cast, the speaker chosen.
fn speaker_menu(
    id: SegmentId,
    speaker: &str,
    voices: &Voices,
    on_set_speaker: Callback<(SegmentId, Option<String>)>,
) -> impl IntoView {
    let t = t();
    let known = find(voices, speaker).is_some();
    let options = voices
        .iter()
        .map(|voice| {
            let chosen = voice.id == speaker;
            view! { <option value=voice.id.clone() selected=chosen>{voice.name.clone()}</option> }
        })
        .collect_view();
    view! {
        <select
            id=speaker_menu_id(id)
            aria-label=(t.speaker_of)(id.0)
            on:click=|ev| ev.stop_propagation()
            on:change=move |ev| {
                let value = event_target_value(&ev);
                on_set_speaker.run((id, (!value.is_empty()).then_some(value)));
                refocus(id, "speaker");
            }
        >
            <option value="" selected=speaker.is_empty()>
                {t.unassigned}
            </option>
            {(!known && !speaker.is_empty())
                .then(|| view! { <option value=speaker.to_owned() selected=true>{speaker.to_owned()}</option> })}
            {options}
        </select>
    }
}

/// The speaker's name in a row that is not selected. Pressing it selects the row (the click goes
/// on to the row, Shift and Ctrl marking as there) and opens the row's speaker menu: focused,
/// and unfolded when a pointer pressed it.
fn speaker_name(id: SegmentId, name: &str) -> impl IntoView {
    let label = format!("{}: {name}", (t().speaker_of)(id.0));
    view! {
        <button
            type="button"
            id=control_id(id, "name")
            class="speaker-name"
            aria-label=label
            on:click=move |ev| {
                if !(ev.shift_key() || ev.ctrl_key() || ev.meta_key()) {
                    open_speaker_menu(id, ev.detail() > 0);
                }
            }
        >
            {name.to_owned()}
        </button>
    }
}

/// Once row `id` is drawn selected, focuses its speaker menu and, for a pointer, unfolds it
/// (`showPicker`, where the browser has it).
fn open_speaker_menu(id: SegmentId, unfold: bool) {
    leptos::prelude::request_animation_frame(move || {
        let Some(menu) = element_by_id(&speaker_menu_id(id)) else {
            return;
        };
        let _ = menu.focus();
        if unfold {
            let show = js_sys::Reflect::get(&menu, &"showPicker".into())
                .ok()
                .and_then(|show| show.dyn_into::<js_sys::Function>().ok());
            if let Some(show) = show {
                let _ = show.call0(&menu);
            }
        }
    });
}

/// The confidence as a small badge, its level in its colour, the evidence on hover; a speaker
/// picked by hand shows a pin instead.
fn confidence_badge(confidence: Option<u8>, locked: bool, evidence: String) -> AnyView {
    if locked {
        return view! {
            <span class="badge by-hand" role="img" aria-label=evidence.clone() title=evidence>
                <Icon glyph=Glyph::Pin />
            </span>
        }
        .into_any();
    }
    let Some(confidence) = confidence else {
        return ().into_any();
    };
    let level = if confidence >= 90 {
        "badge high"
    } else if confidence >= DOUBTFUL_BELOW {
        "badge medium"
    } else {
        "badge low"
    };
    view! { <span class=level title=evidence>{format!("{confidence}%")}</span> }.into_any()
}
