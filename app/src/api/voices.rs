//! Server functions for the voice catalogue: the voices each engine offers, for the cast page.

use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use shared::{CatalogueVoice, VoiceEngine};

use crate::error::AppError;

/// The voices `engine` offers, in the engine's order: espeak-ng's installed voices, or Azure
/// Speech's list when the server has a key. Empty when the engine is not available on the server.
#[server(input = Json, endpoint = "list_voices")]
pub async fn list_voices(engine: VoiceEngine) -> Result<Vec<CatalogueVoice>, AppError> {
    crate::api::use_principal()?;
    let catalogue = crate::api::use_port::<dyn crate::api::VoiceCatalogue>()?;
    Ok(catalogue.voices(engine).await?)
}
