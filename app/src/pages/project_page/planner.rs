//! The planner: what rendering the project takes, per chapter and for the whole book, engine by
//! engine: minutes of audio, characters, characters billed, clips already cached, and the cost
//! of rendering the rest and of rendering it all at the configured prices.

use leptos::prelude::*;
use shared::{speech::planner::Tally, VoiceEngine};

use crate::{
    api::audition::estimate_project,
    components::Loaded,
    i18n::{engine_name, t, Texts},
    model::{ProjectEstimate, ProjectId},
    resource::fetched,
};

/// The planner's table for `project`.
#[component]
pub fn Planner(project: ProjectId) -> impl IntoView {
    let t = t();
    let estimate = fetched(move || project, estimate_project);
    view! {
        <section class="planner" aria-labelledby="planner-heading">
            <h2 id="planner-heading">{t.planner}</h2>
            <p class="muted">{t.planner_note}</p>
            <Loaded loading=t.loading_planner data=move || async move { estimate.await } let:estimate>
                {table(t, &estimate)}
            </Loaded>
        </section>
    }
}

/// One row: a chapter's (or the book's) tally for one engine.
struct Row {
    label: String,
    engine: VoiceEngine,
    tally: Tally,
}

fn table(t: &'static Texts, estimate: &ProjectEstimate) -> impl IntoView {
    let price = |engine| {
        estimate
            .prices
            .iter()
            .find(|(e, _)| *e == engine)
            .map_or(0.0, |(_, price)| *price)
    };
    let mut rows = Vec::new();
    let mut unplanned = Vec::new();
    let mut book: Vec<(VoiceEngine, Tally)> = Vec::new();
    for chapter in &estimate.chapters {
        if !chapter.planned {
            unplanned.push(chapter.title.clone());
            continue;
        }
        for (engine, tally) in &chapter.engines {
            rows.push(Row {
                label: chapter.title.clone(),
                engine: *engine,
                tally: tally.clone(),
            });
            match book.iter_mut().find(|(e, _)| e == engine) {
                Some((_, total)) => total.add(tally),
                None => book.push((*engine, tally.clone())),
            }
        }
    }
    let body = rows
        .into_iter()
        .map(|row| {
            let per_million = price(row.engine);
            row_view(t, row, per_million)
        })
        .collect_view();
    let totals = book
        .into_iter()
        .map(|(engine, tally)| {
            let row = Row {
                label: t.planner_book.to_owned(),
                engine,
                tally,
            };
            row_view(t, row, price(engine))
        })
        .collect_view();
    let unplanned = unplanned
        .into_iter()
        .map(|title| {
            view! {
                <tr class="unplanned">
                    <th scope="row">{title}</th>
                    <td colspan="7">{t.planner_not_planned}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="planner-table">
            <thead>
                <tr>
                    <th scope="col">{t.planner_chapter}</th>
                    <th scope="col">{t.planner_engine}</th>
                    <th scope="col">{t.planner_minutes}</th>
                    <th scope="col">{t.planner_chars}</th>
                    <th scope="col">{t.planner_billed}</th>
                    <th scope="col">{t.planner_cached}</th>
                    <th scope="col">{t.planner_to_render}</th>
                    <th scope="col">{t.planner_full}</th>
                </tr>
            </thead>
            <tbody>{body}{unplanned}</tbody>
            <tfoot>{totals}</tfoot>
        </table>
    }
}

fn row_view(t: &'static Texts, row: Row, per_million: f64) -> impl IntoView {
    let Row {
        label,
        engine,
        tally,
    } = row;
    let refused = (tally.refused > 0).then(|| {
        view! { <span class="refused">" · "{(t.planner_refused)(tally.refused)}</span> }
    });
    view! {
        <tr>
            <th scope="row">{label}</th>
            <td>{engine_name(engine)}</td>
            <td class="number">{(t.decimal)(tally.seconds / 60.0)}</td>
            <td class="number">{(t.count)(tally.chars)}</td>
            <td class="number">{(t.count)(tally.billable_chars)}</td>
            <td class="number">{(t.planner_of)(tally.cached, tally.segments)}{refused}</td>
            <td class="number">
                {(t.dollars)(Tally::cost(tally.billable_to_render, per_million))}
            </td>
            <td class="number">{(t.dollars)(Tally::cost(tally.billable_chars, per_million))}</td>
        </tr>
    }
}
