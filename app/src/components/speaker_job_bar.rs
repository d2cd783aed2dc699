//! `SpeakerJobBar`: the progress of a speaker assignment by the language model, "chunk 3 of 7 ·
//! waiting for the model", with a `<progress>` bar and a Cancel button. Shows nothing when no
//! job runs.

use leptos::prelude::*;

use crate::{
    i18n::{t, Texts},
    model::JobStage,
};

/// Where a running job is: `done` of `total` chunks answered, and what happens now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JobProgress {
    /// Chunks answered.
    pub done: usize,
    /// Chunks to send (0 until the chapter is cut).
    pub total: usize,
    /// The current step.
    pub stage: JobStage,
}

/// The bar of a running job; `on_cancel` asks the server to stop it.
#[component]
pub fn SpeakerJobBar(
    progress: Signal<Option<JobProgress>>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let t = t();
    let text = move || progress.get().map(|p| describe(t, p)).unwrap_or_default();
    let max = move || progress.get().map_or(1, |p| p.total.max(1)).to_string();
    let value = move || progress.get().map_or(0, |p| p.done).to_string();
    view! {
        <Show when=move || progress.with(Option::is_some)>
            <div class="llm-job" role="group" aria-label=t.llm_progress_label>
                <progress aria-label=t.llm_progress_label max=max value=value></progress>
                <span class="llm-job-text">{text}</span>
                <button on:click=move |_| on_cancel.run(())>{t.llm_cancel}</button>
            </div>
        </Show>
    }
}

/// "chunk 3 of 7 · waiting for the model": the chunk being worked on (the next one while a
/// request is out), and the stage in words.
fn describe(t: &Texts, progress: JobProgress) -> String {
    let stage = match progress.stage {
        JobStage::Started => t.llm_stage_started.to_owned(),
        JobStage::Requesting => t.llm_stage_requesting.to_owned(),
        JobStage::Retrying { wait_ms, attempt } => {
            (t.llm_stage_retrying)(wait_ms.div_ceil(1_000), attempt)
        }
        JobStage::ChunkDone => t.llm_stage_chunk_done.to_owned(),
        JobStage::Finished => t.llm_stage_finished.to_owned(),
    };
    if progress.total == 0 {
        return stage;
    }
    let in_flight = matches!(
        progress.stage,
        JobStage::Requesting | JobStage::Retrying { .. }
    );
    let current = (progress.done + usize::from(in_flight)).clamp(1, progress.total);
    (t.llm_progress)(current, progress.total, &stage)
}
