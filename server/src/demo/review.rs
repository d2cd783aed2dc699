//! The review flags on each demo project's planned chapter: one a producer left open (a question
//! still waiting for an answer), one raised, answered, fixed and verified. They are raised through
//! the store as the demo account, like any colleague's, on the line whose words they quote.

use app::{
    api::{PlanStore, StoreError},
    model::{ChapterId, Principal},
};
use shared::plan::review::{FlagAction, FlagKind, FlagStatus};

use crate::store::SqlStore;

/// A producer's flag on a demo line.
pub(super) struct Note {
    /// Words of the line: the flag goes on the first segment whose text holds them.
    pub(super) line: &'static str,
    /// What is wrong.
    pub(super) kind: FlagKind,
    /// The producer's note.
    pub(super) note: &'static str,
    /// The answer given on it: a flag with one was fixed and heard again (verified), one without
    /// is still open.
    pub(super) answer: Option<&'static str>,
}

/// On chapter 1: who asks about the dog (open), and "Grimpen" in the Medical Directory (verified).
pub(super) const HOUND_NOTES: [Note; 2] = [
    Note {
        line: "how can you possibly be so sure of that?",
        kind: FlagKind::WrongVoice,
        note: "Holmes or Watson? It reads as Watson’s question: Holmes is at the window and \
               answers it, before Mortimer comes up the stairs. Check the speakers of this line \
               and the next before rendering.",
        answer: None,
    },
    Note {
        line: "Grimpen, Dartmoor, Devon.",
        kind: FlagKind::Mispronunciation,
        note: "“Grimpen” came out as “Grime-pen”; it should be GRIM-pun.",
        answer: Some(
            "Added Grimpen to the pronunciation map (GRIM-pun) and auditioned the line again: \
             it reads right now.",
        ),
    },
];

/// On capítulo I: who says "Margarita" (open), and "Eugenia" (verified).
pub(super) const NIEBLA_NOTES: [Note; 2] = [
    Note {
        line: "—¿Yo? Margarita.",
        kind: FlagKind::WrongVoice,
        note: "¿Quién dice esto? Es la portera, Margarita, que no está en el reparto: todo el \
               diálogo con ella pide revisar las voces. ¿La añadimos al reparto con voz propia o \
               la lee el narrador?",
        answer: None,
    },
    Note {
        line: "—Pues se llama doña Eugenia Domingo del Arco.",
        kind: FlagKind::Mispronunciation,
        note: "«Eugenia» suena en cuatro sílabas (E-u-ge-nia); el diptongo va junto: eu-JE-nia.",
        answer: Some(
            "Añadida «Eugenia» al mapa de pronunciación (eu-JEN-ia); vuelta a escuchar, ya \
             suena bien.",
        ),
    },
];

/// Raises `notes` on the planned `chapter` as `who`, and takes the answered ones to verified.
///
/// # Errors
/// When a note's line is not in the chapter (a changed demo text), or the database fails.
pub(super) async fn raise(
    store: &SqlStore,
    who: &Principal,
    chapter: ChapterId,
    notes: &[Note],
) -> Result<(), StoreError> {
    let plan = store.load_plan(who, chapter).await?;
    for note in notes {
        let segment = plan
            .segments
            .iter()
            .find(|segment| segment.text.contains(note.line))
            .ok_or_else(|| anyhow::anyhow!("no segment of the demo chapter reads “{}”", note.line))?
            .id;
        let mut steps = vec![FlagAction::Raise {
            kind: note.kind,
            note: note.note.to_owned(),
        }];
        if let Some(answer) = note.answer {
            steps.extend([
                FlagAction::Comment {
                    text: answer.to_owned(),
                },
                FlagAction::SetStatus {
                    status: FlagStatus::Fixed,
                },
                FlagAction::SetStatus {
                    status: FlagStatus::Verified,
                },
            ]);
        }
        for action in steps {
            store.review_flag(who, chapter, segment, action).await?;
        }
    }
    Ok(())
}
