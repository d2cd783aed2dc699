//! The home page: every project, each opening on its first chapter.

use leptos::prelude::*;

use crate::{api::projects::list_projects, components::ErrorView, model::ProjectSummary};

/// Lists the projects.
#[component]
pub fn HomePage() -> impl IntoView {
    let projects = Resource::new(|| (), |_| list_projects());
    view! {
        <main class="page">
            <h1>"Projects"</h1>
            <Suspense fallback=|| view! { <p>"Loading projects…"</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
                    {move || {
                        projects
                            .get()
                            .map(|result| {
                                result
                                    .map(|list| {
                                        view! {
                                            <ul class="project-list">
                                                {list.into_iter().map(project_item).collect_view()}
                                            </ul>
                                        }
                                    })
                            })
                    }}
                </ErrorBoundary>
            </Suspense>
        </main>
    }
}

fn project_item(project: ProjectSummary) -> impl IntoView {
    let href = match project.first_chapter {
        Some(chapter) => format!("/projects/{}/chapters/{}", project.id.0, chapter.0),
        None => format!("/projects/{}", project.id.0),
    };
    let detail = format!("{} · {} chapters", project.language, project.chapter_count);
    view! {
        <li>
            <a href=href>{project.name}</a>
            " "
            <span class="muted">{detail}</span>
        </li>
    }
}
