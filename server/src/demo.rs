//! The demo seed: an empty database gets two public-domain projects (English and Spanish), so the
//! first screen shows the product as a producer would leave it, not an empty shell. Texts ship in
//! `server/demo/` (see its README for sources).
//!
//! Each project comes with its cast confirmed (names, aliases, genders and a distinct espeak-ng
//! voice each) and a reviewed pronunciation map. Its first chapter is planned with the speakers
//! the offline rules are sure of, its first segments are marked reviewed, and it carries two
//! review flags raised through the store like any producer's: one still open (a question about a
//! line), one answered, fixed and verified. The other chapters have their text only: the work
//! still to do.
//!
//! - *The Hound of the Baskervilles*: chapters 1 to 3; chapter 1 planned.
//! - *Niebla*: chapters I to III; chapter I planned.

mod cast;
mod review;
#[cfg(test)]
mod tests;

use app::{
    api::{PlanStore, ProjectStore, PronunciationStore, StoreError},
    model::{ChapterId, Principal, ProjectId, Version},
};
use shared::{
    attribution::{attribute_segments, verdict::MIN_CONFIDENCE},
    Cast, ChapterText, Language, PronunciationMap,
};

use crate::store::SqlStore;
use cast::{hound_cast, hound_pronunciations, niebla_cast, niebla_pronunciations};
use review::{HOUND_NOTES, NIEBLA_NOTES};

const HOUND: [&str; 2] = [
    include_str!("../demo/en-doyle-hound-of-the-baskervilles-ch01.txt"),
    include_str!("../demo/en-doyle-hound-of-the-baskervilles-ch02-03.txt"),
];
const NIEBLA: &str = include_str!("../demo/es-unamuno-niebla-cap01-03.txt");

/// How many segments of the Hound's planned chapter, from its start, are marked reviewed.
const HOUND_REVIEWED: usize = 6;
/// The same for Niebla: the opening, up to Augusto's first thought aloud (the rules give the
/// thought after it to a wrong speaker, which no reviewer would pass).
const NIEBLA_REVIEWED: usize = 5;

/// Adds the demo projects to `who`'s organisation (the demo account's at the first start, and
/// every new organisation's while the demo is on).
///
/// # Errors
/// When the database fails (or a demo flag's line is not in its chapter, which the tests rule
/// out).
pub async fn seed(store: &SqlStore, who: &Principal) -> Result<(), StoreError> {
    let hound = Demo {
        name: "The Hound of the Baskervilles (demo)",
        language: Language::En,
        chapters: HOUND.iter().flat_map(|text| chapters(text)).collect(),
        cast: hound_cast(),
        pronunciations: hound_pronunciations(),
        notes: &HOUND_NOTES,
        reviewed: HOUND_REVIEWED,
    };
    hound.seed(store, who).await?;

    let niebla = Demo {
        name: "Niebla (demo)",
        language: Language::Es,
        chapters: chapters(NIEBLA)
            .into_iter()
            .map(|(title, text)| (format!("Capítulo {title}"), text))
            .collect(),
        cast: niebla_cast(),
        pronunciations: niebla_pronunciations(),
        notes: &NIEBLA_NOTES,
        reviewed: NIEBLA_REVIEWED,
    };
    niebla.seed(store, who).await?;
    tracing::info!("seeded the demo projects");
    Ok(())
}

/// A demo project and what a producer has already done on it.
struct Demo {
    name: &'static str,
    language: Language,
    /// Titles and texts, in their order.
    chapters: Vec<(String, String)>,
    cast: Cast,
    pronunciations: PronunciationMap,
    /// The review flags on the first chapter.
    notes: &'static [review::Note],
    /// How many of the first chapter's segments, from its start, are already marked reviewed.
    reviewed: usize,
}

impl Demo {
    async fn seed(&self, store: &SqlStore, who: &Principal) -> Result<(), StoreError> {
        let project = store
            .create_project(who, self.name.into(), self.language)
            .await?;
        let mut chapters = Vec::new();
        for (title, text) in &self.chapters {
            let text = ChapterText::parse(text.clone())?;
            chapters.push(store.add_chapter(who, project, title.clone(), text).await?);
        }
        let map = self.pronunciations.clone();
        cast_and_pronunciations(store, who, project, &self.cast, map).await?;
        if let Some(&first) = chapters.first() {
            plan_with_speakers(store, who, first, self).await?;
            review::raise(store, who, first, self.notes).await?;
        }
        Ok(())
    }
}

/// Stores a demo project's cast and pronunciation map over the ones it was created with.
async fn cast_and_pronunciations(
    store: &SqlStore,
    who: &Principal,
    project: ProjectId,
    cast: &Cast,
    map: PronunciationMap,
) -> Result<(), StoreError> {
    let version = store.project(who, project).await?.cast_version;
    store.save_cast(who, project, version, cast.clone()).await?;
    let version = store.pronunciations(who, project).await?.version;
    store
        .save_pronunciations(who, project, version, map)
        .await?;
    Ok(())
}

/// Plans a demo's chapter, gives each segment the speaker the offline rules are sure of, and marks
/// the demo's first few segments reviewed.
async fn plan_with_speakers(
    store: &SqlStore,
    who: &Principal,
    chapter: ChapterId,
    demo: &Demo,
) -> Result<(), StoreError> {
    let plan = store.generate_plan(who, chapter, Version::NONE).await?;
    let found = attribute_segments(&plan.text, &plan.segments, &demo.cast, demo.language, &[]);
    let mut segments = plan.segments;
    for (segment, (_, attribution)) in segments.iter_mut().zip(found) {
        if attribution.confidence >= MIN_CONFIDENCE {
            segment.speaker = attribution.speaker.map(|c| c.0);
        }
    }
    for segment in segments.iter_mut().take(demo.reviewed) {
        segment.reviewed = true;
    }
    store
        .save_plan(who, chapter, plan.version, segments)
        .await?;
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
