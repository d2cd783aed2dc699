//! Review flags by anyone on the chapter: a viewer raises and discusses a flag, the server signs
//! each step with the signed-in user's name whatever the page sent, colleagues' pages get it as a
//! change, the audit trail says who; a refused step stores nothing.

use serde_json::{json, Value};
use shared::{plan::change::Change, Segment};

use crate::{colleagues::chapter, helpers::spawn_app};

#[tokio::test]
async fn a_viewer_raises_and_discusses_a_flag_signed_with_their_name() {
    let app = spawn_app().await;
    let viewer = app.colleague("viewer", "vera@studio.test").await;
    let (chapter, _, base) = chapter(&app).await;
    let (project, _) = app.first_project().await;
    let v1 = app.load(chapter).await["version"].as_i64().unwrap();
    let segment = base.segments()[2].id;
    let flag = |action: Value| json!({ "chapter": chapter, "segment": segment, "action": action });

    let raised: i64 = app
        .call_as(
            &viewer,
            "review_flag",
            flag(json!({ "do": "raise", "kind": "pacing", "note": " rushed " })),
        )
        .await
        .ok();
    let commented: i64 = app
        .call_as(
            &viewer,
            "review_flag",
            flag(json!({ "do": "comment", "text": "slower at the end" })),
        )
        .await
        .ok();
    let fixed: i64 = app
        .call(
            "review_flag",
            flag(json!({ "do": "set_status", "status": "fixed" })),
        )
        .await
        .ok();

    assert_eq!((raised, commented, fixed), (v1 + 1, v1 + 2, v1 + 3));
    let loaded = app.load(chapter).await;
    let segments: Vec<Segment> = serde_json::from_value(loaded["segments"].clone()).unwrap();
    let stored = segments[2].flag.clone().expect("the flag is stored");
    assert_eq!(stored.note, "rushed");
    assert_eq!(stored.raised_by, "vera", "signed by the viewer's account");
    assert_eq!(stored.updated_by, "Demo producer");
    assert_eq!(stored.comments.len(), 1);
    assert_eq!(
        (
            stored.comments[0].by.as_str(),
            stored.comments[0].text.as_str()
        ),
        ("vera", "slower at the end")
    );
    assert_eq!(
        segments.len(),
        base.segments().len(),
        "nothing else changed"
    );

    let caught: Value = app
        .call("changes_since", json!({ "chapter": chapter, "since": v1 }))
        .await
        .ok();
    let changes: Vec<Change> = serde_json::from_value(caught["changes"].clone()).unwrap();
    let mut page = base.clone();
    page.apply_changes(&changes).unwrap();
    assert_eq!(
        page.segments(),
        &segments[..],
        "a colleague's page catches up"
    );

    let trail: Vec<Value> = app
        .call(
            "audit_log",
            json!({ "project": project, "chapter": chapter }),
        )
        .await
        .ok();
    let said: Vec<(&Value, &Value)> = trail.iter().map(|e| (&e["who"], &e["entry"])).collect();
    assert_eq!(
        &said[..3],
        &[
            (
                &json!("Demo producer"),
                &json!({ "FlagMoved": { "row": 3, "status": "fixed" } })
            ),
            (&json!("vera"), &json!({ "FlagCommented": { "row": 3 } })),
            (
                &json!("vera"),
                &json!({ "FlagRaised": { "row": 3, "kind": "pacing" } })
            ),
        ]
    );
}

#[tokio::test]
async fn a_refused_flag_step_stores_nothing() {
    let app = spawn_app().await;
    let viewer = app.colleague("viewer", "vera@studio.test").await;
    let (chapter, _, base) = chapter(&app).await;
    let segment = base.segments()[0].id;
    let call = |segment: Value, action: Value| {
        app.call_as(
            &viewer,
            "review_flag",
            json!({ "chapter": chapter, "segment": segment, "action": action }),
        )
    };
    let before = app.load(chapter).await;

    let no_flag = call(json!(segment), json!({ "do": "comment", "text": "hm" })).await;
    let unknown = call(
        json!(999_999),
        json!({ "do": "raise", "kind": "other", "note": "" }),
    )
    .await;
    let long = "a".repeat(2001);
    let too_long = call(
        json!(segment),
        json!({ "do": "raise", "kind": "other", "note": long }),
    )
    .await;
    let malformed = call(json!(segment), json!({ "do": "shout" })).await;
    let edit = app
        .call_as(
            &viewer,
            "save_changes",
            json!({ "chapter": chapter, "base": before["version"], "changes": [] }),
        )
        .await;

    assert_eq!(no_flag.status, 422, "{}", no_flag.body);
    assert_eq!(
        no_flag.body,
        json!({ "Invalid": { "NoFlag": { "id": segment } } })
    );
    assert_eq!(unknown.status, 422, "{}", unknown.body);
    assert_eq!(too_long.status, 422, "{}", too_long.body);
    assert_eq!(
        too_long.body,
        json!({ "Invalid": { "FlagTextTooLong": { "max": 2000 } } })
    );
    assert_eq!(malformed.status, 400, "{}", malformed.body);
    assert_eq!(edit.status, 403, "a viewer flags but does not edit");
    assert_eq!(app.load(chapter).await, before);

    app.call(
        "review_flag",
        json!({ "chapter": chapter, "segment": segment, "action": { "do": "raise", "kind": "misread", "note": "" } }),
    )
    .await
    .ok::<Value>();
    app.call(
        "review_flag",
        json!({ "chapter": chapter, "segment": segment, "action": { "do": "set_status", "status": "verified" } }),
    )
    .await
    .ok::<Value>();
    let loaded = app.load(chapter).await;
    let mut segments = loaded["segments"].as_array().unwrap().clone();
    for segment in &mut segments {
        segment["voice"] = json!("narrator");
        segment["speakerLocked"] = json!(true);
    }
    app.call(
        "save_plan",
        json!({ "chapter": chapter, "version": loaded["version"], "segments": segments }),
    )
    .await
    .ok::<Value>();
    let version = app.load(chapter).await["version"].clone();
    app.call(
        "set_chapter_complete",
        json!({ "chapter": chapter, "complete": true }),
    )
    .await
    .ok::<Value>();
    let signed_off = call(
        json!(segment),
        json!({ "do": "set_status", "status": "open" }),
    )
    .await;
    assert_eq!(signed_off.status, 422, "{}", signed_off.body);
    assert!(
        signed_off.body.to_string().contains("complete"),
        "{}",
        signed_off.body
    );
    assert_eq!(app.load(chapter).await["version"], version);
}
