//! `LlmJobs`, the `SpeakerJobs` port: speaker assignment by the LLM engine as durable jobs
//! ([`Jobs`]), at most one queued or running per chapter. A job reads the chapter's plan as it
//! was when the job started, publishes its progress and ends with the speakers it found; it
//! never writes the plan (the page does).

use std::{collections::BTreeSet, sync::Arc};

use app::{
    api::{PlanStore, SpeakerJobs, StoreError},
    error::{Busy, Refusal, Unavailable, Work},
    model::{
        ChapterId, ChapterPlan, JobFailure, JobId, JobStage, Principal, ProjectId, Role,
        SpeakerEngine, SpeakerJobEvent, Unusable,
    },
};
use async_trait::async_trait;
use futures_util::Stream;
use shared::{attribution::segments_from_quotes, Cast, CharacterId};
use tokio_util::sync::CancellationToken;

use crate::db::Db;
use crate::jobs::{JobKind, JobSettings, Jobs, Publisher};
use crate::llm::{
    AttributionRequest, LlmEngine, LlmError, LlmOutcome, Progress, Stage, Unresolved,
};
use crate::usage::Usage;

/// The speaker jobs of the studio, as this server runs and reads them.
pub struct LlmJobs {
    model: Option<String>,
    store: Arc<dyn PlanStore>,
    usage: Usage,
    jobs: Arc<Jobs<SpeakerAssignment>>,
}

/// The job kind: the chapter's plan in, the model's speakers out.
pub struct SpeakerAssignment {
    engine: Option<Arc<LlmEngine>>,
}

#[async_trait]
impl JobKind for SpeakerAssignment {
    const KIND: &'static str = "speakers";
    type Input = ChapterPlan;
    type Event = SpeakerJobEvent;

    async fn run(
        &self,
        plan: ChapterPlan,
        progress: Publisher<SpeakerJobEvent>,
        cancel: CancellationToken,
    ) -> SpeakerJobEvent {
        let Some(engine) = &self.engine else {
            // Queued while a model was configured, run after a restart without one.
            return Self::failed();
        };
        let last = match Cast::new(plan.cast.clone()) {
            Ok(cast) => run(engine, &progress, &cancel, &plan, &cast).await,
            Err(_) => Self::failed(),
        };
        match &last {
            SpeakerJobEvent::Failed { reason, .. } => tracing::warn!(?reason, "speaker job failed"),
            SpeakerJobEvent::Cancelled => tracing::info!("speaker job cancelled"),
            _ => tracing::info!("speaker job done"),
        }
        last
    }

    fn is_final(event: &SpeakerJobEvent) -> bool {
        event.is_final()
    }

    fn cancelled() -> SpeakerJobEvent {
        SpeakerJobEvent::Cancelled
    }

    fn failed() -> SpeakerJobEvent {
        SpeakerJobEvent::Failed {
            reason: JobFailure::Server,
            message: None,
        }
    }
}

impl LlmJobs {
    /// Jobs over `store`'s plans, kept in `db`; `llm` is the engine and the model it names, or
    /// `None` when no model is configured (then every start is refused and the page uses the
    /// rules). This server runs jobs once [`LlmJobs::start_runner`] is called.
    pub fn new(
        db: Db,
        store: Arc<dyn PlanStore>,
        llm: Option<(LlmEngine, String)>,
        usage: Usage,
        settings: JobSettings,
    ) -> Self {
        let (engine, model) = match llm {
            Some((engine, model)) => (Some(Arc::new(engine)), Some(model)),
            None => (None, None),
        };
        Self {
            model,
            store,
            usage,
            jobs: Jobs::new(db, SpeakerAssignment { engine }, settings),
        }
    }

    /// Starts running queued jobs (and those of a server that died) on this server.
    pub fn start_runner(&self) {
        self.jobs.start();
    }

    /// The job's events from number `from` on, until its final event; `None` when the chapter of
    /// the project has no such job (or it ended long ago).
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn events(
        &self,
        project: ProjectId,
        chapter: ChapterId,
        job: JobId,
        from: u64,
    ) -> Result<Option<impl Stream<Item = (u64, SpeakerJobEvent)>>, StoreError> {
        Ok(self
            .jobs
            .belongs(project, chapter, job)
            .await?
            .then(|| self.jobs.events(job, from)))
    }
}

#[async_trait]
impl SpeakerJobs for LlmJobs {
    fn engine(&self) -> SpeakerEngine {
        match &self.model {
            Some(model) => SpeakerEngine::Llm {
                model: model.clone(),
            },
            None => SpeakerEngine::Rules,
        }
    }

    #[tracing::instrument(skip_all, fields(project = project.0, chapter = chapter.0))]
    async fn start(
        &self,
        who: &Principal,
        project: ProjectId,
        chapter: ChapterId,
    ) -> Result<JobId, StoreError> {
        let plan = self.store.load_plan(who, chapter).await?;
        if plan.project_id != project {
            return Err(StoreError::NotFound);
        }
        if !who.may(Role::Editor) {
            return Err(StoreError::Forbidden);
        }
        if self.model.is_none() {
            return Err(StoreError::Unavailable(Unavailable::NoLanguageModel));
        }
        if !plan.has_plan() {
            return Err(StoreError::Refused(Refusal::NoPlanYet));
        }
        if plan.complete {
            return Err(StoreError::Refused(Refusal::ChapterComplete));
        }
        Cast::new(plan.cast.clone())
            .map_err(|err| StoreError::Refused(Refusal::InvalidCast(err)))?;
        self.usage.spend(who, Work::SpeakerJobs).await?;
        let job = self
            .jobs
            .enqueue(project, chapter, &plan, Busy::SpeakerJob)
            .await?;
        tracing::info!(job = job.0, "speaker job queued");
        Ok(job)
    }

    async fn cancel(
        &self,
        who: &Principal,
        project: ProjectId,
        chapter: ChapterId,
        job: JobId,
    ) -> Result<(), StoreError> {
        // Scoped like every read: another organisation's chapter is not found.
        if self.store.load_plan(who, chapter).await?.project_id != project {
            return Err(StoreError::NotFound);
        }
        if !who.may(Role::Editor) {
            return Err(StoreError::Forbidden);
        }
        self.jobs.cancel(project, chapter, job).await
    }
}

/// Asks the engine and turns its answer into the job's final event.
async fn run(
    engine: &LlmEngine,
    progress: &Publisher<SpeakerJobEvent>,
    cancel: &CancellationToken,
    plan: &ChapterPlan,
    cast: &Cast,
) -> SpeakerJobEvent {
    // The producer's choices anchor the model and are never asked again.
    let anchors: Vec<_> = plan
        .segments
        .iter()
        .filter(|s| s.speaker_locked)
        .filter_map(|s| Some((s.start..s.end, CharacterId(s.speaker.clone()?))))
        .collect();
    let request = AttributionRequest {
        project: plan.project_id,
        text: &plan.text,
        cast,
        language: plan.language,
        anchors: &anchors,
    };
    let report = |p: Progress| progress.publish(progress_event(p));
    match engine.attribute(&request, &report, cancel).await {
        Ok(outcome) => outcome_event(&outcome, plan),
        Err(LlmError::Cancelled) => SpeakerJobEvent::Cancelled,
        Err(err) => SpeakerJobEvent::Failed {
            reason: failure(err),
            message: None,
        },
    }
}

/// Why the engine stopped, for the page (a cancellation is not a failure: see [`run`]).
fn failure(err: LlmError) -> JobFailure {
    match err {
        LlmError::Client(detail) => JobFailure::Client { detail },
        LlmError::Api { status, message } => JobFailure::Refused {
            status,
            detail: message,
        },
        LlmError::GaveUp { attempts, last } => JobFailure::GaveUp { attempts, last },
        LlmError::Protocol(detail) => JobFailure::Protocol { detail },
        LlmError::Cancelled => JobFailure::Server,
    }
}

fn progress_event(progress: Progress) -> SpeakerJobEvent {
    let stage = match progress.stage {
        Stage::Started => JobStage::Started,
        Stage::Requesting => JobStage::Requesting,
        Stage::Retrying { wait, attempt } => JobStage::Retrying {
            wait_ms: u64::try_from(wait.as_millis()).unwrap_or(u64::MAX),
            attempt,
        },
        Stage::ChunkDone => JobStage::ChunkDone,
        Stage::Finished => JobStage::Finished,
    };
    SpeakerJobEvent::Progress {
        done: progress.done_chunks,
        total: progress.total_chunks,
        stage,
    }
}

/// `Done` with a speaker per segment of the plan, or `Failed` when no chunk's answer was usable.
fn outcome_event(outcome: &LlmOutcome, plan: &ChapterPlan) -> SpeakerJobEvent {
    let unusable: BTreeSet<usize> = outcome
        .issues
        .iter()
        .filter(|issue| {
            matches!(
                issue.reason,
                Unresolved::CutOff | Unresolved::NotJson | Unresolved::Refused
            )
        })
        .map(|issue| issue.chunk)
        .collect();
    if outcome.chunks > 0 && unusable.len() >= outcome.chunks {
        let why = match outcome.issues.first().map(|issue| &issue.reason) {
            Some(Unresolved::CutOff) => Unusable::CutOff,
            Some(Unresolved::Refused) => Unusable::Refused,
            _ => Unusable::NotJson,
        };
        return SpeakerJobEvent::Failed {
            reason: JobFailure::Unusable { why },
            message: None,
        };
    }
    let quotes: Vec<_> = outcome
        .attributions
        .iter()
        .map(|a| a.to_attribution())
        .collect();
    let with_issues: BTreeSet<usize> = outcome.issues.iter().map(|issue| issue.chunk).collect();
    SpeakerJobEvent::Done {
        segments: segments_from_quotes(&plan.segments, &quotes),
        issues: with_issues.len(),
    }
}
