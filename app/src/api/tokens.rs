//! Server functions for the signed-in member's personal API tokens, which scripts send as
//! `Authorization: Bearer <token>` to the REST API.

use leptos::prelude::*;
use leptos::server_fn::codec::Json;

use crate::{error::AppError, model::ApiToken};

/// Makes a token named `name`; returns its secret, shown this once.
#[server(input = Json, endpoint = "create_api_token")]
pub async fn create_api_token(name: String) -> Result<String, AppError> {
    let who = crate::api::use_principal()?;
    let accounts = crate::api::use_port::<dyn crate::api::Accounts>()?;
    Ok(accounts.create_api_token(&who, name).await?)
}

/// The signed-in member's live tokens, newest first.
#[server(input = Json, endpoint = "list_api_tokens")]
pub async fn list_api_tokens() -> Result<Vec<ApiToken>, AppError> {
    let who = crate::api::use_principal()?;
    let accounts = crate::api::use_port::<dyn crate::api::Accounts>()?;
    Ok(accounts.api_tokens(&who).await?)
}

/// Revokes the signed-in member's token `id`.
#[server(input = Json, endpoint = "revoke_api_token")]
pub async fn revoke_api_token(id: i64) -> Result<(), AppError> {
    let who = crate::api::use_principal()?;
    let accounts = crate::api::use_port::<dyn crate::api::Accounts>()?;
    Ok(accounts.revoke_api_token(&who, id).await?)
}

/// The REST API's OpenAPI document, as the server made it from its routes; the server provides
/// it to the page's context.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone, Copy)]
pub struct OpenApiDocument(pub &'static str);

/// The REST API's OpenAPI 3.1 document (JSON), which the reference page renders.
#[server(input = Json, endpoint = "api_document")]
pub async fn api_document() -> Result<String, AppError> {
    crate::api::use_principal()?;
    let document = crate::api::use_port::<OpenApiDocument>()?;
    Ok(document.0.to_owned())
}
