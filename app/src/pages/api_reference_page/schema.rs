//! A schema of the OpenAPI document as the reference page shows it: a type label linking to the
//! schemas it names, a table of an object's fields (each variant's, for a one-of), and an example
//! `curl` line whose body is made from the request schema.

use leptos::prelude::*;
use serde_json::{json, Map, Value};

use crate::i18n::tr;

/// The name a `$ref` points to (`#/components/schemas/Segment` → `Segment`).
fn referenced(schema: &Value) -> Option<&str> {
    schema["$ref"].as_str()?.rsplit('/').next()
}

/// A schema's type in a few words, linking to the named schemas in it.
#[component]
pub fn TypeLabel(schema: Value) -> impl IntoView {
    label(&schema)
}

fn label(schema: &Value) -> AnyView {
    let r = tr();
    if let Some(name) = referenced(schema) {
        let name = name.to_owned();
        return view! { <a href=format!("#schema-{name}")><code>{name.clone()}</code></a> }
            .into_any();
    }
    if let Some(choices) = schema["oneOf"].as_array().or(schema["anyOf"].as_array()) {
        let items = choices
            .iter()
            .map(|choice| view! { <span class="api-choice">{label(choice)}</span> })
            .collect_view();
        return view! { <span>{r.one_of} ": " {items}</span> }.into_any();
    }
    if let Some(values) = schema["enum"].as_array() {
        let values: Vec<String> = values.iter().map(Value::to_string).collect();
        return view! { <code>{values.join(" | ")}</code> }.into_any();
    }
    let kinds: Vec<String> = match &schema["type"] {
        Value::String(kind) => vec![kind.clone()],
        Value::Array(kinds) => kinds
            .iter()
            .filter_map(|k| k.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    };
    if kinds.iter().any(|k| k == "array") {
        let nullable = kinds.iter().any(|k| k == "null").then_some(" | null");
        return view! { <span>{r.array_of} " " {label(&schema["items"])} {nullable}</span> }
            .into_any();
    }
    if kinds.is_empty() {
        return match schema["allOf"].as_array().and_then(|all| all.first()) {
            Some(first) => label(first),
            None => view! { <span>{r.any}</span> }.into_any(),
        };
    }
    view! { <code>{kinds.join(" | ")}</code> }.into_any()
}

/// The fields of an object schema (name, type, required, description), or of each variant of a
/// one-of; nothing for a schema without fields.
#[component]
pub fn FieldsTable(schema: Value) -> impl IntoView {
    let variants: Vec<Value> = match schema["oneOf"].as_array() {
        Some(variants) => variants.clone(),
        None => vec![schema.clone()],
    };
    let shape = (schema["properties"].is_null() && schema["oneOf"].is_null())
        .then(|| view! { <p>{label(&schema)}</p> });
    let tables = variants
        .into_iter()
        .filter(|variant| variant["properties"].is_object())
        .map(|variant| fields(&variant))
        .collect_view();
    view! { {shape} {tables} }
}

fn fields(schema: &Value) -> impl IntoView {
    let r = tr();
    let required: Vec<&str> = schema["required"]
        .as_array()
        .map(|names| names.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let rows = schema["properties"]
        .as_object()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|(name, field)| {
            let needed = if required.contains(&name.as_str()) {
                r.required
            } else {
                r.optional
            };
            view! {
                <tr>
                    <td><code>{name}</code></td>
                    <td>{label(&field)} " · " {needed}</td>
                    <td>{field["description"].as_str().unwrap_or_default().to_owned()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="api-table">
            <thead><tr><th>{r.field}</th><th>{r.kind}</th><th>{r.description}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// A `curl` line for the operation: the token, `If-Match` when it takes one, and a JSON body
/// made from its request schema.
pub fn curl(method: &str, path: &str, spec: &Value, schemas: &Value) -> String {
    let mut line = String::from("curl -H \"Authorization: Bearer $TOKEN\"");
    if method != "GET" {
        line.push_str(&format!(" -X {method}"));
    }
    let versioned = spec["parameters"]
        .as_array()
        .is_some_and(|ps| ps.iter().any(|p| p["name"] == "If-Match"));
    if versioned {
        line.push_str(" -H 'If-Match: \"7\"'");
    }
    if let Some(media) = spec["requestBody"]["content"]["application/json"].as_object() {
        let body = example(&media["schema"], schemas, 0);
        line.push_str(&format!(
            " \\\n     -H 'content-type: application/json' -d '{body}'"
        ));
    }
    line.push_str(&format!(" \\\n     \"$STUDIO{path}\""));
    line
}

/// A small value that fits `schema` (required fields only, two levels deep), its references
/// looked up in `schemas`.
fn example(schema: &Value, schemas: &Value, depth: usize) -> Value {
    if depth > 2 {
        return Value::Null;
    }
    if let Some(first) = schema["enum"].as_array().and_then(|values| values.first()) {
        return first.clone();
    }
    if let Some(name) = referenced(schema) {
        return example(&schemas[name], schemas, depth + 1);
    }
    let kind = match &schema["type"] {
        Value::String(kind) => kind.as_str(),
        Value::Array(kinds) => kinds.iter().find_map(Value::as_str).unwrap_or("null"),
        _ => "null",
    };
    match kind {
        "integer" | "number" => json!(12),
        "boolean" => json!(true),
        "string" => json!("…"),
        "array" => json!([]),
        "object" => {
            let mut body = Map::new();
            let required = schema["required"].as_array().cloned().unwrap_or_default();
            for name in required.iter().filter_map(Value::as_str) {
                body.insert(
                    name.to_owned(),
                    example(&schema["properties"][name], schemas, depth + 1),
                );
            }
            Value::Object(body)
        }
        _ => Value::Null,
    }
}
