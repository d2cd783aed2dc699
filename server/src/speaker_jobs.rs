//! `LlmJobs`, the `SpeakerJobs` port: speaker assignment by the LLM engine as background jobs held
//! in memory, at most one running per chapter. Each job appends its events to a log on a watch
//! channel, which the Server-Sent Events route streams; it never writes the plan (the page does).

use std::{
    collections::{BTreeSet, HashMap},
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc, Mutex, MutexGuard, PoisonError,
    },
    time::Duration,
};

use app::{
    api::{PlanStore, SpeakerJobs, StoreError},
    error::{Busy, Refusal, Unavailable, Work},
    model::{
        ChapterId, ChapterPlan, JobFailure, JobId, JobStage, Principal, ProjectId, Role,
        SpeakerEngine, SpeakerJobEvent, Unusable,
    },
};
use async_trait::async_trait;
use shared::{attribution::segments_from_quotes, Cast, CharacterId};
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

use crate::llm::{
    AttributionRequest, LlmEngine, LlmError, LlmOutcome, Progress, Stage, Unresolved,
};
use crate::usage::Usage;

/// How long a finished job's last event stays readable (a page that subscribes late, or
/// reconnects, still gets the result).
const KEEP_FINISHED: Duration = Duration::from_secs(600);

/// The speaker jobs of this server.
pub struct LlmJobs {
    llm: Option<(Arc<LlmEngine>, String)>,
    store: Arc<dyn PlanStore>,
    usage: Usage,
    jobs: Arc<Mutex<HashMap<ChapterId, Arc<Job>>>>,
    next_id: AtomicU64,
}

/// Every event of a job so far, in order; the last one final once it ended. A few per chunk.
pub type JobLog = Vec<SpeakerJobEvent>;

struct Job {
    id: JobId,
    project: ProjectId,
    cancel: CancellationToken,
    log: watch::Sender<JobLog>,
}

impl Job {
    fn is_running(&self) -> bool {
        !self
            .log
            .borrow()
            .last()
            .is_some_and(SpeakerJobEvent::is_final)
    }

    fn publish(&self, event: SpeakerJobEvent) {
        self.log.send_modify(|log| log.push(event));
    }
}

impl LlmJobs {
    /// Jobs over `store`'s plans; `llm` is the engine and the model it names, or `None` when no
    /// model is configured (then every start is refused and the page uses the rules).
    pub fn new(store: Arc<dyn PlanStore>, llm: Option<(LlmEngine, String)>, usage: Usage) -> Self {
        Self {
            llm: llm.map(|(engine, model)| (Arc::new(engine), model)),
            store,
            usage,
            jobs: Arc::default(),
            next_id: AtomicU64::new(1),
        }
    }

    /// The event log of a job of this chapter of this project, which grows until a final event.
    /// `None` when there is no such job (or it ended long ago).
    pub fn events(
        &self,
        project: ProjectId,
        chapter: ChapterId,
        job: JobId,
    ) -> Option<watch::Receiver<JobLog>> {
        let jobs = lock(&self.jobs);
        let found = jobs.get(&chapter)?;
        (found.id == job && found.project == project).then(|| found.log.subscribe())
    }
}

#[async_trait]
impl SpeakerJobs for LlmJobs {
    fn engine(&self) -> SpeakerEngine {
        match &self.llm {
            Some((_, model)) => SpeakerEngine::Llm {
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
        let Some((engine, _)) = &self.llm else {
            return Err(StoreError::Unavailable(Unavailable::NoLanguageModel));
        };
        if !plan.has_plan() {
            return Err(StoreError::Refused(Refusal::NoPlanYet));
        }
        if plan.complete {
            return Err(StoreError::Refused(Refusal::ChapterComplete));
        }
        self.usage.spend(who, Work::SpeakerJobs).await?;
        let cast = Cast::new(plan.cast.clone())
            .map_err(|err| StoreError::Refused(Refusal::InvalidCast(err)))?;
        let job = {
            let mut jobs = lock(&self.jobs);
            if jobs.get(&chapter).is_some_and(|job| job.is_running()) {
                return Err(StoreError::Busy(Busy::SpeakerJob));
            }
            let job = Arc::new(Job {
                id: JobId(self.next_id.fetch_add(1, Ordering::Relaxed)),
                project,
                cancel: CancellationToken::new(),
                log: watch::Sender::new(Vec::new()),
            });
            jobs.insert(chapter, job.clone());
            job
        };
        tracing::info!(job = job.id.0, "speaker job started");
        tokio::spawn(supervise(
            engine.clone(),
            job.clone(),
            plan,
            cast,
            self.jobs.clone(),
        ));
        Ok(job.id)
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
        let jobs = lock(&self.jobs);
        match jobs.get(&chapter) {
            Some(found) if found.id == job && found.project == project => {
                found.cancel.cancel();
                Ok(())
            }
            _ => Err(StoreError::NotFound),
        }
    }
}

/// Runs a job to its end, publishes its final event (a panic becomes `Failed`), and forgets the
/// job [`KEEP_FINISHED`] later.
async fn supervise(
    engine: Arc<LlmEngine>,
    job: Arc<Job>,
    plan: ChapterPlan,
    cast: Cast,
    jobs: Arc<Mutex<HashMap<ChapterId, Arc<Job>>>>,
) {
    let chapter = plan.chapter_id;
    let run = tokio::spawn(run(engine, job.clone(), plan, cast));
    let last = run.await.unwrap_or_else(|err| {
        tracing::error!(error = %err, "speaker job task failed");
        SpeakerJobEvent::Failed {
            reason: JobFailure::Server,
        }
    });
    match &last {
        SpeakerJobEvent::Failed { reason } => {
            tracing::warn!(job = job.id.0, ?reason, "speaker job failed");
        }
        SpeakerJobEvent::Cancelled => tracing::info!(job = job.id.0, "speaker job cancelled"),
        _ => tracing::info!(job = job.id.0, "speaker job done"),
    }
    job.publish(last);
    tokio::time::sleep(KEEP_FINISHED).await;
    let mut jobs = lock(&jobs);
    if jobs.get(&chapter).is_some_and(|kept| kept.id == job.id) {
        jobs.remove(&chapter);
    }
}

/// Asks the engine and turns its answer into the job's final event.
async fn run(
    engine: Arc<LlmEngine>,
    job: Arc<Job>,
    plan: ChapterPlan,
    cast: Cast,
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
        cast: &cast,
        language: plan.language,
        anchors: &anchors,
    };
    let progress = |p: Progress| job.publish(progress_event(p));
    match engine.attribute(&request, &progress, &job.cancel).await {
        Ok(outcome) => outcome_event(&outcome, &plan),
        Err(LlmError::Cancelled) => SpeakerJobEvent::Cancelled,
        Err(err) => SpeakerJobEvent::Failed {
            reason: failure(err),
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

/// The job table, even after a panic elsewhere poisoned its lock (its data stays consistent:
/// every change is a single insert or remove).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
