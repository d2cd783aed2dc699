//! The chapter's live state in the page: who else has it open and where (shown above the table,
//! each a button that goes to their segment), the segment this page is on (told to the server a
//! moment after the selection settles), and a colleague's save, which the autosave catches up
//! with. Read from `/api/chapters/{id}/live` (Server-Sent Events), in the browser only.

use leptos::{prelude::*, task::spawn_local};

use super::edits::Workspace;
use crate::{
    api::plans::show_place,
    i18n::tt,
    job_feed::{Delivery, EventFeed, FeedStorage},
    model::{Colleague, Live, Version},
};

/// How long the selection must stay put before colleagues are told of it.
const SETTLE_MS: u64 = 400;

/// Starts following the chapter's live state; gives the others on it.
pub fn follow(ws: Workspace) -> ReadSignal<Vec<Colleague>> {
    let others = RwSignal::new(Vec::new());
    // The newest version the stream told of: caught up with as soon as no save is under way
    // (one told of during a save may be newer than what the save's answer brought).
    let latest = RwSignal::new(Version::NONE);
    let feed = StoredValue::<Option<EventFeed>, FeedStorage>::new_with_storage(None);
    Effect::new(move |_| {
        let url = format!("/api/chapters/{}/live", ws.chapter.0);
        let on_live = move |delivery: Delivery<Live>| {
            if let Ok(live) = delivery {
                others.set(live.others);
                latest.set(live.version);
            }
        };
        feed.set_value(EventFeed::open(&url, |_: &Live| false, on_live).ok());
    });
    let status = ws.autosave.status();
    Effect::new(move |_| {
        status.track();
        ws.autosave.colleague_saved(latest.get());
    });
    let timer = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let segment = ws.selection.selected.get();
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        let chapter = ws.chapter;
        let tell = move || {
            spawn_local(async move {
                // Only a courtesy to colleagues: a failure is not worth a notice.
                let _ = show_place(chapter, segment).await;
            });
        };
        timer.set_value(
            set_timeout_with_handle(tell, std::time::Duration::from_millis(SETTLE_MS)).ok(),
        );
    });
    others.read_only()
}

/// Who else is on the chapter, each a button to the segment they are on.
#[component]
pub fn Colleagues(ws: Workspace, others: ReadSignal<Vec<Colleague>>) -> impl IntoView {
    let words = tt();
    let list = move || {
        others
            .get()
            .into_iter()
            .map(|colleague| {
                let row = colleague
                    .segment
                    .and_then(|id| ws.state.with(|s| s.row(id)));
                let label = match row {
                    Some(row) => (words.on_segment)(&colleague.name, row),
                    None => colleague.name.clone(),
                };
                let go = move |_| ws.selection.selected.set(colleague.segment);
                view! {
                    <li>
                        <button class="colleague" on:click=go disabled=row.is_none()>{label}</button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || others.with(|o| !o.is_empty())>
            <div class="colleagues" role="region" aria-label=words.here>
                <span>{words.also_here}</span>
                <ul>{list}</ul>
            </div>
        </Show>
    }
}
