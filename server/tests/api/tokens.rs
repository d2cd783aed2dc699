//! Personal API tokens: made in the page, sent by a script as `Authorization: Bearer`, acting as
//! their maker with the maker's role of the moment; revoked, or their maker gone, they are
//! refused; the secret is shown once and never listed.

use reqwest::Client;
use serde_json::{json, Value};

use crate::helpers::{spawn_app, TestApp};

/// GETs `path` with `token` as a bearer token and no cookie; the status and JSON body.
async fn bearer_get(app: &TestApp, token: &str, path: &str) -> (u16, Value) {
    let response = Client::new()
        .get(format!("{}{path}", app.base))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let kind = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned());
    let body = response.json().await.unwrap_or(Value::Null);
    crate::contract::check(&reqwest::Method::GET, path, status, kind.as_deref(), &body);
    (status, body)
}

#[tokio::test]
async fn a_script_acts_as_the_member_until_the_token_is_revoked() {
    let app = spawn_app().await;
    let token: String = app
        .call("create_api_token", json!({ "name": "nightly export" }))
        .await
        .ok();
    let listed: Vec<Value> = app.call("list_api_tokens", json!({})).await.ok();

    let (status, projects) = bearer_get(&app, &token, "/api/projects").await;
    let chapter = format!(
        "/api/projects/{}/chapters/{}/plan",
        projects[0]["id"], projects[0]["first_chapter"]
    );
    let (plan_status, _) = bearer_get(&app, &token, &chapter).await;
    let used: Vec<Value> = app.call("list_api_tokens", json!({})).await.ok();
    let revoked = app
        .call("revoke_api_token", json!({ "id": listed[0]["id"] }))
        .await;
    let (after, problem) = bearer_get(&app, &token, "/api/projects").await;
    let again = app
        .call("revoke_api_token", json!({ "id": listed[0]["id"] }))
        .await;
    let (forged, _) = bearer_get(&app, "studio_0000", "/api/projects").await;

    assert!(token.starts_with("studio_") && token.len() > 60, "{token}");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["name"], "nightly export");
    assert!(
        !listed[0].to_string().contains(&token[7..]),
        "the secret is never listed"
    );
    assert_eq!(listed[0]["last_used_ms"], Value::Null);
    assert_eq!(status, 200, "{projects}");
    assert_eq!(plan_status, 200);
    assert!(used[0]["last_used_ms"].is_i64(), "{used:?}");
    assert_eq!(revoked.status, 200, "{}", revoked.body);
    assert_eq!(after, 401, "{problem}");
    assert_eq!(again.status, 404, "a revoked token is gone");
    assert_eq!(forged, 401);
}

#[tokio::test]
async fn a_token_has_its_makers_role_and_dies_with_their_membership() {
    let app = spawn_app().await;
    let viewer = app.colleague("viewer", "vic@studio.test").await;
    let token: String = app
        .call_as(&viewer, "create_api_token", json!({ "name": "reader" }))
        .await
        .ok();
    let blank = app
        .call_as(&viewer, "create_api_token", json!({ "name": "  " }))
        .await;
    let (_, projects) = bearer_get(&app, &token, "/api/projects").await;
    let plan = format!(
        "/api/projects/{}/chapters/{}/plan",
        projects[0]["id"], projects[0]["first_chapter"]
    );
    let write = Client::new()
        .post(format!("{}{plan}/generate", app.base))
        .bearer_auth(&token)
        .header("if-match", "\"0\"")
        .send()
        .await
        .unwrap()
        .status()
        .as_u16();
    let owners_tokens: Vec<Value> = app.call("list_api_tokens", json!({})).await.ok();

    let members: Vec<Value> = app.call("list_members", json!({})).await.ok();
    let user = members
        .iter()
        .find(|m| m["email"] == "vic@studio.test")
        .unwrap()["user"]
        .clone();
    app.call("remove_member", json!({ "user": user }))
        .await
        .ok::<Value>();
    let (gone, _) = bearer_get(&app, &token, "/api/projects").await;

    assert_eq!(blank.status, 422, "{}", blank.body);
    assert_eq!(write, 403, "a viewer's token may not write");
    assert!(owners_tokens.is_empty(), "each member sees only their own");
    assert_eq!(gone, 401, "a removed member's token is refused");
}
