//! Server functions for projects: list, create, rename, delete, load with the cast, save the
//! cast, and add the chapters an import produced.

use crate::model::Version;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use shared::{Character, Language};

use crate::{
    error::{AppError, Refusal},
    model::{ChapterId, NewChapter, ProjectDetail, ProjectId, ProjectSummary},
};

/// Longest project name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 200;

/// Every project, by name.
#[server(input = Json, endpoint = "list_projects")]
pub async fn list_projects() -> Result<Vec<ProjectSummary>, AppError> {
    let who = crate::api::use_principal()?;
    let store = crate::api::use_port::<dyn crate::api::PlanStore>()?;
    Ok(store.list_projects(&who).await?)
}

/// Creates an empty project in `language`, with a narrator-only cast.
#[server(input = Json, endpoint = "create_project")]
pub async fn create_project(name: String, language: Language) -> Result<ProjectId, AppError> {
    let who = crate::api::use_principal()?;
    let store = crate::api::use_port::<dyn crate::api::ProjectStore>()?;
    let name = project_name(&name)?;
    Ok(store.create_project(&who, name, language).await?)
}

/// A project with its settings and cast.
#[server(input = Json, endpoint = "load_project")]
pub async fn load_project(project: ProjectId) -> Result<ProjectDetail, AppError> {
    let who = crate::api::use_principal()?;
    let store = crate::api::use_port::<dyn crate::api::ProjectStore>()?;
    Ok(store.project(&who, project).await?)
}

/// Renames a project.
#[server(input = Json, endpoint = "rename_project")]
pub async fn rename_project(project: ProjectId, name: String) -> Result<(), AppError> {
    let who = crate::api::use_principal()?;
    let store = crate::api::use_port::<dyn crate::api::ProjectStore>()?;
    let name = project_name(&name)?;
    Ok(store.rename_project(&who, project, name).await?)
}

/// Deletes a project with all its chapters and plans.
#[server(input = Json, endpoint = "delete_project")]
pub async fn delete_project(project: ProjectId) -> Result<(), AppError> {
    let who = crate::api::use_principal()?;
    let store = crate::api::use_port::<dyn crate::api::ProjectStore>()?;
    Ok(store.delete_project(&who, project).await?)
}

/// Replaces a chapter's text with a re-imported one; returns how many of its plan's segments no
/// longer match it (the chapter page then offers to carry the plan over).
#[server(input = Json, endpoint = "replace_chapter_text")]
pub async fn replace_chapter_text(chapter: ChapterId, text: String) -> Result<usize, AppError> {
    let who = crate::api::use_principal()?;
    let store = crate::api::use_port::<dyn crate::api::ProjectStore>()?;
    let text = shared::ChapterText::parse(text)?;
    Ok(store.replace_chapter_text(&who, chapter, text).await?)
}

/// The characters the project's chapters suggest that its cast lacks, most evident first, for
/// the producer to confirm, merge or rename on the cast page.
#[server(input = Json, endpoint = "propose_cast")]
pub async fn propose_cast(
    project: ProjectId,
) -> Result<Vec<shared::attribution::propose::ProposedCharacter>, AppError> {
    let who = crate::api::use_principal()?;
    let store = crate::api::use_port::<dyn crate::api::ProjectStore>()?;
    Ok(store.propose_cast(&who, project).await?)
}

/// Replaces the cast saved at `version` (validated whole by `shared::Cast`); returns the new version.
#[server(input = Json, endpoint = "save_cast")]
pub async fn save_cast(
    project: ProjectId,
    version: Version,
    cast: Vec<Character>,
) -> Result<Version, AppError> {
    let who = crate::api::use_principal()?;
    let store = crate::api::use_port::<dyn crate::api::ProjectStore>()?;
    let cast = shared::Cast::new(cast)?;
    Ok(store.save_cast(&who, project, version, cast).await?)
}

/// Adds chapters (from an import the producer reviewed) at the end of a project, all or none.
#[server(input = Json, endpoint = "add_chapters")]
pub async fn add_chapters(
    project: ProjectId,
    chapters: Vec<NewChapter>,
) -> Result<Vec<ChapterId>, AppError> {
    let who = crate::api::use_principal()?;
    let store = crate::api::use_port::<dyn crate::api::ProjectStore>()?;
    let chapters = chapter_texts(chapters)?;
    Ok(store.add_chapters(&who, project, chapters).await?)
}

/// The chapters to add with their texts checked: refused, naming the chapter, when one is not a
/// chapter text (empty, too long); refused when there are none.
pub fn chapter_texts(
    chapters: Vec<NewChapter>,
) -> Result<Vec<(String, shared::ChapterText)>, AppError> {
    if chapters.is_empty() {
        return Err(Refusal::NoChapterToAdd.into());
    }
    let texts = chapters
        .into_iter()
        .map(|chapter| {
            let text =
                shared::ChapterText::parse(chapter.text).map_err(|error| Refusal::Chapter {
                    title: chapter.title.trim().to_owned(),
                    error,
                })?;
            Ok((chapter.title, text))
        })
        .collect::<Result<Vec<_>, Refusal>>()?;
    Ok(texts)
}

/// A trimmed project name, refused when blank or over [`MAX_NAME_CHARS`].
pub fn project_name(name: &str) -> Result<String, AppError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Refusal::ProjectNeedsName.into());
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(Refusal::ProjectNameTooLong {
            max: MAX_NAME_CHARS,
        }
        .into());
    }
    Ok(name.to_owned())
}

/// The project's latest changes (of one chapter, when given), newest first: who did what, when.
#[server(input = Json, endpoint = "audit_log")]
pub async fn audit_log(
    project: ProjectId,
    chapter: Option<ChapterId>,
) -> Result<Vec<crate::model::AuditEvent>, AppError> {
    let who = crate::api::use_principal()?;
    let store = crate::api::use_port::<dyn crate::api::ProjectStore>()?;
    Ok(store.audit_log(&who, project, chapter).await?)
}
