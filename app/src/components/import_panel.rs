//! `ImportPanel`: upload a manuscript (.txt, .md, .docx, .epub), review the chapters found
//! (include or drop each, rename it) and add them to the project. Nothing is stored before
//! the producer confirms.

use leptos::{prelude::*, task::spawn_local};

use crate::{
    api::projects::add_chapters,
    i18n::t,
    model::{ImportPreview, NewChapter, PreviewChapter, ProjectId, SectionKind},
    AppError,
};

/// One found section as the producer reviews it.
#[derive(Clone)]
struct Candidate {
    include: RwSignal<bool>,
    title: RwSignal<String>,
    chapter: PreviewChapter,
}

/// Upload, review and add.
#[component]
pub fn ImportPanel(project: ProjectId, on_imported: Callback<()>) -> impl IntoView {
    let candidates = RwSignal::new(Vec::<Candidate>::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let t = t();
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = super::chosen_file(&ev) else {
            return;
        };
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match upload(file).await {
                Ok(preview) => candidates.set(
                    preview
                        .chapters
                        .into_iter()
                        .map(|chapter| Candidate {
                            include: RwSignal::new(chapter.kind == SectionKind::Body),
                            title: RwSignal::new(chapter.title.clone()),
                            chapter,
                        })
                        .collect(),
                ),
                Err(err) => {
                    candidates.set(Vec::new());
                    error.set(Some((t.error)(&err)));
                }
            }
            busy.set(false);
        });
    };
    let chosen = move || {
        candidates.with(|list| {
            list.iter()
                .filter(|c| c.include.get())
                .map(|c| NewChapter {
                    title: c.title.get(),
                    text: c.chapter.text.clone(),
                })
                .collect::<Vec<_>>()
        })
    };
    let add = move |_| {
        let chapters = chosen();
        busy.set(true);
        spawn_local(async move {
            match add_chapters(project, chapters).await {
                Ok(_) => {
                    candidates.set(Vec::new());
                    error.set(None);
                    on_imported.run(());
                }
                Err(err) => error.set(Some((t.error)(&err))),
            }
            busy.set(false);
        });
    };
    view! {
        <section class="import" aria-labelledby="import-heading">
            <h2 id="import-heading">{t.import_heading}</h2>
            <label>
                {t.manuscript_file}
                " "
                <input
                    type="file"
                    accept=".txt,.md,.markdown,.docx,.epub"
                    on:change=on_file
                    disabled=move || busy.get()
                />
            </label>
            <p class="error" role="alert">{move || error.get()}</p>
            <Show when=move || candidates.with(|c| !c.is_empty())>
                <table class="import-preview" aria-label=t.chapters_found>
                    <thead>
                        <tr>
                            <th scope="col">{t.include}</th>
                            <th scope="col">{t.title}</th>
                            <th scope="col">{t.kind}</th>
                            <th scope="col">{t.words}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || candidates.get().into_iter().map(candidate_row).collect_view()}
                    </tbody>
                </table>
                <button on:click=add disabled=move || busy.get() || chosen().is_empty()>
                    {move || (t.add_chapters)(chosen().len())}
                </button>
            </Show>
        </section>
    }
}

fn candidate_row(candidate: Candidate) -> impl IntoView {
    let Candidate {
        include,
        title,
        chapter,
    } = candidate;
    let t = t();
    let words = chapter.text.split_whitespace().count();
    let kind = match chapter.kind {
        SectionKind::Body => t.kind_body,
        SectionKind::FrontMatter => t.kind_front,
        SectionKind::BackMatter => t.kind_back,
    };
    let label = (t.include_named)(&chapter.title);
    let title_label = (t.title_of)(&chapter.title);
    view! {
        <tr>
            <td>
                <input
                    type="checkbox"
                    aria-label=label
                    prop:checked=include
                    on:change=move |ev| include.set(event_target_checked(&ev))
                />
            </td>
            <td>
                <input
                    type="text"
                    aria-label=title_label
                    prop:value=title
                    on:input=move |ev| title.set(event_target_value(&ev))
                />
            </td>
            <td>{kind}</td>
            <td>{words}</td>
        </tr>
    }
}

/// Sends the file to the server's import preview, which parses it without storing anything.
#[cfg(feature = "hydrate")]
async fn upload(file: web_sys::File) -> Result<ImportPreview, AppError> {
    let transport = |err: gloo_net::Error| AppError::Transport(err.to_string());
    let name = String::from(js_sys::encode_uri_component(&file.name()));
    let response = gloo_net::http::Request::post(&format!("/api/import_preview?name={name}"))
        .header("content-type", "application/octet-stream")
        .body(file)
        .map_err(transport)?
        .send()
        .await
        .map_err(transport)?;
    if response.ok() {
        response.json().await.map_err(transport)
    } else {
        let status = response.status();
        Err(response
            .json::<AppError>()
            .await
            .unwrap_or_else(|_| AppError::Transport(format!("the server answered {status}"))))
    }
}

/// Uploads happen in the browser only.
#[cfg(not(feature = "hydrate"))]
async fn upload(_file: web_sys::File) -> Result<ImportPreview, AppError> {
    Err(AppError::Transport("uploads need the browser".into()))
}
