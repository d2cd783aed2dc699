//! `SqlAccounts` (the `Accounts` port): accounts with argon2id password hashes, organisations,
//! sessions kept in the database (the cookie holds a random token; the table only its SHA-256),
//! repeated wrong passwords slowed down per account and per address, the one-time setup link of
//! a fresh install, and the demo account.

mod credentials;
pub mod layer;
mod members;
mod tokens;

use std::{
    net::IpAddr,
    sync::{Mutex, PoisonError},
};

use anyhow::Context;
use app::{
    api::{Accounts, NewAccount, SessionToken, StoreError, SESSION_DAYS},
    error::{AccountRefusal, Refusal},
    model::{
        Account, ApiToken, AuditEntry, AuditEvent, Member, Membership, OrganisationId, Principal,
        Role, UserId,
    },
};
use async_trait::async_trait;

use credentials::{
    checked_email, checked_name, checked_password, constant_time_eq, decoy, hash_password,
    verify_password, wait_ms,
};
pub(crate) use credentials::{random_token, token_hash};

use crate::{
    db::{self, accounts, Db},
    store::{internal, SqlStore},
};

/// The demo account's email and password, shown on the sign-in page when the demo is on.
pub const DEMO_EMAIL: &str = "demo@studio.test";
/// See [`DEMO_EMAIL`].
pub const DEMO_PASSWORD: &str = "listen-to-the-hound";

/// Accounts on the database.
pub struct SqlAccounts {
    db: Db,
    store: SqlStore,
    demo: bool,
    /// The one-time setup link's token while no user exists (printed at start).
    setup: Mutex<Option<String>>,
}

impl SqlAccounts {
    /// Accounts on `db`; with `demo`, new organisations get the demo projects.
    pub fn new(db: Db, store: SqlStore, demo: bool) -> Self {
        Self {
            db,
            store,
            demo,
            setup: Mutex::new(None),
        }
    }

    /// On a database with no user: with the demo on, seeds the demo account, organisation and
    /// projects; otherwise makes the one-time setup link's token (the caller prints it).
    ///
    /// # Errors
    /// When the database fails.
    pub async fn prepare(&self) -> anyhow::Result<Option<String>> {
        let mut conn = self.db.pool.acquire().await?;
        if accounts::count_users(&mut conn).await? > 0 {
            return Ok(None);
        }
        drop(conn);
        if self.demo {
            let who = self
                .create(
                    NewAccount {
                        email: DEMO_EMAIL.to_owned(),
                        name: "Demo producer".to_owned(),
                        password: DEMO_PASSWORD.to_owned(),
                        invitation: None,
                    },
                    Some("Demo studio"),
                    false,
                )
                .await
                .map_err(|err| anyhow::anyhow!("creating the demo account: {err}"))?;
            crate::demo::seed(&self.store, &who)
                .await
                .map_err(|err| anyhow::anyhow!("seeding the demo projects: {err}"))?;
            return Ok(None);
        }
        let token = random_token();
        *self.setup.lock().unwrap_or_else(PoisonError::into_inner) = Some(token.clone());
        Ok(Some(token))
    }

    /// The principal of a session cookie's token, if the session is live.
    ///
    /// # Errors
    /// When the database fails.
    pub async fn principal(&self, token: &str) -> anyhow::Result<Option<Principal>> {
        let mut conn = self.db.pool.acquire().await?;
        let row = accounts::session(&mut conn, &token_hash(token), db::now_millis()).await?;
        Ok(row.and_then(principal_of))
    }

    /// Makes a user and their membership: owner of a new organisation (named `organisation`,
    /// or after them), owner of the unclaimed one (`claim`), or what their invitation says; and
    /// returns them as a principal.
    async fn create(
        &self,
        account: NewAccount,
        organisation: Option<&str>,
        claim: bool,
    ) -> Result<Principal, StoreError> {
        let invitation = account.invitation.clone();
        let email = checked_email(&account.email)?;
        let name = checked_name(&account.name)?;
        checked_password(&account.password)?;
        let hash = tokio::task::spawn_blocking(move || hash_password(&account.password))
            .await
            .context("hashing a password")??;
        let now = db::now_millis();
        let mut tx = self.db.begin_write().await.map_err(internal)?;
        let user = accounts::insert_user(&mut tx, &email, &name, &hash, now)
            .await
            .map_err(internal)?
            .ok_or(refused(AccountRefusal::EmailTaken))?;
        let (organisation, role) = if let Some(invitation) = invitation {
            let (organisation, role) =
                accounts::take_invitation(&mut tx, &token_hash(invitation.trim()), user, now)
                    .await
                    .map_err(internal)?
                    .ok_or(refused(AccountRefusal::InvitationInvalid))?;
            (organisation, Role::from_name(&role).unwrap_or(Role::Viewer))
        } else {
            let unclaimed = if claim {
                accounts::unclaimed_organisation(&mut tx)
                    .await
                    .map_err(internal)?
            } else {
                None
            };
            let organisation = match unclaimed {
                Some(id) => id,
                None => {
                    let title =
                        organisation.map_or_else(|| format!("{name}’s studio"), str::to_owned);
                    accounts::insert_organisation(&mut tx, &title, now)
                        .await
                        .map_err(internal)?
                }
            };
            (organisation, Role::Owner)
        };
        accounts::upsert_membership(&mut tx, organisation, user, role.as_str(), now)
            .await
            .map_err(internal)?;
        members::note(
            &mut tx,
            organisation,
            user,
            &AuditEntry::MemberJoined { role },
        )
        .await?;
        tx.commit().await.map_err(internal)?;
        Ok(Principal {
            user: UserId(user),
            organisation: OrganisationId(organisation),
            role,
        })
    }

    /// A new session of `user`, acting in `organisation`.
    async fn session(
        &self,
        user: UserId,
        organisation: OrganisationId,
    ) -> Result<SessionToken, StoreError> {
        let token = random_token();
        let now = db::now_millis();
        let expires = now + SESSION_DAYS * 24 * 60 * 60 * 1000;
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        accounts::insert_session(
            &mut conn,
            &token_hash(&token),
            user.0,
            organisation.0,
            now,
            expires,
        )
        .await
        .map_err(internal)?;
        Ok(SessionToken(token))
    }

    /// Refuses while `subject` has failed too often too recently.
    async fn check_pace(&self, subject: &str, now: i64) -> Result<(), StoreError> {
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        if let Some((failures, last_at)) = accounts::failures(&mut conn, subject)
            .await
            .map_err(internal)?
        {
            let ready = last_at + wait_ms(failures);
            if now < ready {
                let seconds = u64::try_from((ready - now + 999) / 1000).unwrap_or(1);
                return Err(StoreError::TooManyAttempts {
                    retry_after_seconds: seconds,
                });
            }
        }
        Ok(())
    }
}

#[async_trait]
impl Accounts for SqlAccounts {
    async fn sign_up(&self, account: NewAccount) -> Result<SessionToken, StoreError> {
        let invited = account.invitation.is_some();
        let who = self.create(account, None, false).await?;
        if self.demo && !invited {
            crate::demo::seed(&self.store, &who).await?;
        }
        self.session(who.user, who.organisation).await
    }

    #[tracing::instrument(skip_all)]
    async fn sign_in(
        &self,
        email: String,
        password: String,
        address: Option<IpAddr>,
    ) -> Result<SessionToken, StoreError> {
        let email = email.trim().to_lowercase();
        let subjects: Vec<String> = std::iter::once(format!("account:{email}"))
            .chain(address.map(|a| format!("address:{a}")))
            .collect();
        let now = db::now_millis();
        for subject in &subjects {
            self.check_pace(subject, now).await?;
        }
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let user = accounts::user_by_email(&mut conn, &email)
            .await
            .map_err(internal)?;
        let (user_id, hash) = match user {
            Some(user) => (Some(user.id), Some(user.password_hash)),
            None => (None, None),
        };
        let matches = tokio::task::spawn_blocking(move || {
            verify_password(&password, hash.as_deref().unwrap_or_else(|| decoy()))
        })
        .await
        .context("checking a password")?;
        let Some(user) = user_id.filter(|_| matches) else {
            for subject in &subjects {
                accounts::record_failure(&mut conn, subject, now)
                    .await
                    .map_err(internal)?;
            }
            tracing::info!(?address, "a wrong email or password");
            return Err(refused(AccountRefusal::WrongCredentials));
        };
        accounts::clear_failures(&mut conn, &subjects[0])
            .await
            .map_err(internal)?;
        let organisation = accounts::first_organisation(&mut conn, user)
            .await
            .map_err(internal)?
            .ok_or(refused(AccountRefusal::WrongCredentials))?;
        drop(conn);
        self.session(UserId(user), OrganisationId(organisation))
            .await
    }

    async fn set_up(&self, link: String, account: NewAccount) -> Result<SessionToken, StoreError> {
        {
            let mut setup = self.setup.lock().unwrap_or_else(PoisonError::into_inner);
            match setup.as_deref() {
                Some(token) if constant_time_eq(token.as_bytes(), link.trim().as_bytes()) => {
                    *setup = None;
                }
                _ => return Err(refused(AccountRefusal::SetupLinkInvalid)),
            }
        }
        let account = NewAccount {
            invitation: None,
            ..account
        };
        let who = self.create(account, None, true).await?;
        self.session(who.user, who.organisation).await
    }

    async fn invite(&self, who: &Principal, role: Role) -> Result<String, StoreError> {
        self.invite_member(who, role).await
    }

    async fn accept_invitation(
        &self,
        who: &Principal,
        session: &str,
        invitation: String,
    ) -> Result<(), StoreError> {
        self.join(who, session, &invitation).await
    }

    async fn members(&self, who: &Principal) -> Result<Vec<Member>, StoreError> {
        self.list_members(who).await
    }

    async fn set_role(&self, who: &Principal, user: UserId, role: Role) -> Result<(), StoreError> {
        self.change_role(who, user, Some(role)).await
    }

    async fn remove_member(&self, who: &Principal, user: UserId) -> Result<(), StoreError> {
        self.change_role(who, user, None).await
    }

    async fn member_history(&self, who: &Principal) -> Result<Vec<AuditEvent>, StoreError> {
        self.membership_history(who).await
    }

    async fn organisations(&self, who: &Principal) -> Result<Vec<Membership>, StoreError> {
        self.organisations_of(who).await
    }

    async fn switch_organisation(
        &self,
        who: &Principal,
        session: &str,
        organisation: OrganisationId,
    ) -> Result<(), StoreError> {
        self.switch_to(who, session, organisation).await
    }

    async fn sign_out(&self, token: &str) -> Result<(), StoreError> {
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        accounts::delete_session(&mut conn, &token_hash(token))
            .await
            .map_err(internal)
    }

    async fn account(&self, who: &Principal) -> Result<Account, StoreError> {
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let row = accounts::account(&mut conn, who.user.0, who.organisation.0)
            .await
            .map_err(internal)?
            .ok_or(StoreError::NotFound)?;
        drop(conn);
        Ok(Account {
            email: row.email,
            name: row.name,
            organisation: row.organisation,
            role: who.role,
            memberships: self.organisations_of(who).await?,
        })
    }

    async fn create_api_token(&self, who: &Principal, name: String) -> Result<String, StoreError> {
        self.make_token(who, &name).await
    }

    async fn api_tokens(&self, who: &Principal) -> Result<Vec<ApiToken>, StoreError> {
        self.tokens_of(who).await
    }

    async fn revoke_api_token(&self, who: &Principal, id: i64) -> Result<(), StoreError> {
        self.revoke_token(who, id).await
    }

    fn demo_credentials(&self) -> Option<(String, String)> {
        self.demo
            .then(|| (DEMO_EMAIL.to_owned(), DEMO_PASSWORD.to_owned()))
    }
}

/// The principal a live session's (or API token's) row names; none for an unknown role.
fn principal_of(row: accounts::SessionRow) -> Option<Principal> {
    Some(Principal {
        user: UserId(row.user_id),
        organisation: OrganisationId(row.organisation_id),
        role: Role::from_name(&row.role)?,
    })
}

pub(crate) fn refused(refusal: AccountRefusal) -> StoreError {
    StoreError::Refused(Refusal::Account(refusal))
}
