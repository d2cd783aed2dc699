//! Tests of undo and redo through `History`, and of its capacity.

use super::*;
use crate::plan::{
    edit::Edit,
    limits::EngineLimits,
    segment::{Delimiter, Segment, SegmentId},
};

const CHAPTER: &str = "Uno dos. Tres cuatro.";

fn plan() -> Plan {
    let segment = |id, start, end, text: &str| Segment {
        id: SegmentId(id),
        start,
        end,
        delimiter: Delimiter::Sentence,
        text: text.to_owned(),
        original_text: text.to_owned(),
        speaker: None,
        needs_revision: false,
        speaker_locked: false,
        reviewed: false,
        flag: None,
    };
    Plan::new(vec![
        segment(1, 0, 8, "Uno dos."),
        segment(2, 9, 21, "Tres cuatro."),
    ])
}

fn apply(plan: &mut Plan, history: &mut History, edit: Edit) {
    let splice = plan
        .apply(&edit, CHAPTER, &EngineLimits::default())
        .unwrap();
    history.record(splice);
}

#[test]
fn undo_and_redo_walk_back_and_forth_through_edits() {
    let (mut plan, mut history) = (plan(), History::default());
    let start = plan.clone();
    apply(
        &mut plan,
        &mut history,
        Edit::MergeNext { id: SegmentId(1) },
    );
    apply(
        &mut plan,
        &mut history,
        Edit::Split {
            id: SegmentId(1),
            at: 3,
        },
    );
    let end = plan.clone();

    assert!(history.undo(&mut plan).is_some());
    assert!(history.undo(&mut plan).is_some());
    assert_eq!(plan, start);
    assert!(history.undo(&mut plan).is_none());
    assert!(history.redo(&mut plan).is_some());
    assert!(history.redo(&mut plan).is_some());
    assert_eq!(plan, end);
    assert!(history.redo(&mut plan).is_none());
}

#[test]
fn recording_an_edit_clears_the_redo_stack() {
    let (mut plan, mut history) = (plan(), History::default());
    apply(
        &mut plan,
        &mut history,
        Edit::ToggleRevision { id: SegmentId(1) },
    );
    history.undo(&mut plan);

    apply(
        &mut plan,
        &mut history,
        Edit::ToggleRevision { id: SegmentId(2) },
    );

    assert!(!history.can_redo());
    assert!(history.can_undo());
}

#[test]
fn history_forgets_the_oldest_step_past_its_capacity() {
    let (mut plan, mut history) = (plan(), History::new(2));
    for _ in 0..3 {
        apply(
            &mut plan,
            &mut history,
            Edit::ToggleRevision { id: SegmentId(1) },
        );
    }

    assert!(history.undo(&mut plan).is_some());
    assert!(history.undo(&mut plan).is_some());
    assert!(history.undo(&mut plan).is_none());
    assert!(plan.segments()[0].needs_revision);
}

#[test]
fn history_keeps_at_least_one_step() {
    let (mut plan, mut history) = (plan(), History::new(0));
    apply(
        &mut plan,
        &mut history,
        Edit::ToggleRevision { id: SegmentId(1) },
    );

    assert!(history.undo(&mut plan).is_some());
    assert!(!plan.segments()[0].needs_revision);
}

#[test]
fn clear_forgets_undo_and_redo() {
    let (mut plan, mut history) = (plan(), History::default());
    apply(
        &mut plan,
        &mut history,
        Edit::ToggleRevision { id: SegmentId(1) },
    );
    apply(
        &mut plan,
        &mut history,
        Edit::ToggleRevision { id: SegmentId(2) },
    );
    history.undo(&mut plan);

    history.clear();

    assert!(!history.can_undo());
    assert!(!history.can_redo());
}
