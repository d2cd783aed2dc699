//! `ChapterSelector`: a project's chapters as links, each with an icon for its status.

use leptos::prelude::*;

use crate::{
    i18n::t,
    model::{ChapterId, ChapterStatus, ChapterSummary, ProjectId},
};

/// The chapter list with status icons; `current` is highlighted.
#[component]
pub fn ChapterSelector(
    project: ProjectId,
    chapters: Vec<ChapterSummary>,
    current: Option<ChapterId>,
) -> impl IntoView {
    let t = t();
    let items = chapters
        .into_iter()
        .map(|chapter| {
            let icon = status_icon(chapter.status);
            let label = (t.status)(chapter.status);
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
        <nav aria-label=t.chapters class="chapter-selector">
            <ol>{items}</ol>
        </nav>
    }
}

/// The icon for a status (its words come from [`crate::i18n::Texts::status`]).
pub fn status_icon(status: ChapterStatus) -> &'static str {
    match status {
        ChapterStatus::NoText => "○",
        ChapterStatus::TextOnly => "◔",
        ChapterStatus::Planned => "◑",
        ChapterStatus::Complete => "●",
    }
}
