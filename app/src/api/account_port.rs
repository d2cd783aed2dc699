//! The `Accounts` port: sign-up, sign-in, the one-time setup of the first owner, sign-out, and
//! the signed-in account as the page shows it. Implemented by `server::accounts`.

use async_trait::async_trait;

use super::StoreError;
use crate::model::{
    Account, ApiToken, AuditEvent, Member, Membership, OrganisationId, Principal, Role, UserId,
};

/// What a new account is made of.
#[derive(Debug, Clone)]
pub struct NewAccount {
    /// The email they will sign in with.
    pub email: String,
    /// Their name, as colleagues see it.
    pub name: String,
    /// Their password, in clear only on its way to the hash.
    pub password: String,
    /// An invitation link's token: the account joins that organisation (and gets none of its
    /// own).
    pub invitation: Option<String>,
}

/// A new session's secret token: the value of the session cookie. `Debug` hides it.
#[derive(Clone, PartialEq, Eq)]
pub struct SessionToken(pub String);

impl std::fmt::Debug for SessionToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionToken(<redacted>)")
    }
}

/// Accounts, organisations and sessions.
#[async_trait]
pub trait Accounts: Send + Sync + 'static {
    /// Creates an account that owns a new organisation (with the demo projects when the demo is
    /// on) and signs it in.
    ///
    /// # Errors
    /// `Refused(Account(…))` for a taken or invalid email, a short password or no name.
    async fn sign_up(&self, account: NewAccount) -> Result<SessionToken, StoreError>;

    /// Signs in: a new session for the account with this email and password. `address` is the
    /// client's, for slowing down repeated wrong passwords per address as well as per account.
    ///
    /// # Errors
    /// `Refused(Account(WrongCredentials))`; `TooManyAttempts` after repeated failures.
    async fn sign_in(
        &self,
        email: String,
        password: String,
        address: Option<std::net::IpAddr>,
    ) -> Result<SessionToken, StoreError>;

    /// Creates the first owner with the one-time link the server printed on a fresh install; they
    /// take over the projects made before accounts existed.
    ///
    /// # Errors
    /// `Refused(Account(SetupLinkInvalid))` for a wrong or used link; as [`Accounts::sign_up`].
    async fn set_up(&self, link: String, account: NewAccount) -> Result<SessionToken, StoreError>;

    /// Ends the session whose cookie holds `token`.
    ///
    /// # Errors
    /// `Internal` when the database fails.
    async fn sign_out(&self, token: &str) -> Result<(), StoreError>;

    /// The signed-in account, its organisation and role.
    ///
    /// # Errors
    /// `NotFound` when the user was removed meanwhile.
    async fn account(&self, who: &Principal) -> Result<Account, StoreError>;

    /// A one-time link token inviting someone into `who`'s organisation with `role` (owners
    /// only); it works for 7 days.
    ///
    /// # Errors
    /// `Forbidden` below owner.
    async fn invite(&self, who: &Principal, role: Role) -> Result<String, StoreError>;

    /// The signed-in user (session `session`) joins the organisation of `invitation` and acts
    /// in it from now on.
    ///
    /// # Errors
    /// `Refused(Account(InvitationInvalid))`.
    async fn accept_invitation(
        &self,
        who: &Principal,
        session: &str,
        invitation: String,
    ) -> Result<(), StoreError>;

    /// The members of `who`'s organisation.
    ///
    /// # Errors
    /// `Internal` when the database fails.
    async fn members(&self, who: &Principal) -> Result<Vec<Member>, StoreError>;

    /// Gives `user` the role `role` in `who`'s organisation (owners only).
    ///
    /// # Errors
    /// `Forbidden` below owner; `NotFound` for a non-member; `Refused(Account(LastOwner))`.
    async fn set_role(&self, who: &Principal, user: UserId, role: Role) -> Result<(), StoreError>;

    /// Removes `user` from `who`'s organisation and ends their sessions there (owners only).
    ///
    /// # Errors
    /// As [`Accounts::set_role`].
    async fn remove_member(&self, who: &Principal, user: UserId) -> Result<(), StoreError>;

    /// The latest changes of `who`'s organisation's membership (invitations, joins, roles,
    /// removals), newest first.
    ///
    /// # Errors
    /// `Internal` when the database fails.
    async fn member_history(&self, who: &Principal) -> Result<Vec<AuditEvent>, StoreError>;

    /// The organisations `who`'s user is a member of, by name.
    ///
    /// # Errors
    /// `Internal` when the database fails.
    async fn organisations(&self, who: &Principal) -> Result<Vec<Membership>, StoreError>;

    /// Moves the session `session` to `organisation`, one of `who`'s user's.
    ///
    /// # Errors
    /// `NotFound` when the user is not a member of it.
    async fn switch_organisation(
        &self,
        who: &Principal,
        session: &str,
        organisation: OrganisationId,
    ) -> Result<(), StoreError>;

    /// Makes a personal API token named `name` for `who` in their organisation and returns its
    /// secret, which is kept only as a hash and never shown again.
    ///
    /// # Errors
    /// `Refused` for an empty or over-long name.
    async fn create_api_token(&self, who: &Principal, name: String) -> Result<String, StoreError>;

    /// `who`'s live API tokens in their organisation, newest first.
    ///
    /// # Errors
    /// `Internal` when the database fails.
    async fn api_tokens(&self, who: &Principal) -> Result<Vec<ApiToken>, StoreError>;

    /// Revokes `who`'s token `id`: requests with it are anonymous from now on.
    ///
    /// # Errors
    /// `NotFound` when `who` has no live token by that id.
    async fn revoke_api_token(&self, who: &Principal, id: i64) -> Result<(), StoreError>;

    /// The demo account's email and password, when the demo is on (the sign-in page shows them).
    fn demo_credentials(&self) -> Option<(String, String)>;
}

/// The client's address, which the server's session layer puts in every request's extensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub std::net::IpAddr);

/// The session cookie's token of the current request, put in its extensions beside the
/// principal (sign-out ends that session).
#[derive(Clone, PartialEq, Eq)]
pub struct SessionCookie(pub String);

/// The name of the session cookie.
pub const SESSION_COOKIE: &str = "studio_session";

/// How long a session lasts.
pub const SESSION_DAYS: i64 = 30;
