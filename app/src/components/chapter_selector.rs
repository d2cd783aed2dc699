//! `ChapterSelector`: a project's chapters as links, each with an icon for its status.

use leptos::prelude::*;

use crate::model::{ChapterId, ChapterStatus, ChapterSummary, ProjectId};

/// The chapter list with status icons; `current` is highlighted.
#[component]
pub fn ChapterSelector(
    project: ProjectId,
    chapters: Vec<ChapterSummary>,
    current: Option<ChapterId>,
) -> impl IntoView {
    let items = chapters
        .into_iter()
        .map(|chapter| {
            let (icon, label) = status_icon(chapter.status);
            let href = format!("/projects/{}/chapters/{}", project.0, chapter.id.0);
            let is_current = current == Some(chapter.id);
            let aria_current = is_current.then_some("page");
            view! {
                <li class:current=is_current>
                    <a href=href aria-current=aria_current>
                        <span class="status-icon" title=label aria-hidden="true">
                            {icon}
                        </span>
                        <span class="chapter-title">{chapter.title}</span>
                        <span class="visually-hidden">{format!(" ({label})")}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav aria-label="Chapters" class="chapter-selector">
            <ol>{items}</ol>
        </nav>
    }
}

/// The icon and its spoken label for a status.
pub fn status_icon(status: ChapterStatus) -> (&'static str, &'static str) {
    match status {
        ChapterStatus::NoText => ("○", "no text"),
        ChapterStatus::TextOnly => ("◔", "text only"),
        ChapterStatus::Planned => ("◑", "planned"),
        ChapterStatus::Complete => ("●", "complete"),
    }
}
