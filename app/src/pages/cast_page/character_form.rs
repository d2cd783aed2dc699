//! `CharacterForm`: one character of the cast as a form: name, aliases, gender, age, notes,
//! whether they narrate, and their voice (`VoiceFields`: engine, voice id, style, style degree,
//! rate, pitch). Every field writes straight into the character's signal. Under the aliases, the
//! name forms the speaker attribution also accepts, and those it leaves out as ambiguous.

use leptos::prelude::*;
use shared::{
    cast::{character::AgeBand, forms::NameForms},
    text::language::Gender,
    Character, VoiceEngine,
};

use super::{options, try_voice::TryVoice, Draft};
use crate::{
    i18n::{t, Texts},
    model::ProjectId,
};

/// The form of one character; `remove` takes it out of the cast (never the narrator).
#[component]
pub(super) fn CharacterForm(
    project: ProjectId,
    draft: Draft,
    remove: Callback<usize>,
    forms: Memo<Vec<(usize, NameForms)>>,
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
            <ul class="name-forms muted">
                {move || {
                    forms
                        .with(|f| {
                            f.iter()
                                .find(|(key, _)| *key == draft.key)
                                .map(|(_, forms)| name_form_lines(t, forms))
                                .unwrap_or_default()
                        })
                        .into_iter()
                        .map(|line| view! { <li>{line}</li> })
                        .collect_view()
                }}
            </ul>
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

/// The lines that tell which derived name forms the engine accepts for a character and which it
/// leaves out because another character shares them; none when the name gives no forms.
fn name_form_lines(t: &Texts, forms: &NameForms) -> Vec<String> {
    let mut lines = Vec::new();
    if !forms.accepted.is_empty() {
        lines.push((t.name_forms)(&forms.accepted.join(", ")));
    }
    if !forms.ambiguous.is_empty() {
        let list = forms.ambiguous.join(", ");
        lines.push((t.name_forms_ambiguous)(&list, forms.ambiguous.len()));
    }
    lines
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

#[cfg(test)]
mod tests {
    use shared::{cast::forms::name_forms, Language};

    use super::*;
    use crate::i18n::{EN, ES};

    #[test]
    fn the_forms_a_name_gives_are_listed_and_a_shared_one_is_marked_ambiguous() {
        let characters: Vec<Character> = ["Tom Baxter", "Ellen Baxter"]
            .into_iter()
            .map(|name| Character::named(name, Language::En).unwrap())
            .collect();
        let forms = name_forms(&characters);
        assert_eq!(
            name_form_lines(&EN, &forms[0]),
            [
                "Also recognised as: Tom.",
                "Ambiguous, not used: Baxter (it names another character too)."
            ]
        );
        assert_eq!(
            name_form_lines(&ES, &forms[1]),
            [
                "También se reconoce como: Ellen.",
                "Ambiguo, no se usa: Baxter (otro personaje también se llama así)."
            ]
        );
        let alone = name_forms(&characters[..1]);
        assert_eq!(
            name_form_lines(&ES, &alone[0])[0],
            "También se reconoce como: Tom, Baxter."
        );
        let narrator = Character::named("Narrator", Language::En).unwrap();
        assert!(name_form_lines(&EN, &name_forms(&[narrator])[0]).is_empty());
    }
}
