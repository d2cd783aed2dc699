//! Tenant isolation and roles, route by route: every server function (from the server's own
//! registry) and every plain route (from `server::routes::plain_routes`) is called as anonymous,
//! a viewer of another organisation, another organisation's owner, and this organisation's
//! viewer, editor and owner. Each answer is checked against the route's rule, and after every
//! refused call the organisation's data is checked unchanged. A route without a rule here fails
//! the test, so none can be added unguarded.

use reqwest::{Client, Method};
use serde_json::{json, Value};

use crate::helpers::{client_with, post_form, session_cookie, spawn_app, TestApp, PASSWORD};

/// Who may call a route.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Access {
    /// Anyone, signed in or not (signing in and up, the health check).
    Public,
    /// Any signed-in user; it reads or changes nothing of another organisation.
    SignedIn,
    /// A signed-in editor or owner, in their own organisation (creating a project, importing).
    Create,
    /// An owner, in their own organisation (inviting).
    Manage,
    /// An owner of the organisation the member belongs to (their role, their removal).
    Members,
    /// Viewers and above of the organisation that holds the resource.
    Read,
    /// Editors and above of that organisation.
    Write,
    /// Owners of that organisation.
    Own,
}

/// The callers, in the order each route is tried.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Caller {
    Anonymous,
    Stranger,
    OtherOwner,
    Viewer,
    Editor,
    Owner,
}

/// What `caller` must get from a route of `access`: `Err(status)` for a refusal, `Ok(())` for
/// "let through" (any answer but 401, 403, 404 or a server error).
fn expected(access: Access, caller: Caller) -> Result<(), u16> {
    use Caller::*;
    match (access, caller) {
        (Access::Public, _) => Ok(()),
        (_, Anonymous) => Err(401),
        (Access::SignedIn, _) => Ok(()),
        (Access::Create, Stranger | Viewer) => Err(403),
        (Access::Create, _) => Ok(()),
        (Access::Manage, Stranger | Viewer | Editor) => Err(403),
        (Access::Manage, _) => Ok(()),
        (Access::Members, Stranger | Viewer | Editor) => Err(403),
        (Access::Members, OtherOwner) => Err(404),
        (Access::Members, Owner) => Ok(()),
        (Access::Read | Access::Write | Access::Own, Stranger | OtherOwner) => Err(404),
        (Access::Write | Access::Own, Viewer) => Err(403),
        (Access::Own, Editor) => Err(403),
        (Access::Read | Access::Write | Access::Own, _) => Ok(()),
    }
}

/// A project of the organisation under test, made afresh for each route.
struct Fixture {
    project: i64,
    chapter: i64,
    plan: Value,
    detail: Value,
    pronunciations: Value,
    plan_file: String,
    pls: String,
    clip_key: String,
    /// A member the owner may remove.
    disposable: i64,
    /// The id of one of the owner's API tokens.
    token: i64,
}

/// The callers' clients and the organisation's members.
struct World {
    app: TestApp,
    clients: Vec<(Caller, Client)>,
    editor_id: i64,
    /// The organisation every fixture is made in.
    organisation: i64,
}

const TEXT: &str = "“Come at once,” said Holmes.\n\nWatson took his hat and followed him.";

/// The server functions that take a form, as the page's plain forms send it.
const FORM_FUNCTIONS: &[&str] = &["switch_organisation"];

async fn call(client: &Client, base: &str, name: &str, args: &Value) -> (u16, Value) {
    let request = client.post(format!("{base}/api/{name}"));
    let request = if FORM_FUNCTIONS.contains(&name) {
        request.form(args)
    } else {
        request.json(args)
    };
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

async fn ok(client: &Client, base: &str, name: &str, args: Value) -> Value {
    let (status, body) = call(client, base, name, &args).await;
    assert!((200..300).contains(&status), "{name}: {status} {body}");
    body
}

/// Signs up through `invitation` (a link path) or, without one, as the owner of a new studio.
async fn member(base: &str, email: &str, invitation: Option<&str>) -> String {
    let token = invitation.map(|link| link.rsplit_once('=').unwrap().1.to_owned());
    let mut form = vec![("email", email), ("name", email), ("password", PASSWORD)];
    if let Some(token) = &token {
        form.push(("invitation", token));
    }
    let response = post_form(base, "sign_up", &form).await;
    session_cookie(&response).unwrap_or_else(|| panic!("signing up {email}"))
}

async fn world() -> World {
    let app = spawn_app().await;
    let base = app.base.clone();
    let owner = app.client.clone();
    let invite = |role: &'static str| {
        let owner = owner.clone();
        let base = base.clone();
        async move {
            ok(&owner, &base, "invite_member", json!({ "role": role }))
                .await
                .as_str()
                .unwrap()
                .to_owned()
        }
    };
    let viewer = member(&base, "viewer@a.test", Some(&invite("viewer").await)).await;
    let editor = member(&base, "editor@a.test", Some(&invite("editor").await)).await;
    let other_owner = member(&base, "owner@b.test", None).await;
    let other = client_with(Some(&other_owner));
    let stranger_link = ok(&other, &base, "invite_member", json!({ "role": "viewer" })).await;
    let stranger = member(&base, "viewer@b.test", stranger_link.as_str()).await;
    let members = ok(&owner, &base, "list_members", json!({})).await;
    let editor_id = members
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["email"] == "editor@a.test")
        .unwrap()["user"]
        .as_i64()
        .unwrap();
    let organisation = ok(&owner, &base, "my_organisations", json!({})).await[0]["organisation"]
        .as_i64()
        .unwrap();
    let clients = vec![
        (Caller::Anonymous, client_with(None)),
        (Caller::Stranger, client_with(Some(&stranger))),
        (Caller::OtherOwner, other),
        (Caller::Viewer, client_with(Some(&viewer))),
        (Caller::Editor, client_with(Some(&editor))),
        (Caller::Owner, owner),
    ];
    World {
        app,
        clients,
        editor_id,
        organisation,
    }
}

impl World {
    fn owner(&self) -> &Client {
        &self.app.client
    }

    async fn fixture(&self, n: usize) -> Fixture {
        let (base, owner) = (&self.app.base, self.owner());
        let project = ok(
            owner,
            base,
            "create_project",
            json!({ "name": format!("Matrix {n}"), "language": "en" }),
        )
        .await
        .as_i64()
        .unwrap();
        let chapter = ok(
            owner,
            base,
            "add_chapter",
            json!({ "project": project, "title": "One", "text": TEXT }),
        )
        .await
        .as_i64()
        .unwrap();
        let plan = ok(
            owner,
            base,
            "generate_plan",
            json!({ "chapter": chapter, "version": 0 }),
        )
        .await;
        let detail = ok(owner, base, "load_project", json!({ "project": project })).await;
        let pronunciations = ok(
            owner,
            base,
            "load_pronunciations",
            json!({ "project": project }),
        )
        .await;
        let plan_file = ok(owner, base, "export_plan", json!({ "chapter": chapter })).await;
        let pls = ok(owner, base, "export_pls", json!({ "project": project })).await;
        let clip = ok(
            owner,
            base,
            "audition",
            json!({ "project": project, "text": "Come at once.", "speaker": null }),
        )
        .await;
        let link = ok(owner, base, "invite_member", json!({ "role": "viewer" })).await;
        member(base, &format!("disposable-{n}@a.test"), link.as_str()).await;
        let members = ok(owner, base, "list_members", json!({})).await;
        let disposable = members
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["email"] == format!("disposable-{n}@a.test"))
            .unwrap()["user"]
            .as_i64()
            .unwrap();
        ok(
            owner,
            base,
            "create_api_token",
            json!({ "name": format!("script {n}") }),
        )
        .await;
        let token = ok(owner, base, "list_api_tokens", json!({})).await[0]["id"]
            .as_i64()
            .unwrap();
        Fixture {
            project,
            chapter,
            plan,
            detail,
            pronunciations,
            plan_file: plan_file.as_str().unwrap().to_owned(),
            pls: pls.as_str().unwrap().to_owned(),
            clip_key: clip["key"].as_str().unwrap().to_owned(),
            disposable,
            token,
        }
    }

    /// What the organisation holds of the fixture, as its owner reads it.
    async fn snapshot(&self, f: &Fixture) -> Value {
        let (base, owner) = (&self.app.base, self.owner());
        let mut plan = ok(owner, base, "load_plan", json!({ "chapter": f.chapter })).await;
        plan["text"] = Value::Null;
        json!({
            "projects": ok(owner, base, "list_projects", json!({})).await,
            "project": ok(owner, base, "load_project", json!({ "project": f.project })).await,
            "chapters": ok(owner, base, "list_chapters", json!({ "project": f.project })).await,
            "plan": plan,
            "pronunciations": ok(owner, base, "load_pronunciations", json!({ "project": f.project })).await,
            "members": ok(owner, base, "list_members", json!({})).await,
            "tokens": ok(owner, base, "list_api_tokens", json!({})).await,
            "delivery": ok(owner, base, "load_delivery", json!({ "project": f.project })).await["settings"].clone(),
        })
    }
}

/// The rule and the arguments of server function `name`; `None` when it has no rule.
fn server_function(
    name: &str,
    f: &Fixture,
    editor: i64,
    organisation: i64,
) -> Option<(Access, Value)> {
    let (p, c) = (f.project, f.chapter);
    let version = &f.plan["version"];
    Some(match name {
        "sign_in" | "sign_up" | "set_up_owner" | "sign_out" | "demo_account"
        | "current_account" => (Access::Public, json!({})),
        "list_projects" | "list_members" | "speaker_engine" | "member_history"
        | "my_organisations" | "list_api_tokens" | "api_document" => (Access::SignedIn, json!({})),
        "create_api_token" => (Access::SignedIn, json!({ "name": "matrix script" })),
        // Only one's own token can be revoked: the owner's is "not found" to everyone else.
        "revoke_api_token" => (Access::SignedIn, json!({ "id": f.token })),
        // Members switch to it (where they already are); no one else learns that it exists.
        "switch_organisation" => (Access::Read, json!({ "organisation": organisation })),
        "list_voices" => (Access::SignedIn, json!({ "engine": "espeak" })),
        "accept_invitation" => (Access::SignedIn, json!({ "invitation": "not-a-real-one" })),
        "create_project" => (
            Access::Create,
            json!({ "name": "Made in the matrix", "language": "en" }),
        ),
        "invite_member" => (Access::Manage, json!({ "role": "editor" })),
        "set_member_role" => (Access::Members, json!({ "user": editor, "role": "editor" })),
        "remove_member" => (Access::Members, json!({ "user": f.disposable })),
        "load_project"
        | "list_chapters"
        | "load_pronunciations"
        | "export_pls"
        | "propose_cast"
        | "estimate_project" => (Access::Read, json!({ "project": p })),
        "load_plan" | "export_plan" => (Access::Read, json!({ "chapter": c })),
        "audit_log" => (Access::Read, json!({ "project": p, "chapter": null })),
        "audition" => (
            Access::Read,
            json!({ "project": p, "text": "Come at once.", "speaker": null }),
        ),
        "try_voice" => (
            Access::Read,
            json!({ "project": p, "voice": f.detail["cast"][0]["voice"] }),
        ),
        "pronunciation_concordance" => (Access::Read, json!({ "project": p, "entries": [] })),
        "rename_project" => (Access::Write, json!({ "project": p, "name": "Renamed" })),
        "save_cast" => (
            Access::Write,
            json!({ "project": p, "version": f.detail["cast_version"], "cast": f.detail["cast"] }),
        ),
        "add_chapter" => (
            Access::Write,
            json!({ "project": p, "title": "Two", "text": TEXT }),
        ),
        "add_chapters" => (
            Access::Write,
            json!({ "project": p, "chapters": [{ "title": "Two", "text": TEXT }] }),
        ),
        "save_pronunciations" => (
            Access::Write,
            json!({ "project": p, "version": f.pronunciations["version"], "entries": [] }),
        ),
        "import_pls" => (
            Access::Write,
            json!({ "project": p, "version": f.pronunciations["version"], "text": f.pls }),
        ),
        "generate_plan" => (Access::Write, json!({ "chapter": c, "version": version })),
        "save_plan" => (
            Access::Write,
            json!({ "chapter": c, "version": version, "segments": f.plan["segments"] }),
        ),
        "save_changes" => (
            Access::Write,
            json!({ "chapter": c, "base": version, "changes": [] }),
        ),
        "changes_since" => (Access::Read, json!({ "chapter": c, "since": version })),
        "show_place" => (Access::Read, json!({ "chapter": c, "segment": null })),
        "review_flag" => (
            Access::Read,
            json!({
                "chapter": c,
                "segment": f.plan["segments"][0]["segment_id"],
                "action": { "do": "raise", "kind": "misread", "note": "Listen again" }
            }),
        ),
        "import_plan" => (
            Access::Write,
            json!({ "chapter": c, "version": version, "file": f.plan_file }),
        ),
        "replace_chapter_text" => (Access::Write, json!({ "chapter": c, "text": TEXT })),
        "set_chapter_complete" => (Access::Write, json!({ "chapter": c, "complete": false })),
        "start_speaker_job" => (Access::Write, json!({ "project": p, "chapter": c })),
        "cancel_speaker_job" => (
            Access::Write,
            json!({ "project": p, "chapter": c, "job": 1 }),
        ),
        "start_render" => (Access::Write, json!({ "project": p, "chapter": c })),
        "cancel_render" => (
            Access::Write,
            json!({ "project": p, "chapter": c, "job": 1 }),
        ),
        "render_state" => (Access::Read, json!({ "project": p, "chapter": c })),
        "load_delivery" => (Access::Read, json!({ "project": p })),
        "save_delivery_settings" => (
            Access::Write,
            json!({ "project": p, "settings": {
                "author": "A. Writer",
                "pauses": { "headMs": 750, "titleMs": 1500, "phraseMs": 200, "sentenceMs": 450,
                    "turnMs": 650, "paragraphMs": 900, "sceneMs": 2500, "tailMs": 3000 } } }),
        ),
        "start_book" => (Access::Write, json!({ "project": p })),
        "render_chapters" => (Access::Write, json!({ "project": p })),
        "cancel_book" => (Access::Write, json!({ "project": p, "job": 1 })),
        "delete_project" => (Access::Own, json!({ "project": p })),
        _ => return None,
    })
}

/// A plain route's rule and the request it takes; `None` when it has no rule.
fn plain_route(
    method: &Method,
    path: &str,
    f: &Fixture,
) -> Option<(Access, String, Option<String>)> {
    if let Some(rule) = rest_route(method, path, f) {
        return Some(rule);
    }
    Some(match path {
        "/health" => (Access::Public, "/health".to_owned(), None),
        "/api/import_preview" => (
            Access::Create,
            "/api/import_preview?name=book.txt".to_owned(),
            Some("Chapter 1\n\nIt was a dark night.".to_owned()),
        ),
        "/audio/{project}/{key}" => (
            Access::Read,
            format!("/audio/{}/{}", f.project, f.clip_key),
            None,
        ),
        "/api/projects/{project}/chapters/{chapter}/speaker_jobs/{job}/events" => (
            Access::Read,
            format!(
                "/api/projects/{}/chapters/{}/speaker_jobs/1/events",
                f.project, f.chapter
            ),
            None,
        ),
        "/api/projects/{project}/chapters/{chapter}/render_jobs/{job}/events" => (
            Access::Read,
            format!(
                "/api/projects/{}/chapters/{}/render_jobs/1/events",
                f.project, f.chapter
            ),
            None,
        ),
        "/api/projects/{project}/chapters/{chapter}/render.mp3" => (
            Access::Read,
            format!(
                "/api/projects/{}/chapters/{}/render.mp3",
                f.project, f.chapter
            ),
            None,
        ),
        "/api/projects/{project}/book_jobs/{job}/events" => (
            Access::Read,
            format!("/api/projects/{}/book_jobs/1/events", f.project),
            None,
        ),
        "/api/projects/{project}/book.m4b" => (
            Access::Read,
            format!("/api/projects/{}/book.m4b", f.project),
            None,
        ),
        "/api/chapters/{chapter}/live" => (
            Access::Read,
            format!("/api/chapters/{}/live", f.chapter),
            None,
        ),
        _ => return None,
    })
}

/// The version a REST write on `path` names in `If-Match`: the cast's, the map's or the plan's.
fn version_of<'f>(path: &str, f: &'f Fixture) -> &'f Value {
    if path.ends_with("/cast") {
        &f.detail["cast_version"]
    } else if path.ends_with("/pronunciations") {
        &f.pronunciations["version"]
    } else {
        &f.plan["version"]
    }
}

/// A REST route's rule and request (sent with the resource's version in `If-Match`).
fn rest_route(
    method: &Method,
    path: &str,
    f: &Fixture,
) -> Option<(Access, String, Option<String>)> {
    let chapter = format!("/api/projects/{}/chapters/{}", f.project, f.chapter);
    let segment = format!(
        "{chapter}/plan/segments/{}",
        f.plan["segments"][0]["segment_id"]
    );
    let body = |value: Value| Some(value.to_string());
    Some(match (method.as_str(), path) {
        ("GET", "/api/projects") => (Access::SignedIn, path.to_owned(), None),
        ("GET", "/api/openapi.json") => (Access::Public, path.to_owned(), None),
        ("POST", "/api/projects") => (
            Access::Create,
            path.to_owned(),
            body(json!({ "name": "Matrix book", "language": "en" })),
        ),
        ("POST", "/api/projects/{project}/chapters") => (
            Access::Write,
            format!("/api/projects/{}/chapters", f.project),
            body(json!({ "chapters": [{ "title": "Added", "text": "It was late." }] })),
        ),
        ("GET", "/api/projects/{project}/chapters/status") => (
            Access::Read,
            format!("/api/projects/{}/chapters/status", f.project),
            None,
        ),
        ("GET", "/api/projects/{project}/chapters/{chapter}/plan") => {
            (Access::Read, format!("{chapter}/plan"), None)
        }
        ("PUT", "/api/projects/{project}/chapters/{chapter}/plan") => (
            Access::Write,
            format!("{chapter}/plan"),
            body(json!({ "segments": f.plan["segments"] })),
        ),
        ("POST", "/api/projects/{project}/chapters/{chapter}/plan/generate") => {
            (Access::Write, format!("{chapter}/plan/generate"), None)
        }
        ("POST", "/api/projects/{project}/chapters/{chapter}/plan/segments/{segment}/split") => (
            Access::Write,
            format!("{segment}/split"),
            body(json!({ "position": 8 })),
        ),
        ("POST", "/api/projects/{project}/chapters/{chapter}/plan/segments/{segment}/merge") => (
            Access::Write,
            format!("{segment}/merge"),
            body(json!({ "direction": "forward" })),
        ),
        ("DELETE", "/api/projects/{project}/chapters/{chapter}/plan/segments/{segment}") => {
            (Access::Write, segment, None)
        }
        ("POST", "/api/projects/{project}/chapters/{chapter}/plan/segments/{segment}/revision") => {
            (
                Access::Write,
                format!("{segment}/revision"),
                body(json!({ "mark": true })),
            )
        }
        ("GET", "/api/projects/{project}/cast") => (
            Access::Read,
            format!("/api/projects/{}/cast", f.project),
            None,
        ),
        ("PUT", "/api/projects/{project}/cast") => (
            Access::Write,
            format!("/api/projects/{}/cast", f.project),
            body(json!({ "cast": f.detail["cast"] })),
        ),
        ("GET", "/api/projects/{project}/pronunciations") => (
            Access::Read,
            format!("/api/projects/{}/pronunciations", f.project),
            None,
        ),
        ("PUT", "/api/projects/{project}/pronunciations") => (
            Access::Write,
            format!("/api/projects/{}/pronunciations", f.project),
            body(json!({ "entries": [] })),
        ),
        ("GET", "/api/projects/{project}/chapters/{chapter}/plan/file") => {
            (Access::Read, format!("{chapter}/plan/file"), None)
        }
        ("PUT", "/api/projects/{project}/chapters/{chapter}/plan/file") => (
            Access::Write,
            format!("{chapter}/plan/file"),
            Some(f.plan_file.clone()),
        ),
        ("POST", "/api/projects/{project}/chapters/{chapter}/plan/assign-characters") => (
            Access::Write,
            format!("{chapter}/plan/assign-characters"),
            None,
        ),
        ("DELETE", "/api/projects/{project}/chapters/{chapter}/speaker_jobs/{job}") => {
            (Access::Write, format!("{chapter}/speaker_jobs/1"), None)
        }
        ("POST", "/api/projects/{project}/chapters/{chapter}/complete") => (
            Access::Write,
            format!("{chapter}/complete"),
            body(json!({ "complete": false })),
        ),
        _ => return None,
    })
}

/// Whether `answer` is what `caller` must get under `access`; the failure described when not.
fn judge(
    route: &str,
    access: Access,
    caller: Caller,
    status: u16,
    allowed_status: Option<u16>,
) -> Option<String> {
    let fine = match expected(access, caller) {
        Err(want) => status == want,
        Ok(()) => match allowed_status {
            Some(want) => status == want,
            None => !matches!(status, 401 | 403 | 404) && status < 500,
        },
    };
    (!fine).then(|| format!("{route} as {caller:?} ({access:?}): {status}"))
}

#[tokio::test]
async fn every_route_keeps_each_organisation_to_itself_and_each_role_to_its_rights() {
    let world = world().await;
    let base = world.app.base.clone();
    let mut failures = Vec::new();
    let names: Vec<&str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/"))
        .collect();
    assert!(
        names.len() > 30,
        "the registry lists {} server functions",
        names.len()
    );

    for (n, name) in names.iter().enumerate() {
        let fixture = world.fixture(n).await;
        let Some((access, args)) =
            server_function(name, &fixture, world.editor_id, world.organisation)
        else {
            failures.push(format!("/api/{name} has no access rule"));
            continue;
        };
        for (caller, client) in &world.clients {
            if access == Access::Public && *caller != Caller::Anonymous {
                continue; // Signing out a member would end the session the matrix runs on.
            }
            let before = world.snapshot(&fixture).await;
            let (status, body) = call(client, &base, name, &args).await;
            // A job that does not exist is "not found" even for those who may cancel it.
            let allowed = match *name {
                "cancel_speaker_job" | "cancel_render" | "cancel_book" => Some(404),
                "revoke_api_token" if *caller != Caller::Owner => Some(404),
                _ => None,
            };
            if let Some(failure) = judge(&format!("/api/{name}"), access, *caller, status, allowed)
            {
                failures.push(format!("{failure} {body}"));
            }
            if expected(access, *caller).is_err() && world.snapshot(&fixture).await != before {
                failures.push(format!("/api/{name} as {caller:?} changed the data"));
            }
        }
    }

    for (n, (method, path)) in server::routes::plain_routes().into_iter().enumerate() {
        let fixture = world.fixture(1_000 + n).await;
        let Some((access, url, body)) = plain_route(&method, path, &fixture) else {
            failures.push(format!("{method} {path} has no access rule"));
            continue;
        };
        for (caller, client) in &world.clients {
            let before = world.snapshot(&fixture).await;
            let mut request = client
                .request(method.clone(), format!("{base}{url}"))
                .header("if-match", format!("\"{}\"", version_of(path, &fixture)));
            if let Some(body) = &body {
                request = request.body(body.clone());
            }
            let status = request.send().await.unwrap().status().as_u16();
            // No job runs and no chapter was rendered in this organisation: they are "not found"
            // to all; and no language model is configured, so starting one is refused (422) to
            // those who may.
            let allowed = if path.ends_with("/events")
                || path.ends_with("/{job}")
                || path.ends_with("render.mp3")
                || path.ends_with("book.m4b")
            {
                Some(404)
            } else if path.ends_with("/assign-characters") {
                Some(422)
            } else {
                None
            };
            if let Some(failure) = judge(path, access, *caller, status, allowed) {
                failures.push(failure);
            }
            if expected(access, *caller).is_err() && world.snapshot(&fixture).await != before {
                failures.push(format!("{path} as {caller:?} changed the data"));
            }
        }
    }

    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn another_organisation_lists_none_of_this_ones_projects() {
    let world = world().await;
    let base = &world.app.base;
    let mine = ok(world.owner(), base, "list_projects", json!({})).await;
    let (_, other) = &world.clients[2];
    let theirs = ok(other, base, "list_projects", json!({})).await;
    let ids = |list: &Value| -> Vec<i64> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_i64().unwrap())
            .collect()
    };
    assert!(!ids(&mine).is_empty());
    assert!(
        ids(&mine).iter().all(|id| !ids(&theirs).contains(id)),
        "{mine} / {theirs}"
    );
}
