//! The demo seed: an empty database gets two public-domain projects (English and Spanish), so the
//! first screen shows the product as a producer would leave it, not an empty shell. Texts ship in
//! `server/demo/` (see its README for sources).
//!
//! - *The Hound of the Baskervilles*: a cast with distinct espeak-ng voices, a reviewed
//!   pronunciation map, and chapter 1 planned with its speakers proposed by the offline rules and
//!   its first segments reviewed, ready to audition and listen through.
//! - *Niebla*: a cast and a pronunciation map; its chapters wait to be planned.

use app::{
    api::{PlanStore, ProjectStore, PronunciationStore, StoreError},
    model::Principal,
};
use shared::{
    attribution::{attribute_segments, verdict::MIN_CONFIDENCE},
    cast::character::AgeBand,
    pronunciation::{Entry, Status},
    text::language::Gender,
    Cast, ChapterText, Character, CharacterId, Language, PronunciationMap, Voice, VoiceEngine,
};

use crate::store::SqlStore;

const HOUND: &str = include_str!("../demo/en-doyle-hound-of-the-baskervilles-ch01.txt");
const NIEBLA: &str = include_str!("../demo/es-unamuno-niebla-cap01-03.txt");

/// How many segments of the planned demo chapter are already marked reviewed.
const REVIEWED: usize = 6;

/// Adds the demo projects to `who`'s organisation (the demo account's at the first start, and
/// every new organisation's while the demo is on).
///
/// # Errors
/// When the database fails.
pub async fn seed(store: &SqlStore, who: &Principal) -> Result<(), StoreError> {
    let hound = store
        .create_project(
            who,
            "The Hound of the Baskervilles (demo)".into(),
            Language::En,
        )
        .await?;
    let mut hound_chapters = Vec::new();
    for (title, text) in chapters(HOUND) {
        hound_chapters.push(
            store
                .add_chapter(who, hound, title, ChapterText::parse(text)?)
                .await?,
        );
    }
    let cast = hound_cast();
    cast_and_pronunciations(store, who, hound, &cast, hound_pronunciations()).await?;
    if let Some(&first) = hound_chapters.first() {
        plan_with_speakers(store, who, first, &cast, Language::En).await?;
    }

    let niebla = store
        .create_project(who, "Niebla (demo)".into(), Language::Es)
        .await?;
    for (title, text) in chapters(NIEBLA) {
        store
            .add_chapter(
                who,
                niebla,
                format!("Capítulo {title}"),
                ChapterText::parse(text)?,
            )
            .await?;
    }
    cast_and_pronunciations(store, who, niebla, &niebla_cast(), niebla_pronunciations()).await?;
    tracing::info!("seeded the demo projects");
    Ok(())
}

/// Stores a demo project's cast and pronunciation map over the ones it was created with.
async fn cast_and_pronunciations(
    store: &SqlStore,
    who: &Principal,
    project: app::model::ProjectId,
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

/// Plans a chapter, gives each segment the speaker the offline rules are sure of, and marks the
/// first few reviewed.
async fn plan_with_speakers(
    store: &SqlStore,
    who: &Principal,
    chapter: app::model::ChapterId,
    cast: &Cast,
    language: Language,
) -> Result<(), StoreError> {
    let plan = store
        .generate_plan(who, chapter, app::model::Version::NONE)
        .await?;
    let found = attribute_segments(&plan.text, &plan.segments, cast, language, &[]);
    let mut segments = plan.segments;
    for (segment, (_, attribution)) in segments.iter_mut().zip(found) {
        if attribution.confidence >= MIN_CONFIDENCE {
            segment.speaker = attribution.speaker.map(|c| c.0);
        }
    }
    for segment in segments.iter_mut().take(REVIEWED) {
        segment.reviewed = true;
    }
    store
        .save_plan(who, chapter, plan.version, segments)
        .await?;
    Ok(())
}

/// A cast member of a demo project.
fn member(
    id: &str,
    name: &str,
    aliases: &[&str],
    gender: Gender,
    description: &str,
    voice_id: &str,
    (rate, pitch): (i32, i32),
) -> Character {
    Character {
        id: CharacterId(id.to_owned()),
        name: name.to_owned(),
        aliases: aliases.iter().map(|&alias| alias.to_owned()).collect(),
        gender,
        age: AgeBand::Adult,
        description: description.to_owned(),
        voice: Voice {
            engine: VoiceEngine::Espeak,
            voice_id: voice_id.to_owned(),
            style: None,
            style_degree: 1.0,
            rate,
            pitch,
        },
        narrates: false,
    }
}

fn hound_cast() -> Cast {
    let mut narrator = Character::narrator(Language::En);
    narrator.voice.voice_id = "en-gb-x-rp".into();
    narrator.description = "Reads the narration, steady and unhurried.".into();
    let watson = Character {
        narrates: true,
        ..member(
            "watson",
            "Dr. John Watson",
            &["Watson", "Dr. Watson"],
            Gender::Male,
            "Tells the story; warm, a little eager to impress Holmes.",
            "en-gb+m1",
            (0, -5),
        )
    };
    let holmes = member(
        "holmes",
        "Sherlock Holmes",
        &["Holmes", "Mr. Holmes", "Mr. Sherlock Holmes"],
        Gender::Male,
        "Quick, dry, amused; clipped consonants.",
        "en-gb-x-rp+m3",
        (10, 5),
    );
    let mortimer = member(
        "mortimer",
        "Dr. James Mortimer",
        &["Mortimer", "Dr. Mortimer", "James Mortimer"],
        Gender::Male,
        "A tall, thin country doctor; eager and diffident.",
        "en-gb-scotland+m2",
        (-10, 10),
    );
    Cast::new(vec![narrator, watson, holmes, mortimer]).expect("the demo cast is valid")
}

fn niebla_cast() -> Cast {
    let mut narrator = Character::narrator(Language::Es);
    narrator.description = "Narra con ironía contenida.".into();
    let augusto = member(
        "augusto",
        "Augusto Pérez",
        &["Augusto"],
        Gender::Male,
        "Joven, ocioso, soñador; habla consigo mismo.",
        "es+m3",
        (0, 0),
    );
    let domingo = member(
        "domingo",
        "Domingo",
        &[],
        Gender::Male,
        "El criado de Augusto; pausado.",
        "es-419+m1",
        (-10, -10),
    );
    let victor = member(
        "victor",
        "Víctor Goti",
        &["Víctor"],
        Gender::Male,
        "Amigo de Augusto; irónico.",
        "es+m2",
        (5, 0),
    );
    let eugenia = Character {
        age: AgeBand::Adult,
        ..member(
            "eugenia",
            "Eugenia Domingo del Arco",
            &["Eugenia"],
            Gender::Female,
            "Profesora de piano; firme.",
            "es+f3",
            (0, 10),
        )
    };
    Cast::new(vec![narrator, augusto, domingo, victor, eugenia]).expect("the demo cast is valid")
}

/// A reviewed entry with its espeak-ng string and respelling.
fn entry(grapheme: &str, ipa: &str, espeak: &str, respelling: &str, locale: &str) -> Entry {
    Entry {
        espeak: Some(espeak.to_owned()),
        respelling: Some(respelling.to_owned()),
        case_sensitive: true,
        status: Status::Approved,
        ..Entry::new(grapheme, ipa, locale)
    }
}

fn hound_pronunciations() -> PronunciationMap {
    PronunciationMap::new(vec![
        entry("Baskerville", "ˈbæskəvɪl", "b'askEvIl", "BASK-er-vil", "en"),
        entry("Mortimer", "ˈmɔːtɪmə", "m'O:tIm@", "MOR-tih-muh", "en"),
        entry("Grimpen", "ˈɡrɪmpən", "gr'Imp@n", "GRIM-pun", "en"),
        entry("Dartmoor", "ˈdɑːtmʊə", "d'A:tmU@", "DART-moor", "en"),
    ])
    .expect("the demo pronunciations are valid")
}

fn niebla_pronunciations() -> PronunciationMap {
    PronunciationMap::new(vec![
        entry("Eugenia", "euˈxenja", "eUx'enja", "eu-JEN-ia", "es"),
        entry(
            "Margarita",
            "maɾɣaˈɾita",
            "marQa**'ita",
            "mar-ga-RI-ta",
            "es",
        ),
    ])
    .expect("the demo pronunciations are valid")
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

    #[test]
    fn demo_casts_and_maps_are_valid() {
        assert_eq!(hound_cast().characters().len(), 4);
        assert_eq!(niebla_cast().characters().len(), 5);
        assert_eq!(hound_pronunciations().entries().len(), 4);
        assert_eq!(niebla_pronunciations().entries().len(), 2);
    }
}
