//! The REST API: a chapter driven from generation to sign-off with plain HTTP, each write naming
//! the plan's version in `If-Match` (its `ETag`); bad input answered as `problem+json` in the
//! request's language, with nothing changed.

use reqwest::{Method, Response};
use serde_json::{json, Value};

use crate::helpers::{spawn_app, TestApp};

/// A REST request as the demo owner, with `If-Match` when given.
async fn send(
    app: &TestApp,
    method: Method,
    path: &str,
    if_match: Option<&str>,
    body: Option<Value>,
) -> (Method, Response) {
    let mut request = app
        .client
        .request(method.clone(), format!("{}{path}", app.base));
    if let Some(version) = if_match {
        request = request.header("if-match", version);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    (method, request.send().await.unwrap())
}

/// `send`, then `read`.
async fn rest(
    app: &TestApp,
    method: Method,
    path: &str,
    if_match: Option<&str>,
    body: Option<Value>,
) -> (u16, Option<String>, Value) {
    read(send(app, method, path, if_match, body).await).await
}

/// The status, `ETag` and JSON body of the answer to a `method` request, checked against the
/// API's OpenAPI document.
async fn read((method, response): (Method, Response)) -> (u16, Option<String>, Value) {
    let path = response.url().path().to_owned();
    let status = response.status().as_u16();
    let etag = response
        .headers()
        .get("etag")
        .map(|v| v.to_str().unwrap().to_owned());
    let kind = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned());
    let body: Value = response.json().await.unwrap();
    crate::contract::check(&method, &path, status, kind.as_deref(), &body);
    if status >= 400 {
        assert_eq!(kind.as_deref(), Some("application/problem+json"), "{body}");
        assert_eq!(body["status"], status, "{body}");
    }
    (status, etag, body)
}

/// The demo project's first chapter path (`/api/projects/{p}/chapters/{c}`).
async fn first_chapter(app: &TestApp) -> String {
    let (_, _, projects) = rest(app, Method::GET, "/api/projects", None, None).await;
    let project = &projects[0];
    format!(
        "/api/projects/{}/chapters/{}",
        project["id"], project["first_chapter"]
    )
}

#[tokio::test]
async fn a_chapter_goes_from_generation_to_sign_off_over_http() {
    let app = spawn_app().await;
    let chapter = first_chapter(&app).await;
    let plan = format!("{chapter}/plan");

    let (status, etag, loaded) = rest(&app, Method::GET, &plan, None, None).await;
    assert_eq!(status, 200);
    let etag = etag.unwrap();
    assert_eq!(etag, format!("\"{}\"", loaded["version"]));

    let (status, etag, fresh) = rest(
        &app,
        Method::POST,
        &format!("{plan}/generate"),
        Some(&etag),
        None,
    )
    .await;
    assert_eq!(status, 200, "{fresh}");
    let etag = etag.unwrap();
    let first = fresh["segments"][0]["segment_id"].clone();
    let count = fresh["segments"].as_array().unwrap().len();
    let segment = format!("{plan}/segments/{first}");

    let (status, split_etag, split) = rest(
        &app,
        Method::POST,
        &format!("{segment}/split"),
        Some(&etag),
        Some(json!({ "position": 6 })),
    )
    .await;
    assert_eq!(status, 200, "{split}");
    assert_eq!(split["segments"].as_array().unwrap().len(), 2);
    let split_etag = split_etag.unwrap();
    assert_ne!(split_etag, etag);

    let (status, merged_etag, merged) = rest(
        &app,
        Method::POST,
        &format!("{segment}/merge"),
        Some(&split_etag),
        Some(json!({ "direction": "forward" })),
    )
    .await;
    assert_eq!(status, 200, "{merged}");
    assert_eq!(merged["segments"][0]["text"], fresh["segments"][0]["text"]);

    let (status, marked_etag, marked) = rest(
        &app,
        Method::POST,
        &format!("{segment}/revision"),
        merged_etag.as_deref(),
        Some(json!({ "mark": true })),
    )
    .await;
    assert_eq!(status, 200, "{marked}");
    assert_eq!(marked["segments"][0]["needsRevision"], true);
    let (_, cleared_etag, _) = rest(
        &app,
        Method::POST,
        &format!("{segment}/revision"),
        marked_etag.as_deref(),
        Some(json!({ "mark": false })),
    )
    .await;

    let (status, deleted_etag, _) = rest(
        &app,
        Method::DELETE,
        &segment,
        cleared_etag.as_deref(),
        None,
    )
    .await;
    assert_eq!(status, 200);

    // Every segment read by the narrator, confirmed by hand; then the chapter is signed off.
    let (_, _, now) = rest(&app, Method::GET, &plan, None, None).await;
    assert_eq!(now["segments"].as_array().unwrap().len(), count - 1);
    let mut segments = now["segments"].as_array().unwrap().clone();
    for segment in &mut segments {
        segment["voice"] = json!("narrator");
        segment["speakerLocked"] = json!(true);
    }
    let (status, _, saved) = rest(
        &app,
        Method::PUT,
        &plan,
        deleted_etag.as_deref(),
        Some(json!({ "segments": segments })),
    )
    .await;
    assert_eq!(status, 200, "{saved}");
    let (status, _, done) = rest(
        &app,
        Method::POST,
        &format!("{chapter}/complete"),
        None,
        None,
    )
    .await;
    assert_eq!(status, 200, "{done}");

    let project = chapter.rsplit_once("/chapters/").unwrap().0;
    let status_path = format!("{project}/chapters/status");
    let (_, _, chapters) = read(send(&app, Method::GET, &status_path, None, None).await).await;
    assert_eq!(chapters[0]["status"], "complete", "{chapters}");
}

#[tokio::test]
async fn bad_requests_get_a_problem_naming_the_reason_and_change_nothing() {
    let app = spawn_app().await;
    let chapter = first_chapter(&app).await;
    let plan = format!("{chapter}/plan");
    let (_, etag, _) = rest(&app, Method::GET, &plan, None, None).await;
    let generate = format!("{plan}/generate");
    rest(&app, Method::POST, &generate, etag.as_deref(), None).await;
    let (_, etag, loaded) = rest(&app, Method::GET, &plan, None, None).await;
    let etag = etag.unwrap();
    let segments = loaded["segments"].as_array().unwrap();
    let first = &segments[0]["segment_id"];
    let last = &segments[segments.len() - 1]["segment_id"];
    let at = |id: &Value, action: &str| format!("{plan}/segments/{id}/{action}");

    let missing = read(
        send(
            &app,
            Method::POST,
            &at(first, "split"),
            None,
            Some(json!({ "position": 3 })),
        )
        .await,
    )
    .await;
    let stale = read(
        send(
            &app,
            Method::POST,
            &at(first, "split"),
            Some("\"999\""),
            Some(json!({ "position": 3 })),
        )
        .await,
    )
    .await;
    let past_end = read(
        send(
            &app,
            Method::POST,
            &at(first, "split"),
            Some(&etag),
            Some(json!({ "position": 1_000_000 })),
        )
        .await,
    )
    .await;
    let last_forward = read(
        send(
            &app,
            Method::POST,
            &at(last, "merge"),
            Some(&etag),
            Some(json!({ "direction": "forward" })),
        )
        .await,
    )
    .await;
    let not_json = app
        .client
        .post(format!("{}{}", app.base, at(first, "split")))
        .header("if-match", &etag)
        .header("accept-language", "es")
        .body("{position")
        .send()
        .await
        .unwrap();
    let not_json = read((Method::POST, not_json)).await;
    let huge = json!({ "segments": [], "padding": "x".repeat(64 * 1024 * 1024) });
    let too_big = rest(&app, Method::PUT, &plan, Some(&etag), Some(huge)).await;
    let elsewhere = plan.replacen("/api/projects/", "/api/projects/999", 1);
    let other_project = read(send(&app, Method::GET, &elsewhere, None, None).await).await;
    let anonymous = reqwest::Client::new()
        .get(format!("{}{plan}", app.base))
        .send()
        .await
        .unwrap();
    let anonymous = read((Method::GET, anonymous)).await;

    assert_eq!(missing.0, 428, "{}", missing.2);
    assert_eq!(stale.0, 412, "{}", stale.2);
    assert_eq!(stale.2["current_version"], loaded["version"]);
    assert_eq!(past_end.0, 422, "{}", past_end.2);
    assert!(
        past_end.2["reason"]["Invalid"].is_object(),
        "{}",
        past_end.2
    );
    assert_eq!(last_forward.0, 422, "{}", last_forward.2);
    assert_eq!(not_json.0, 400, "{}", not_json.2);
    assert!(
        not_json.2["detail"].as_str().unwrap().contains("petición"),
        "worded in the request's language: {}",
        not_json.2
    );
    assert_eq!(too_big.0, 400, "{}", too_big.2);
    assert!(
        too_big.2["detail"].as_str().unwrap().contains("limit"),
        "{}",
        too_big.2
    );
    assert_eq!(other_project.0, 404, "{}", other_project.2);
    assert_eq!(anonymous.0, 401, "{}", anonymous.2);
    let (_, after, unchanged) = rest(&app, Method::GET, &plan, None, None).await;
    assert_eq!(after.as_deref(), Some(etag.as_str()));
    assert_eq!(unchanged, loaded);
}

#[tokio::test]
async fn a_viewer_reads_the_plan_but_its_writes_are_forbidden() {
    let app = spawn_app().await;
    let viewer = app.colleague("viewer", "vi@studio.test").await;
    let chapter = first_chapter(&app).await;
    let plan = format!("{chapter}/plan");
    let (_, etag, loaded) = rest(&app, Method::GET, &plan, None, None).await;

    let read_it = viewer
        .get(format!("{}{plan}", app.base))
        .send()
        .await
        .unwrap();
    let read_it = read((Method::GET, read_it)).await;
    let write = viewer
        .put(format!("{}{plan}", app.base))
        .header("if-match", etag.unwrap())
        .json(&json!({ "segments": loaded["segments"] }))
        .send()
        .await
        .unwrap();
    let write = read((Method::PUT, write)).await;

    assert_eq!(read_it.0, 200);
    assert_eq!(read_it.2["segments"], loaded["segments"]);
    assert_eq!(write.0, 403, "{}", write.2);
    assert_eq!(write.2["reason"], "Forbidden");
}

#[tokio::test]
async fn the_cast_the_pronunciations_and_the_plan_file_round_trip_with_their_versions() {
    let app = spawn_app().await;
    let chapter = first_chapter(&app).await;
    let project = chapter.rsplit_once("/chapters/").unwrap().0.to_owned();
    let plan = format!("{chapter}/plan");
    let (_, etag, _) = rest(&app, Method::GET, &plan, None, None).await;
    rest(
        &app,
        Method::POST,
        &format!("{plan}/generate"),
        etag.as_deref(),
        None,
    )
    .await;

    let cast_path = format!("{project}/cast");
    let (status, cast_etag, cast) = rest(&app, Method::GET, &cast_path, None, None).await;
    assert_eq!(status, 200, "{cast}");
    let put = rest(
        &app,
        Method::PUT,
        &cast_path,
        cast_etag.as_deref(),
        Some(cast.clone()),
    )
    .await;
    assert_eq!(put.0, 200, "{}", put.2);
    assert_ne!(put.1, cast_etag, "a save makes a new version");
    let stale = rest(
        &app,
        Method::PUT,
        &cast_path,
        cast_etag.as_deref(),
        Some(cast),
    )
    .await;
    assert_eq!(stale.0, 412, "{}", stale.2);

    let map_path = format!("{project}/pronunciations");
    let (status, map_etag, map) = rest(&app, Method::GET, &map_path, None, None).await;
    assert_eq!(status, 200, "{map}");
    let entries = json!({ "entries": map["map"] });
    let put = rest(
        &app,
        Method::PUT,
        &map_path,
        map_etag.as_deref(),
        Some(entries),
    )
    .await;
    assert_eq!(put.0, 200, "{}", put.2);
    let bad = json!({ "entries": [{ "grapheme": "", "ipa": "x", "locale": "en" }] });
    let refused = rest(&app, Method::PUT, &map_path, put.1.as_deref(), Some(bad)).await;
    assert!((400..500).contains(&refused.0), "{}", refused.2);

    let file_url = format!("{}{plan}/file", app.base);
    let exported = app.client.get(&file_url).send().await.unwrap();
    let file_etag = exported.headers()["etag"].to_str().unwrap().to_owned();
    let file = exported.text().await.unwrap();
    let file_json: Value = serde_json::from_str(&file).unwrap();
    crate::contract::check(
        &Method::GET,
        "/api/projects/1/chapters/1/plan/file",
        200,
        Some("application/json"),
        &file_json,
    );
    let imported = app
        .client
        .put(&file_url)
        .header("if-match", &file_etag)
        .body(file.clone())
        .send()
        .await
        .unwrap();
    let (status, _, saved) = read((Method::PUT, imported)).await;
    assert_eq!(status, 200, "{saved}");
    let garbled = app
        .client
        .put(&file_url)
        .header("if-match", format!("\"{}\"", saved["version"]))
        .body("not a plan")
        .send()
        .await
        .unwrap();
    let (status, _, problem) = read((Method::PUT, garbled)).await;
    assert_eq!(status, 422, "{problem}");
    let (_, _, after) = rest(&app, Method::GET, &plan, None, None).await;
    let reexported = app
        .client
        .get(&file_url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(reexported, file, "the file comes back as it went");
    assert_eq!(after["version"], saved["version"]);
}

#[tokio::test]
async fn a_script_makes_a_project_and_adds_its_chapters() {
    let app = spawn_app().await;
    let book = json!({ "name": "  The Lost World ", "language": "en" });

    let (status, _, made) = rest(&app, Method::POST, "/api/projects", None, Some(book)).await;
    let project = made["id"].as_i64().unwrap();
    let chapters = json!({ "chapters": [
        { "title": "Chapter 1", "text": "“There are heroisms all round us,” said Mr. Hungerton." },
        { "title": "Chapter 2", "text": "It was a dull, foggy evening." },
    ] });
    let path = format!("/api/projects/{project}/chapters");
    let (added_status, _, added) = rest(&app, Method::POST, &path, None, Some(chapters)).await;
    let (_, _, listed) = rest(&app, Method::GET, &format!("{path}/status"), None, None).await;
    let (_, _, projects) = rest(&app, Method::GET, "/api/projects", None, None).await;

    assert_eq!(status, 201, "{made}");
    assert_eq!(added_status, 201, "{added}");
    assert_eq!(added["chapters"].as_array().unwrap().len(), 2);
    let titles: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Chapter 1", "Chapter 2"]);
    let listed_project = projects
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == project)
        .unwrap();
    assert_eq!(listed_project["name"], "The Lost World");

    let blank = json!({ "name": "  ", "language": "en" });
    let (blank_status, _, _) = rest(&app, Method::POST, "/api/projects", None, Some(blank)).await;
    let french = json!({ "name": "Le Monde perdu", "language": "fr" });
    let (french_status, _, _) = rest(&app, Method::POST, "/api/projects", None, Some(french)).await;
    let none = json!({ "chapters": [] });
    let (none_status, _, _) = rest(&app, Method::POST, &path, None, Some(none)).await;
    let empty = json!({ "chapters": [{ "title": "Blank", "text": "   " }] });
    let (empty_status, _, empty_problem) = rest(&app, Method::POST, &path, None, Some(empty)).await;
    let (_, _, still) = rest(&app, Method::GET, &format!("{path}/status"), None, None).await;

    assert_eq!(blank_status, 422);
    assert_eq!(french_status, 400);
    assert_eq!(none_status, 422);
    assert_eq!(empty_status, 422, "{empty_problem}");
    assert!(
        empty_problem["detail"].as_str().unwrap().contains("Blank"),
        "{empty_problem}"
    );
    assert_eq!(still, listed, "nothing was added");
}
