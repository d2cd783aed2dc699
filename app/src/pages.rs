//! One component per route. Pages own data: they create resources and pass plain values down.

mod account_pages;
mod api_reference_page;
mod cast_page;
mod chapter_page;
mod delivery_page;
mod home_page;
mod members_page;
mod not_found_page;
mod project_page;
mod pronunciations_page;

pub use account_pages::{AccountBar, SetUpPage, SignInPage, SignUpPage};
pub use api_reference_page::ApiReferencePage;
pub use cast_page::CastPage;
pub use chapter_page::ChapterPage;
pub use delivery_page::DeliveryPage;
pub use home_page::HomePage;
pub use members_page::MembersPage;
pub use not_found_page::NotFoundPage;
pub use project_page::ProjectPage;
pub use pronunciations_page::PronunciationsPage;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::{
    api::chapters::list_chapters,
    model::{ChapterSummary, ProjectId},
    resource::{fetched, Fetched},
    AppError,
};

/// The numeric route parameter `name`, or `None` when it is missing or not a number.
fn id_param(name: &'static str) -> impl Fn() -> Option<i64> + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || params.read().get(name).and_then(|value| value.parse().ok())
}

/// The chapters of the project named by the route, as a resource (`NotFound` for a bad id).
fn chapters_resource(
    project: impl Fn() -> Option<ProjectId> + Send + Sync + 'static,
) -> Fetched<Result<Vec<ChapterSummary>, AppError>> {
    fetched(project, |project| async move {
        match project {
            Some(project) => list_chapters(project).await,
            None => Err(AppError::NotFound),
        }
    })
}
