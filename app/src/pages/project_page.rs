//! A project's page: its chapters with their status, before one is opened.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::{
    api::chapters::list_chapters,
    components::{ChapterSelector, ErrorView},
    model::ProjectId,
    AppError,
};

/// Lists a project's chapters.
#[component]
pub fn ProjectPage() -> impl IntoView {
    let params = use_params_map();
    let project = move || {
        params
            .read()
            .get("project")
            .and_then(|p| p.parse().ok())
            .map(ProjectId)
    };
    let chapters = Resource::new(project, |project| async move {
        match project {
            Some(project) => list_chapters(project).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <main class="page">
            <a href="/">"← Projects"</a>
            <h1>"Chapters"</h1>
            <Suspense fallback=|| view! { <p>"Loading chapters…"</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
                    {move || {
                        chapters
                            .get()
                            .map(|result| {
                                result
                                    .map(|list| {
                                        view! {
                                            <ChapterSelector
                                                project=project().unwrap_or(ProjectId(0))
                                                chapters=list
                                                current=None
                                            />
                                        }
                                    })
                            })
                    }}
                </ErrorBoundary>
            </Suspense>
        </main>
    }
}
