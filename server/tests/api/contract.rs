//! The contract test: the REST API's OpenAPI document (`GET /api/openapi.json`) against what the
//! server does. Every REST answer the API tests receive goes through [`check`]: its status must be
//! documented for the operation, and its body must match the documented schema, with no field the
//! document does not name. And the document names exactly the routes the server registers.

use std::sync::OnceLock;

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::spawn_app;

/// The document, with every object schema closed (`unevaluatedProperties: false`) so that a field
/// the server sends and the document does not name fails the check.
fn document() -> &'static Value {
    static DOCUMENT: OnceLock<Value> = OnceLock::new();
    DOCUMENT.get_or_init(|| {
        let mut document: Value =
            serde_json::from_str(server::rest::openapi::document()).expect("the document is JSON");
        close_objects(&mut document["components"]["schemas"]);
        document
    })
}

fn close_objects(schema: &mut Value) {
    match schema {
        Value::Object(fields) => {
            if fields.contains_key("properties") && !fields.contains_key("additionalProperties") {
                fields.insert("unevaluatedProperties".to_owned(), json!(false));
            }
            fields.values_mut().for_each(close_objects);
        }
        Value::Array(items) => items.iter_mut().for_each(close_objects),
        _ => {}
    }
}

/// The documented path that `path` (`/api/projects/3/cast`) is an instance of.
fn template_of(path: &str) -> Option<&'static str> {
    let parts: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    document()["paths"]
        .as_object()?
        .keys()
        .find_map(|template| {
            let pattern: Vec<&str> = template.split('/').collect();
            let matches = pattern.len() == parts.len()
                && pattern.iter().zip(&parts).all(|(want, got)| {
                    (want.starts_with('{') && want.ends_with('}')) || want == got
                });
            matches.then_some(template.as_str())
        })
}

/// Follows a `$ref` inside the document.
fn resolve(value: &'static Value) -> &'static Value {
    match value["$ref"].as_str() {
        Some(reference) => document()
            .pointer(reference.trim_start_matches('#'))
            .unwrap_or_else(|| panic!("{reference} is not in the document")),
        None => value,
    }
}

/// Checks one answer of the REST API against the document: the operation `method` `path`
/// documents `status`, and `body` (JSON, or `Null` for none) matches its schema for
/// `content_type`.
pub fn check(method: &Method, path: &str, status: u16, content_type: Option<&str>, body: &Value) {
    let template =
        template_of(path).unwrap_or_else(|| panic!("{method} {path} is not in the document"));
    let operation = &document()["paths"][template][method.as_str().to_lowercase()];
    assert!(
        operation.is_object(),
        "{method} {template} is not in the document"
    );
    let response = resolve(&operation["responses"][status.to_string()]);
    assert!(
        response.is_object(),
        "{method} {template} answered {status}, which the document does not list"
    );
    let Some(content) = response["content"].as_object() else {
        return; // no body documented (204)
    };
    let kind = content_type.unwrap_or_default();
    let kind = kind.split(';').next().unwrap_or_default().trim();
    let Some(media) = content.get(kind) else {
        panic!(
            "{method} {template} {status} answered {kind}, documented: {:?}",
            content.keys()
        );
    };
    let schema = json!({
        "$ref": media["schema"]["$ref"].clone(),
        "components": document()["components"].clone(),
    });
    let schema = if media["schema"]["$ref"].is_string() {
        schema
    } else {
        let mut inline = media["schema"].clone();
        inline["components"] = document()["components"].clone();
        inline
    };
    let validator = jsonschema::draft202012::new(&schema)
        .unwrap_or_else(|err| panic!("{method} {template} {status}: bad schema: {err}"));
    let errors: Vec<String> = validator
        .iter_errors(body)
        .map(|err| format!("{} at {}", err, err.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{method} {template} {status} does not match the document:\n{}\n{body}",
        errors.join("\n")
    );
}

/// Checks the data of one Server-Sent Event of a speaker job against the document.
pub fn check_event(route: &str, event: &Value) {
    check(&Method::GET, route, 200, Some("text/event-stream"), event);
}

#[tokio::test]
async fn the_document_lists_exactly_the_routes_the_server_serves() {
    let mut served: Vec<String> = server::rest::routes()
        .into_iter()
        .filter(|(_, path, _)| *path != "/api/openapi.json")
        .map(|(method, path, _)| format!("{} {path}", method.as_str().to_lowercase()))
        .collect();
    for plain in [
        "speaker_jobs/{job}/events",
        "render_jobs/{job}/events",
        "render.mp3",
    ] {
        served.push(format!(
            "get /api/projects/{{project}}/chapters/{{chapter}}/{plain}"
        ));
    }
    served.sort();
    let mut documented: Vec<String> = document()["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .unwrap()
                .keys()
                .filter(|key| ["get", "put", "post", "delete", "patch"].contains(&key.as_str()))
                .map(move |method| format!("{method} {path}"))
        })
        .collect();
    documented.sort();
    assert_eq!(documented, served);
}

#[test]
fn every_reference_in_the_document_resolves() {
    fn refs(value: &Value, found: &mut Vec<String>) {
        match value {
            Value::Object(fields) => {
                if let Some(Value::String(target)) = fields.get("$ref") {
                    found.push(target.clone());
                }
                fields.values().for_each(|v| refs(v, found));
            }
            Value::Array(items) => items.iter().for_each(|v| refs(v, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    refs(document(), &mut found);
    let missing: Vec<&String> = found
        .iter()
        .filter(|target| document().pointer(target.trim_start_matches('#')).is_none())
        .collect();
    assert!(!found.is_empty());
    assert!(missing.is_empty(), "{missing:?}");
}

#[tokio::test]
async fn the_document_is_served_as_openapi_3_1_to_anyone() {
    let app = spawn_app().await;
    let anonymous = reqwest::Client::new();

    let answer = anonymous
        .get(format!("{}/api/openapi.json", app.base))
        .send()
        .await
        .unwrap();
    let status = answer.status().as_u16();
    let served: Value = answer.json().await.unwrap();

    assert_eq!(status, 200);
    assert_eq!(served["openapi"], "3.1.0");
    assert_eq!(
        served,
        serde_json::from_str::<Value>(server::rest::openapi::document()).unwrap()
    );
    assert!(served["components"]["securitySchemes"]["token"].is_object());
}

#[test]
fn a_body_the_document_does_not_describe_fails_the_check() {
    let path = "/api/projects/1/chapters/2/plan";
    let wrong_type = std::panic::catch_unwind(|| {
        check(
            &Method::PUT,
            path,
            200,
            Some("application/json"),
            &json!({ "version": "7" }),
        );
    });
    let extra_field = std::panic::catch_unwind(|| {
        check(
            &Method::PUT,
            path,
            200,
            Some("application/json"),
            &json!({ "version": 7, "x": 1 }),
        );
    });
    let undocumented_status = std::panic::catch_unwind(|| {
        check(
            &Method::GET,
            path,
            418,
            Some("application/json"),
            &json!({}),
        );
    });

    check(
        &Method::PUT,
        path,
        200,
        Some("application/json"),
        &json!({ "version": 7 }),
    );
    assert!(wrong_type.is_err());
    assert!(extra_field.is_err());
    assert!(undocumented_status.is_err());
}
