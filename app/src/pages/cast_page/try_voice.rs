//! *Try voice*: a sample line in the project's language said by a character's voice as the form
//! holds it (saved or not), with the project's pronunciations, played in the page.

use leptos::{html::Audio, prelude::*, task::spawn_local};
use shared::Character;

use crate::{api::audition::try_voice, i18n::t, model::ProjectId};

/// The button, what it is doing, and the player.
#[component]
pub(super) fn TryVoice(project: ProjectId, c: RwSignal<Character>, label: String) -> impl IntoView {
    let t = t();
    let status = RwSignal::new(String::new());
    let failed = RwSignal::new(false);
    let audio = NodeRef::<Audio>::new();
    let play = move |_| {
        let voice = c.with_untracked(|c| c.voice.clone());
        status.set(t.audition_loading.to_owned());
        failed.set(false);
        spawn_local(async move {
            match try_voice(project, voice).await {
                Ok(clip) => {
                    status.set((t.audition_clip)(clip.seconds, clip.cached));
                    if let Some(audio) = audio.get_untracked() {
                        audio.set_src(&clip.url);
                        if audio.play().is_err() {
                            failed.set(true);
                            status.set(t.audio_refused.to_owned());
                        }
                    }
                }
                Err(err) => {
                    failed.set(true);
                    status.set((t.error)(&err));
                }
            }
        });
    };
    view! {
        <span class="try-voice">
            <button type="button" on:click=play aria-label=label>
                {t.try_voice}
            </button>
            " "
            // Announced politely, but not a `status` region: the page's one status is the cast's
            // save state.
            <span aria-live="polite" class="try-voice-state muted" class:error=failed>
                {move || status.get()}
            </span>
            <audio node_ref=audio preload="auto"></audio>
        </span>
    }
}
