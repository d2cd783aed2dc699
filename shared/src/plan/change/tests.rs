//! Tests of changes replayed on another copy of a plan, and of merging the page's edits with a
//! colleague's.

use super::*;
use crate::plan::{edit::Edit, limits::EngineLimits, tests::plan_of, Plan};

const CHAPTER: &str = "Uno dos. Tres cuatro. Cinco seis. Siete ocho.";

fn base() -> Plan {
    plan_of(
        CHAPTER,
        &["Uno dos.", "Tres cuatro.", "Cinco seis.", "Siete ocho."],
    )
}

/// Applies `edit` to `plan` and gives the change it made.
fn edit(plan: &mut Plan, edit: Edit) -> Change {
    Change::of(
        &plan
            .apply(&edit, CHAPTER, &EngineLimits::default())
            .unwrap(),
    )
}

fn texts(plan: &Plan) -> Vec<&str> {
    plan.segments().iter().map(|s| s.text.as_str()).collect()
}

#[test]
fn edits_of_different_segments_land_in_either_order() {
    let (mut mine, mut theirs) = (base(), base());
    let a = edit(
        &mut mine,
        Edit::Split {
            id: SegmentId(1),
            at: 4,
        },
    );
    let b = edit(&mut theirs, Edit::MergeNext { id: SegmentId(3) });

    mine.apply_change(&b).unwrap();
    theirs.apply_change(&a).unwrap();

    assert_eq!(mine, theirs);
    assert_eq!(
        texts(&mine),
        ["Uno", "dos.", "Tres cuatro.", "Cinco seis. Siete ocho."]
    );
    assert_eq!(mine.validate(CHAPTER, &EngineLimits::default()), Ok(()));
}

#[test]
fn an_edit_of_a_segment_changed_since_clashes_and_changes_nothing() {
    let (mut mine, mut theirs) = (base(), base());
    let a = edit(
        &mut mine,
        Edit::EditText {
            id: SegmentId(2),
            text: "Tres.".into(),
        },
    );
    edit(
        &mut theirs,
        Edit::SetSpeaker {
            id: SegmentId(2),
            speaker: Some("ana".into()),
        },
    );
    let before = theirs.clone();

    let clash = theirs.apply_change(&a);

    assert_eq!(
        clash,
        Err(Clash {
            segments: vec![SegmentId(2)]
        })
    );
    assert_eq!(theirs, before);
}

#[test]
fn an_edit_of_a_segment_merged_away_clashes() {
    let (mut mine, mut theirs) = (base(), base());
    let a = edit(&mut mine, Edit::ToggleRevision { id: SegmentId(2) });
    edit(&mut theirs, Edit::MergeNext { id: SegmentId(1) });

    assert!(theirs.apply_change(&a).is_err());
}

#[test]
fn an_undone_delete_comes_back_after_the_same_segment() {
    let (mut mine, mut theirs) = (base(), base());
    let delete = mine
        .apply(
            &Edit::Delete { id: SegmentId(3) },
            CHAPTER,
            &EngineLimits::default(),
        )
        .unwrap();
    let restore = Change::of(&delete.inverse());
    edit(&mut theirs, Edit::Delete { id: SegmentId(1) });
    theirs.apply_change(&Change::of(&delete)).unwrap();

    theirs.apply_change(&restore).unwrap();

    assert_eq!(
        texts(&theirs),
        ["Tres cuatro.", "Cinco seis.", "Siete ocho."]
    );
}

#[test]
fn an_added_segment_whose_id_is_taken_clashes() {
    let mut mine = base();
    let mut change = edit(
        &mut mine,
        Edit::Split {
            id: SegmentId(1),
            at: 4,
        },
    );
    change.inserted[1].id = SegmentId(4);

    assert_eq!(
        base().apply_change(&change),
        Err(Clash {
            segments: vec![SegmentId(4)]
        })
    );
}

#[test]
fn a_batch_is_applied_whole_or_not_at_all() {
    let mut mine = base();
    let good = edit(&mut mine, Edit::ToggleRevision { id: SegmentId(4) });
    let mut stale = good.clone();
    stale.removed[0].digest = "0000000000000000".into();
    let mut plan = base();

    assert!(plan.apply_changes(&[good, stale]).is_err());
    assert_eq!(plan, base());
}

#[test]
fn a_change_is_small_on_the_wire() {
    let mut mine = base();
    let change = edit(&mut mine, Edit::Delete { id: SegmentId(2) });

    let json = serde_json::to_string(&change).unwrap();

    assert_eq!(
        json,
        format!(
            r#"{{"after":1,"removed":[{{"id":2,"digest":"{}"}}]}}"#,
            change.removed[0].digest
        )
    );
}

#[test]
fn merging_keeps_clean_edits_and_shows_the_clashing_run_side_by_side() {
    let (mut mine, mut theirs) = (base(), base());
    let limits = EngineLimits::default();
    let pending = vec![
        mine.apply(
            &Edit::EditText {
                id: SegmentId(1),
                text: "Uno, dos.".into(),
            },
            CHAPTER,
            &limits,
        )
        .unwrap(),
        mine.apply(
            &Edit::Split {
                id: SegmentId(3),
                at: 6,
            },
            CHAPTER,
            &limits,
        )
        .unwrap(),
    ];
    edit(&mut theirs, Edit::MergeNext { id: SegmentId(3) });

    let merged = merge(theirs.clone(), &mine, &pending);

    assert_eq!(
        texts(&merged.plan),
        ["Uno, dos.", "Tres cuatro.", "Cinco seis. Siete ocho."]
    );
    let [conflict] = merged.conflicts.as_slice() else {
        panic!("one conflict: {merged:?}")
    };
    assert_eq!(
        conflict
            .theirs
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>(),
        ["Cinco seis. Siete ocho."]
    );
    assert_eq!(
        conflict
            .mine
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>(),
        ["Cinco", "seis.", "Siete ocho."]
    );
    let (kept_theirs, to_save) = merged.clone().resolve(&[false]);
    assert_eq!(kept_theirs, merged.plan);
    assert_eq!(to_save.len(), 1, "the clean edit is still to be saved");
    let (kept_mine, to_save) = merged.resolve(&[true]);
    assert_eq!(
        texts(&kept_mine),
        ["Uno, dos.", "Tres cuatro.", "Cinco", "seis.", "Siete ocho."]
    );
    assert_eq!(kept_mine.validate(CHAPTER, &limits), Ok(()));
    let mut stored = theirs;
    stored
        .apply_changes(&to_save.iter().map(Change::of).collect::<Vec<_>>())
        .unwrap();
    assert_eq!(
        stored, kept_mine,
        "the splices to save lead from the stored plan to the result"
    );
}

#[test]
fn the_same_edit_made_twice_is_no_conflict() {
    let (mut mine, mut theirs) = (base(), base());
    let limits = EngineLimits::default();
    let pending = vec![mine
        .apply(&Edit::Delete { id: SegmentId(2) }, CHAPTER, &limits)
        .unwrap()];
    edit(&mut theirs, Edit::Delete { id: SegmentId(2) });

    let merged = merge(theirs.clone(), &mine, &pending);

    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.plan, theirs);
}
