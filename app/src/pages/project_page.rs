//! A project's page: its chapters with their status, before one is opened.

use leptos::prelude::*;

use crate::{
    components::{ChapterSelector, ErrorView},
    model::ProjectId,
};

/// Lists a project's chapters.
#[component]
pub fn ProjectPage() -> impl IntoView {
    let project_id = super::id_param("project");
    let project = move || project_id().map(ProjectId);
    let chapters = super::chapters_resource(project);
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
