use std::collections::HashSet;

use app::{
    api::Accounts,
    model::{ChapterStatus, Principal},
};
use shared::{plan::review::FlagStatus, CharacterId};

use super::*;
use crate::{
    accounts::{SqlAccounts, DEMO_EMAIL, DEMO_PASSWORD},
    db::Db,
};

/// A fresh SQLite database seeded as at a first start with the demo on; the folder (keep it while
/// the store is used), the store and the demo account.
async fn seeded() -> (tempfile::TempDir, SqlStore, Principal) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let url = format!("sqlite://{}/demo.db?mode=rwc", dir.path().display());
    let db = Db::connect(&url).await.expect("a database");
    let store = SqlStore::new(db.clone());
    let accounts = SqlAccounts::new(db, store.clone(), true);
    accounts.prepare().await.expect("the demo is seeded");
    let token = accounts
        .sign_in(DEMO_EMAIL.into(), DEMO_PASSWORD.into(), None)
        .await
        .expect("the demo account signs in");
    let who = accounts
        .principal(&token.0)
        .await
        .expect("a session")
        .expect("a live session");
    (dir, store, who)
}

#[test]
fn demo_texts_split_into_their_chapters() {
    let hound: Vec<_> = HOUND.iter().flat_map(|text| chapters(text)).collect();
    let niebla = chapters(NIEBLA);

    assert_eq!(
        hound.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(),
        [
            "Chapter 1. Mr. Sherlock Holmes",
            "Chapter 2. The Curse of the Baskervilles",
            "Chapter 3. The Problem"
        ]
    );
    assert!(hound[1]
        .1
        .trim_start()
        .starts_with("“I have in my pocket a manuscript,” said Dr. James Mortimer.\n"));
    assert!(hound[1]
        .1
        .trim_end()
        .ends_with("“Mr. Holmes, they were the footprints of a gigantic hound!”"));
    assert!(hound[2]
        .1
        .trim_end()
        .ends_with("Dr. Mortimer and Sir Henry Baskerville in the morning.”"));
    for (title, body) in &hound {
        assert!(
            !body.contains("Gutenberg") && !body.contains("***") && !body.contains("\n\n\n"),
            "{title}: only the novel's text, one paragraph a line"
        );
    }
    assert_eq!(
        niebla.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(),
        ["I", "II", "III"]
    );
}

#[test]
fn demo_casts_and_maps_are_valid_and_each_character_has_a_voice_of_its_own() {
    for (cast, members) in [(hound_cast(), 4), (niebla_cast(), 5)] {
        let voices: HashSet<_> = cast
            .characters()
            .iter()
            .map(|c| {
                (
                    c.voice.engine,
                    &c.voice.voice_id,
                    c.voice.rate,
                    c.voice.pitch,
                )
            })
            .collect();
        assert_eq!(cast.characters().len(), members);
        assert_eq!(voices.len(), members, "two characters share a voice");
    }
    assert_eq!(hound_pronunciations().entries().len(), 4);
    assert_eq!(niebla_pronunciations().entries().len(), 2);
}

#[tokio::test]
async fn each_demo_project_has_its_first_chapter_as_a_producer_left_it_and_the_rest_to_do() {
    let (_dir, store, who) = seeded().await;
    let projects = store.list_projects(&who).await.expect("the projects");
    let narrator = CharacterId::narrator().0;

    assert_eq!(projects.len(), 2);
    for project in projects {
        let chapters = store
            .list_chapters(&who, project.id)
            .await
            .expect("chapters");
        let plan = store.load_plan(&who, chapters[0].id).await.expect("a plan");
        let (notes, reviewed) = match plan.language {
            Language::En => (&HOUND_NOTES, HOUND_REVIEWED),
            Language::Es => (&NIEBLA_NOTES, NIEBLA_REVIEWED),
        };
        let name = &project.name;

        assert_eq!(chapters.len(), 3, "{name}");
        assert_eq!(chapters[0].status, ChapterStatus::Planned, "{name}");
        for later in &chapters[1..] {
            let unplanned = store.load_plan(&who, later.id).await.expect("a chapter");
            assert_eq!(later.status, ChapterStatus::TextOnly, "{}", later.title);
            assert!(unplanned.segments.is_empty(), "{}", later.title);
        }

        let spoken: Vec<&str> = plan
            .segments
            .iter()
            .filter_map(|s| s.speaker.as_deref())
            .filter(|&speaker| speaker != narrator)
            .collect();
        let voices: HashSet<&str> = spoken.iter().copied().collect();
        assert!(spoken.len() >= 20, "{name}: {} lines spoken", spoken.len());
        assert!(voices.len() >= 2, "{name}: {voices:?}");
        assert!(
            voices
                .iter()
                .all(|&id| plan.cast.iter().any(|c| c.id.0 == id)),
            "{name}: {voices:?}"
        );

        let marked: Vec<bool> = plan.segments.iter().map(|s| s.reviewed).collect();
        assert_eq!(marked.iter().filter(|&&r| r).count(), reviewed, "{name}");
        assert!(
            marked[..reviewed].iter().all(|&r| r),
            "{name}: from the start"
        );

        let flagged: Vec<_> = plan
            .segments
            .iter()
            .filter_map(|s| s.flag.as_ref().map(|flag| (s, flag)))
            .collect();
        let open: Vec<_> = flagged.iter().filter(|(_, f)| f.is_open()).collect();
        let verified: Vec<_> = flagged
            .iter()
            .filter(|(_, f)| f.status == FlagStatus::Verified)
            .collect();
        assert_eq!(flagged.len(), 2, "{name}");
        assert_eq!((open.len(), verified.len()), (1, 1), "{name}");
        let (open, verified) = (open[0], verified[0]);
        assert!(
            open.0.text.contains(notes[0].line),
            "{name}: {}",
            open.0.text
        );
        assert!(verified.0.text.contains(notes[1].line), "{name}");
        assert!(
            open.0.needs_revision && !verified.0.needs_revision,
            "{name}"
        );
        assert!(
            open.1.comments.is_empty(),
            "{name}: a question still unanswered"
        );
        assert_eq!(verified.1.comments.len(), 1, "{name}: the answer");
        for (segment, flag) in [open, verified] {
            assert!(
                segment.text.starts_with(['“', '—']),
                "{name}: a line of dialogue, not narration: {}",
                segment.text
            );
            assert_eq!(flag.note, flag.note.trim(), "{name}");
            assert!(!flag.note.is_empty(), "{name}");
            assert_eq!(
                (flag.raised_by.as_str(), flag.updated_by.as_str()),
                ("Demo producer", "Demo producer"),
                "{name}: signed by the account that seeded it"
            );
        }
    }
}

#[tokio::test]
async fn niebla_reviewed_segments_do_not_give_a_line_to_eugenia_who_is_silent_in_chapter_one() {
    let (_dir, store, who) = seeded().await;
    let projects = store.list_projects(&who).await.expect("the projects");
    let niebla = projects
        .iter()
        .find(|p| p.name.starts_with("Niebla"))
        .expect("Niebla");
    let chapter = niebla.first_chapter.expect("a first chapter");
    let plan = store.load_plan(&who, chapter).await.expect("the plan");

    let reviewed: Vec<_> = plan.segments.iter().filter(|s| s.reviewed).collect();

    assert!(!reviewed.is_empty());
    assert!(
        reviewed
            .iter()
            .all(|s| s.speaker.as_deref() != Some("eugenia")),
        "{reviewed:?}"
    );
}
