//! The audit trail: each change to a project is recorded with who made it and when, readable per
//! project and per chapter, newest first.

use serde_json::{json, Value};

use crate::helpers::spawn_empty_app;

#[tokio::test]
async fn changes_are_recorded_with_their_author_per_project_and_per_chapter() {
    let app = spawn_empty_app().await;
    let project = app.project_with_cast("Audited", "en", &[]).await;
    let chapter: i64 = app
        .call(
            "add_chapter",
            json!({ "project": project, "title": "One", "text": "“Come,” said Holmes.\n\nWe went." }),
        )
        .await
        .ok();
    let plan: Value = app
        .call("generate_plan", json!({ "chapter": chapter, "version": 0 }))
        .await
        .ok();
    let mut segments = plan["segments"].as_array().unwrap().clone();
    segments[0]["reviewed"] = json!(true);
    let _: i64 = app
        .call(
            "save_plan",
            json!({ "chapter": chapter, "version": plan["version"], "segments": segments }),
        )
        .await
        .ok();
    let _: () = app
        .call(
            "rename_project",
            json!({ "project": project, "name": "Audited twice" }),
        )
        .await
        .ok();

    let all: Vec<Value> = app
        .call("audit_log", json!({ "project": project, "chapter": null }))
        .await
        .ok();
    let entries: Vec<&Value> = all.iter().map(|e| &e["entry"]).collect();
    assert_eq!(
        entries[0],
        &json!({ "ProjectRenamed": { "name": "Audited twice" } })
    );
    assert_eq!(
        entries[1],
        &json!({ "PlanSaved": { "segments": segments.len(), "changed": 1 } })
    );
    assert_eq!(
        entries[2],
        &json!({ "PlanGenerated": { "segments": segments.len() } })
    );
    assert!(all.iter().all(|e| e["who"] == "Producer"), "{all:?}");
    assert!(all
        .windows(2)
        .all(|w| w[0]["at_ms"].as_i64() >= w[1]["at_ms"].as_i64()));

    let of_chapter: Vec<Value> = app
        .call(
            "audit_log",
            json!({ "project": project, "chapter": chapter }),
        )
        .await
        .ok();
    assert!(
        of_chapter.iter().all(|e| e["chapter"] == chapter),
        "{of_chapter:?}"
    );
    assert_eq!(
        of_chapter.len(),
        3,
        "added, generated, saved: {of_chapter:?}"
    );
}
