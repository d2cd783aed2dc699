//! The demo seed: an empty database gets two public-domain projects (English and Spanish), so the
//! first screen is not empty. Texts ship in `server/demo/` (see its README for sources).

use app::api::{PlanStore, ProjectStore, StoreError};
use shared::{ChapterText, Language};

use crate::store::SqlStore;

const HOUND: &str = include_str!("../demo/en-doyle-hound-of-the-baskervilles-ch01.txt");
const NIEBLA: &str = include_str!("../demo/es-unamuno-niebla-cap01-03.txt");

/// Adds the demo projects when there is no project at all.
///
/// # Errors
/// When the database fails.
pub async fn seed(store: &SqlStore) -> Result<(), StoreError> {
    if !store.is_empty().await? {
        return Ok(());
    }
    let hound = store
        .create_project("The Hound of the Baskervilles (demo)".into(), Language::En)
        .await?;
    for (title, text) in chapters(HOUND) {
        store
            .add_chapter(hound, title, ChapterText::parse(text)?)
            .await?;
    }
    let niebla = store
        .create_project("Niebla (demo)".into(), Language::Es)
        .await?;
    for (title, text) in chapters(NIEBLA) {
        store
            .add_chapter(
                niebla,
                format!("Capítulo {title}"),
                ChapterText::parse(text)?,
            )
            .await?;
    }
    tracing::info!("seeded the demo projects");
    Ok(())
}

/// Splits a demo text at its heading lines: a line that is a Roman numeral or starts with "Chapter".
fn chapters(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        let is_heading = trimmed.starts_with("Chapter ")
            || (!trimmed.is_empty()
                && trimmed.len() <= 6
                && trimmed.chars().all(|c| "IVXLC".contains(c)));
        if is_heading {
            out.push((trimmed.to_owned(), String::new()));
        } else if let Some((_, body)) = out.last_mut() {
            body.push_str(line);
            body.push('\n');
        }
    }
    out.retain(|(_, body)| !body.trim().is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_texts_split_into_their_chapters() {
        let hound = chapters(HOUND);
        let niebla = chapters(NIEBLA);

        assert_eq!(hound.len(), 1);
        assert_eq!(hound[0].0, "Chapter 1. Mr. Sherlock Holmes");
        assert_eq!(
            niebla.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(),
            ["I", "II", "III"]
        );
    }
}
