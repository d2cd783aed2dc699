//! A project's page: rename or delete it, open its cast and its pronunciations, import a
//! manuscript, see its chapters with their status, and what rendering them takes (`planner`).

pub(crate) mod planner;

use leptos::{prelude::*, task::spawn_local};
use leptos_router::hooks::use_navigate;

use crate::{
    api::projects::{audit_log, delete_project, load_project, rename_project},
    components::{ChapterSelector, History, ImportPanel, Loaded},
    i18n::{t, LanguageSwitch},
    model::{ChapterStatus, ChapterSummary, ProjectDetail, ProjectId},
    resource::fetched,
    AppError,
};

/// A project's settings and chapters.
#[component]
pub fn ProjectPage() -> impl IntoView {
    let project_id = super::id_param("project");
    let project = move || project_id().map(ProjectId);
    let chapters = super::chapters_resource(project);
    let detail = fetched(project, |project| async move {
        match project {
            Some(project) => load_project(project).await,
            None => Err(AppError::NotFound),
        }
    });
    let on_imported = Callback::new(move |()| chapters.refetch());
    // The chapters the import can replace, read by an effect here, outside the project's
    // `Loaded`: read from inside it, the chapters would suspend the import panel (and take the
    // focus from it) each time they are fetched again.
    let existing = RwSignal::new(Vec::new());
    Effect::new(move |_| {
        if let Some(Ok(list)) = chapters.get() {
            existing.set(list.into_iter().map(|c| (c.id, c.title)).collect());
        }
    });
    let t = t();
    view! {
        <main class="page">
            <LanguageSwitch />
            <super::AccountBar />
            <a href="/">{t.back_to_projects}</a>
            <Loaded loading=t.loading_project data=move || async move { detail.await } let:detail>
                <ProjectHeader detail=detail.clone() />
                <ImportPanel project=detail.id existing=existing.into() on_imported />
            </Loaded>
            <h2>{t.chapters}</h2>
            <Loaded loading=t.loading_chapters data=move || async move { chapters.await } let:list>
                <p class="planning-progress" role="status">{planning_progress(&list)}</p>
                <ChapterSelector project=project().unwrap_or(ProjectId(0)) chapters=list current=None />
            </Loaded>
            {move || project().map(|project| view! { <planner::Planner project /> })}
            {move || project().map(|project| {
                let events = fetched(move || project, |project| audit_log(project, None));
                view! { <History events project /> }
            })}
        </main>
    }
}

/// How far the chapters' planning is, in words.
fn planning_progress(chapters: &[ChapterSummary]) -> String {
    let t = t();
    let all = chapters.len();
    let done = chapters
        .iter()
        .filter(|c| c.status == ChapterStatus::Complete)
        .count();
    if all > 0 && done == all {
        t.planning_complete.to_owned()
    } else {
        (t.chapters_complete)(done, all)
    }
}

/// The project's name (renamable), language, cast link and delete button.
#[component]
fn ProjectHeader(detail: ProjectDetail) -> impl IntoView {
    let id = detail.id;
    let name = RwSignal::new(detail.name.clone());
    let draft = RwSignal::new(detail.name);
    let error = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let t = t();
    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        spawn_local(async move {
            let wanted = draft.get_untracked();
            match rename_project(id, wanted.clone()).await {
                Ok(()) => {
                    name.set(wanted.trim().to_owned());
                    error.set(None);
                }
                Err(err) => error.set(Some((t.error)(&err))),
            }
        });
    };
    let delete = move |_| {
        let question = (t.confirm_delete_project)(&name.get_untracked());
        if !crate::components::confirm(&question) {
            return;
        }
        let navigate = navigate.clone();
        spawn_local(async move {
            match delete_project(id).await {
                Ok(()) => navigate("/", Default::default()),
                Err(err) => error.set(Some((t.error)(&err))),
            }
        });
    };
    let cast_href = format!("/projects/{}/cast", id.0);
    let cast_label = (t.cast_link)(detail.cast.len());
    let pronunciations_href = format!("/projects/{}/pronunciations", id.0);
    let delivery_href = format!("/projects/{}/delivery", id.0);
    let delivery = crate::i18n::delivery_texts(crate::i18n::use_locale().get_untracked()).link;
    view! {
        <h1>{move || name.get()}</h1>
        <p class="muted">
            {(t.language_of)(detail.language.code())} " · " <a href=cast_href>{cast_label}</a> " · "
            <a href=pronunciations_href>{t.pronunciations}</a> " · "
            <a href=delivery_href>{delivery}</a>
        </p>
        <form class="rename" on:submit=rename>
            <label>
                {t.name}
                " "
                <input
                    type="text"
                    required
                    maxlength="200"
                    // The attribute for the server-rendered page, the property once hydrated.
                    value=draft.get_untracked()
                    prop:value=draft
                    on:input=move |ev| draft.set(event_target_value(&ev))
                />
            </label>
            " "
            <button type="submit">{t.rename}</button>
            " "
            <button type="button" class="danger" on:click=delete>
                {t.delete_project}
            </button>
        </form>
        <p class="error" role="alert">{move || error.get()}</p>
    }
}
