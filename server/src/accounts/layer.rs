//! The session layer, in front of every route: refuses a state-changing request from another
//! site, puts the session's (or a bearer API token's) [`Principal`] (and its cookie, and the
//! client's address) in the request's extensions, and sends an anonymous visitor of a page to
//! the sign-in page.

use std::{net::SocketAddr, sync::Arc};

use app::{
    api::{ClientAddress, SessionCookie, SESSION_COOKIE},
    AppError,
};
use axum::{
    extract::{ConnectInfo, Request, State},
    http::{header, HeaderMap, Method},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};

use super::SqlAccounts;

/// The layer's work for one request.
pub async fn session(
    State(accounts): State<Arc<SqlAccounts>>,
    mut request: Request,
    next: Next,
) -> Response {
    if !same_site(request.method(), request.headers()) {
        tracing::warn!(
            path = %request.uri().path(),
            origin = ?request.headers().get(header::ORIGIN),
            "a state-changing request from another site"
        );
        return crate::routes::error_response(AppError::Forbidden, request.headers());
    }
    if let Some(ConnectInfo(address)) = request.extensions().get::<ConnectInfo<SocketAddr>>() {
        let address = ClientAddress(address.ip());
        request.extensions_mut().insert(address);
    }
    if let Some(token) = cookie(request.headers(), SESSION_COOKIE) {
        match accounts.principal(&token).await {
            Ok(Some(principal)) => {
                request.extensions_mut().insert(principal);
            }
            Ok(None) => tracing::debug!("an unknown or expired session cookie"),
            Err(err) => {
                tracing::error!(error = ?err, "reading a session");
                return crate::routes::error_response(AppError::Internal, request.headers());
            }
        }
        request.extensions_mut().insert(SessionCookie(token));
    }
    if let Some(token) = bearer(request.headers()) {
        match accounts.token_principal(&token).await {
            Ok(Some(principal)) => {
                request.extensions_mut().insert(principal);
            }
            // A revoked or unknown token is refused outright rather than served anonymously,
            // as a problem: a bearer token is a script's.
            Ok(None) => {
                let refused = crate::rest::problem::Problem::App(AppError::Unauthorized);
                return refused.respond(request.headers());
            }
            Err(err) => {
                tracing::error!(error = ?err, "reading an API token");
                return crate::routes::error_response(AppError::Internal, request.headers());
            }
        }
    }
    let anonymous = request
        .extensions()
        .get::<app::model::Principal>()
        .is_none();
    if anonymous && request.method() == Method::GET && is_private_page(request.uri().path()) {
        let next = request
            .uri()
            .path_and_query()
            .map_or("/", |p| p.as_str())
            .to_owned();
        let next = percent_encoding::utf8_percent_encode(&next, percent_encoding::NON_ALPHANUMERIC);
        return Redirect::to(&format!("/sign-in?next={next}")).into_response();
    }
    next.run(request).await
}

/// Whether a request may change state: safe methods always; others only when the browser says
/// they come from this site (`Origin` naming this host, or no `Origin` and no cross-site
/// `Sec-Fetch-Site`, as from a script with its own cookie).
fn same_site(method: &Method, headers: &HeaderMap) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return true;
    }
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    match headers.get(header::ORIGIN).map(|o| o.to_str()) {
        Some(Ok(origin)) => {
            let origin_host = origin
                .split_once("://")
                .map_or(origin, |(_, rest)| rest)
                .trim_end_matches('/');
            host.is_some_and(|host| host.eq_ignore_ascii_case(origin_host))
        }
        Some(Err(_)) => false,
        None => headers
            .get("sec-fetch-site")
            .and_then(|s| s.to_str().ok())
            .is_none_or(|site| site != "cross-site"),
    }
}

/// The pages that need a signed-in user: the projects and everything under them.
fn is_private_page(path: &str) -> bool {
    path == "/" || path.starts_with("/projects/") || path == "/members" || path == "/api-reference"
}

/// The token of an `Authorization: Bearer <token>` header (a script's personal API token).
fn bearer(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    (scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty())
        .then(|| token.trim().to_owned())
}

/// The value of cookie `name` in the request's `Cookie` headers.
fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, value)| *key == name && !value.is_empty())
        .map(|(_, value)| value.to_owned())
}
