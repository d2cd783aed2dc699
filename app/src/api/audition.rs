//! Server functions for auditions (a segment's words in its speaker's voice) and the planner
//! (what rendering the project takes).

use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use shared::CharacterId;

use crate::{
    error::AppError,
    model::{Clip, ProjectEstimate, ProjectId},
};

/// Renders `text` as `speaker` (the narrator when `None`) says it in `project`, with the
/// project's pronunciations, or finds the same clip in the audio cache; the clip's audio is at
/// [`Clip::url`].
#[server(input = Json, endpoint = "audition")]
pub async fn audition(
    project: ProjectId,
    text: String,
    speaker: Option<CharacterId>,
) -> Result<Clip, AppError> {
    let who = crate::api::use_principal()?;
    let auditions = crate::api::use_port::<dyn crate::api::Auditions>()?;
    Ok(auditions.audition(&who, project, text, speaker).await?)
}

/// The planner's figures for `project`.
#[server(input = Json, endpoint = "estimate_project")]
pub async fn estimate_project(project: ProjectId) -> Result<ProjectEstimate, AppError> {
    let who = crate::api::use_principal()?;
    let auditions = crate::api::use_port::<dyn crate::api::Auditions>()?;
    Ok(auditions.estimate(&who, project).await?)
}

/// A sample line said by `voice` (unsaved settings welcome) with `project`'s pronunciations.
#[server(input = Json, endpoint = "try_voice")]
pub async fn try_voice(project: ProjectId, voice: shared::Voice) -> Result<Clip, AppError> {
    let who = crate::api::use_principal()?;
    let auditions = crate::api::use_port::<dyn crate::api::Auditions>()?;
    Ok(auditions.try_voice(&who, project, voice).await?)
}

/// Where `entries` (the pronunciation page's draft) occur in `project`, and what saving them
/// would change.
#[server(input = Json, endpoint = "pronunciation_concordance")]
pub async fn pronunciation_concordance(
    project: ProjectId,
    entries: Vec<shared::pronunciation::Entry>,
) -> Result<crate::model::Concordance, AppError> {
    let who = crate::api::use_principal()?;
    let map = shared::PronunciationMap::new(entries)?;
    let auditions = crate::api::use_port::<dyn crate::api::Auditions>()?;
    Ok(auditions.concordance(&who, project, map).await?)
}
