//! `ImportPanel`: upload a manuscript (.txt, .md, .docx, .epub, .pdf), review the chapters found
//! (include or drop each, rename it) and add them to the project. Nothing is stored before
//! the producer confirms.

use leptos::{html::Input, prelude::*, task::spawn_local};

use crate::{
    api::projects::{add_chapters, replace_chapter_text},
    error::Transport,
    i18n::t,
    model::{ChapterId, ImportPreview, NewChapter, PreviewChapter, ProjectId, SectionKind},
    AppError,
};

/// The project's chapters as the import can target them: id and title.
pub type Existing = Signal<Vec<(ChapterId, String)>>;

/// One found section as the producer reviews it.
#[derive(Clone)]
struct Candidate {
    include: RwSignal<bool>,
    title: RwSignal<String>,
    /// The existing chapter whose text this replaces (a re-import), or none for a new chapter.
    target: RwSignal<Option<ChapterId>>,
    chapter: PreviewChapter,
}

/// The existing chapter with the same title (ignoring case and outer spaces), if any.
fn same_title(existing: &[(ChapterId, String)], title: &str) -> Option<ChapterId> {
    let title = title.trim().to_lowercase();
    existing
        .iter()
        .find(|(_, t)| t.trim().to_lowercase() == title)
        .map(|(id, _)| *id)
}

/// Upload, review and add.
#[component]
pub fn ImportPanel(
    project: ProjectId,
    existing: Existing,
    on_imported: Callback<()>,
) -> impl IntoView {
    let done = RwSignal::new(None::<String>);
    let candidates = RwSignal::new(Vec::<Candidate>::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    // Disabled while the server reads the file or stores the chapters, which takes the focus from
    // it: it gets it back once the preview or the outcome is shown.
    let file_input = NodeRef::<Input>::new();
    let refocus = move || super::keep_focus_on(move || file_input.get_untracked().map(Into::into));
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
                            target: RwSignal::new(
                                existing.with_untracked(|e| same_title(e, &chapter.title)),
                            ),
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
            refocus();
        });
    };
    // The ticked sections: new chapters, and replacements of existing chapters' texts.
    let chosen = move || {
        candidates.with(|list| {
            list.iter()
                .filter(|c| c.include.get())
                .map(|c| {
                    let chapter = NewChapter {
                        title: c.title.get(),
                        text: c.chapter.text.clone(),
                    };
                    (c.target.get(), chapter)
                })
                .collect::<Vec<_>>()
        })
    };
    let add = move |_| {
        let (replacements, new): (Vec<_>, Vec<_>) = chosen()
            .into_iter()
            .partition(|(target, _)| target.is_some());
        let new: Vec<NewChapter> = new.into_iter().map(|(_, c)| c).collect();
        busy.set(true);
        done.set(None);
        spawn_local(async move {
            let result = async {
                let added = if new.is_empty() {
                    0
                } else {
                    add_chapters(project, new).await?.len()
                };
                let (mut replaced, mut stale) = (0, 0);
                for (target, chapter) in replacements {
                    if let Some(target) = target {
                        let unmatched = replace_chapter_text(target, chapter.text).await?;
                        replaced += 1;
                        stale += usize::from(unmatched > 0);
                    }
                }
                Ok::<_, AppError>((added, replaced, stale))
            }
            .await;
            match result {
                Ok((added, replaced, stale)) => {
                    candidates.set(Vec::new());
                    error.set(None);
                    done.set(Some((t.reimport_done)(added, replaced, stale)));
                    on_imported.run(());
                }
                Err(err) => error.set(Some((t.error)(&err))),
            }
            busy.set(false);
            refocus();
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
                    node_ref=file_input
                    accept=".txt,.md,.markdown,.docx,.epub,.pdf"
                    on:change=on_file
                    disabled=move || busy.get()
                />
            </label>
            <p class="error" role="alert">{move || error.get()}</p>
            <p class="muted" role="status">{move || done.get()}</p>
            <Show when=move || candidates.with(|c| !c.is_empty())>
                <table class="import-preview" aria-label=t.chapters_found>
                    <thead>
                        <tr>
                            <th scope="col">{t.include}</th>
                            <th scope="col">{t.title}</th>
                            <th scope="col">{t.kind}</th>
                            <th scope="col">{t.words}</th>
                            <th scope="col">{t.into_chapter}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            candidates
                                .get()
                                .into_iter()
                                .map(|c| candidate_row(c, existing))
                                .collect_view()
                        }}
                    </tbody>
                </table>
                <button on:click=add disabled=move || busy.get() || chosen().is_empty()>
                    {move || (t.add_chapters)(chosen().len())}
                </button>
            </Show>
        </section>
    }
}

fn candidate_row(candidate: Candidate, existing: Existing) -> impl IntoView {
    let Candidate {
        include,
        title,
        target,
        chapter,
    } = candidate;
    let into_label = format!("{} ({})", t().into_chapter, chapter.title);
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
            <td>
                <select
                    aria-label=into_label
                    prop:value=move || target.get().map(|id| id.0.to_string()).unwrap_or_default()
                    on:change=move |ev| {
                        target.set(event_target_value(&ev).parse().ok().map(ChapterId));
                    }
                >
                    <option value="">{t.as_new_chapter}</option>
                    {move || {
                        existing
                            .get()
                            .into_iter()
                            .map(|(id, title)| {
                                view! {
                                    <option value=id.0.to_string()>{(t.replace_chapter)(&title)}</option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </td>
        </tr>
    }
}

/// Sends the file to the server's import preview, which parses it without storing anything.
#[cfg(feature = "hydrate")]
async fn upload(file: web_sys::File) -> Result<ImportPreview, AppError> {
    // A request that failed or an answer that could not be read.
    fn transport(err: impl std::fmt::Display) -> AppError {
        AppError::Transport(Transport::Failed(err.to_string()))
    }
    let name = String::from(js_sys::encode_uri_component(&file.name()));
    let response = gloo_net::http::Request::post(&format!("/api/import_preview?name={name}"))
        .header("content-type", "application/octet-stream")
        .body(file)
        .map_err(transport)?
        .send()
        .await
        .map_err(transport)?;
    let (ok, status) = (response.ok(), response.status());
    // Read from bytes, as every other answer is (one JSON decoder per type in the bundle).
    let body = response.binary().await.map_err(transport)?;
    if ok {
        serde_json::from_slice(&body).map_err(transport)
    } else {
        Err(serde_json::from_slice::<AppError>(&body)
            .unwrap_or(AppError::Transport(Transport::Status { status })))
    }
}

/// Uploads happen in the browser only.
#[cfg(not(feature = "hydrate"))]
async fn upload(_file: web_sys::File) -> Result<ImportPreview, AppError> {
    Err(AppError::Transport(Transport::NeedsBrowser))
}
