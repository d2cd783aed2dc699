//! `SpeakerRun`: "Assign speakers". The rule engine runs here; with a language model on the
//! server, a job runs there and its events arrive through a `JobFeed`. Either answer is applied as
//! one undoable edit. Leaving the chapter cancels its job: nobody would apply the result.

use std::collections::HashMap;

use leptos::{prelude::*, task::spawn_local};
use shared::{
    attribution::{
        propose::{missing_from_cast, propose_cast},
        verdict::Attribution,
    },
    Cast, Edit, Language, SegmentId,
};

use super::edits::Workspace;
use crate::{
    api::speakers::{cancel_speaker_job, start_speaker_job},
    components::JobProgress,
    i18n::{t, Texts},
    job_feed::{open_job_feed, FeedError, FeedMessage, FeedStorage, JobFeed},
    model::{JobId, JobStage, SpeakerEngine, SpeakerJobEvent},
};

/// How many missing speakers the notice names.
const MISSING_LISTED: usize = 5;

/// The speaker runs of one chapter; a handle, cheap to copy.
#[derive(Clone, Copy)]
pub struct SpeakerRun {
    ws: Workspace,
    uses_llm: bool,
    /// What the last run found per segment: confidence and evidence for the table.
    pub found: RwSignal<HashMap<SegmentId, Attribution>>,
    /// Speakers that speech tags name but the cast lacks, found after each run.
    pub missing: RwSignal<Vec<String>>,
    /// Where the server's job is; `None` when none runs.
    pub progress: RwSignal<Option<JobProgress>>,
    job: RwSignal<Option<JobId>>,
    feed: StoredValue<Option<JobFeed>, FeedStorage>,
}

impl SpeakerRun {
    /// Speaker runs of the workspace's chapter by `engine`. The table starts with the offline
    /// rules' confidence in the speakers they agree with (cheap: about a millisecond a chapter).
    pub fn new(ws: Workspace, engine: &SpeakerEngine) -> Self {
        let agreeing = ws
            .cast
            .with_value(|cast| {
                cast.as_ref().map(|cast| {
                    ws.state
                        .with_untracked(|s| s.agreeing_speakers(cast, ws.language))
                })
            })
            .unwrap_or_default();
        let run = Self {
            ws,
            uses_llm: matches!(engine, SpeakerEngine::Llm { .. }),
            found: RwSignal::new(agreeing),
            missing: RwSignal::new(Vec::new()),
            progress: RwSignal::new(None),
            job: RwSignal::new(None),
            feed: StoredValue::new_with_storage(None),
        };
        on_cleanup(move || {
            if let Some(id) = run.job.get_untracked() {
                spawn_local(async move {
                    let _ = cancel_speaker_job(ws.project, ws.chapter, id).await;
                });
            }
        });
        run
    }

    /// Assigns speakers: by the rules at once, or by starting the server's job.
    pub fn assign(self) {
        if self.uses_llm {
            self.start_job();
            return;
        }
        let Some(cast) = self.ws.cast.get_value() else {
            self.ws.notice.set(Some(self.ws.t.invalid_cast.into()));
            return;
        };
        let language = self.ws.language;
        let (edit, found) = self
            .ws
            .state
            .with_untracked(|s| s.propose_speakers(&cast, language));
        self.apply_found(edit, found);
    }

    /// Asks the server to stop the running job.
    pub fn cancel(self) {
        let Some(id) = self.job.get_untracked() else {
            return;
        };
        let ws = self.ws;
        spawn_local(async move {
            if let Err(err) = cancel_speaker_job(ws.project, ws.chapter, id).await {
                ws.notice.set(Some((t().error)(&err)));
            }
        });
    }

    /// Applies what an engine found as one undoable edit and keeps it for the table.
    fn apply_found(self, edit: Edit, found: HashMap<SegmentId, Attribution>) {
        let (ws, t) = (self.ws, self.ws.t);
        let unresolved = match &edit {
            Edit::AssignSpeakers { speakers } => speakers.iter().filter(|s| s.1.is_none()).count(),
            _ => 0,
        };
        self.found.set(found);
        ws.apply(edit);
        ws.notice
            .set((unresolved > 0).then(|| (t.unresolved_after_run)(unresolved)));
        let missing = ws.cast.with_value(|cast| {
            ws.text
                .with_value(|(text, _)| tagged_strangers(text, cast.as_ref(), ws.language))
        });
        self.missing.set(missing);
    }

    fn start_job(self) {
        let ws = self.ws;
        ws.notice.set(None);
        self.progress.set(Some(JobProgress {
            done: 0,
            total: 0,
            stage: JobStage::Started,
        }));
        spawn_local(async move {
            let started = start_speaker_job(ws.project, ws.chapter).await;
            let opened = started.map_err(|err| (t().error)(&err)).and_then(|id| {
                self.job.set(Some(id));
                let url = id.events_url(ws.project, ws.chapter);
                open_job_feed(&url, move |message| self.on_message(message))
            });
            match opened {
                Ok(opened) => self.feed.set_value(Some(opened)),
                Err(reason) => {
                    self.job.set(None);
                    self.progress.set(None);
                    ws.notice.set(Some((ws.t.llm_failed)(&reason)));
                }
            }
        });
    }

    fn on_message(self, message: FeedMessage) {
        let (ws, t) = (self.ws, self.ws.t);
        if let Ok(SpeakerJobEvent::Progress { done, total, stage }) = message {
            self.progress.set(Some(JobProgress { done, total, stage }));
            return;
        }
        // Every other message ends the job; the feed is dropped after the callback returns.
        self.job.set(None);
        self.progress.set(None);
        let feed = self.feed;
        spawn_local(async move { feed.set_value(None) });
        let notice = match message {
            Ok(SpeakerJobEvent::Done { segments, issues }) => {
                let (edit, found) = ws.state.with_untracked(|s| s.speakers_from(segments));
                self.apply_found(edit, found);
                if issues == 0 {
                    return;
                }
                (t.llm_partial)(issues)
            }
            Ok(SpeakerJobEvent::Failed { reason, .. }) => (t.llm_failed)(&(t.job_failure)(&reason)),
            Ok(SpeakerJobEvent::Cancelled) => t.llm_cancelled.into(),
            Ok(SpeakerJobEvent::Progress { .. }) => return,
            Err(FeedError::Lost) => (t.llm_failed)(t.llm_lost),
            Err(FeedError::Unreadable(reason)) => (t.llm_failed)(&reason),
        };
        ws.notice.set(Some(notice));
    }
}

/// Who assigns speakers, in words: the title of the button.
pub fn engine_text(t: &Texts, engine: &SpeakerEngine) -> String {
    match engine {
        SpeakerEngine::Rules => t.engine_rules.to_owned(),
        SpeakerEngine::Llm { model } => (t.engine_llm)(model),
    }
}

/// The names that speech tags of `text` give to speakers the cast lacks, most evident first.
fn tagged_strangers(text: &str, cast: Option<&Cast>, language: Language) -> Vec<String> {
    let Some(cast) = cast else {
        return Vec::new();
    };
    missing_from_cast(propose_cast(text, language), cast)
        .into_iter()
        .filter(|p| p.speech_tags > 0)
        .map(|p| p.name)
        .take(MISSING_LISTED)
        .collect()
}
