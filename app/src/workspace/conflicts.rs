//! `ConflictPanel`: the places where the producer and a colleague changed the same segments, each
//! shown side by side — their version and the producer's — with the producer's kept unless they
//! choose the colleague's; saving the choices resumes the autosave.

use leptos::prelude::*;
use shared::Segment;

use super::edits::Workspace;
use crate::i18n::{tt, TeamTexts};

/// The conflicts waiting for the producer; nothing when there are none.
#[component]
pub fn ConflictPanel(ws: Workspace) -> impl IntoView {
    let words = tt();
    let conflicts = ws.autosave.conflicts();
    move || {
        let waiting = conflicts.get()?;
        let count = waiting.merged.conflicts.len();
        let keep_mine = RwSignal::new(vec![true; count]);
        let places = waiting
            .merged
            .conflicts
            .into_iter()
            .enumerate()
            .map(|(i, conflict)| {
                let choose = move |mine: bool| keep_mine.update(|k| k[i] = mine);
                let name = format!("conflict-{i}");
                view! {
                    <fieldset class="conflict">
                        <legend>{(words.conflict_label)(i + 1, count)}</legend>
                        <div class="versions">
                            <div class="version mine">
                                <label>
                                    <input type="radio" name=name.clone() checked=true on:change=move |_| choose(true) />
                                    " "{words.keep_yours}
                                </label>
                                <h3>{words.yours}</h3>
                                {segments(ws, words, &conflict.mine)}
                            </div>
                            <div class="version theirs">
                                <label>
                                    <input type="radio" name=name on:change=move |_| choose(false) />
                                    " "{words.keep_theirs}
                                </label>
                                <h3>{words.theirs}</h3>
                                {segments(ws, words, &conflict.theirs)}
                            </div>
                        </div>
                    </fieldset>
                }
            })
            .collect_view();
        Some(view! {
            <section class="conflicts" role="region" aria-labelledby="conflicts-heading">
                <h2 id="conflicts-heading">{words.conflicts_heading}</h2>
                <p>{words.conflicts_intro}</p>
                {places}
                <button class="primary" on:click=move |_| ws.autosave.settle(&keep_mine.get_untracked())>
                    {words.settle}
                </button>
            </section>
        })
    }
}

/// One side of a conflict: its segments with who reads them, or "deleted".
fn segments(ws: Workspace, words: &'static TeamTexts, segments: &[Segment]) -> AnyView {
    if segments.is_empty() {
        return view! { <p class="muted">{words.removed}</p> }.into_any();
    }
    let items = segments
        .iter()
        .map(|segment| {
            let speaker = segment.speaker.as_ref().map(|id| {
                ws.voices.with_value(|voices| {
                    voices
                        .iter()
                        .find(|voice| voice.id == *id)
                        .map_or_else(|| id.clone(), |voice| voice.name.clone())
                })
            });
            view! {
                <li>
                    {speaker.map(|name| view! { <strong>{name}": "</strong> })}
                    {segment.text.clone()}
                </li>
            }
        })
        .collect_view();
    view! { <ol>{items}</ol> }.into_any()
}
