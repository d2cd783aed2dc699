//! The chapter page: the chapter selector beside the plan workspace of the open chapter, and
//! below it the chapter's history (who changed what).
//! Rendered completely on the server, so the script reads with JavaScript off: a long one as its
//! first screenful with a link to all of it (`?rows=all`), the rest coming by scrolling once the
//! page runs.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::{
    api::{plans::load_plan, projects::audit_log, speakers::configured_speaker_engine},
    components::{ChapterSelector, History, Loaded},
    i18n::t,
    model::{ChapterId, ProjectId, SpeakerEngine},
    resource::fetched,
    workspace::PlanWorkspace,
    AppError,
};

/// One chapter's plan, ready to edit.
#[component]
pub fn ChapterPage() -> impl IntoView {
    let project_id = super::id_param("project");
    let chapter_id = super::id_param("chapter");
    let project = move || project_id().map(ProjectId);
    let chapter = move || chapter_id().map(ChapterId);
    // `?at=<character>`: open on the segment holding it (links from the concordance).
    let query = use_query_map();
    let at = move || {
        query
            .read()
            .get("at")
            .and_then(|value| value.parse::<usize>().ok())
    };
    // `?rows=all`: every row of a long script in the page, for reading without JavaScript.
    let all_rows = move || query.read().get("rows").is_some_and(|rows| rows == "all");
    let chapters = super::chapters_resource(project);
    let plan = fetched(chapter, |chapter| async move {
        match chapter {
            Some(chapter) => load_plan(chapter).await,
            None => Err(AppError::NotFound),
        }
    });
    let engine = fetched(|| (), |()| configured_speaker_engine());
    // Without an answer about the engine, the rules (always there) assign.
    let plan_and_engine = move || async move {
        let engine = engine.await.unwrap_or(SpeakerEngine::Rules);
        plan.await.map(|plan| (plan, engine))
    };
    let history = fetched(
        move || project().zip(chapter()),
        |ids| async move {
            let (project, chapter) = ids.ok_or(AppError::NotFound)?;
            audit_log(project, Some(chapter)).await
        },
    );
    let on_changed = Callback::new(move |()| {
        chapters.refetch();
        history.refetch();
    });
    let t = t();
    view! {
        <div class="studio">
            <aside class="sidebar">
                <a href="/">{t.back_to_projects}</a>
                <Loaded loading=t.loading_chapters data=move || async move { chapters.await } let:list>
                    <ChapterSelector
                        project=project().unwrap_or(ProjectId(0))
                        chapters=list
                        current=chapter()
                    />
                </Loaded>
            </aside>
            <main class="main">
                <Loaded loading=t.loading_plan data=plan_and_engine let:loaded>
                    {
                        let (plan, engine) = loaded;
                        let title = plan.title.clone();
                        view! {
                            <h1>{title}</h1>
                            <PlanWorkspace plan engine on_changed at=at() all_rows=all_rows() />
                        }
                    }
                </Loaded>
                <History events=history id="chapter-history" />
            </main>
        </div>
    }
}
