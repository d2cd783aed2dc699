//! `/api-reference`: the REST API's reference, rendered from the OpenAPI document the server
//! generates from its routes (so it cannot drift from them), with no script or style from
//! outside the studio: every route grouped by tag with its parameters, body, answers and a `curl`
//! line, then every schema with its fields.

mod schema;

use leptos::prelude::*;
use serde_json::Value;

use crate::{
    api::tokens::api_document,
    components::Loaded,
    i18n::{t, tr, LanguageSwitch},
    resource::fetched,
};
use schema::{curl, FieldsTable, TypeLabel};

/// The reference page.
#[component]
pub fn ApiReferencePage() -> impl IntoView {
    let document = fetched(|| (), |_| api_document());
    let data = move || async move {
        let text = document.await?;
        Ok::<_, crate::AppError>(
            serde_json::from_slice::<Value>(text.as_bytes()).unwrap_or_default(),
        )
    };
    let r = tr();
    view! {
        <main class="page api-reference">
            <LanguageSwitch />
            <super::AccountBar />
            <a href="/">{t().back_to_projects}</a>
            <h1>{r.title}</h1>
            <p>{r.intro}</p>
            <p>{r.token_hint} " " <a href="/members#api-tokens">{r.manage_tokens}</a></p>
            <pre class="api-example"><code>"TOKEN=studio_…   STUDIO=http://127.0.0.1:3000"</code></pre>
            <p class="muted">{r.problems}</p>
            <p><a href="/api/openapi.json" download="openapi.json">{r.document}</a></p>
            <Loaded loading=r.loading data=data let:document>
                <Reference document />
            </Loaded>
        </main>
    }
}

/// One operation of the document.
struct Operation {
    method: String,
    path: String,
    spec: Value,
}

/// The document's operations under each of its tags, in the document's order.
fn by_tag(document: &Value) -> Vec<(String, String, Vec<Operation>)> {
    let tags = document["tags"].as_array().cloned().unwrap_or_default();
    let paths = document["paths"].as_object().cloned().unwrap_or_default();
    tags.iter()
        .map(|tag| {
            let name = tag["name"].as_str().unwrap_or_default().to_owned();
            let operations = paths
                .iter()
                .flat_map(|(path, item)| {
                    ["get", "post", "put", "delete"]
                        .into_iter()
                        .filter_map(|method| {
                            let spec = item.get(method)?;
                            (spec["tags"][0] == name.as_str()).then(|| Operation {
                                method: method.to_uppercase(),
                                path: path.clone(),
                                spec: spec.clone(),
                            })
                        })
                })
                .collect();
            let about = tag["description"].as_str().unwrap_or_default().to_owned();
            (name, about, operations)
        })
        .collect()
}

#[component]
fn Reference(document: Value) -> impl IntoView {
    let r = tr();
    let groups = by_tag(&document);
    let contents = groups
        .iter()
        .map(|(name, about, _)| {
            view! { <li><a href=format!("#tag-{name}")>{name.clone()}</a> " — " {about.clone()}</li> }
        })
        .collect_view();
    let schemas = document["components"]["schemas"].clone();
    let sections = groups
        .into_iter()
        .map(|(name, about, operations)| {
            let operations = operations
                .into_iter()
                .map(|operation| view! { <OperationView operation schemas=schemas.clone() /> })
                .collect_view();
            let anchor = format!("tag-{name}");
            view! {
                <section class="api-tag" id=anchor>
                    <h2>{name}</h2>
                    <p class="muted">{about}</p>
                    {operations}
                </section>
            }
        })
        .collect_view();
    let schema_list = schemas
        .as_object()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|(name, schema)| {
            let anchor = format!("schema-{name}");
            view! {
                <section class="api-schema" id=anchor>
                    <h3><code>{name}</code></h3>
                    {schema["description"].as_str().map(|d| view! { <p>{d.to_owned()}</p> })}
                    <FieldsTable schema />
                </section>
            }
        })
        .collect_view();
    view! {
        <nav aria-label=r.contents>
            <h2>{r.contents}</h2>
            <ul>{contents} <li><a href="#schemas">{r.schemas}</a></li></ul>
        </nav>
        {sections}
        <section id="schemas">
            <h2>{r.schemas}</h2>
            {schema_list}
        </section>
    }
}

#[component]
fn OperationView(operation: Operation, schemas: Value) -> impl IntoView {
    let r = tr();
    let Operation { method, path, spec } = operation;
    let id = spec["operationId"].as_str().unwrap_or_default().to_owned();
    let summary = spec["summary"].as_str().unwrap_or_default().to_owned();
    let description = spec["description"].as_str().map(str::to_owned);
    let parameters = spec["parameters"].as_array().cloned().unwrap_or_default();
    let example = curl(&method, &path, &spec, &schemas);
    let parameter_rows = parameters
        .into_iter()
        .map(|p| {
            let needed = if p["required"] == true {
                r.required
            } else {
                r.optional
            };
            view! {
                <tr>
                    <td><code>{p["name"].as_str().unwrap_or_default().to_owned()}</code></td>
                    <td>{p["in"].as_str().unwrap_or_default().to_owned()}</td>
                    <td><TypeLabel schema=p["schema"].clone() /> " · " {needed}</td>
                    <td>{p["description"].as_str().unwrap_or_default().to_owned()}</td>
                </tr>
            }
        })
        .collect_view();
    let body = spec["requestBody"]["content"]
        .as_object()
        .and_then(|content| content.values().next())
        .map(|media| {
            view! {
                <h4>{r.body}</h4>
                <p><TypeLabel schema=media["schema"].clone() /></p>
            }
        });
    let responses = spec["responses"]
        .as_object()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|(_, answer)| answer.get("$ref").is_none())
        .map(|(status, answer)| {
            let media = answer["content"]
                .as_object()
                .and_then(|content| content.iter().next())
                .map(|(kind, media)| view! { " " <TypeLabel schema=media["schema"].clone() /> " (" {kind.clone()} ")" });
            view! {
                <li>
                    <strong>{status}</strong> " " {answer["description"].as_str().unwrap_or_default().to_owned()}
                    {media}
                </li>
            }
        })
        .collect_view();
    view! {
        <article class="api-operation" id=id>
            <h3>
                <span class=format!("method method-{}", method.to_lowercase())>{method.clone()}</span>
                " " <code>{path.clone()}</code>
            </h3>
            <p><strong>{summary}</strong></p>
            {description.map(|d| view! { <p>{d}</p> })}
            <h4>{r.parameters}</h4>
            <table class="api-table">
                <thead><tr><th>{r.name}</th><th>{r.located}</th><th>{r.kind}</th><th>{r.description}</th></tr></thead>
                <tbody>{parameter_rows}</tbody>
            </table>
            {body}
            <h4>{r.responses}</h4>
            <ul>{responses}</ul>
            <h4>{r.example}</h4>
            <pre class="api-example"><code>{example}</code></pre>
        </article>
    }
}
