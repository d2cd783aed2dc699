//! Server functions for a project's pronunciation map: load it, save it whole, import a PLS file
//! into it (merged, all or nothing) and export it as PLS. Validation is `shared::pronunciation`'s.

use crate::model::Version;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use shared::pronunciation::Entry;

use crate::{
    error::AppError,
    model::{ProjectId, ProjectPronunciations},
};

/// The project's pronunciation map with its version.
#[server(input = Json, endpoint = "load_pronunciations")]
pub async fn load_pronunciations(project: ProjectId) -> Result<ProjectPronunciations, AppError> {
    let who = crate::api::use_principal()?;
    let store = crate::api::use_port::<dyn crate::api::PronunciationStore>()?;
    Ok(store.pronunciations(&who, project).await?)
}

/// Replaces the map saved at `version` by `entries` (validated whole); returns the new version.
#[server(input = Json, endpoint = "save_pronunciations")]
pub async fn save_pronunciations(
    project: ProjectId,
    version: Version,
    entries: Vec<Entry>,
) -> Result<Version, AppError> {
    let who = crate::api::use_principal()?;
    let store = crate::api::use_port::<dyn crate::api::PronunciationStore>()?;
    let map = shared::PronunciationMap::new(entries)?;
    Ok(store
        .save_pronunciations(&who, project, version, map)
        .await?)
}

/// Reads a PLS 1.0 file and merges its entries into the map saved at `version`: an entry of the
/// file replaces the stored one for the same word and locale, the others are added. A file with
/// any error changes nothing. Returns the stored map.
#[server(input = Json, endpoint = "import_pls")]
pub async fn import_pls(
    project: ProjectId,
    version: Version,
    text: String,
) -> Result<ProjectPronunciations, AppError> {
    let who = crate::api::use_principal()?;
    let store = crate::api::use_port::<dyn crate::api::PronunciationStore>()?;
    let imported = shared::pronunciation::pls::import(&text)?;
    Ok(store
        .import_pronunciations(&who, project, version, imported)
        .await?)
}

/// The saved map as a PLS 1.0 document.
#[server(input = Json, endpoint = "export_pls")]
pub async fn export_pls(project: ProjectId) -> Result<String, AppError> {
    let who = crate::api::use_principal()?;
    let store = crate::api::use_port::<dyn crate::api::PronunciationStore>()?;
    let stored = store.pronunciations(&who, project).await?;
    Ok(shared::pronunciation::pls::export(
        &stored.map,
        stored.language.code(),
    ))
}
