//! Manuscript import: the preview parses an upload and stores nothing; bad files get a clear
//! 4xx; the chapters the producer keeps are added with `add_chapters`.

use std::io::Write;

use serde_json::{json, Value};

use crate::helpers::{spawn_app, TestApp};

async fn chapter_count(app: &TestApp, project: i64) -> usize {
    let chapters: Vec<Value> = app
        .call("list_chapters", json!({ "project": project }))
        .await
        .ok();
    chapters.len()
}

fn docx(paragraphs: &[(&str, &str)]) -> Vec<u8> {
    let body: String = paragraphs
        .iter()
        .map(|(style, text)| {
            format!(
                r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
            )
        })
        .collect();
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    zip.write_all(document.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

#[tokio::test]
async fn a_text_manuscript_is_previewed_without_storing_anything_then_added() {
    let app = spawn_app().await;
    let (project, before) = app.first_project().await;
    let text = "My Book\n\nCHAPTER I\n\nIt began.\n\nCHAPTER II\n\nIt ended.\n";

    let preview: Value = app.upload("my book.txt", text.into()).await.ok();
    let stored_after_preview = chapter_count(&app, project).await;
    let chapters = preview["chapters"].as_array().unwrap();
    let titles: Vec<&str> = chapters
        .iter()
        .filter_map(|c| c["title"].as_str())
        .collect();
    let kept: Vec<Value> = chapters
        .iter()
        .filter(|c| c["kind"] == "body")
        .map(|c| json!({ "title": c["title"], "text": c["text"] }))
        .collect();
    let added: Vec<i64> = app
        .call(
            "add_chapters",
            json!({ "project": project, "chapters": kept }),
        )
        .await
        .ok();

    assert_eq!(stored_after_preview, before.len());
    assert!(titles.ends_with(&["CHAPTER I", "CHAPTER II"]), "{titles:?}");
    assert_eq!(chapters.last().unwrap()["text"], "It ended.");
    assert_eq!(added.len(), 2);
    assert_eq!(chapter_count(&app, project).await, before.len() + 2);
}

#[tokio::test]
async fn a_docx_is_cut_at_its_headings() {
    let app = spawn_app().await;

    let preview: Value = app
        .upload(
            "novela.docx",
            docx(&[
                ("Heading1", "Capítulo 1"),
                ("Normal", "—Hola —dijo Pablo."),
                ("Heading1", "Capítulo 2"),
                ("Normal", "Adiós."),
            ]),
        )
        .await
        .ok();

    assert_eq!(preview["chapters"][0]["title"], "Capítulo 1");
    assert_eq!(preview["chapters"][0]["text"], "—Hola —dijo Pablo.");
    assert_eq!(preview["chapters"][1]["text"], "Adiós.");
}

#[tokio::test]
async fn bad_files_get_a_clear_4xx_and_nothing_is_stored() {
    let app = spawn_app().await;
    let (project, before) = app.first_project().await;

    let not_utf8 = app
        .upload("chapter.txt", b"Caf\xe9 con leche.".to_vec())
        .await;
    let fake_docx = app.upload("chapter.docx", b"just some text".to_vec()).await;
    let no_paragraphs = app.upload("empty.docx", docx(&[])).await;
    let unknown = app.upload("chapter.pdf", b"%PDF-1.7".to_vec()).await;
    let huge = app
        .upload("huge.txt", vec![b'a'; 50 * 1024 * 1024 + 1])
        .await;

    assert_eq!(not_utf8.status, 422);
    let message = not_utf8.body["Refused"].as_str().unwrap().to_owned();
    assert!(
        message.contains("UTF-8") && message.contains('3'),
        "{message}"
    );
    assert_eq!(fake_docx.status, 422);
    assert!(
        fake_docx.body["Refused"]
            .as_str()
            .unwrap()
            .contains("not a Word document"),
        "{}",
        fake_docx.body
    );
    assert_eq!(no_paragraphs.status, 422);
    assert_eq!(unknown.status, 422);
    assert_eq!(huge.status, 413);
    assert_eq!(chapter_count(&app, project).await, before.len());
}

#[tokio::test]
async fn a_spanish_browser_reads_the_refusal_in_spanish() {
    let app = spawn_app().await;

    let fake_docx = app
        .upload_in("capitulo.docx", b"solo texto".to_vec(), "es-ES,es;q=0.9")
        .await;

    assert_eq!(fake_docx.status, 422);
    assert_eq!(
        fake_docx.body["Refused"],
        "Este archivo dice .docx pero no es un documento de Word: no es un archivo zip"
    );
}
