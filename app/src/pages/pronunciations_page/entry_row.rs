//! `EntryRow`: one pronunciation entry as an editable table row. The IPA is checked as it is
//! typed by the same `shared` validator the server runs; every change marks the map unsaved.

use leptos::prelude::*;
use shared::pronunciation::{validate_ipa, Entry, EntryError, Status};

use super::{Row, Rows};
use crate::i18n::t;

/// The message for an IPA transcription, or `None` when it is valid.
pub(super) fn ipa_message(ipa: &str) -> Option<String> {
    validate_ipa(ipa.trim())
        .err()
        .map(|err| (t().entry_error)(&EntryError::Ipa(err)))
}

/// An optional field's value: none when blank.
fn optional(text: String) -> Option<String> {
    (!text.trim().is_empty()).then_some(text)
}

/// One entry as a table row: every field editable, the IPA checked as it is typed.
#[component]
pub(super) fn EntryRow(row: Row, rows: Rows) -> impl IntoView {
    let t = t();
    let e = row.entry;
    let number = move || rows.number(row.key);
    let label = move |field: &'static str| move || (t.entry_field)(field, number());
    let edit = move |change: fn(&mut Entry, String)| {
        move |ev: leptos::ev::Event| {
            e.update(|entry| change(entry, event_target_value(&ev)));
            rows.dirty.set(true);
        }
    };
    let ipa_error = move || e.with(|entry| ipa_message(&entry.ipa));
    // The attributes carry the values into the server-rendered page (readable without
    // JavaScript); the properties follow the edits once hydrated.
    let initial = e.get_untracked();
    let remove = move |_| {
        rows.rows.update(|all| all.retain(|r| r.key != row.key));
        rows.dirty.set(true);
    };
    view! {
        <tr class=("needs-review", move || e.with(|entry| entry.status == Status::NeedsReview))>
            <td>{number}</td>
            <td>
                <input
                    type="text"
                    aria-label=label(t.written_form)
                    value=initial.grapheme
                    prop:value=move || e.with(|entry| entry.grapheme.clone())
                    on:input=edit(|entry, value| entry.grapheme = value)
                />
            </td>
            <td>
                <input
                    type="text"
                    class="ipa"
                    aria-label=label(t.ipa)
                    value=initial.ipa
                    aria-invalid=move || ipa_error().is_some().then_some("true")
                    prop:value=move || e.with(|entry| entry.ipa.clone())
                    on:input=edit(|entry, value| entry.ipa = value)
                />
                <span class="field-error" role="alert">{ipa_error}</span>
            </td>
            <td>
                <input
                    type="text"
                    aria-label=label(t.espeak_phonemes)
                    value=initial.espeak
                    prop:value=move || e.with(|entry| entry.espeak.clone().unwrap_or_default())
                    on:input=edit(|entry, value| entry.espeak = optional(value))
                />
            </td>
            <td>
                <input
                    type="text"
                    aria-label=label(t.respelling)
                    value=initial.respelling
                    prop:value=move || e.with(|entry| entry.respelling.clone().unwrap_or_default())
                    on:input=edit(|entry, value| entry.respelling = optional(value))
                />
            </td>
            <td>
                <input
                    type="text"
                    class="locale"
                    aria-label=label(t.locale)
                    value=initial.locale
                    prop:value=move || e.with(|entry| entry.locale.clone())
                    on:input=edit(|entry, value| entry.locale = value)
                />
            </td>
            <td>
                <input
                    type="checkbox"
                    aria-label=label(t.case_sensitive)
                    checked=initial.case_sensitive
                    prop:checked=move || e.with(|entry| entry.case_sensitive)
                    on:change=move |ev| {
                        e.update(|entry| entry.case_sensitive = event_target_checked(&ev));
                        rows.dirty.set(true);
                    }
                />
            </td>
            <td>
                <select
                    aria-label=label(t.entry_status)
                    prop:value=move || e.with(|entry| entry.status.as_str())
                    on:change=edit(|entry, value| {
                        entry.status = Status::parse(&value).unwrap_or_default();
                    })
                >
                    <option value=Status::NeedsReview.as_str()>
                        {(t.status_name)(Status::NeedsReview)}
                    </option>
                    <option
                        value=Status::Approved.as_str()
                        selected=initial.status == Status::Approved
                    >
                        {(t.status_name)(Status::Approved)}
                    </option>
                </select>
            </td>
            <td>
                <button type="button" aria-label=move || (t.remove_entry)(number()) on:click=remove>
                    {t.remove}
                </button>
            </td>
        </tr>
    }
}
