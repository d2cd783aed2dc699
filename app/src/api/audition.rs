//! Server function for auditions: a segment's words in its speaker's voice.

use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use shared::CharacterId;

use crate::{
    error::AppError,
    model::{Clip, ProjectId},
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
    let auditions = crate::api::use_port::<dyn crate::api::Auditions>()?;
    Ok(auditions.audition(project, text, speaker).await?)
}
