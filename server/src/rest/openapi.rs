//! The REST API's OpenAPI 3.1 document, generated from the handlers' `#[utoipa::path]`
//! annotations and the wire types' schemas (`ToSchema`, derived in `shared` and `app` under their
//! `openapi` feature), served at `GET /api/openapi.json`. The conventions every route shares (the
//! two ways to sign in, the problem answers) are added here once, by [`Conventions`].

use std::sync::OnceLock;

use axum::{
    http::{header, HeaderValue},
    response::{IntoResponse, Response},
};
use utoipa::{
    openapi::{
        path::Operation,
        security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme},
        ContentBuilder, Ref, RefOr, ResponseBuilder,
    },
    Modify, OpenApi,
};

use super::{create, jobs, plans, problem, projects, segments};

/// The document's source: every REST route and the schemas they name.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Audiobook studio",
        description = "Plans of a full-cast audiobook: projects, chapters, their segments and \
            speakers, the cast and the pronunciation map. A plan's version is its `ETag`; every \
            write names the version it was made on in `If-Match` (missing: 428, stale: 412). \
            Errors are `application/problem+json`, worded in the language `Accept-Language` asks \
            for (English or Spanish).",
    ),
    paths(
        plans::projects,
        create::create_project,
        create::add_chapters,
        plans::chapter_status,
        plans::plan,
        plans::put_plan,
        plans::generate,
        plans::complete,
        segments::split,
        segments::merge,
        segments::delete_segment,
        segments::revision,
        projects::cast,
        projects::put_cast,
        projects::pronunciations,
        projects::put_pronunciations,
        projects::plan_file,
        projects::put_plan_file,
        jobs::assign_characters,
        crate::routes::speaker_jobs::events,
        jobs::cancel,
        crate::routes::renders::events,
        crate::routes::renders::mp3,
    ),
    // The schemas inside a tuple (a job's `done` event) are not found by themselves.
    components(schemas(
        problem::Body,
        shared::attribution::verdict::Attribution,
        shared::attribution::verdict::Evidence,
        shared::attribution::verdict::Rule,
        shared::attribution::verdict::CharRange,
    )),
    modifiers(&Conventions),
    tags(
        (name = "projects", description = "Projects, their chapters, cast and pronunciations"),
        (name = "plans", description = "A chapter's plan: read, replace, generate, sign off"),
        (name = "segments", description = "One segment: the same edits as the page"),
        (name = "jobs", description = "Speaker assignment by the language model, as a job"),
        (name = "renders", description = "A chapter rendered as audio: its job's events, its MP3"),
    ),
)]
pub struct ApiDoc;

/// What every route shares: sign-in by API token or session cookie, and problem answers.
struct Conventions;

/// Statuses any route may answer with a problem.
const PROBLEMS: [&str; 8] = ["400", "401", "403", "404", "409", "422", "429", "500"];
/// Statuses a write that names a version may also answer.
const VERSION_PROBLEMS: [&str; 2] = ["412", "428"];

impl Modify for Conventions {
    fn modify(&self, api: &mut utoipa::openapi::OpenApi) {
        let components = api.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "A personal API token (Team → API tokens): it acts as its maker, with \
                         their role of the moment.",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new("studio_session"))),
        );
        components.responses.insert(
            "Problem".to_owned(),
            RefOr::T(
                ResponseBuilder::new()
                    .description("The request was refused: why, worded and as data")
                    .content(
                        "application/problem+json",
                        ContentBuilder::new()
                            .schema(Some(Ref::from_schema_name("Problem")))
                            .build(),
                    )
                    .build(),
            ),
        );
        api.security = Some(vec![
            utoipa::openapi::security::SecurityRequirement::new("token", Vec::<String>::new()),
            utoipa::openapi::security::SecurityRequirement::new("session", Vec::<String>::new()),
        ]);
        for item in api.paths.paths.values_mut() {
            for operation in [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
            ]
            .into_iter()
            .flatten()
            {
                add_problems(operation);
            }
        }
    }
}

/// The problem answers of one operation (412 and 428 when it takes `If-Match`).
fn add_problems(operation: &mut Operation) {
    let versioned = operation
        .parameters
        .iter()
        .flatten()
        .any(|p| p.name == "If-Match");
    let statuses = PROBLEMS
        .iter()
        .chain(versioned.then_some(&VERSION_PROBLEMS).into_iter().flatten());
    for status in statuses {
        operation
            .responses
            .responses
            .entry((*status).to_owned())
            .or_insert_with(|| RefOr::Ref(Ref::new("#/components/responses/Problem")));
    }
}

/// The document as JSON, made once.
pub fn document() -> &'static str {
    static DOCUMENT: OnceLock<String> = OnceLock::new();
    DOCUMENT.get_or_init(|| ApiDoc::openapi().to_pretty_json().unwrap_or_default())
}

/// `GET /api/openapi.json`.
pub async fn openapi_json() -> Response {
    let mut response = document().into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}
