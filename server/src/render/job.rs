//! The render job: each clip from the cache or its engine (the engine's answer cached at once, so
//! a render that stops resumes after the clips it made), joined into the programme, mastered,
//! encoded, decoded again and measured against the ACX rules, then stored as the chapter's render
//! in place of the one before. Nothing is stored unless every step succeeded.

use std::{sync::Arc, time::Instant};

use app::model::{
    render_url, ChapterPlan, Principal, RenderEvent, RenderFailure, RenderInfo, RenderStage,
};
use async_trait::async_trait;
use object_store::{path::Path as ObjectPath, ObjectStoreExt, PutPayload};
use serde::{Deserialize, Serialize};
use shared::{
    delivery::{
        acx,
        exceptions::{exceptions, ClipTiming},
        master, mp3,
        timeline::{Assembler, Part, Pauses, Step},
        SAMPLE_RATE,
    },
    speech, PronunciationMap,
};
use tokio_util::sync::CancellationToken;

use super::{
    audio,
    ffmpeg::{Ffmpeg, Tags},
    lines::{prepare, Prepared},
    steps::{encoder, fetch_clip, or_cancel, server, Stop},
    StoredReport,
};
use crate::db::{now_millis, renders as rows, Db};
use crate::jobs::{JobKind, Publisher};
use crate::speech::Auditioner;

/// What a render job reads: the plan as it was when the render was asked for, with the project's
/// pronunciations and pauses, and who asked (their allowance pays for the clips).
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct RenderInput {
    pub who: Principal,
    pub plan: ChapterPlan,
    pub map: PronunciationMap,
    pub pauses: Pauses,
}

/// The job kind.
pub(crate) struct RenderJob {
    db: Db,
    auditions: Arc<Auditioner>,
    ffmpeg: Ffmpeg,
}

impl RenderJob {
    pub(crate) fn new(db: Db, auditions: Arc<Auditioner>, ffmpeg: Ffmpeg) -> Self {
        Self {
            db,
            auditions,
            ffmpeg,
        }
    }
}

#[async_trait]
impl JobKind for RenderJob {
    const KIND: &'static str = "render";
    type Input = RenderInput;
    type Event = RenderEvent;

    async fn run(
        &self,
        input: RenderInput,
        progress: Publisher<RenderEvent>,
        cancel: CancellationToken,
    ) -> RenderEvent {
        let last = match self.render(&input, &progress, &cancel).await {
            Ok(render) => RenderEvent::Done { render },
            Err(Stop::Cancelled) => RenderEvent::Cancelled,
            Err(Stop::Failed(reason)) => RenderEvent::Failed {
                reason,
                message: None,
            },
        };
        match &last {
            RenderEvent::Failed { reason, .. } => tracing::warn!(?reason, "render failed"),
            RenderEvent::Done { render } => tracing::info!(
                seconds = render.seconds,
                sent = render.sent,
                passes = render.report.passes(),
                "chapter rendered"
            ),
            _ => tracing::info!("render cancelled"),
        }
        last
    }

    fn is_final(event: &RenderEvent) -> bool {
        event.is_final()
    }

    fn cancelled() -> RenderEvent {
        RenderEvent::Cancelled
    }

    fn failed() -> RenderEvent {
        RenderEvent::Failed {
            reason: RenderFailure::Server,
            message: None,
        }
    }
}

/// Publishes progress at most every quarter second (and always the last clip).
struct Pace {
    started: Instant,
    last: Option<Instant>,
    total: usize,
}

impl Pace {
    fn publish(
        &mut self,
        progress: &Publisher<RenderEvent>,
        stage: RenderStage,
        done: usize,
        sent: usize,
        seconds: f64,
    ) {
        let now = Instant::now();
        let due = self
            .last
            .is_none_or(|last| now.duration_since(last).as_millis() >= 250);
        if !due && done < self.total && stage == RenderStage::Clips {
            return;
        }
        self.last = Some(now);
        let elapsed = now.duration_since(self.started).as_secs_f64();
        let remaining_seconds = (done > 0 && stage == RenderStage::Clips)
            .then(|| elapsed / done as f64 * (self.total - done) as f64);
        progress.publish(RenderEvent::Progress {
            stage,
            done,
            total: self.total,
            sent,
            seconds,
            remaining_seconds,
        });
    }
}

impl RenderJob {
    async fn render(
        &self,
        input: &RenderInput,
        progress: &Publisher<RenderEvent>,
        cancel: &CancellationToken,
    ) -> Result<RenderInfo, Stop> {
        let plan = &input.plan;
        let identities = self.auditions.identities().await;
        let prepared = prepare(plan, &input.map, &input.pauses, &identities).map_err(server)?;
        let mut pace = Pace {
            started: Instant::now(),
            last: None,
            total: prepared.lines.len(),
        };
        pace.publish(progress, RenderStage::Clips, 0, 0, 0.0);
        // Each clip joins the programme as soon as it is read, so only one is held apart.
        let mut joined = Assembler::new(SAMPLE_RATE);
        let mut lines = prepared.lines.iter();
        let (mut done, mut sent, mut seconds) = (0, 0, 0.0);
        let mut timings = Vec::new();
        let mut speakers = Vec::new();
        for step in &prepared.steps {
            let line = match step {
                Step::Pause(ms) => {
                    joined.pause(*ms);
                    continue;
                }
                Step::Title | Step::Speak(_) => match lines.next() {
                    Some(line) => line,
                    None => break,
                },
            };
            let fetched = fetch_clip(&self.auditions, &input.who, plan.project_id, line);
            let (wav, rendered) = or_cancel(cancel, fetched).await?;
            sent += usize::from(rendered);
            let samples = tokio::task::spawn_blocking(move || audio::samples(&wav))
                .await
                .map_err(server)?
                .map_err(server)?;
            let length = samples.len() as f64 / f64::from(SAMPLE_RATE);
            seconds += length;
            if let (Step::Speak(index), Part::Segment(segment)) = (step, line.part) {
                let said = plan.segments.get(*index);
                let text = said.map_or("", |s| s.text.as_str());
                if let Some(speaker) = said.and_then(|s| s.speaker.clone()) {
                    speakers.push((segment, speaker));
                }
                timings.push(ClipTiming {
                    segment,
                    expected: speech::estimate_seconds(text, &line.voice, &plan.limits),
                    actual: length,
                });
            }
            joined.clip(line.part, &samples);
            done += 1;
            pace.publish(progress, RenderStage::Clips, done, sent, seconds);
        }
        let cached = prepared.lines.len() - sent;
        pace.publish(progress, RenderStage::Mastering, done, sent, seconds);
        let (programme, timeline) = tokio::task::spawn_blocking(move || {
            let (mut samples, timeline) = joined.finish();
            master::master(&mut samples, SAMPLE_RATE, &master::Mastering::default());
            (samples, timeline)
        })
        .await
        .map_err(server)?;
        if cancel.is_cancelled() {
            return Err(Stop::Cancelled);
        }
        pace.publish(progress, RenderStage::Encoding, pace.total, sent, seconds);
        let folder = tempfile::tempdir().map_err(|_| Stop::Failed(RenderFailure::Storage))?;
        let file = folder.path().join("chapter.mp3");
        let tags = Tags {
            title: plan.title.clone(),
            album: String::new(),
            artist: String::new(),
            track: None,
            narrators: String::new(),
        };
        let encoded = async {
            self.ffmpeg
                .encode_mp3(programme, &tags, &file)
                .await
                .map_err(encoder)
        };
        or_cancel(cancel, encoded).await?;
        pace.publish(progress, RenderStage::Checking, pace.total, sent, seconds);
        let decoded = async { self.ffmpeg.decode(&file).await.map_err(encoder) };
        let decoded = or_cancel(cancel, decoded).await?;
        let bytes = tokio::fs::read(&file)
            .await
            .map_err(|_| Stop::Failed(RenderFailure::Storage))?;
        let stream = mp3::scan(&bytes).map_err(|err| {
            Stop::Failed(RenderFailure::Encoder {
                detail: err.to_string(),
            })
        })?;
        let report = tokio::task::spawn_blocking(move || {
            let measured = acx::measure(&decoded, SAMPLE_RATE);
            let levels = acx::levels(&decoded, SAMPLE_RATE, &timeline);
            acx::check(measured, stream.encoding(), &timeline, SAMPLE_RATE, &levels)
        })
        .await
        .map_err(server)?;
        if cancel.is_cancelled() {
            return Err(Stop::Cancelled);
        }
        let stored = StoredReport {
            exceptions: exceptions(&timings, &report),
            checked: timings.len(),
            acx: report,
            speakers,
        };
        let stored = self
            .store(input, &prepared, bytes, stored, sent, cached)
            .await?;
        Ok(stored)
    }

    /// Stores the MP3, then the row that makes it the chapter's render; the file it replaced is
    /// deleted after.
    async fn store(
        &self,
        input: &RenderInput,
        prepared: &Prepared,
        bytes: Vec<u8>,
        stored: StoredReport,
        sent: usize,
        cached: usize,
    ) -> Result<RenderInfo, Stop> {
        let report = &stored.acx;
        let plan = &input.plan;
        let digest = prepared.digest(&input.pauses);
        let path = format!(
            "{}/renders/{}-{}.mp3",
            plan.project_id.0,
            plan.chapter_id.0,
            digest.get(..16).unwrap_or(&digest)
        );
        let size = bytes.len();
        let objects = self.auditions.cache().objects();
        let mut conn = self.db.pool.acquire().await.map_err(server)?;
        let current = rows::find(&mut conn, plan.chapter_id.0)
            .await
            .map_err(server)?
            .map(|row| row.object_path);
        drop(conn);
        objects
            .put(&ObjectPath::from(path.as_str()), PutPayload::from(bytes))
            .await
            .map_err(|err| {
                tracing::error!(error = %err, "the render could not be stored");
                Stop::Failed(RenderFailure::Storage)
            })?;
        let made_at = now_millis();
        let row = rows::RenderRow {
            chapter_id: plan.chapter_id.0,
            project_id: plan.project_id.0,
            plan_version: plan.version.0,
            digest,
            object_path: path,
            duration_ms: (report.measurements.seconds * 1_000.0).round() as i64,
            bytes: i64::try_from(size).unwrap_or(i64::MAX),
            sent: i64::try_from(sent).unwrap_or(i64::MAX),
            cached: i64::try_from(cached).unwrap_or(i64::MAX),
            passes: i64::from(report.passes()),
            report_json: serde_json::to_string(&stored).map_err(server)?,
            made_at,
        };
        let committed = async {
            let mut tx = self.db.begin_write().await?;
            let replaced = rows::replace(&mut tx, &row).await?;
            tx.commit().await?;
            Ok::<_, sqlx::Error>(replaced)
        }
        .await;
        let replaced = match committed {
            Ok(replaced) => replaced,
            Err(err) => {
                // The file is nobody's render unless it is the current one's (the same digest).
                if current.as_deref() != Some(row.object_path.as_str()) {
                    let _ = objects
                        .delete(&ObjectPath::from(row.object_path.as_str()))
                        .await;
                }
                return Err(server(err));
            }
        };
        if let Some(old) = replaced {
            if let Err(err) = objects.delete(&ObjectPath::from(old)).await {
                tracing::warn!(error = %err, "a replaced render could not be deleted");
            }
        }
        Ok(RenderInfo {
            url: render_url(plan.project_id, plan.chapter_id),
            version: plan.version,
            seconds: report.measurements.seconds,
            bytes: size as u64,
            sent,
            cached,
            report: report.clone(),
            exceptions: stored.exceptions.clone(),
            checked: stored.checked,
            made_at,
        })
    }
}
