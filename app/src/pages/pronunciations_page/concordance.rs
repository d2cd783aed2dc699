//! The concordance under the pronunciation table: for each entry of the map as edited, how often
//! it occurs in the project's chapters and where (a link opens the chapter on that segment, and
//! *Listen* plays the sentence around it with the saved pronunciations); and, while the map
//! differs from the saved one, what saving it would change: planned segments whose request
//! changes, cached clips made stale, and the cost of rendering them again, per engine.

use leptos::{html::Audio, prelude::*, task::spawn_local};
use shared::speech::planner::Tally;

use super::Rows;
use crate::{
    api::audition::{audition, pronunciation_concordance},
    i18n::{engine_name, t, Texts},
    model::{Concordance, Occurrence, ProjectId, Version},
};

/// The concordance of `rows`, counted when the page opens and again on demand.
#[component]
pub(super) fn ConcordancePanel(
    project: ProjectId,
    rows: Rows,
    version: RwSignal<Version>,
) -> impl IntoView {
    let t = t();
    let found = RwSignal::new(None::<Result<Concordance, String>>);
    let counting = RwSignal::new(false);
    let audio = NodeRef::<Audio>::new();
    let heard = RwSignal::new(String::new());
    let count = move || {
        counting.set(true);
        let entries = rows.entries();
        spawn_local(async move {
            let answer = pronunciation_concordance(project, entries).await;
            found.set(Some(answer.map_err(|err| (t.error)(&err))));
            counting.set(false);
        });
    };
    // Counted when the page opens and after each save or import (a new version).
    Effect::new(move |_| {
        version.track();
        count();
    });
    let listen = Callback::new(move |context: String| {
        heard.set(t.audition_loading.to_owned());
        spawn_local(async move {
            match audition(project, context, None).await {
                Ok(clip) => {
                    heard.set(String::new());
                    if let Some(audio) = audio.get_untracked() {
                        audio.set_src(&clip.url);
                        let _ = audio.play();
                    }
                }
                Err(err) => heard.set((t.error)(&err)),
            }
        });
    });
    view! {
        <section class="concordance" aria-labelledby="concordance-heading">
            <h2 id="concordance-heading">{t.concordance}</h2>
            <p class="muted">{t.concordance_note}</p>
            <p>
                <button type="button" on:click=move |_| count() disabled=counting>
                    {t.concordance_count_again}
                </button>
                " "
                <span class="muted" aria-live="polite">{move || heard.get()}</span>
            </p>
            {move || match found.get() {
                None => view! { <p class="muted">{t.loading_concordance}</p> }.into_any(),
                Some(Err(message)) => view! { <p class="error">{message}</p> }.into_any(),
                Some(Ok(found)) => results(t, project, &found, listen).into_any(),
            }}
            <audio node_ref=audio preload="auto"></audio>
        </section>
    }
}

fn results(
    t: &'static Texts,
    project: ProjectId,
    found: &Concordance,
    listen: Callback<String>,
) -> impl IntoView {
    let impact = impact(t, found);
    let rows = found
        .entries
        .iter()
        .map(|uses| {
            let places = uses
                .places
                .iter()
                .map(|place| place_view(t, project, place, listen))
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{uses.grapheme.clone()}</th>
                    <td>{uses.locale.clone()}</td>
                    <td class="number">{(t.count)(uses.count)}</td>
                    <td>
                        <ul class="places">{places}</ul>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="impact" role="note">{impact}</p>
        <table class="concordance-table">
            <thead>
                <tr>
                    <th scope="col">{t.written_form}</th>
                    <th scope="col">{t.locale}</th>
                    <th scope="col">{t.concordance_occurrences}</th>
                    <th scope="col">{t.concordance_places}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

fn place_view(
    t: &'static Texts,
    project: ProjectId,
    place: &Occurrence,
    listen: Callback<String>,
) -> impl IntoView {
    let href = format!(
        "/projects/{}/chapters/{}?at={}",
        project.0, place.chapter.0, place.at
    );
    let context = place.context.clone();
    view! {
        <li>
            <a href=href>{place.title.clone()}</a>
            ": "
            <span class="context">{place.context.clone()}</span>
            " "
            <button type="button" class="listen" on:click=move |_| listen.run(context.clone())>
                {t.concordance_listen}
            </button>
        </li>
    }
}

/// What saving the map as edited would change, in words.
fn impact(t: &'static Texts, found: &Concordance) -> String {
    if found.impact.is_empty() {
        return t.concordance_no_change.to_owned();
    }
    let parts: Vec<String> = found
        .impact
        .iter()
        .map(|(engine, change)| {
            let price = found
                .prices
                .iter()
                .find(|(e, _)| e == engine)
                .map_or(0.0, |(_, p)| *p);
            (t.concordance_engine_impact)(
                engine_name(*engine),
                change.changed,
                change.stale,
                change.billable_chars,
                &(t.dollars)(Tally::cost(change.billable_chars, price)),
            )
        })
        .collect();
    format!("{} {}", t.concordance_saving, parts.join("; "))
}
