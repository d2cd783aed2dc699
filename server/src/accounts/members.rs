//! The members of an organisation: invitations by link, joining, roles and removal. Only an
//! owner manages members, and an organisation always keeps an owner.

use anyhow::Context;
use app::{
    api::StoreError,
    error::AccountRefusal,
    model::{AuditEntry, AuditEvent, Member, Membership, OrganisationId, Principal, Role, UserId},
};
use sqlx::AnyConnection;

use super::{random_token, refused, token_hash, SqlAccounts};
use crate::{
    db::{self, accounts, members},
    store::{audit::event_of, internal},
};

/// How many membership events the members page shows.
const SHOWN: i64 = 50;

/// Records in the organisation's membership history that `user` did `entry` (in the
/// transaction of the change it describes).
pub(super) async fn note(
    conn: &mut AnyConnection,
    organisation: i64,
    user: i64,
    entry: &AuditEntry,
) -> Result<(), StoreError> {
    let json = serde_json::to_string(entry).context("encoding a membership event")?;
    members::insert_event(conn, organisation, user, db::now_millis(), &json)
        .await
        .map_err(internal)
}

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
        let entry = AuditEntry::MemberInvited { role };
        note(&mut conn, who.organisation.0, who.user.0, &entry).await?;
        Ok(token)
    }

    pub(super) async fn join(
        &self,
        who: &Principal,
        session: &str,
        invitation: &str,
    ) -> Result<(), StoreError> {
        let now = db::now_millis();
        let mut tx = self.db.begin_write().await.map_err(internal)?;
        let (organisation, role) =
            accounts::take_invitation(&mut tx, &token_hash(invitation.trim()), who.user.0, now)
                .await
                .map_err(internal)?
                .ok_or(refused(AccountRefusal::InvitationInvalid))?;
        accounts::upsert_membership(&mut tx, organisation, who.user.0, &role, now)
            .await
            .map_err(internal)?;
        if let Some(role) = Role::from_name(&role) {
            note(
                &mut tx,
                organisation,
                who.user.0,
                &AuditEntry::MemberJoined { role },
            )
            .await?;
        }
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
        let mut tx = self.db.begin_write().await.map_err(internal)?;
        let name = members::user_name(&mut tx, user.0)
            .await
            .map_err(internal)?
            .unwrap_or_default();
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
        let entry = match role {
            Some(role) => AuditEntry::MemberRoleChanged { name, role },
            None => AuditEntry::MemberRemoved { name },
        };
        note(&mut tx, organisation, who.user.0, &entry).await?;
        tx.commit().await.map_err(internal)?;
        Ok(())
    }

    /// The latest changes of `who`'s organisation's membership, newest first.
    pub(super) async fn membership_history(
        &self,
        who: &Principal,
    ) -> Result<Vec<AuditEvent>, StoreError> {
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let rows = members::events(&mut conn, who.organisation.0, SHOWN)
            .await
            .map_err(internal)?;
        Ok(rows.into_iter().filter_map(event_of).collect())
    }

    /// The organisations `who` is a member of, by name.
    pub(super) async fn organisations_of(
        &self,
        who: &Principal,
    ) -> Result<Vec<Membership>, StoreError> {
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let rows = members::memberships(&mut conn, who.user.0)
            .await
            .map_err(internal)?;
        Ok(rows
            .into_iter()
            .filter_map(|row| {
                Some(Membership {
                    organisation: OrganisationId(row.organisation_id),
                    name: row.name,
                    role: Role::from_name(&row.role)?,
                    current: row.organisation_id == who.organisation.0,
                })
            })
            .collect())
    }

    /// Moves session `session` of `who` to `organisation`, one of theirs.
    pub(super) async fn switch_to(
        &self,
        who: &Principal,
        session: &str,
        organisation: OrganisationId,
    ) -> Result<(), StoreError> {
        let theirs = self.organisations_of(who).await?;
        if !theirs.iter().any(|m| m.organisation == organisation) {
            return Err(StoreError::NotFound);
        }
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        accounts::switch_session(&mut conn, &token_hash(session), organisation.0)
            .await
            .map_err(internal)
    }
}
