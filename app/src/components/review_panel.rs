//! `ReviewPanel`: the selected segment's review flag: raise one (kind and note), discuss it in
//! comments, mark it fixed, verify it, or reopen it. Anyone on the chapter may, viewers included;
//! the server signs each step with the signed-in user's name, so nobody types one.

use leptos::{
    html::{Div, Form, Input, Section},
    prelude::*,
    wasm_bindgen::JsCast,
};
use shared::{
    plan::review::{FlagAction, FlagKind, FlagStatus},
    Segment,
};

use super::focus_lost;
use crate::i18n::{moment, t, tt};

/// Where the focus goes when the ticket is drawn again while the panel has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refocus {
    /// To the next step's button (mark fixed, verify, reopen); to the panel itself when another
    /// segment without a flag is selected, where the workspace's keys still act.
    Ticket,
    /// Back to the comment field, for the next comment.
    Comment,
}

/// The review ticket of the selected segment; `on_flag` carries an action to the server.
#[component]
pub fn ReviewPanel(
    segment: Signal<Option<Segment>>,
    /// Whether flags are refused (the chapter is signed off or its text changed).
    locked: Signal<bool>,
    on_flag: Callback<FlagAction>,
) -> impl IntoView {
    let (t, tt) = (t(), tt());
    let kind = RwSignal::new(FlagKind::Misread);
    let note = RwSignal::new(String::new());
    let comment = RwSignal::new(String::new());
    let set_status = move |status: FlagStatus| on_flag.run(FlagAction::SetStatus { status });
    let raise = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_flag.run(FlagAction::Raise {
            kind: kind.get_untracked(),
            note: note.get_untracked(),
        });
        note.set(String::new());
    };
    let add_comment = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_flag.run(FlagAction::Comment {
            text: comment.get_untracked(),
        });
        comment.set(String::new());
    };
    // Drawn again only when the ticket changes, not at every edit of the plan.
    let flag = Memo::new(move |_| segment.with(|s| s.as_ref().and_then(|s| s.flag.clone())));
    // Drawing the ticket again (the server's answer to a step, another segment selected) takes
    // away the control that had the focus; if it was in the panel, it stays there.
    let panel = NodeRef::<Section>::new();
    let next_step = NodeRef::<Div>::new();
    let comment_field = NodeRef::<Input>::new();
    let raise_form = NodeRef::<Form>::new();
    let refocus = StoredValue::new(None::<Refocus>);
    let focus_in_panel = move || {
        let panel = panel.get_untracked()?;
        let active = document().active_element()?;
        let in_comment = active.closest(".flag-comment").ok().flatten().is_some();
        panel.contains(Some(&active)).then_some(if in_comment {
            Refocus::Comment
        } else {
            Refocus::Ticket
        })
    };
    Effect::new(move |_| {
        // Each drawing sets one of these (a new element each time), which runs this again.
        let (steps, field) = (next_step.get(), comment_field.get());
        raise_form.track();
        let Some(wanted) = refocus.get_value() else {
            return;
        };
        refocus.set_value(None);
        let field = field.map(web_sys::HtmlElement::from);
        let step = steps
            .and_then(|steps| {
                steps
                    .query_selector("button:not([disabled])")
                    .ok()
                    .flatten()
            })
            .and_then(|button| button.dyn_into::<web_sys::HtmlElement>().ok());
        let target = match (flag.with_untracked(Option::is_some), wanted) {
            (true, Refocus::Ticket) => step.or(field),
            (true, Refocus::Comment) => field,
            (false, _) => panel.get_untracked(),
        };
        if let Some(target) = target.filter(|_| focus_lost()) {
            let _ = target.focus();
        }
    });
    let kind_words = move |kind: FlagKind| {
        let index = FlagKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        t.flag_kinds[index]
    };
    view! {
        <section class="review" aria-label=t.review tabindex="-1" node_ref=panel>
            <h3>{t.review}</h3>
            {move || {
                // Read before the old ticket leaves the page.
                refocus.set_value(focus_in_panel());
                match flag.get() {
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
                        <ol class="flag-comments" aria-label=tt.comments>
                            {flag
                                .comments
                                .into_iter()
                                .map(|c| {
                                    view! {
                                        <li>
                                            <strong>{c.by}</strong>
                                            " "
                                            <time class="muted">{moment(c.at)}</time>
                                            <p>{c.text}</p>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                        <form class="flag-comment" on:submit=add_comment>
                            <input
                                type="text"
                                node_ref=comment_field
                                aria-label=tt.comment
                                placeholder=tt.comment
                                maxlength="2000"
                                prop:value=comment
                                on:input=move |ev| comment.set(event_target_value(&ev))
                            />
                            " "
                            <button
                                type="submit"
                                disabled=move || locked.get() || comment.with(|c| c.trim().is_empty())
                            >
                                {tt.add_comment}
                            </button>
                        </form>
                        <div class="toolbar" node_ref=next_step>
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
                        <form class="raise-flag" on:submit=raise node_ref=raise_form>
                            <select
                                aria-label=t.kind
                                prop:value=move || kind.get().as_str()
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
                                maxlength="2000"
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
                }
            }}
        </section>
    }
}
