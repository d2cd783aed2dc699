//! Server functions for accounts: sign up, sign in, set up the first owner, sign out, and who is
//! signed in. They take form encoding, so the sign-in and sign-up forms work without JavaScript;
//! a success sets the session cookie (a new token every time) and redirects.

use leptos::prelude::*;

use crate::{
    error::AppError,
    model::{Account, AuditEvent, Member, Membership, OrganisationId, Role, UserId},
};

/// What the sign-in page says about the demo account, when the demo is on.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DemoCredentials {
    /// Its email.
    pub email: String,
    /// Its password.
    pub password: String,
}

/// Creates an account, signs it in and goes to the projects. With an `invitation` the account
/// joins that organisation; without, it owns a new one.
#[server(endpoint = "sign_up")]
pub async fn sign_up(
    email: String,
    name: String,
    password: String,
    invitation: Option<String>,
) -> Result<(), AppError> {
    let accounts = crate::api::use_port::<dyn crate::api::Accounts>()?;
    let token = accounts
        .sign_up(crate::api::NewAccount {
            email,
            name,
            password,
            invitation: invitation.filter(|i| !i.trim().is_empty()),
        })
        .await?;
    session::start(&token);
    leptos_axum::redirect("/");
    Ok(())
}

/// Signs in and goes to `next` (a path of this site) or to the projects.
#[server(endpoint = "sign_in")]
pub async fn sign_in(
    email: String,
    password: String,
    next: Option<String>,
) -> Result<(), AppError> {
    let accounts = crate::api::use_port::<dyn crate::api::Accounts>()?;
    let address =
        crate::api::request_extension::<crate::api::ClientAddress>().map(|address| address.0);
    let token = accounts.sign_in(email, password, address).await?;
    session::end_current(accounts.as_ref()).await?;
    session::start(&token);
    leptos_axum::redirect(&session::local_path(next.as_deref()));
    Ok(())
}

/// Creates the first owner with the server's one-time setup link.
#[server(endpoint = "set_up_owner")]
pub async fn set_up_owner(
    link: String,
    email: String,
    name: String,
    password: String,
) -> Result<(), AppError> {
    let accounts = crate::api::use_port::<dyn crate::api::Accounts>()?;
    let token = accounts
        .set_up(
            link,
            crate::api::NewAccount {
                email,
                name,
                password,
                invitation: None,
            },
        )
        .await?;
    session::start(&token);
    leptos_axum::redirect("/");
    Ok(())
}

/// Ends this browser's session and goes to the sign-in page.
#[server(endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    let accounts = crate::api::use_port::<dyn crate::api::Accounts>()?;
    session::end_current(accounts.as_ref()).await?;
    session::clear();
    leptos_axum::redirect("/sign-in");
    Ok(())
}

/// The signed-in account, or `None` for an anonymous visitor.
#[server(input = leptos::server_fn::codec::Json, endpoint = "current_account")]
pub async fn current_account() -> Result<Option<Account>, AppError> {
    // Anonymous is an answer here, not an error.
    let Some(who) = crate::api::request_extension::<crate::model::Principal>() else {
        return Ok(None);
    };
    let accounts = crate::api::use_port::<dyn crate::api::Accounts>()?;
    Ok(Some(accounts.account(&who).await?))
}

/// An invitation into the signed-in owner's organisation with `role`: the path of the link to
/// copy (`/sign-up?invitation=…`), which works once, for 7 days.
#[server(input = leptos::server_fn::codec::Json, endpoint = "invite_member")]
pub async fn invite_member(role: Role) -> Result<String, AppError> {
    let who = crate::api::use_principal()?;
    let accounts = crate::api::use_port::<dyn crate::api::Accounts>()?;
    let token = accounts.invite(&who, role).await?;
    Ok(format!("/sign-up?invitation={token}"))
}

/// The signed-in user joins the organisation of `invitation` and works in it from now on.
#[server(input = leptos::server_fn::codec::Json, endpoint = "accept_invitation")]
pub async fn accept_invitation(invitation: String) -> Result<(), AppError> {
    let who = crate::api::use_principal()?;
    let accounts = crate::api::use_port::<dyn crate::api::Accounts>()?;
    let session = crate::api::request_extension::<crate::api::SessionCookie>()
        .ok_or(AppError::Unauthorized)?;
    Ok(accounts
        .accept_invitation(&who, &session.0, invitation)
        .await?)
}

/// The latest changes of the signed-in user's organisation's membership, newest first.
#[server(input = leptos::server_fn::codec::Json, endpoint = "member_history")]
pub async fn member_history() -> Result<Vec<AuditEvent>, AppError> {
    let who = crate::api::use_principal()?;
    let accounts = crate::api::use_port::<dyn crate::api::Accounts>()?;
    Ok(accounts.member_history(&who).await?)
}

/// The organisations the signed-in user is a member of.
#[server(input = leptos::server_fn::codec::Json, endpoint = "my_organisations")]
pub async fn my_organisations() -> Result<Vec<Membership>, AppError> {
    let who = crate::api::use_principal()?;
    let accounts = crate::api::use_port::<dyn crate::api::Accounts>()?;
    Ok(accounts.organisations(&who).await?)
}

/// The signed-in user works in `organisation`, one of theirs, from now on; then the projects.
#[server(endpoint = "switch_organisation")]
pub async fn switch_organisation(organisation: OrganisationId) -> Result<(), AppError> {
    let who = crate::api::use_principal()?;
    let accounts = crate::api::use_port::<dyn crate::api::Accounts>()?;
    let session = crate::api::request_extension::<crate::api::SessionCookie>()
        .ok_or(AppError::Unauthorized)?;
    accounts
        .switch_organisation(&who, &session.0, organisation)
        .await?;
    leptos_axum::redirect("/");
    Ok(())
}

/// The members of the signed-in user's organisation.
#[server(input = leptos::server_fn::codec::Json, endpoint = "list_members")]
pub async fn list_members() -> Result<Vec<Member>, AppError> {
    let who = crate::api::use_principal()?;
    let accounts = crate::api::use_port::<dyn crate::api::Accounts>()?;
    Ok(accounts.members(&who).await?)
}

/// Gives a member another role (owners only; the last owner stays owner).
#[server(input = leptos::server_fn::codec::Json, endpoint = "set_member_role")]
pub async fn set_member_role(user: UserId, role: Role) -> Result<(), AppError> {
    let who = crate::api::use_principal()?;
    let accounts = crate::api::use_port::<dyn crate::api::Accounts>()?;
    Ok(accounts.set_role(&who, user, role).await?)
}

/// Removes a member from the organisation (owners only; not the last owner).
#[server(input = leptos::server_fn::codec::Json, endpoint = "remove_member")]
pub async fn remove_member(user: UserId) -> Result<(), AppError> {
    let who = crate::api::use_principal()?;
    let accounts = crate::api::use_port::<dyn crate::api::Accounts>()?;
    Ok(accounts.remove_member(&who, user).await?)
}

/// The demo account the sign-in page offers, when the demo is on.
#[server(input = leptos::server_fn::codec::Json, endpoint = "demo_account")]
pub async fn demo_account() -> Result<Option<DemoCredentials>, AppError> {
    let accounts = crate::api::use_port::<dyn crate::api::Accounts>()?;
    Ok(accounts
        .demo_credentials()
        .map(|(email, password)| DemoCredentials { email, password }))
}

#[cfg(feature = "ssr")]
mod session {
    use http::{header::SET_COOKIE, HeaderValue};
    use leptos::prelude::*;

    use crate::api::{Accounts, SessionCookie, SessionToken, SESSION_COOKIE, SESSION_DAYS};

    /// Sets the session cookie: HttpOnly, SameSite=Lax, Secure when the request came over TLS.
    pub(super) fn start(token: &SessionToken) {
        let max_age = SESSION_DAYS * 24 * 60 * 60;
        set_cookie(&format!("{SESSION_COOKIE}={}; Max-Age={max_age}", token.0));
    }

    /// Clears the session cookie.
    pub(super) fn clear() {
        set_cookie(&format!("{SESSION_COOKIE}=; Max-Age=0"));
    }

    fn set_cookie(pair: &str) {
        let secure = use_context::<http::request::Parts>().is_some_and(|parts| {
            parts.uri.scheme_str() == Some("https")
                || parts
                    .headers
                    .get("x-forwarded-proto")
                    .is_some_and(|proto| proto.as_bytes().eq_ignore_ascii_case(b"https"))
        });
        let cookie = format!(
            "{pair}; Path=/; HttpOnly; SameSite=Lax{}",
            if secure { "; Secure" } else { "" }
        );
        if let (Some(response), Ok(value)) = (
            use_context::<leptos_axum::ResponseOptions>(),
            HeaderValue::from_str(&cookie),
        ) {
            response.append_header(SET_COOKIE, value);
        }
    }

    /// Ends the session of the current request's cookie, if it has one.
    pub(super) async fn end_current(accounts: &dyn Accounts) -> Result<(), crate::api::StoreError> {
        match crate::api::request_extension::<SessionCookie>() {
            Some(SessionCookie(token)) => accounts.sign_out(&token).await,
            None => Ok(()),
        }
    }

    /// `next` when it is a path of this site, else the projects: never another site.
    pub(super) fn local_path(next: Option<&str>) -> String {
        match next {
            Some(path)
                if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') =>
            {
                path.to_owned()
            }
            _ => "/".to_owned(),
        }
    }
}
