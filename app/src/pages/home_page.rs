//! The home page: every project, each opening on its first chapter.

use leptos::prelude::*;

use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use shared::Language;

use crate::{
    api::projects::{create_project, list_projects},
    components::Loaded,
    i18n::{t, LanguageSwitch},
    model::ProjectSummary,
    resource::fetched,
};

/// Lists the projects.
#[component]
pub fn HomePage() -> impl IntoView {
    let projects = fetched(|| (), |_| list_projects());
    let t = t();
    view! {
        <main class="page">
            <LanguageSwitch />
            <super::AccountBar />
            <h1>{t.projects}</h1>
            <NewProjectForm />
            <Loaded loading=t.loading_projects data=move || async move { projects.await } let:list>
                <ul class="project-list">{list.into_iter().map(project_item).collect_view()}</ul>
            </Loaded>
        </main>
    }
}

fn project_item(project: ProjectSummary) -> impl IntoView {
    let href = match project.first_chapter {
        Some(chapter) => format!("/projects/{}/chapters/{}", project.id.0, chapter.0),
        None => format!("/projects/{}", project.id.0),
    };
    let chapters = usize::try_from(project.chapter_count).unwrap_or_default();
    let detail = (t().project_detail)(&project.language, chapters);
    view! {
        <li>
            <a href=href>{project.name}</a>
            " "
            <span class="muted">{detail}</span>
        </li>
    }
}

/// Creates a project and opens it.
#[component]
fn NewProjectForm() -> impl IntoView {
    let name = RwSignal::new(String::new());
    let language = RwSignal::new(Language::En);
    let error = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let t = t();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let navigate = navigate.clone();
        spawn_local(async move {
            match create_project(name.get_untracked(), language.get_untracked()).await {
                Ok(id) => navigate(&format!("/projects/{}", id.0), Default::default()),
                Err(err) => error.set(Some((t.error)(&err))),
            }
        });
    };
    view! {
        <form class="new-project" on:submit=submit>
            <label>
                {t.new_project}
                " "
                <input
                    type="text"
                    required
                    maxlength="200"
                    placeholder=t.book_title
                    prop:value=name
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
            </label>
            <label>
                " "
                {t.book_language}
                " "
                <select on:change=move |ev| {
                    language.set(Language::from_code(&event_target_value(&ev)).unwrap_or_default())
                }>
                    <option value="en">"English"</option>
                    <option value="es">"Español"</option>
                </select>
            </label>
            " "
            <button type="submit">{t.create_project}</button>
            <p class="error" role="alert">{move || error.get()}</p>
        </form>
    }
}
