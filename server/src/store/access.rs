//! Tenant isolation and roles, checked by the store before any use case touches a row: a project
//! or chapter of another organisation is `NotFound` (nothing says it exists), a role below the use
//! case's is `Forbidden`.

use app::{
    api::StoreError,
    model::{ChapterId, Principal, ProjectId, Role},
};

use super::{internal, SqlStore};
use crate::db::accounts;

impl SqlStore {
    /// Whether `who` may act as `role` on `project`.
    ///
    /// # Errors
    /// `NotFound` when the project does not exist in `who`'s organisation; `Forbidden` when it
    /// does but `who`'s role is below `role`.
    pub async fn allow_project(
        &self,
        who: &Principal,
        project: ProjectId,
        role: Role,
    ) -> Result<(), StoreError> {
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let organisation = accounts::organisation_of_project(&mut conn, project.0)
            .await
            .map_err(internal)?
            .flatten();
        decide(who, organisation, role)
    }

    /// Whether `who` may act as `role` on `chapter`; its project when so.
    ///
    /// # Errors
    /// As [`SqlStore::allow_project`].
    pub async fn allow_chapter(
        &self,
        who: &Principal,
        chapter: ChapterId,
        role: Role,
    ) -> Result<ProjectId, StoreError> {
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let found = accounts::organisation_of_chapter(&mut conn, chapter.0)
            .await
            .map_err(internal)?;
        let Some((project, organisation)) = found else {
            return Err(StoreError::NotFound);
        };
        decide(who, organisation, role)?;
        Ok(ProjectId(project))
    }
}

/// Not found outside `who`'s organisation, before any word about the role.
fn decide(who: &Principal, organisation: Option<i64>, role: Role) -> Result<(), StoreError> {
    if organisation != Some(who.organisation.0) {
        return Err(StoreError::NotFound);
    }
    if !who.may(role) {
        return Err(StoreError::Forbidden);
    }
    Ok(())
}
