//! The membership history of an organisation (who invited, joined, changed roles, left) and
//! members of several organisations switching between them without seeing across.

use serde_json::{json, Value};

use crate::helpers::{client_with, sign_up, spawn_app};

/// The entries of `events` (newest first) with who made them.
fn said(events: &[Value]) -> Vec<(Value, Value)> {
    events
        .iter()
        .map(|e| (e["who"].clone(), e["entry"].clone()))
        .collect()
}

#[tokio::test]
async fn every_change_of_membership_is_recorded_with_who_made_it() {
    let app = spawn_app().await;
    let ed = app.colleague("editor", "ed@studio.test").await;
    let members: Vec<Value> = app.call("list_members", json!({})).await.ok();
    let user = members
        .iter()
        .find(|m| m["email"] == "ed@studio.test")
        .unwrap()["user"]
        .clone();
    app.call("set_member_role", json!({ "user": user, "role": "viewer" }))
        .await
        .ok::<Value>();
    app.call("remove_member", json!({ "user": user }))
        .await
        .ok::<Value>();
    let refused = app
        .call("set_member_role", json!({ "user": user, "role": "owner" }))
        .await;

    let history: Vec<Value> = app.call("member_history", json!({})).await.ok();
    assert_eq!(refused.status, 404, "{}", refused.body);
    assert_eq!(
        &said(&history)[..4],
        &[
            (
                json!("Demo producer"),
                json!({ "MemberRemoved": { "name": "ed" } })
            ),
            (
                json!("Demo producer"),
                json!({ "MemberRoleChanged": { "name": "ed", "role": "viewer" } })
            ),
            (json!("ed"), json!({ "MemberJoined": { "role": "editor" } })),
            (
                json!("Demo producer"),
                json!({ "MemberInvited": { "role": "editor" } })
            ),
        ]
    );
    let gone = app.call_as(&ed, "member_history", json!({})).await;
    assert_eq!(
        gone.status, 401,
        "a removed member's session ends: {}",
        gone.body
    );
}

#[tokio::test]
async fn a_member_of_two_organisations_switches_and_sees_only_the_one_they_are_in() {
    let app = spawn_app().await;
    let other = client_with(sign_up(&app.base, "owner@b.test", "Bea").await.as_deref());
    let link: String = app
        .call_as(&other, "invite_member", json!({ "role": "viewer" }))
        .await
        .ok();
    let token = link.rsplit_once('=').unwrap().1;
    let demo_projects: Vec<Value> = app.call("list_projects", json!({})).await.ok();
    let mine: Vec<Value> = app.call("my_organisations", json!({})).await.ok();
    let home = mine[0]["organisation"].clone();

    app.call("accept_invitation", json!({ "invitation": token }))
        .await
        .ok::<Value>();
    let theirs: Vec<Value> = app.call("my_organisations", json!({})).await.ok();
    let account: Value = app.call("current_account", json!({})).await.ok();
    let there: Vec<Value> = app.call("list_projects", json!({})).await.ok();
    let bea_history: Vec<Value> = app.call_as(&other, "member_history", json!({})).await.ok();
    let stranger = app
        .client
        .post(format!("{}/api/switch_organisation", app.base))
        .form(&[("organisation", "999999")])
        .send()
        .await
        .unwrap();
    let back = app
        .client
        .post(format!("{}/api/switch_organisation", app.base))
        .form(&[("organisation", home.to_string())])
        .send()
        .await
        .unwrap();
    let home_again: Vec<Value> = app.call("list_projects", json!({})).await.ok();
    let after: Vec<Value> = app.call("my_organisations", json!({})).await.ok();

    assert_eq!(mine.len(), 1);
    assert_eq!(theirs.len(), 2, "{theirs:?}");
    assert_eq!(
        account["memberships"],
        json!(theirs),
        "the account bar gets them with the account"
    );
    let current: Vec<&Value> = theirs.iter().filter(|m| m["current"] == true).collect();
    assert_eq!(current.len(), 1);
    assert_ne!(
        current[0]["organisation"], home,
        "accepting moves the session"
    );
    assert_eq!(current[0]["role"], "viewer");
    let ids = |projects: &[Value]| projects.iter().map(|p| p["id"].clone()).collect::<Vec<_>>();
    assert!(
        ids(&there)
            .iter()
            .all(|id| !ids(&demo_projects).contains(id)),
        "only the new studio's projects: {there:?}"
    );
    assert_eq!(
        said(&bea_history)[0],
        (
            json!("Demo producer"),
            json!({ "MemberJoined": { "role": "viewer" } })
        )
    );
    assert_eq!(stranger.status().as_u16(), 404);
    assert!(back.status().is_success() || back.status().is_redirection());
    assert_eq!(home_again, demo_projects);
    let now: Vec<&Value> = after.iter().filter(|m| m["current"] == true).collect();
    assert_eq!(now[0]["organisation"], home);
    assert_eq!(now[0]["role"], "owner");
}
