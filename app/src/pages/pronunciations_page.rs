//! The pronunciation page: a project's map of written forms to IPA (and espeak-ng phonemes,
//! respelling, locale, case, review status), edited in a table and saved whole; PLS import/export.
//! IPA is checked as it is typed by the same `shared` validator the server runs.

mod concordance;
mod entry_row;

use leptos::{prelude::*, task::spawn_local};
use shared::pronunciation::{Entry, Status};

use crate::{
    api::pronunciations::{export_pls, import_pls, load_pronunciations, save_pronunciations},
    components::{chosen_file, confirm, download, file_text, Loaded},
    i18n::t,
    model::{ProjectId, ProjectPronunciations},
    resource::fetched,
    AppError,
};
use entry_row::{ipa_message, EntryRow};

/// A project's pronunciation map, editable.
#[component]
pub fn PronunciationsPage() -> impl IntoView {
    let project_id = super::id_param("project");
    let map = fetched(project_id, |project| async move {
        match project {
            Some(project) => load_pronunciations(ProjectId(project)).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <main class="page">
            <Loaded loading=t().loading_pronunciations data=move || async move { map.await } let:map>
                <PronunciationEditor map />
            </Loaded>
        </main>
    }
}

/// One entry as edited, keyed so that rows survive reordering and removal.
#[derive(Clone, Copy)]
struct Row {
    key: usize,
    entry: RwSignal<Entry>,
}

/// The rows, the next free key and whether they differ from what is saved.
#[derive(Clone, Copy)]
struct Rows {
    rows: RwSignal<Vec<Row>>,
    next_key: StoredValue<usize>,
    dirty: RwSignal<bool>,
}

impl Rows {
    fn new(entries: Vec<Entry>) -> Self {
        let rows = Self {
            rows: RwSignal::new(Vec::new()),
            next_key: StoredValue::new(0),
            dirty: RwSignal::new(false),
        };
        rows.replace(entries);
        rows
    }

    fn replace(self, entries: Vec<Entry>) {
        let rows = entries.into_iter().map(|entry| self.row(entry)).collect();
        self.rows.set(rows);
        self.dirty.set(false);
    }

    fn row(self, entry: Entry) -> Row {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        Row {
            key,
            entry: RwSignal::new(entry),
        }
    }

    fn entries(self) -> Vec<Entry> {
        self.rows
            .with(|rows| rows.iter().map(|row| row.entry.get()).collect())
    }

    /// The 1-based number of the row with `key`, as the server's messages count entries.
    fn number(self, key: usize) -> usize {
        self.rows
            .with(|rows| rows.iter().position(|row| row.key == key))
            .map_or(0, |index| index + 1)
    }
}

#[component]
fn PronunciationEditor(map: ProjectPronunciations) -> impl IntoView {
    let t = t();
    let project = map.project;
    let locale = map.language.code();
    let version = RwSignal::new(map.version);
    let rows = Rows::new(map.map.into_entries());
    let status = RwSignal::new(None::<Result<String, String>>);
    let only_review = RwSignal::new(false);

    let save = move |_| {
        let entries = rows.entries();
        spawn_local(async move {
            match save_pronunciations(project, version.get_untracked(), entries).await {
                Ok(saved) => {
                    version.set(saved);
                    rows.dirty.set(false);
                    status.set(Some(Ok(t.pronunciations_saved.into())));
                }
                Err(AppError::Conflict { .. }) => {
                    status.set(Some(Err(t.pronunciations_conflict.into())))
                }
                Err(err) => status.set(Some(Err((t.error)(&err)))),
            }
        });
    };
    let export = move |_| {
        spawn_local(async move {
            match export_pls(project).await {
                Ok(xml) => download(&format!("pronunciations-{}.pls", project.0), &xml),
                Err(err) => status.set(Some(Err((t.error)(&err)))),
            }
        });
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else {
            return;
        };
        if rows.dirty.get_untracked() && !confirm(t.confirm_pls_import) {
            return;
        }
        spawn_local(async move {
            let imported = match file_text(file).await {
                Ok(text) => import_pls(project, version.get_untracked(), text).await,
                Err(err) => Err(err),
            };
            match imported {
                Ok(stored) => {
                    version.set(stored.version);
                    let count = stored.map.entries().len();
                    rows.replace(stored.map.into_entries());
                    status.set(Some(Ok((t.pls_imported)(count))));
                }
                Err(AppError::Conflict { .. }) => {
                    status.set(Some(Err(t.pronunciations_conflict.into())))
                }
                Err(err) => status.set(Some(Err((t.error)(&err)))),
            }
        });
    };
    let shown = move || {
        let only = only_review.get();
        rows.rows
            .get()
            .into_iter()
            .filter(move |row| !only || row.entry.with(|e| e.status == Status::NeedsReview))
    };

    view! {
        <a href=format!("/projects/{}", project.0)>{t.back_to_project}</a>
        <h1>{t.pronunciations}</h1>
        <p class="muted">{t.pronunciations_intro}</p>
        <p class="pronunciation-tools">
            <label>
                <input
                    type="checkbox"
                    prop:checked=only_review
                    on:change=move |ev| only_review.set(event_target_checked(&ev))
                />
                " "
                {t.only_needs_review}
            </label>
            " "
            <button type="button" on:click=export>
                {t.export_pls}
            </button>
            " "
            <label class="file-button">
                {t.import_pls}
                " "
                <input type="file" accept=".pls,.xml,application/pls+xml,text/xml" on:change=import />
            </label>
        </p>
        <table class="pronunciations" aria-label=t.pronunciations>
            <thead>
                <tr>
                    <th>"#"</th>
                    <th>{t.written_form}</th>
                    <th>{t.ipa}</th>
                    <th>{t.espeak_phonemes}</th>
                    <th>{t.respelling}</th>
                    <th>{t.locale}</th>
                    <th>{t.case_sensitive}</th>
                    <th>{t.entry_status}</th>
                    <th></th>
                </tr>
            </thead>
            <tbody>
                <For each=shown key=|row| row.key let:row>
                    <EntryRow row rows />
                </For>
            </tbody>
        </table>
        <Show when=move || rows.rows.with(Vec::is_empty)>
            <p class="muted">{t.no_entries}</p>
        </Show>
        <NewEntryForm rows locale />
        <p>
            <button class="primary" on:click=save>
                {t.save_pronunciations}
            </button>
            " "
            <span role="status" class=move || match status.get() {
                Some(Err(_)) => "error",
                _ => "muted",
            }>{move || status.get().map(|s| s.unwrap_or_else(|e| e))}</span>
        </p>
        <concordance::ConcordancePanel project rows version />
    }
}

/// The form that adds an entry (needing review, in the project's language), refused with the
/// reason while it is not valid or its written form is already in the map.
#[component]
fn NewEntryForm(rows: Rows, locale: &'static str) -> impl IntoView {
    let t = t();
    let grapheme = RwSignal::new(String::new());
    let ipa = RwSignal::new(String::new());
    let refusal = RwSignal::new(None::<String>);
    let live_error = move || {
        let ipa = ipa.get();
        (!ipa.is_empty()).then(|| ipa_message(&ipa)).flatten()
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let entry =
            Entry::new(&grapheme.get_untracked(), &ipa.get_untracked(), locale).normalized();
        if let Err(err) = entry.validate() {
            refusal.set(Some((t.entry_error)(&err)));
            return;
        }
        if rows.rows.with_untracked(|all| {
            all.iter()
                .any(|r| r.entry.with_untracked(|e| e.clashes_with(&entry)))
        }) {
            refusal.set(Some((t.grapheme_taken)(&entry.grapheme)));
            return;
        }
        let row = rows.row(entry);
        rows.rows.update(|all| all.push(row));
        rows.dirty.set(true);
        grapheme.set(String::new());
        ipa.set(String::new());
        refusal.set(None);
    };
    view! {
        <form class="new-entry" on:submit=add>
            <label>
                {t.written_form}
                " "
                <input
                    type="text"
                    prop:value=grapheme
                    on:input=move |ev| grapheme.set(event_target_value(&ev))
                />
            </label>
            " "
            <label>
                {t.ipa}
                " "
                <input
                    type="text"
                    class="ipa"
                    aria-invalid=move || live_error().is_some().then_some("true")
                    prop:value=ipa
                    on:input=move |ev| {
                        ipa.set(event_target_value(&ev));
                        refusal.set(None);
                    }
                />
            </label>
            " "
            <button type="submit">{t.add_entry}</button>
            " "
            <span class="field-error" role="alert">
                {move || refusal.get().or_else(live_error)}
            </span>
        </form>
    }
}
