//! The cast page: the narrator and the characters of a project, each with aliases, gender, age,
//! notes and a voice (engine, voice id, style, style degree, rate, pitch), and the name forms the
//! speaker attribution derives from the name. Saved whole.

mod character_form;
mod proposals;
mod try_voice;

use leptos::{prelude::*, task::spawn_local};
use shared::{
    cast::forms::{name_forms, NameForms},
    Cast, Character, CharacterId, Voice, VoiceEngine,
};

use crate::{
    api::{
        projects::{load_project, save_cast},
        voices::list_voices,
    },
    components::Loaded,
    i18n::t,
    model::{ProjectDetail, ProjectId},
    resource::fetched,
    AppError,
};
use character_form::CharacterForm;

/// A project's cast, editable.
#[component]
pub fn CastPage() -> impl IntoView {
    let project_id = super::id_param("project");
    let detail = fetched(project_id, |project| async move {
        match project {
            Some(project) => load_project(ProjectId(project)).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <main class="page">
            <Loaded loading=t().loading_cast data=move || async move { detail.await } let:detail>
                <CastEditor detail />
            </Loaded>
        </main>
    }
}

/// One character as edited: a signal per field the form changes.
#[derive(Clone, Copy)]
struct Draft {
    key: usize,
    character: RwSignal<Character>,
}

#[component]
fn CastEditor(detail: ProjectDetail) -> impl IntoView {
    let language = detail.language;
    let project = detail.id;
    let version = RwSignal::new(detail.cast_version);
    let next_key = StoredValue::new(detail.cast.len());
    let drafts = RwSignal::new(
        detail
            .cast
            .into_iter()
            .enumerate()
            .map(|(key, character)| Draft {
                key,
                character: RwSignal::new(character),
            })
            .collect::<Vec<_>>(),
    );
    let status = RwSignal::new(None::<Result<String, String>>);
    let t = t();
    let new_name = RwSignal::new(String::new());
    let collect = move || drafts.with(|d| d.iter().map(|d| d.character.get()).collect::<Vec<_>>());

    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked();
        let taken = Cast::new(collect());
        let id = match &taken {
            Ok(cast) => cast.fresh_id(&name),
            Err(_) => CharacterId::slug(&name),
        };
        let Some(mut character) = id.and_then(|id| {
            let mut c = Character::named(&name, language)?;
            c.id = id;
            Some(c)
        }) else {
            status.set(Some(Err(t.character_needs_name.into())));
            return;
        };
        character.voice = Voice::default_for(language);
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        drafts.update(|d| {
            d.push(Draft {
                key,
                character: RwSignal::new(character),
            })
        });
        new_name.set(String::new());
        status.set(None);
    };
    let save = move |_| {
        let cast = collect();
        spawn_local(async move {
            match save_cast(project, version.get_untracked(), cast).await {
                Ok(saved) => {
                    version.set(saved);
                    status.set(Some(Ok(t.cast_saved.into())));
                }
                Err(AppError::Conflict { .. }) => status.set(Some(Err(t.cast_conflict.into()))),
                Err(err) => status.set(Some(Err((t.error)(&err)))),
            }
        });
    };
    let warnings = move || {
        let cast = collect();
        let mut pairs = Vec::new();
        for (i, a) in cast.iter().enumerate() {
            for b in &cast[i + 1..] {
                if a.voice.sounds_like(&b.voice) {
                    pairs.push((t.share_voice)(&a.name, &b.name));
                }
            }
        }
        pairs
    };
    let remove = Callback::new(move |key: usize| drafts.update(|d| d.retain(|x| x.key != key)));
    // Each draft's derived name forms, by key: they depend on every other character's names.
    let forms = Memo::new(move |_| {
        let keys = drafts.with(|d| d.iter().map(|d| d.key).collect::<Vec<_>>());
        keys.into_iter()
            .zip(name_forms(&collect()))
            .collect::<Vec<(usize, NameForms)>>()
    });

    view! {
        <a href=format!("/projects/{}", project.0)>{t.back_to_project}</a>
        <h1>{t.cast}</h1>
        <p class="muted">
            {t.cast_intro}
        </p>
        <ul class="warnings">
            {move || warnings().into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
        </ul>
        <VoiceLists language />
        <For each=move || drafts.get() key=|d| d.key let:draft>
            <CharacterForm project draft remove forms />
        </For>
        <form class="add-character" on:submit=add>
            <label>
                {t.new_character}
                " "
                <input
                    type="text"
                    required
                    prop:value=new_name
                    on:input=move |ev| new_name.set(event_target_value(&ev))
                />
            </label>
            " "
            <button type="submit">{t.add_character}</button>
        </form>
        <proposals::Proposals project language drafts next_key status />
        <p>
            <button class="primary" on:click=save>
                {t.save_cast}
            </button>
            " "
            <span role="status" class=move || match status.get() {
                Some(Err(_)) => "error",
                _ => "muted",
            }>
                {move || status.get().map(|s| s.unwrap_or_else(|e| e))}
            </span>
        </p>
    }
}

/// `<option>`s with the given values and, in the same order, their shown words; the `chosen`
/// one marked selected, so the server-rendered page shows it.
fn options(values: &[&'static str], words: &[&'static str], chosen: &str) -> impl IntoView {
    values
        .iter()
        .zip(words)
        .map(|(value, word)| {
            view! { <option value=*value selected=*value == chosen>{*word}</option> }
        })
        .collect_view()
}

/// One `<datalist>` per engine with the voices it offers for the project's language, which the
/// voice fields suggest (any id can still be typed; the engine checks it when auditioning).
#[component]
fn VoiceLists(language: shared::Language) -> impl IntoView {
    VoiceEngine::ALL
        .into_iter()
        .map(|engine| {
            let voices = fetched(|| (), move |_| list_voices(engine));
            let id = format!("voices-{}", engine.as_str());
            view! {
                <datalist id=id>
                    <Suspense>
                        {move || {
                            voices
                                .get()
                                .and_then(Result::ok)
                                .unwrap_or_default()
                                .into_iter()
                                .filter(|v| v.speaks(language))
                                .map(|v| {
                                    let label = format!("{} ({})", v.name, v.language);
                                    view! { <option value=v.id>{label}</option> }
                                })
                                .collect_view()
                        }}
                    </Suspense>
                </datalist>
            }
        })
        .collect_view()
}
