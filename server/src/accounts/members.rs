//! The members of an organisation: invitations by link, joining, roles and removal. Only an
//! owner manages members, and an organisation always keeps an owner.

use app::{
    api::StoreError,
    error::AccountRefusal,
    model::{Member, Principal, Role, UserId},
};

use super::{random_token, refused, token_hash, SqlAccounts};
use crate::{
    db::{self, accounts},
    store::internal,
};

/// How long an invitation link works.
const INVITATION_DAYS: i64 = 7;

impl SqlAccounts {
    pub(super) async fn invite_member(
        &self,
        who: &Principal,
        role: Role,
    ) -> Result<String, StoreError> {
        if !who.may(Role::Owner) {
            return Err(StoreError::Forbidden);
        }
        let token = random_token();
        let now = db::now_millis();
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        accounts::insert_invitation(
            &mut conn,
            &token_hash(&token),
            who.organisation.0,
            role.as_str(),
            who.user.0,
            now,
            now + INVITATION_DAYS * 24 * 60 * 60 * 1000,
        )
        .await
        .map_err(internal)?;
        Ok(token)
    }

    pub(super) async fn join(
        &self,
        who: &Principal,
        session: &str,
        invitation: &str,
    ) -> Result<(), StoreError> {
        let now = db::now_millis();
        let mut tx = self.db.pool.begin().await.map_err(internal)?;
        let (organisation, role) =
            accounts::take_invitation(&mut tx, &token_hash(invitation.trim()), who.user.0, now)
                .await
                .map_err(internal)?
                .ok_or(refused(AccountRefusal::InvitationInvalid))?;
        accounts::upsert_membership(&mut tx, organisation, who.user.0, &role, now)
            .await
            .map_err(internal)?;
        accounts::switch_session(&mut tx, &token_hash(session), organisation)
            .await
            .map_err(internal)?;
        tx.commit().await.map_err(internal)?;
        Ok(())
    }

    pub(super) async fn list_members(&self, who: &Principal) -> Result<Vec<Member>, StoreError> {
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let rows = accounts::members(&mut conn, who.organisation.0)
            .await
            .map_err(internal)?;
        Ok(rows
            .into_iter()
            .filter_map(|row| {
                Some(Member {
                    user: UserId(row.user_id),
                    name: row.name,
                    email: row.email,
                    role: Role::from_name(&row.role)?,
                })
            })
            .collect())
    }

    /// Gives `user` the role `role`, or removes them when `None`.
    pub(super) async fn change_role(
        &self,
        who: &Principal,
        user: UserId,
        role: Option<Role>,
    ) -> Result<(), StoreError> {
        if !who.may(Role::Owner) {
            return Err(StoreError::Forbidden);
        }
        let organisation = who.organisation.0;
        let mut tx = self.db.pool.begin().await.map_err(internal)?;
        let changed = match role {
            Some(role) => accounts::set_role(&mut tx, organisation, user.0, role.as_str()).await,
            None => accounts::remove_member(&mut tx, organisation, user.0).await,
        }
        .map_err(internal)?;
        if !changed {
            return Err(StoreError::NotFound);
        }
        if accounts::count_owners(&mut tx, organisation)
            .await
            .map_err(internal)?
            == 0
        {
            return Err(refused(AccountRefusal::LastOwner));
        }
        tx.commit().await.map_err(internal)?;
        Ok(())
    }
}
