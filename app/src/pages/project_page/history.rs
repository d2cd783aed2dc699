//! The project's history: its latest changes, who made them and when (the audit trail).

use leptos::prelude::*;

use crate::{
    api::projects::audit_log,
    components::Loaded,
    i18n::{audit_entry, moment, ta, use_locale},
    model::{AuditEvent, ProjectId},
};

/// The latest changes of `project`, newest first.
#[component]
pub fn History(project: ProjectId) -> impl IntoView {
    let events = Resource::new(move || project, |project| audit_log(project, None));
    let a = ta();
    view! {
        <section class="history" aria-labelledby="history-title">
            <h2 id="history-title">{a.history}</h2>
            <Loaded loading=a.loading_history data=move || async move { events.await } let:list>
                {if list.is_empty() {
                    view! { <p class="muted">{a.no_history}</p> }.into_any()
                } else {
                    view! { <ol class="history-list">{list.into_iter().map(|e| event(project, e)).collect_view()}</ol> }
                        .into_any()
                }}
            </Loaded>
        </section>
    }
}

fn event(project: ProjectId, event: AuditEvent) -> impl IntoView {
    let what = audit_entry(use_locale().get_untracked(), &event.entry);
    let chapter = event.chapter.map(|chapter| {
        view! { " · " <a href=format!("/projects/{}/chapters/{}", project.0, chapter.0)>"#"{chapter.0}</a> }
    });
    view! {
        <li>
            <time class="muted">{moment(event.at_ms)}</time>
            " "
            <strong>{event.who}</strong>
            " "
            {what}
            {chapter}
        </li>
    }
}
