//! `ReviewPanel`: the selected segment's review flag: raise one (kind and note), then mark it
//! fixed, verify it, or reopen it. Each step is an undoable edit like any other, and records who
//! took it: the reviewer's name, typed once and remembered by this browser (a cookie) until the
//! studio has accounts.

use leptos::prelude::*;
use shared::{
    plan::review::{FlagKind, FlagStatus},
    Edit, Segment,
};

use crate::i18n::t;

/// The review ticket of the selected segment.
#[component]
pub fn ReviewPanel(
    segment: Signal<Option<Segment>>,
    locked: Signal<bool>,
    on_edit: Callback<Edit>,
) -> impl IntoView {
    let t = t();
    let kind = RwSignal::new(FlagKind::Misread);
    let note = RwSignal::new(String::new());
    let reviewer = RwSignal::new(String::new());
    // The name this browser remembers, read once hydrated (the server renders the field empty).
    Effect::new(move |_| reviewer.set(remembered_reviewer()));
    let now = || js_sys::Date::now() as i64;
    let set_status = move |status: FlagStatus| {
        if let Some(id) = segment.with_untracked(|s| s.as_ref().map(|s| s.id)) {
            on_edit.run(Edit::SetFlagStatus {
                id,
                status,
                at: now(),
                by: reviewer.get_untracked(),
            });
        }
    };
    let raise = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(id) = segment.with_untracked(|s| s.as_ref().map(|s| s.id)) {
            on_edit.run(Edit::RaiseFlag {
                id,
                kind: kind.get_untracked(),
                note: note.get_untracked(),
                at: now(),
                by: reviewer.get_untracked(),
            });
            note.set(String::new());
        }
    };
    let flag = move || segment.with(|s| s.as_ref().and_then(|s| s.flag.clone()));
    let kind_words = move |kind: FlagKind| {
        let index = FlagKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        t.flag_kinds[index]
    };
    view! {
        <section class="review" aria-label=t.review>
            <h3>{t.review}</h3>
            <label class="reviewer">
                {t.reviewer_name}
                " "
                <input
                    type="text"
                    autocomplete="name"
                    prop:value=reviewer
                    on:change=move |ev| {
                        let name = event_target_value(&ev);
                        remember_reviewer(&name);
                        reviewer.set(name);
                    }
                />
            </label>
            {move || match flag() {
                Some(flag) => {
                    let status = flag.status;
                    view! {
                        <p class="flag-ticket">
                            <strong>{kind_words(flag.kind)}</strong>
                            " · "
                            <span class="flag-status">{(t.flag_status)(status)}</span>
                            " · "
                            {flag.note}
                        </p>
                        <p class="muted flag-people">
                            {(t.flag_people)(&flag.raised_by, status, &flag.updated_by)}
                        </p>
                        <div class="toolbar">
                            <Show when=move || status == FlagStatus::Open>
                                <button on:click=move |_| set_status(FlagStatus::Fixed) disabled=locked>
                                    {t.mark_fixed}
                                </button>
                            </Show>
                            <Show when=move || status == FlagStatus::Fixed>
                                <button on:click=move |_| set_status(FlagStatus::Verified) disabled=locked>
                                    {t.verify}
                                </button>
                            </Show>
                            <Show when=move || status != FlagStatus::Open>
                                <button on:click=move |_| set_status(FlagStatus::Open) disabled=locked>
                                    {t.reopen_flag}
                                </button>
                            </Show>
                        </div>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <form class="raise-flag" on:submit=raise>
                            <select
                                aria-label=t.kind
                                on:change=move |ev| {
                                    if let Some(k) = FlagKind::parse(&event_target_value(&ev)) {
                                        kind.set(k);
                                    }
                                }
                            >
                                {FlagKind::ALL
                                    .into_iter()
                                    .map(|k| view! { <option value=k.as_str()>{kind_words(k)}</option> })
                                    .collect_view()}
                            </select>
                            " "
                            <input
                                type="text"
                                aria-label=t.flag_note
                                placeholder=t.flag_note
                                prop:value=note
                                on:input=move |ev| note.set(event_target_value(&ev))
                            />
                            " "
                            <button type="submit" disabled=move || locked.get() || segment.with(Option::is_none)>
                                {t.raise_flag}
                            </button>
                        </form>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// The cookie that keeps the reviewer's name.
const REVIEWER_COOKIE: &str = "reviewer";

/// The reviewer's name this browser remembers, or empty.
fn remembered_reviewer() -> String {
    use leptos::wasm_bindgen::JsCast;
    let cookies = document()
        .dyn_into::<web_sys::HtmlDocument>()
        .ok()
        .and_then(|doc| doc.cookie().ok())
        .unwrap_or_default();
    cookies
        .split(';')
        .filter_map(|pair| pair.trim().strip_prefix(REVIEWER_COOKIE)?.strip_prefix('='))
        .find_map(|value| js_sys::decode_uri_component(value).ok())
        .map(String::from)
        .unwrap_or_default()
}

/// Remembers the reviewer's name in this browser for a year.
fn remember_reviewer(name: &str) {
    use leptos::wasm_bindgen::JsCast;
    if let Ok(doc) = document().dyn_into::<web_sys::HtmlDocument>() {
        let value = String::from(js_sys::encode_uri_component(name.trim()));
        let _ = doc.set_cookie(&format!(
            "{REVIEWER_COOKIE}={value}; path=/; max-age=31536000; samesite=lax"
        ));
    }
}
