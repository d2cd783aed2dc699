//! Server-rendered pages: readable without JavaScript.

use std::{
    sync::atomic::{AtomicBool, Ordering},
    time::Duration,
};

use serde_json::Value;

use crate::helpers::{spawn_app, spawn_empty_app};

#[tokio::test]
async fn the_home_page_lists_the_projects() {
    let app = spawn_app().await;

    let (status, html) = app.page("/").await;

    assert_eq!(status, 200);
    assert!(html.contains("The Hound of the Baskervilles (demo)"));
    assert!(html.contains("Niebla (demo)"));
}

#[tokio::test]
async fn the_chapter_page_renders_the_segment_table_on_the_server() {
    let app = spawn_app().await;
    let (project, _) = app.first_project().await;
    let chapter = app.unplanned_chapter().await;
    let plan: Value = app.generate(chapter, 0).await.ok();
    let count = plan["segments"].as_array().unwrap().len();

    let (status, html) = app
        .page(&format!("/projects/{project}/chapters/{chapter}"))
        .await;

    assert_eq!(status, 200);
    assert_eq!(html.matches("<tr id=\"seg-").count(), count);
    assert!(html.contains("Mark chapter complete"));
}

#[tokio::test]
async fn the_project_page_lists_its_chapters_and_links_cast_and_pronunciations() {
    let app = spawn_app().await;
    let (project, chapters) = app.first_project().await;

    let (status, html) = app.page(&format!("/projects/{project}")).await;

    assert_eq!(status, 200);
    assert!(html.contains("Chapters"), "{html}");
    assert!(html.contains(&format!("0 of {} chapters complete", chapters.len())));
    for chapter in &chapters {
        let href = format!("/projects/{project}/chapters/{}", chapter["id"]);
        assert!(html.contains(&href), "no link to {href}");
    }
    assert!(html.contains(&format!("href=\"/projects/{project}/cast\"")));
    assert!(html.contains(&format!("href=\"/projects/{project}/pronunciations\"")));
}

#[tokio::test]
async fn the_cast_page_renders_each_character_on_the_server() {
    let app = spawn_app().await;
    let project = app
        .project_with_cast(
            "Cast page",
            "en",
            &[crate::helpers::character(
                "holmes",
                "Sherlock Holmes",
                &["Holmes"],
            )],
        )
        .await;

    let (status, html) = app.page(&format!("/projects/{project}/cast")).await;

    assert_eq!(status, 200);
    assert!(html.contains("<legend>Sherlock Holmes</legend>"), "{html}");
    assert!(html.contains("aria-label=\"Name (holmes)\""));
    assert!(html.contains("Save cast"));
}

#[tokio::test]
async fn a_spanish_browser_gets_the_page_in_spanish() {
    let app = spawn_app().await;
    let (project, _) = app.first_project().await;

    let (status, html) = app
        .page_in(&format!("/projects/{project}"), "es-ES,es;q=0.9")
        .await;

    assert_eq!(status, 200);
    assert!(html.contains("<html lang=\"es\""), "{html}");
    assert!(html.contains("Capítulos"));
    assert!(!html.contains(">Chapters<"));
}

#[tokio::test]
async fn an_unknown_address_is_a_404_page() {
    let app = spawn_app().await;

    let (status, html) = app.page("/no/such/page").await;

    assert_eq!(status, 404);
    assert!(html.contains("Page not found"));
}

#[tokio::test]
async fn an_unknown_project_says_not_found_and_answers_404() {
    let app = spawn_app().await;

    let (status, html) = app.page("/projects/999999").await;

    assert_eq!(status, 404);
    assert!(
        html.contains("not found") || html.contains("Not found"),
        "{html}"
    );
}

#[tokio::test]
async fn pages_are_compressed_and_the_bundle_comes_in_the_copy_the_browser_accepts() {
    let site = tempfile::tempdir().unwrap();
    let pkg = site.path().join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::write(pkg.join("studio.css"), "body { margin: 0; }").unwrap();
    std::fs::write(pkg.join("studio.css.br"), "brotli bytes").unwrap();
    std::fs::write(pkg.join("studio.css.gz"), "gzip bytes").unwrap();
    let root = site.path().display().to_string();
    let app = crate::helpers::spawn_app_with(move |c| c.site_root = root).await;
    let fetch = |path: &str, encoding: &str| {
        app.client
            .get(format!("{}{path}", app.base))
            .header("accept-encoding", encoding)
            .send()
    };

    let brotli = fetch("/pkg/studio.css", "gzip, br").await.unwrap();
    let brotli_encoding = brotli.headers()["content-encoding"].clone();
    let caching = brotli.headers()["cache-control"].clone();
    let brotli_body = brotli.text().await.unwrap();
    let gzip = fetch("/pkg/studio.css", "gzip").await.unwrap();
    let gzip_encoding = gzip.headers()["content-encoding"].clone();
    let gzip_body = gzip.text().await.unwrap();
    let plain = fetch("/pkg/studio.css", "identity").await.unwrap();
    let plain_encoding = plain.headers().get("content-encoding").cloned();
    let plain_body = plain.text().await.unwrap();
    let page = fetch("/", "br").await.unwrap();
    let page_encoding = page.headers().get("content-encoding").cloned();
    let page_caching = page.headers()["cache-control"].clone();

    assert_eq!(brotli_encoding, "br");
    assert_eq!(brotli_body, "brotli bytes");
    assert_eq!(caching, "no-cache", "a name without a hash may change");
    assert_eq!(gzip_encoding, "gzip");
    assert_eq!(gzip_body, "gzip bytes");
    assert_eq!(plain_encoding, None);
    assert_eq!(plain_body, "body { margin: 0; }");
    assert_eq!(
        page_encoding.as_ref().map(|v| v.to_str().unwrap()),
        Some("br")
    );
    assert_eq!(page_caching, "no-cache");
}

#[tokio::test]
async fn the_shell_names_the_bundle_by_its_hashes_and_those_names_are_cached_for_good() {
    let site = tempfile::tempdir().unwrap();
    let pkg = site.path().join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::write(
        site.path().join("hash.txt"),
        "js: 0123456789abcdef\nwasm: 89abcdef01234567\ncss: fedcba9876543210\n",
    )
    .unwrap();
    for name in [
        "studio.0123456789abcdef.js",
        "studio.89abcdef01234567.wasm",
        "studio.fedcba9876543210.css",
    ] {
        std::fs::write(pkg.join(name), "plain bytes").unwrap();
        std::fs::write(pkg.join(format!("{name}.br")), "brotli bytes").unwrap();
        std::fs::write(pkg.join(format!("{name}.gz")), "gzip bytes").unwrap();
    }
    let root = site.path().display().to_string();
    let app = crate::helpers::spawn_app_with(move |c| c.site_root = root).await;

    let (status, html) = app.page("/").await;
    let wasm = app
        .client
        .get(format!("{}/pkg/studio.89abcdef01234567.wasm", app.base))
        .header("accept-encoding", "gzip, deflate, br, zstd")
        .send()
        .await
        .unwrap();
    let wasm_caching = wasm.headers()["cache-control"].clone();
    let wasm_encoding = wasm.headers()["content-encoding"].clone();
    let wasm_body = wasm.text().await.unwrap();
    let css = app
        .client
        .get(format!("{}/pkg/studio.fedcba9876543210.css", app.base))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    let css_caching = css.headers()["cache-control"].clone();
    let css_encoding = css.headers()["content-encoding"].clone();

    assert_eq!(status, 200);
    assert!(
        html.contains(r#"href="/pkg/studio.fedcba9876543210.css""#),
        "{html}"
    );
    assert!(
        html.contains(r#"href="/pkg/studio.0123456789abcdef.js""#),
        "{html}"
    );
    assert!(
        html.contains(r#"href="/pkg/studio.89abcdef01234567.wasm""#),
        "{html}"
    );
    assert!(!html.contains("studio_bg"), "{html}");
    assert_eq!(wasm_caching, "public, max-age=31536000, immutable");
    assert_eq!(wasm_encoding, "br");
    assert_eq!(wasm_body, "brotli bytes");
    assert_eq!(css_caching, "public, max-age=31536000, immutable");
    assert_eq!(css_encoding, "gzip");
}

/// Starting a server runs the app once with every resource's loading suppressed, process-wide
/// (Leptos's route list; leptos-rs/leptos#4773): a page that another server of the same process
/// renders meanwhile waited forever on a resource first polled in that window. Servers share one
/// route list, made before the first of them serves.
#[tokio::test]
async fn pages_finish_while_other_servers_start() {
    let app = spawn_app().await;
    let (project, _) = app.first_project().await;
    let path = format!("/projects/{project}");
    let started = AtomicBool::new(false);
    // Loads the page until every server has started, at least once.
    let page = || async {
        loop {
            let (status, _) = tokio::time::timeout(Duration::from_secs(30), app.page(&path))
                .await
                .expect("the project page answered while servers started");
            assert_eq!(status, 200);
            if started.load(Ordering::Relaxed) {
                break;
            }
        }
    };
    let starts = async {
        for _ in 0..20 {
            drop(spawn_empty_app().await);
        }
        started.store(true, Ordering::Relaxed);
    };
    tokio::join!(page(), page(), page(), page(), starts);
}
