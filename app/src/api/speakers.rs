//! Server functions for automatic speaker assignment by the server's language model: which engine
//! is configured, start a job, cancel it. Its progress is read as Server-Sent Events from
//! [`JobId::events_url`], a plain axum route of the server.

use leptos::prelude::*;
use leptos::server_fn::codec::Json;

use crate::{
    error::AppError,
    model::{ChapterId, JobId, ProjectId, SpeakerEngine},
};

/// The engine "Assign speakers" uses: the rules in the page, or the configured language model.
#[server(input = Json, endpoint = "speaker_engine")]
pub async fn configured_speaker_engine() -> Result<SpeakerEngine, AppError> {
    crate::api::use_principal()?;
    Ok(crate::api::use_port::<dyn crate::api::SpeakerJobs>()?.engine())
}

/// Starts assigning speakers to the chapter's stored plan with the language model. Refused with
/// 409 while a job runs for the chapter, 422 without a model, a plan or a valid cast; 404 when the
/// chapter is not the project's.
#[server(input = Json, endpoint = "start_speaker_job")]
pub async fn start_speaker_job(project: ProjectId, chapter: ChapterId) -> Result<JobId, AppError> {
    let who = crate::api::use_principal()?;
    let jobs = crate::api::use_port::<dyn crate::api::SpeakerJobs>()?;
    Ok(jobs.start(&who, project, chapter).await?)
}

/// Cancels a speaker-assignment job; its requests to the model stop at once.
#[server(input = Json, endpoint = "cancel_speaker_job")]
pub async fn cancel_speaker_job(
    project: ProjectId,
    chapter: ChapterId,
    job: JobId,
) -> Result<(), AppError> {
    let who = crate::api::use_principal()?;
    let jobs = crate::api::use_port::<dyn crate::api::SpeakerJobs>()?;
    Ok(jobs.cancel(&who, project, chapter, job).await?)
}
