//! Errors of the REST API as `application/problem+json` (RFC 9457): the status, a short title, the
//! reason worded in the request's language (`detail`), and the reason as data (`reason`, the same
//! `AppError` the server functions answer), so scripts branch on data and people read words.

use app::{
    i18n::{worded, Locale},
    AppError,
};
use axum::{
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use serde::Serialize;

/// The media type of a problem.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// Why a REST request was refused.
#[derive(Debug)]
pub enum Problem {
    /// A refusal the page would show too.
    App(AppError),
    /// A write without `If-Match` (428).
    VersionRequired,
    /// A write whose `If-Match` is not the stored version (412).
    Stale {
        /// The version stored now.
        current: i64,
    },
}

impl From<AppError> for Problem {
    fn from(err: AppError) -> Self {
        Self::App(err)
    }
}

impl From<app::api::StoreError> for Problem {
    fn from(err: app::api::StoreError) -> Self {
        Self::App(AppError::from(err))
    }
}

/// An error, as RFC 9457 has it (`application/problem+json`).
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[schema(as = Problem)]
pub struct Body {
    /// Always `about:blank`: the status says what kind of problem it is.
    #[serde(rename = "type")]
    kind: &'static str,
    /// The status's reason phrase, in English.
    title: &'static str,
    /// The HTTP status.
    status: u16,
    /// What went wrong and what to do, in the language `Accept-Language` asks for (English or
    /// Spanish).
    detail: String,
    /// The reason as data, the same the page gets (`"NotFound"`, `{"Refused": …}`), for scripts.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<serde_json::Value>)]
    reason: Option<AppError>,
    /// On 412: the version stored now.
    #[serde(skip_serializing_if = "Option::is_none")]
    current_version: Option<i64>,
}

impl Problem {
    /// The answer, worded for the language `headers` ask for.
    pub fn respond(self, headers: &HeaderMap) -> Response {
        let locale = Locale::from_headers(headers);
        let spanish = locale == Locale::Es;
        // A save that lost the race to a colleague is a stale version too.
        let problem = match self {
            Problem::App(AppError::Conflict { current_version }) => Problem::Stale {
                current: current_version.0,
            },
            other => other,
        };
        let body = match problem {
            Problem::App(err) => {
                let err = worded(err, locale);
                Body {
                    kind: "about:blank",
                    title: title(&err),
                    status: err.status(),
                    detail: (locale.texts().error)(&err),
                    reason: Some(err),
                    current_version: None,
                }
            }
            Problem::VersionRequired => Body {
                kind: "about:blank",
                title: "Precondition Required",
                status: 428,
                detail: if spanish {
                    "Envíe la versión del plan en If-Match (su ETag) para cambiarlo.".into()
                } else {
                    "Send the plan's version in If-Match (its ETag) to change it.".into()
                },
                reason: None,
                current_version: None,
            },
            Problem::Stale { current } => {
                Body {
                    kind: "about:blank",
                    title: "Precondition Failed",
                    status: 412,
                    detail: if spanish {
                        format!("El plan cambió: ahora está en la versión {current}. Vuelva a cargarlo.")
                    } else {
                        format!("The plan changed: it is now at version {current}. Load it again.")
                    },
                    reason: None,
                    current_version: Some(current),
                }
            }
        };
        let status = StatusCode::from_u16(body.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = (status, Json(body)).into_response();
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        response
    }
}

/// The short, language-neutral title of `err` (its HTTP reason phrase).
fn title(err: &AppError) -> &'static str {
    StatusCode::from_u16(err.status())
        .ok()
        .and_then(|status| status.canonical_reason())
        .unwrap_or("Error")
}
