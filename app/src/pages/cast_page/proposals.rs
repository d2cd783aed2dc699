//! Characters found in the text: the cast page proposes the names near speech verbs that the cast
//! lacks, and the producer confirms each as a new character (renamed if need be) or merges it into
//! an existing one as aliases. Nothing is stored until the cast is saved.

use leptos::{html::Button, prelude::*, task::spawn_local};
use shared::{
    attribution::propose::ProposedCharacter, text::language::Gender, Cast, Character, Language,
};

use super::{options, Draft};
use crate::{api::projects::propose_cast, components::keep_focus_on, i18n::t, model::ProjectId};

/// One proposal as the producer edits it.
#[derive(Clone, Copy)]
struct Candidate {
    /// The name as found in the text: kept as an alias when the producer renames it.
    found: StoredValue<String>,
    include: RwSignal<bool>,
    name: RwSignal<String>,
    aliases: RwSignal<String>,
    gender: RwSignal<Gender>,
    /// Tells the story as "I" (the proposal's guess, which the producer confirms).
    narrates: RwSignal<bool>,
    /// The id of the member to merge into; empty for a new character.
    into: RwSignal<String>,
    mentions: usize,
    speech_tags: usize,
}

impl Candidate {
    fn new(proposal: ProposedCharacter) -> Self {
        Self {
            found: StoredValue::new(proposal.name.clone()),
            // Proposals with tagged lines, and the one who seems to tell the story, are the likely
            // speakers: ticked to start with.
            include: RwSignal::new(proposal.speech_tags > 0 || proposal.narrates),
            name: RwSignal::new(proposal.name),
            aliases: RwSignal::new(proposal.aliases.join(", ")),
            gender: RwSignal::new(proposal.gender),
            narrates: RwSignal::new(proposal.narrates),
            into: RwSignal::new(String::new()),
            mentions: proposal.mentions,
            speech_tags: proposal.speech_tags,
        }
    }
}

/// The names of a comma-separated list, trimmed, without blanks.
fn names(list: &str) -> Vec<String> {
    list.split(',')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Adds `names` to `character`'s aliases, skipping any it already answers to.
fn merge_names(character: &mut Character, names: impl IntoIterator<Item = String>) {
    for name in names {
        let known = character
            .names()
            .any(|n| n.trim().eq_ignore_ascii_case(name.trim()));
        if !known {
            character.aliases.push(name);
        }
    }
}

/// "Find characters in the chapters" and the list of what was found.
#[component]
pub(super) fn Proposals(
    project: ProjectId,
    language: Language,
    drafts: RwSignal<Vec<Draft>>,
    next_key: StoredValue<usize>,
    status: RwSignal<Option<Result<String, String>>>,
) -> impl IntoView {
    let t = t();
    let owner = StoredValue::new(Owner::current());
    let candidates = RwSignal::new(None::<Vec<Candidate>>);
    let busy = RwSignal::new(false);
    // The button is disabled while the chapters are read, and adding redraws the list: either
    // takes the focus away, and the button gets it back.
    let find_button = NodeRef::<Button>::new();
    let refocus = move || keep_focus_on(move || find_button.get_untracked().map(Into::into));
    let find = move |_| {
        busy.set(true);
        spawn_local(async move {
            match propose_cast(project).await {
                Ok(found) => candidates.set(Some(found.into_iter().map(Candidate::new).collect())),
                Err(err) => status.set(Some(Err((t.error)(&err)))),
            }
            busy.set(false);
            refocus();
        });
    };
    let members = move || {
        drafts.with(|d| {
            d.iter()
                .map(|d| d.character.with(|c| (c.id.to_string(), c.name.clone())))
                .collect::<Vec<_>>()
        })
    };
    let add = move |_| {
        let chosen: Vec<Candidate> = candidates
            .get_untracked()
            .unwrap_or_default()
            .into_iter()
            .filter(|c| c.include.get_untracked())
            .collect();
        let mut added = 0;
        for candidate in &chosen {
            let name = candidate.name.get_untracked();
            let mut all = vec![name.clone(), candidate.found.get_value()];
            all.extend(names(&candidate.aliases.get_untracked()));
            let into = candidate.into.get_untracked();
            if let Some(draft) = drafts.with_untracked(|d| {
                d.iter()
                    .find(|d| d.character.with_untracked(|c| c.id.as_str() == into))
                    .copied()
            }) {
                let narrates = candidate.narrates.get_untracked();
                draft.character.update(|c| {
                    merge_names(c, all);
                    c.narrates |= narrates;
                });
                added += 1;
                continue;
            }
            let current: Vec<Character> =
                drafts.with_untracked(|d| d.iter().map(|d| d.character.get_untracked()).collect());
            let id = Cast::new(current)
                .ok()
                .and_then(|cast| cast.fresh_id(&name))
                .or_else(|| shared::CharacterId::slug(&name));
            let Some(mut character) = id.and_then(|id| {
                let mut c = Character::named(&name, language)?;
                c.id = id;
                Some(c)
            }) else {
                continue;
            };
            merge_names(&mut character, all.into_iter().skip(1));
            character.gender = candidate.gender.get_untracked();
            character.narrates = candidate.narrates.get_untracked();
            let key = next_key.get_value();
            next_key.set_value(key + 1);
            // Owned by this component, not by the list below: that list is rebuilt (and its
            // signals disposed) when the added proposals leave it.
            let character = owner.with_value(|owner| match owner {
                Some(owner) => owner.with(|| RwSignal::new(character)),
                None => RwSignal::new(character),
            });
            drafts.update(|d| d.push(Draft { key, character }));
            added += 1;
        }
        candidates.update(|list| {
            if let Some(list) = list {
                list.retain(|c| !c.include.get_untracked());
            }
        });
        status.set(Some(Ok((t.proposals_added)(added))));
        refocus();
    };

    view! {
        <section class="proposals" aria-label=t.proposals>
            <h2>{t.proposals}</h2>
            <p class="muted">{t.proposals_intro}</p>
            <button on:click=find disabled=busy node_ref=find_button>
                {move || if busy.get() { t.finding_characters } else { t.find_characters }}
            </button>
            {move || {
                candidates
                    .get()
                    .map(|list| {
                        if list.is_empty() {
                            return view! { <p>{t.no_proposals}</p> }.into_any();
                        }
                        view! {
                            <table class="proposal-list">
                                <thead>
                                    <tr>
                                        <th scope="col">{t.add}</th>
                                        <th scope="col">{t.name}</th>
                                        <th scope="col">{t.aliases}</th>
                                        <th scope="col">{t.gender}</th>
                                        <th scope="col">{t.narrator_column}</th>
                                        <th scope="col">{t.found_in_text}</th>
                                        <th scope="col">{t.merge_into}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {list
                                        .into_iter()
                                        .map(|c| candidate_row(c, members))
                                        .collect_view()}
                                </tbody>
                            </table>
                            <button class="primary" on:click=add>{t.add_proposed}</button>
                        }
                        .into_any()
                    })
            }}
        </section>
    }
}

fn candidate_row(
    c: Candidate,
    members: impl Fn() -> Vec<(String, String)> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let t = t();
    let label = move |field: &str| format!("{field} ({})", c.name.get_untracked());
    view! {
        <tr>
            <td>
                <input
                    type="checkbox"
                    aria-label=label(t.add)
                    prop:checked=c.include
                    on:change=move |ev| c.include.set(event_target_checked(&ev))
                />
            </td>
            <td>
                <input
                    type="text"
                    aria-label=label(t.name)
                    prop:value=c.name
                    on:input=move |ev| c.name.set(event_target_value(&ev))
                />
            </td>
            <td>
                <input
                    type="text"
                    aria-label=label(t.aliases)
                    prop:value=c.aliases
                    on:input=move |ev| c.aliases.set(event_target_value(&ev))
                />
            </td>
            <td>
                <select
                    aria-label=label(t.gender)
                    prop:value=move || c.gender.get().as_str()
                    on:change=move |ev| c.gender.set(Gender::parse(&event_target_value(&ev)))
                >
                    {options(
                        &["unknown", "female", "male", "other"],
                        &t.genders,
                        c.gender.get_untracked().as_str(),
                    )}
                </select>
            </td>
            <td>
                <input
                    type="checkbox"
                    aria-label=label(t.narrates)
                    title=t.narrates
                    prop:checked=c.narrates
                    on:change=move |ev| c.narrates.set(event_target_checked(&ev))
                />
            </td>
            <td>{(t.mentions_and_tags)(c.mentions, c.speech_tags)}</td>
            <td>
                <select
                    aria-label=label(t.merge_into)
                    prop:value=c.into
                    on:change=move |ev| c.into.set(event_target_value(&ev))
                >
                    <option value="">{t.new_character_option}</option>
                    {move || {
                        members()
                            .into_iter()
                            .map(|(id, name)| view! { <option value=id>{name}</option> })
                            .collect_view()
                    }}
                </select>
            </td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merging_adds_only_the_names_a_character_lacks() {
        let mut holmes = Character::named("Sherlock Holmes", Language::En).unwrap();
        holmes.aliases = vec!["Holmes".into()];
        merge_names(
            &mut holmes,
            names("holmes, Mr. Holmes, , sherlock holmes, Sherlock"),
        );
        assert_eq!(holmes.aliases, ["Holmes", "Mr. Holmes", "Sherlock"]);
    }
}
