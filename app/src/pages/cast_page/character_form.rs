//! `CharacterForm`: one character of the cast as a form: name, aliases, gender, age, notes,
//! whether they narrate, and their voice (`VoiceFields`: engine, voice id, style, style degree,
//! rate, pitch). Every field writes straight into the character's signal.

use leptos::prelude::*;
use shared::{cast::character::AgeBand, text::language::Gender, Character, VoiceEngine};

use super::{options, try_voice::TryVoice, Draft};
use crate::{i18n::t, model::ProjectId};

/// The form of one character; `remove` takes it out of the cast (never the narrator).
#[component]
pub(super) fn CharacterForm(
    project: ProjectId,
    draft: Draft,
    remove: Callback<usize>,
) -> impl IntoView {
    let c = draft.character;
    let is_narrator = c.with_untracked(|c| c.id.is_narrator());
    let id = c.with_untracked(|c| c.id.to_string());
    let heading = move || c.with(|c| c.name.clone());
    let t = t();
    let field = |name: &str| format!("{name} ({id})");
    let narrates_label = field(t.narrates);
    // The attributes carry the values into the server-rendered page (readable without
    // JavaScript); the properties follow the edits once hydrated.
    let initial = c.get_untracked();
    view! {
        <fieldset class="character">
            <legend>{heading}</legend>
            <label>
                {t.name}
                " "
                <input
                    type="text"
                    aria-label=field(t.name)
                    value=initial.name
                    prop:value=move || c.with(|c| c.name.clone())
                    on:input=move |ev| c.update(|c| c.name = event_target_value(&ev))
                />
            </label>
            <label>
                " "
                {t.aliases}
                " "
                <input
                    type="text"
                    aria-label=field(t.aliases)
                    placeholder=t.aliases_hint
                    value=initial.aliases.join(", ")
                    prop:value=move || c.with(|c| c.aliases.join(", "))
                    on:change=move |ev| {
                        c.update(|c| {
                            c.aliases = event_target_value(&ev)
                                .split(',')
                                .map(str::trim)
                                .filter(|a| !a.is_empty())
                                .map(str::to_owned)
                                .collect();
                        })
                    }
                />
            </label>
            <label>
                " "
                {t.gender}
                " "
                <select
                    aria-label=field(t.gender)
                    on:change=move |ev| c.update(|c| c.gender = Gender::parse(&event_target_value(&ev)))
                    prop:value=move || c.with(|c| c.gender.as_str())
                >
                    {options(
                        &["unknown", "female", "male", "other"],
                        &t.genders,
                        initial.gender.as_str(),
                    )}
                </select>
            </label>
            <label>
                " "
                {t.age}
                " "
                <select
                    aria-label=field(t.age)
                    on:change=move |ev| c.update(|c| c.age = AgeBand::parse(&event_target_value(&ev)))
                    prop:value=move || c.with(|c| c.age.as_str())
                >
                    {options(
                        &["unknown", "child", "teen", "adult", "senior"],
                        &t.ages,
                        initial.age.as_str(),
                    )}
                </select>
            </label>
            <VoiceFields c id=id.clone() />
            <TryVoice project c label=format!("{} – {id}", t.try_voice) />
            <Show when=move || !is_narrator>
                <label>
                    <input
                        type="checkbox"
                        aria-label=narrates_label.clone()
                        checked=initial.narrates
                        prop:checked=move || c.with(|c| c.narrates)
                        on:change=move |ev| c.update(|c| c.narrates = event_target_checked(&ev))
                    />
                    " "
                    {t.narrates}
                </label>
            </Show>
            <label class="description">
                {t.notes}
                " "
                <input
                    type="text"
                    aria-label=field(t.notes)
                    value=initial.description
                    prop:value=move || c.with(|c| c.description.clone())
                    on:input=move |ev| c.update(|c| c.description = event_target_value(&ev))
                />
            </label>
            <Show when=move || !is_narrator>
                <button type="button" on:click=move |_| remove.run(draft.key)>
                    {t.remove}
                </button>
            </Show>
        </fieldset>
    }
}

/// A character's voice: engine, voice id (suggested from the engine's list), style and numbers.
#[component]
fn VoiceFields(c: RwSignal<Character>, id: String) -> impl IntoView {
    let t = t();
    let field = move |name: &str| format!("{name} ({id})");
    // Initial values as attributes, as in `CharacterForm`.
    let initial = c.with_untracked(|c| c.voice.clone());
    let engine = initial.engine.as_str();
    view! {
        <div class="voice">
            <label>
                {t.engine}
                " "
                <select
                    aria-label=field(t.engine)
                    on:change=move |ev| {
                        c.update(|c| {
                            c.voice.engine = VoiceEngine::from_name(&event_target_value(&ev))
                                .unwrap_or_default();
                        })
                    }
                    prop:value=move || c.with(|c| c.voice.engine.as_str())
                >
                    <option value="espeak" selected=engine == "espeak">"espeak-ng"</option>
                    <option value="azure" selected=engine == "azure">"Azure"</option>
                    <option value="elevenlabs" selected=engine == "elevenlabs">"ElevenLabs"</option>
                </select>
            </label>
            <label>
                " "
                {t.voice}
                " "
                <input
                    type="text"
                    aria-label=field(t.voice)
                    list=move || format!("voices-{}", c.with(|c| c.voice.engine.as_str()))
                    value=initial.voice_id
                    prop:value=move || c.with(|c| c.voice.voice_id.clone())
                    on:input=move |ev| c.update(|c| c.voice.voice_id = event_target_value(&ev))
                />
            </label>
            <label>
                " "
                {t.style}
                " "
                <input
                    type="text"
                    aria-label=field(t.style)
                    value=initial.style
                    prop:value=move || c.with(|c| c.voice.style.clone().unwrap_or_default())
                    on:input=move |ev| {
                        let style = event_target_value(&ev);
                        c.update(|c| {
                            c.voice.style = (!style.trim().is_empty()).then(|| style.trim().to_owned())
                        })
                    }
                />
            </label>
            {number_field(
                t.style_degree,
                field(t.style_degree),
                ("0.01", "2", "0.01"),
                c,
                |c| c.voice.style_degree,
                |c, v| c.voice.style_degree = v,
            )}
            {number_field(
                t.rate,
                field(t.rate),
                ("-50", "100", "1"),
                c,
                |c| c.voice.rate,
                |c, v| c.voice.rate = v,
            )}
            {number_field(
                t.pitch,
                field(t.pitch),
                ("-50", "50", "1"),
                c,
                |c| c.voice.pitch,
                |c, v| c.voice.pitch = v,
            )}
        </div>
    }
}

/// A labelled number input bound to one numeric field of a character. The browser's `min` and
/// `max` only guide typing; `shared::Cast` validates the bounds when the cast is saved.
fn number_field<T>(
    text: &'static str,
    label: String,
    (min, max, step): (&'static str, &'static str, &'static str),
    character: RwSignal<Character>,
    get: fn(&Character) -> T,
    set: fn(&mut Character, T),
) -> impl IntoView
where
    T: ToString + std::str::FromStr + Send + Sync + 'static,
{
    let initial = character.with_untracked(|c| get(c).to_string());
    view! {
        <label>
            " "
            {text}
            " "
            <input
                type="number"
                min=min
                max=max
                step=step
                aria-label=label
                value=initial
                prop:value=move || character.with(|c| get(c).to_string())
                on:change=move |ev| {
                    if let Ok(value) = event_target_value(&ev).parse() {
                        character.update(|c| set(c, value));
                    }
                }
            />
        </label>
    }
}
