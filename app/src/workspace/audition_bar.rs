//! `AuditionBar`: *Audition* / *Stop* and *Listen from here* for the selected segment, the
//! player's state, and the words heard with those a pronunciation entry changed marked.

use leptos::prelude::*;
use shared::speech::Applied;

use super::{
    audition::{Player, Status},
    edits::Workspace,
};

/// The player's controls and what it heard.
#[component]
pub fn AuditionBar(ws: Workspace, player: Player) -> impl IntoView {
    let t = ws.t;
    let nothing_selected = move || ws.selection.selected.get().is_none();
    let status = move || match player.status.get() {
        Status::Idle => String::new(),
        Status::Loading(_) => t.audition_loading.to_owned(),
        Status::Playing(_) => t.audition_playing.to_owned(),
        Status::Failed(message) => message,
    };
    let failed = move || matches!(player.status.get(), Status::Failed(_));
    let heard = move || {
        player.heard.get().map(|(_, text, clip)| {
            let unsaid =
                (!clip.unsaid.is_empty()).then(|| (t.audition_unsaid)(&clip.unsaid.join(", ")));
            view! {
                <p class="heard" lang=ws.language.code()>
                    {marked(&text, &clip.applied, t.audition_applied)}
                </p>
                <p class="heard-note">
                    {(t.audition_clip)(clip.seconds, clip.cached)}
                    {unsaid.map(|text| view! { " · " {text} })}
                </p>
            }
        })
    };
    Effect::new(move |_| {
        let selected = ws.selection.selected.get();
        player.follow_selection(ws, selected);
    });
    view! {
        <section class="audition" aria-label=t.audition_heading>
            <div class="toolbar" role="toolbar" aria-label=t.audition_heading>
                <button
                    class="audition-play"
                    on:click=move |_| player.toggle(ws)
                    disabled=nothing_selected
                    aria-keyshortcuts="A"
                >
                    {move || if player.busy() { t.audition_stop } else { t.audition_play }}
                </button>
                <button
                    class="audition-listen"
                    on:click=move |_| player.toggle_listening(ws)
                    disabled=nothing_selected
                    aria-pressed=move || player.listening.get().to_string()
                    aria-keyshortcuts="L"
                >
                    {move || if player.listening.get() { t.listen_stop } else { t.listen_from_here }}
                </button>
            </div>
            <p class="audition-status" class:error=failed role="status" aria-live="polite">
                {status}
            </p>
            {heard}
            <audio
                node_ref=player.audio
                on:ended=move |_| player.ended(ws)
                on:error=move |_| player.failed_to_load(ws)
                preload="auto"
            ></audio>
        </section>
    }
}

/// `text` with the characters of each applied entry in a `<mark>` whose title says how it was
/// said.
fn marked(text: &str, applied: &[Applied], title: &'static str) -> Vec<AnyView> {
    let chars: Vec<char> = text.chars().collect();
    let mut parts = Vec::new();
    let mut at = 0;
    for entry in applied {
        let (start, end) = (entry.start.min(chars.len()), entry.end.min(chars.len()));
        if start < at || start >= end {
            continue;
        }
        parts.push(chars[at..start].iter().collect::<String>().into_any());
        let word: String = chars[start..end].iter().collect();
        parts.push(view! { <mark title=title>{word}</mark> }.into_any());
        at = end;
    }
    parts.push(chars[at..].iter().collect::<String>().into_any());
    parts
}
