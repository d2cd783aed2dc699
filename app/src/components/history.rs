//! `History`: a list of audit events, who made each change and when: a project's or chapter's
//! trail, or an organisation's membership history.

use leptos::prelude::*;

use crate::{
    components::Loaded,
    error::AppError,
    i18n::{audit_entry, moment, ta, use_locale},
    model::{AuditEvent, ProjectId},
    resource::Fetched,
};

/// The events `events` loads, newest first; with `project`, each chapter an event names links
/// to that chapter.
#[component]
pub fn History(
    events: Fetched<Result<Vec<AuditEvent>, AppError>>,
    #[prop(optional)] project: Option<ProjectId>,
    /// The heading's id (a page may show more than one history).
    #[prop(default = "history-title")]
    id: &'static str,
) -> impl IntoView {
    let a = ta();
    view! {
        <section class="history" aria-labelledby=id>
            <h2 id=id>{a.history}</h2>
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

fn event(project: Option<ProjectId>, event: AuditEvent) -> impl IntoView {
    let what = audit_entry(use_locale().get_untracked(), &event.entry);
    let chapter = project.zip(event.chapter).map(|(project, chapter)| {
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
