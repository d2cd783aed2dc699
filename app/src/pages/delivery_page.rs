//! A project's delivery page: the book's author and the pauses its renders use, each chapter's
//! render state (not rendered, rendering, stale, passing or failing ACX), the audiobook (M4B)
//! built from the chapters' renders, and what rendering the book costs per engine.

use leptos::{prelude::*, task::spawn_local};

use crate::{
    api::renders::{
        cancel_book, load_delivery, render_chapters, save_delivery_settings, start_book,
    },
    components::Loaded,
    i18n::{clock, delivery_texts, t, use_locale, DeliveryTexts, LanguageSwitch},
    job_feed::{EventFeed, FeedError, FeedStorage},
    model::{BookDelivery, BookEvent, BookStage, DeliverySettings, JobId, ProjectId},
    resource::fetched,
    AppError,
};

/// The delivery page of the project in the URL.
#[component]
pub fn DeliveryPage() -> impl IntoView {
    let project_id = super::id_param("project");
    let project = move || project_id().map(ProjectId);
    let refresh = RwSignal::new(0u32);
    let delivery = fetched(
        move || (project(), refresh.get()),
        |(project, _)| async move {
            match project {
                Some(project) => load_delivery(project).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let d = delivery_texts(use_locale().get_untracked());
    // Kept above the data, which is fetched again after a save.
    let note = RwSignal::new(None::<String>);
    view! {
        <main class="page delivery">
            <LanguageSwitch />
            <super::AccountBar />
            {move || project().map(|p| view! { <a href=format!("/projects/{}", p.0)>{t().back_to_project}</a> })}
            <Loaded loading="…" data=move || async move { delivery.await } let:delivery>
                <Book d delivery refresh note />
            </Loaded>
            {move || project().map(|project| view! { <super::project_page::planner::Planner project /> })}
        </main>
    }
}

/// The page's body for a loaded delivery.
#[component]
fn Book(
    d: &'static DeliveryTexts,
    delivery: BookDelivery,
    refresh: RwSignal<u32>,
    note: RwSignal<Option<String>>,
) -> impl IntoView {
    let project = delivery.project;
    let chapters: Vec<_> = delivery
        .chapters
        .iter()
        .map(|c| {
            let href = format!("/projects/{}/chapters/{}", project.0, c.chapter.0);
            view! {
                <tr>
                    <td><a href=href>{c.title.clone()}</a></td>
                    <td class=format!("render-{}", state_class(c.state))>{(d.state)(c.state)}</td>
                    <td>{c.seconds.map(clock)}</td>
                </tr>
            }
        })
        .collect();
    view! {
        <h1>{(d.title)(&delivery.name)}</h1>
        <p class="muted">{d.intro}</p>
        <Settings d project settings=delivery.settings.clone() refresh note />
        <section aria-labelledby="chapters-heading">
            <h2 id="chapters-heading">{d.chapters}</h2>
            <table class="delivery-chapters">
                <thead><tr>
                    <th scope="col">{d.chapter}</th>
                    <th scope="col">{d.audio}</th>
                    <th scope="col">{d.length}</th>
                </tr></thead>
                <tbody>{chapters}</tbody>
            </table>
            <RenderEvery d project refresh note />
        </section>
        <Audiobook d delivery refresh />
    }
}

fn state_class(state: crate::model::RenderState) -> &'static str {
    use crate::model::RenderState::*;
    match state {
        NoPlan => "none",
        NotRendered => "missing",
        Rendering => "running",
        Stale => "stale",
        Passes => "pass",
        Fails { .. } => "fail",
    }
}

/// The author and the pauses, saved together.
#[component]
fn Settings(
    d: &'static DeliveryTexts,
    project: ProjectId,
    settings: DeliverySettings,
    refresh: RwSignal<u32>,
    note: RwSignal<Option<String>>,
) -> impl IntoView {
    let author = RwSignal::new(settings.author.clone());
    let pauses = RwSignal::new(settings.pauses);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let settings = DeliverySettings {
            author: author.get_untracked(),
            pauses: pauses.get_untracked(),
        };
        spawn_local(async move {
            match save_delivery_settings(project, settings).await {
                Ok(()) => {
                    note.set(Some(d.saved.to_owned()));
                    refresh.update(|n| *n += 1);
                }
                Err(err) => note.set(Some((t().error)(&err))),
            }
        });
    };
    // Each input carries its stored value as an attribute, for the server-rendered page
    // (readable without JavaScript), and follows its signal as a property once hydrated.
    let fields: Vec<_> = settings
        .pauses
        .ranges()
        .into_iter()
        .map(|(name, initial, min, max)| {
            let value = move || {
                pauses
                    .get()
                    .ranges()
                    .iter()
                    .find(|r| r.0 == name)
                    .map_or(0, |r| r.1)
                    .to_string()
            };
            let set = move |ev: leptos::ev::Event| {
                let ms = event_target_value(&ev).parse::<u32>().unwrap_or(0);
                pauses.update(|p| set_pause(p, name, ms));
            };
            view! {
                <label class="pause">
                    {(d.pause)(name)} " "
                    <input type="number" min=min max=max step="50" value=initial prop:value=value
                        on:input=set />
                    " " {d.milliseconds}
                </label>
            }
        })
        .collect();
    view! {
        <section aria-labelledby="settings-heading">
            <h2 id="settings-heading">{d.settings}</h2>
            <form class="delivery-settings" on:submit=save>
                <label>
                    {d.author} " "
                    <input type="text" maxlength="200" value=settings.author prop:value=author
                        on:input=move |ev| author.set(event_target_value(&ev)) />
                </label>
                <fieldset>
                    <legend>{d.pauses}</legend>
                    {fields}
                </fieldset>
                <button type="submit">{d.save}</button>
            </form>
            {move || note.get().map(|text| view! { <p class="notice" role="status">{text}</p> })}
        </section>
    }
}

/// *Render every chapter*: a render of each planned chapter not rendered yet or stale; the page
/// says how many started and why any could not.
#[component]
fn RenderEvery(
    d: &'static DeliveryTexts,
    project: ProjectId,
    refresh: RwSignal<u32>,
    note: RwSignal<Option<String>>,
) -> impl IntoView {
    let click = move |_| {
        spawn_local(async move {
            match render_chapters(project).await {
                Ok(all) => {
                    let refusal = t().refusal;
                    let refused: Vec<String> = all
                        .refused
                        .iter()
                        .map(|(title, why)| format!("{title}: {}", refusal(why)))
                        .collect();
                    note.set(Some((d.started)(all.started, &refused.join("; "))));
                    refresh.update(|n| *n += 1);
                }
                Err(err) => note.set(Some((t().error)(&err))),
            }
        });
    };
    view! {
        <p>
            <button class="render-every" on:click=click>{d.render_every}</button>
            " " <span class="muted">{d.render_every_hint}</span>
        </p>
    }
}

/// Sets the pause called `name` to `ms`.
fn set_pause(pauses: &mut shared::delivery::timeline::Pauses, name: &str, ms: u32) {
    let slot = match name {
        "head" => &mut pauses.head_ms,
        "title" => &mut pauses.title_ms,
        "phrase" => &mut pauses.phrase_ms,
        "sentence" => &mut pauses.sentence_ms,
        "turn" => &mut pauses.turn_ms,
        "paragraph" => &mut pauses.paragraph_ms,
        "scene" => &mut pauses.scene_ms,
        _ => &mut pauses.tail_ms,
    };
    *slot = ms;
}

/// The audiobook: what was built, the build button and its progress.
#[component]
fn Audiobook(
    d: &'static DeliveryTexts,
    delivery: BookDelivery,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let project = delivery.project;
    let ready = delivery.ready();
    let r = crate::i18n::render_texts(use_locale().get_untracked());
    let stage = RwSignal::new(None::<BookStage>);
    let job = RwSignal::new(None::<JobId>);
    let note = RwSignal::new(None::<String>);
    let feed: StoredValue<Option<EventFeed>, FeedStorage> = StoredValue::new_with_storage(None);
    let follow = move |id: JobId| {
        job.set(Some(id));
        let opened = EventFeed::open(
            &id.book_events_url(project),
            BookEvent::is_final,
            move |message| {
                if let Ok(BookEvent::Progress { stage: now }) = message {
                    stage.set(Some(now));
                    return;
                }
                job.set(None);
                stage.set(None);
                spawn_local(async move { feed.set_value(None) });
                // Only a new audiobook changes the page; a failure stays in view.
                let built = matches!(message, Ok(BookEvent::Done { .. }));
                note.set(match message {
                    Ok(BookEvent::Done { .. }) | Ok(BookEvent::Progress { .. }) => None,
                    Ok(BookEvent::Failed { reason, .. }) => Some((d.failed)(&(r.failure)(&reason))),
                    Ok(BookEvent::Cancelled) => Some(d.cancelled.to_owned()),
                    Err(FeedError::Lost) => Some((d.failed)(r.lost)),
                    Err(FeedError::Unreadable(reason)) => Some((d.failed)(&reason)),
                });
                if built {
                    refresh.update(|n| *n += 1);
                }
            },
        );
        match opened {
            Ok(opened) => feed.set_value(Some(opened)),
            Err(reason) => {
                job.set(None);
                note.set(Some((d.failed)(&reason)));
            }
        }
    };
    if let Some(running) = delivery.job {
        Effect::new(move |_| follow(running));
    }
    let build = move |_| {
        note.set(None);
        spawn_local(async move {
            match start_book(project).await {
                Ok(id) => follow(id),
                Err(err) => note.set(Some((t().error)(&err))),
            }
        });
    };
    let cancel = move |_| {
        if let Some(id) = job.get_untracked() {
            spawn_local(async move {
                if let Err(err) = cancel_book(project, id).await {
                    note.set(Some((t().error)(&err)));
                }
            });
        }
    };
    let book = delivery.book.map(|book| {
        view! {
            <p class="book-state">{(d.built)(book.seconds, book.bytes as f64, book.markers)}</p>
            {book.stale.then(|| view! { <p class="render-stale" role="note">{d.book_stale}</p> })}
            <p>
                <audio controls preload="none" src=book.url.clone()></audio>
                " "
                <a class="book-download" href=book.url download>{d.download}</a>
            </p>
        }
    });
    view! {
        <section aria-labelledby="book-heading">
            <h2 id="book-heading">{d.audiobook}</h2>
            {book.map_or_else(|| view! { <p class="book-state">{d.not_built}</p> }.into_any(), IntoAny::into_any)}
            <p>
                <button class="book-build" on:click=build disabled=move || !ready || job.get().is_some()>{d.build}</button>
                " "
                <span class="muted">{if ready { d.build_hint } else { d.not_ready }}</span>
            </p>
            <Show when=move || job.get().is_some()>
                <p class="render-job" role="status">
                    {move || stage.get().map(|s| (d.stage)(s))}
                    " "
                    <button on:click=cancel>{d.cancel}</button>
                </p>
            </Show>
            {move || note.get().map(|text| view! { <p class="notice" role="status">{text}</p> })}
        </section>
    }
}
