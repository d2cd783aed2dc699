//! The steps a render and an audiobook share: a clip from the audio cache or its engine, work
//! that stops when the job is cancelled, and why a job stopped.

use app::{
    api::StoreError,
    model::{Principal, ProjectId, RenderFailure},
};
use shared::delivery::timeline::Part;
use tokio_util::sync::CancellationToken;

use super::lines::Line;
use crate::speech::Auditioner;

/// Why a render or an audiobook stopped early.
pub(super) enum Stop {
    Cancelled,
    Failed(RenderFailure),
}

pub(super) fn server(err: impl std::fmt::Display) -> Stop {
    tracing::error!(error = %err, "render failed on the server");
    Stop::Failed(RenderFailure::Server)
}

/// The clip's WAV from the project's audio cache, or from its engine (then cached, and counted
/// against `who`'s allowance); whether an engine rendered it.
pub(super) async fn fetch_clip(
    auditions: &Auditioner,
    who: &Principal,
    project: ProjectId,
    line: &Line,
) -> Result<(bytes::Bytes, bool), Stop> {
    let cache = auditions.cache();
    if let Some((wav, _)) = cache.read(project, &line.key).await.map_err(store_error)? {
        return Ok((wav, false));
    }
    let engine = line.voice.engine;
    let speech_failure = |failure| {
        let segment = match line.part {
            Part::Segment(id) => Some(id),
            Part::Title | Part::RoomTone => None,
        };
        Stop::Failed(RenderFailure::Speech {
            segment,
            engine,
            failure,
        })
    };
    let speech = auditions
        .engine(engine)
        .ok_or_else(|| speech_failure(app::error::SpeechFailure::NotConfigured))?;
    auditions
        .usage()
        .spend(who, app::error::Work::Renders)
        .await
        .map_err(store_error)?;
    let audio = speech
        .synthesize(&line.voice, &line.document)
        .await
        .map_err(speech_failure)?;
    let wav = bytes::Bytes::from(audio.bytes.clone());
    cache
        .put(project, &line.key, audio.bytes, audio.seconds)
        .await
        .map_err(store_error)?;
    Ok((wav, true))
}

/// `work`, unless the job is cancelled first (an engine call or ffmpeg run is then dropped, and
/// ffmpeg killed).
pub(super) async fn or_cancel<T>(
    cancel: &CancellationToken,
    work: impl std::future::Future<Output = Result<T, Stop>>,
) -> Result<T, Stop> {
    tokio::select! {
        biased;
        () = cancel.cancelled() => Err(Stop::Cancelled),
        done = work => done,
    }
}

pub(super) fn encoder(err: super::ffmpeg::EncoderError) -> Stop {
    tracing::error!(error = %err, "encoding failed");
    Stop::Failed(match err {
        super::ffmpeg::EncoderError::Io(_) => RenderFailure::Storage,
        other => RenderFailure::Encoder {
            detail: other.to_string(),
        },
    })
}

fn store_error(err: StoreError) -> Stop {
    match err {
        StoreError::OverLimit {
            per_hour,
            retry_after_seconds,
            ..
        } => Stop::Failed(RenderFailure::OverLimit {
            per_hour,
            retry_after_seconds,
        }),
        other => server(format!("{other:?}")),
    }
}
