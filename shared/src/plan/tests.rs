//! Tests of `Plan` edits that touch one segment (delete, text, speaker, revision), of ids and of
//! splices; split, merge and validate have theirs at the bottom of their own files.

use super::*;
use crate::plan::{edit::Edit, segment::Delimiter, splice::Splice};

/// A plan whose segments are `pieces`, found in order in `chapter`, with ids 1, 2, 3, ...
pub(in crate::plan) fn plan_of(chapter: &str, pieces: &[&str]) -> Plan {
    let mut from = 0;
    let segments = pieces
        .iter()
        .enumerate()
        .map(|(i, piece)| {
            let byte = from + chapter[from..].find(piece).unwrap();
            from = byte + piece.len();
            let start = chapter[..byte].chars().count();
            Segment {
                id: SegmentId(u32::try_from(i).unwrap() + 1),
                start,
                end: start + piece.chars().count(),
                delimiter: Delimiter::Sentence,
                text: (*piece).to_owned(),
                original_text: (*piece).to_owned(),
                speaker: None,
                needs_revision: false,
                speaker_locked: false,
                reviewed: false,
                flag: None,
            }
        })
        .collect();
    Plan::new(segments)
}

const CHAPTER: &str = "Uno dos.  Tres cuatro. Cinco.";

fn plan() -> Plan {
    plan_of(CHAPTER, &["Uno dos.", "Tres cuatro.", "Cinco."])
}

fn apply(plan: &mut Plan, edit: Edit) -> Result<Splice, SegmentError> {
    plan.apply(&edit, CHAPTER, &EngineLimits::default())
}

/// Applies `edit` to a fresh plan and checks the result: the segment it changes (by id), or
/// the error, with the plan unchanged.
fn check(edit: Edit, expected: Result<Segment, SegmentError>) {
    let mut plan = plan();
    let before = plan.clone();

    let result = apply(&mut plan, edit.clone());

    match expected {
        Ok(segment) => {
            assert!(result.is_ok(), "{edit:?} gave {result:?}");
            let index = plan.index_of(segment.id).unwrap();
            assert_eq!(plan.segments()[index], segment, "{edit:?}");
        }
        Err(error) => {
            assert_eq!(result, Err(error), "{edit:?}");
            assert_eq!(plan, before, "{edit:?} changed the plan");
        }
    }
}

fn second_with(change: impl FnOnce(&mut Segment)) -> Segment {
    let mut segment = plan().segments()[1].clone();
    change(&mut segment);
    segment
}

#[test]
fn every_edit_refuses_an_unknown_id() {
    let id = SegmentId(99);
    for edit in [
        Edit::Split { id, at: 1 },
        Edit::MergeNext { id },
        Edit::MergePrevious { id },
        Edit::Delete { id },
        Edit::EditText {
            id,
            text: "x".to_owned(),
        },
        Edit::SetSpeaker { id, speaker: None },
        Edit::ToggleRevision { id },
    ] {
        check(edit, Err(SegmentError::UnknownSegment { id }));
    }
}

#[test]
fn delete_removes_the_segment_but_never_the_last_one() {
    let mut plan = plan();

    apply(&mut plan, Edit::Delete { id: SegmentId(2) }).unwrap();
    apply(&mut plan, Edit::Delete { id: SegmentId(1) }).unwrap();
    let last = apply(&mut plan, Edit::Delete { id: SegmentId(3) });

    assert_eq!(last, Err(SegmentError::LastSegment));
    assert_eq!(plan.segments().len(), 1);
    assert_eq!(plan.segments()[0].id, SegmentId(3));
}

#[test]
fn edit_text_replaces_the_text_only() {
    check(
        Edit::EditText {
            id: SegmentId(2),
            text: "Tres, cuatro.".to_owned(),
        },
        Ok(second_with(|s| s.text = "Tres, cuatro.".to_owned())),
    );
}

#[test]
fn edit_text_refuses_blank_or_oversize_text() {
    let id = SegmentId(2);
    check(
        Edit::EditText {
            id,
            text: " \n ".to_owned(),
        },
        Err(SegmentError::EmptyText { id }),
    );
    let limits = EngineLimits::default();
    let long = "palabra ".repeat(10_000);
    let mut plan = plan();

    let result = plan.apply(
        &Edit::EditText {
            id,
            text: long.clone(),
        },
        CHAPTER,
        &limits,
    );

    assert_eq!(result, Err(limits.check(id, &long).unwrap_err()));
    assert!(matches!(result, Err(SegmentError::OverByteLimit { .. })));
}

#[test]
fn editing_back_to_the_original_leaves_the_segment_unedited() {
    let mut plan = plan();
    let id = SegmentId(1);

    apply(
        &mut plan,
        Edit::EditText {
            id,
            text: "Uno, dos.".to_owned(),
        },
    )
    .unwrap();
    assert!(plan.segments()[0].is_edited());
    apply(
        &mut plan,
        Edit::EditText {
            id,
            text: "Uno dos.".to_owned(),
        },
    )
    .unwrap();

    assert!(!plan.segments()[0].is_edited());
}

#[test]
fn set_speaker_trims_and_clears_blank_names_and_locks_a_hand_picked_speaker() {
    let speaker = |name: Option<&str>| Edit::SetSpeaker {
        id: SegmentId(2),
        speaker: name.map(str::to_owned),
    };
    check(
        speaker(Some("  Augusto ")),
        Ok(second_with(|s| {
            s.speaker = Some("Augusto".to_owned());
            s.speaker_locked = true;
        })),
    );
    check(speaker(Some("   ")), Ok(second_with(|s| s.speaker = None)));
    check(speaker(None), Ok(second_with(|s| s.speaker = None)));
}

#[test]
fn toggle_revision_flips_the_flag() {
    check(
        Edit::ToggleRevision { id: SegmentId(2) },
        Ok(second_with(|s| s.needs_revision = true)),
    );
}

#[test]
fn an_edit_that_changes_nothing_still_gives_a_splice() {
    let mut plan = plan();

    let splice = apply(
        &mut plan,
        Edit::SetSpeaker {
            id: SegmentId(1),
            speaker: None,
        },
    )
    .unwrap();

    assert_eq!(splice.removed, splice.inserted);
    assert_eq!(plan, self::plan());
}

#[test]
fn replaying_the_inverse_of_a_splice_restores_the_plan() {
    let mut plan = plan();
    let before = plan.clone();

    let splice = apply(&mut plan, Edit::MergeNext { id: SegmentId(1) }).unwrap();
    let after = plan.clone();
    plan.replay(&splice.inverse());
    assert_eq!(plan, before);
    plan.replay(&splice);

    assert_eq!(plan, after);
    assert_eq!(splice.inverse().inverse(), splice);
}

#[test]
fn a_splice_whose_segments_changed_since_is_not_replayed() {
    let mut plan = plan();
    let mut stale = plan.segments().to_vec();
    stale[1].text = "Changed since.".to_owned();
    let changed = Splice::new(1, stale[1..].to_vec(), Vec::new());
    let mut ghost = plan_of(CHAPTER, &["Uno"]).into_segments();
    ghost[0].id = SegmentId(9);
    let gone = Splice::new(7, ghost, Vec::new());

    assert!(!plan.replay(&changed));
    assert!(!plan.replay(&gone));

    assert_eq!(plan, self::plan());
}

#[test]
fn a_splice_is_found_by_its_ids_after_edits_before_it() {
    let mut plan = plan();
    let splice = apply(&mut plan, Edit::Delete { id: SegmentId(3) }).unwrap();
    apply(&mut plan, Edit::Delete { id: SegmentId(1) }).unwrap();

    assert!(
        plan.replay(&splice.inverse()),
        "the undo of a delete finds its place"
    );

    let ids: Vec<_> = plan.segments().iter().map(|s| s.id.0).collect();
    assert_eq!(ids, [2, 3]);
}

#[test]
fn next_id_is_one_more_than_the_largest() {
    assert_eq!(Plan::default().next_id(), SegmentId(1));
    assert_eq!(plan().next_id(), SegmentId(4));
    let mut plan = plan();
    apply(&mut plan, Edit::Delete { id: SegmentId(2) }).unwrap();
    assert_eq!(plan.next_id(), SegmentId(4));
}

#[test]
fn next_id_finds_a_free_id_when_the_largest_is_taken() {
    let mut segments = plan().into_segments();
    segments[1].id = SegmentId(u32::MAX);

    assert_eq!(Plan::new(segments).next_id(), SegmentId(2));
}

#[test]
fn edits_serialise_with_an_op_tag() {
    let edit = Edit::Split {
        id: SegmentId(3),
        at: 10,
    };

    let json = serde_json::to_string(&edit).unwrap();

    assert_eq!(json, r#"{"op":"split","id":3,"at":10}"#);
    assert_eq!(serde_json::from_str::<Edit>(&json).unwrap(), edit);
}

#[test]
fn speakers_must_be_in_the_cast() {
    let mut segments =
        crate::plan::segmenter::segment_chapter("One.\n\nTwo.", &EngineLimits::default());
    segments[0].speaker = Some("narrator".into());
    let cast = crate::cast::Cast::with_narrator(crate::text::language::Language::En);
    assert_eq!(Plan::new(segments.clone()).check_speakers(&cast), Ok(()));
    segments[1].speaker = Some("moriarty".into());
    assert_eq!(
        Plan::new(segments.clone()).check_speakers(&cast),
        Err(SegmentError::UnknownSpeaker {
            id: segments[1].id,
            speaker: "moriarty".into()
        })
    );
}

#[test]
fn assigning_speakers_keeps_hand_picked_ones_and_undoes_in_one_step() {
    let text = "One.\n\nTwo.\n\nThree.";
    let limits = EngineLimits::default();
    let mut plan = Plan::new(crate::plan::segmenter::segment_chapter(text, &limits));
    let ids: Vec<_> = plan.segments().iter().map(|s| s.id).collect();
    plan.apply(
        &Edit::SetSpeaker {
            id: ids[1],
            speaker: Some("holmes".into()),
        },
        text,
        &limits,
    )
    .unwrap();
    let before = plan.clone();

    let splice = plan
        .apply(
            &Edit::AssignSpeakers {
                speakers: ids
                    .iter()
                    .map(|&id| (id, Some("narrator".into())))
                    .collect(),
            },
            text,
            &limits,
        )
        .unwrap();

    let speakers: Vec<_> = plan
        .segments()
        .iter()
        .map(|s| s.speaker.as_deref())
        .collect();
    assert_eq!(
        speakers,
        [Some("narrator"), Some("holmes"), Some("narrator")]
    );
    assert!(plan.segments()[1].speaker_locked);
    assert!(!plan.segments()[0].speaker_locked);
    plan.replay_inverse(&splice);
    assert_eq!(plan, before);
    let unknown = plan.apply(
        &Edit::AssignSpeakers {
            speakers: vec![(SegmentId(999), None)],
        },
        text,
        &limits,
    );
    assert_eq!(
        unknown,
        Err(SegmentError::UnknownSegment { id: SegmentId(999) })
    );
    assert_eq!(plan, before);
}

#[test]
fn a_flag_is_raised_fixed_and_verified_and_only_an_open_one_blocks_sign_off() {
    use crate::plan::review::{FlagKind, FlagStatus};
    let text = "One.\n\nTwo.";
    let limits = EngineLimits::default();
    let mut plan = Plan::new(crate::plan::segmenter::segment_chapter(text, &limits));
    for segment in plan.segments().to_vec() {
        plan.apply(
            &Edit::SetSpeaker {
                id: segment.id,
                speaker: Some("narrator".into()),
            },
            text,
            &limits,
        )
        .unwrap();
    }
    let id = plan.segments()[1].id;
    let status = |status, at| Edit::SetFlagStatus {
        id,
        status,
        at,
        by: " Luis ".into(),
    };

    assert_eq!(
        plan.apply(&status(FlagStatus::Fixed, 1), text, &limits),
        Err(SegmentError::NoFlag { id })
    );
    plan.apply(
        &Edit::RaiseFlag {
            id,
            kind: FlagKind::Mispronunciation,
            note: " Say \"Baskerville\" with stress on the first syllable ".into(),
            at: 10,
            by: "Ana".into(),
        },
        text,
        &limits,
    )
    .unwrap();
    let flag = plan.segments()[1].flag.clone().unwrap();
    assert!(flag.is_open() && plan.segments()[1].needs_revision);
    assert_eq!(
        flag.note,
        "Say \"Baskerville\" with stress on the first syllable"
    );
    assert_eq!(crate::signoff::blockers(plan.segments(), &[], &[]).len(), 1);

    plan.apply(&status(FlagStatus::Fixed, 20), text, &limits)
        .unwrap();
    assert!(crate::signoff::blockers(plan.segments(), &[], &[]).is_empty());
    assert!(
        plan.segments()[1].needs_revision,
        "fixed but not yet verified"
    );
    plan.apply(&status(FlagStatus::Verified, 30), text, &limits)
        .unwrap();
    let verified = &plan.segments()[1];
    assert!(!verified.needs_revision);
    assert_eq!(
        verified.flag.as_ref().map(|f| (f.raised_at, f.updated_at)),
        Some((10, 30))
    );
    assert_eq!(
        verified
            .flag
            .as_ref()
            .map(|f| (f.raised_by.as_str(), f.updated_by.as_str())),
        Some(("Ana", "Luis"))
    );
    let json = serde_json::to_value(verified).unwrap();
    assert_eq!(json["flag"]["kind"], "mispronunciation");
    assert_eq!(json["flag"]["status"], "verified");
}

#[test]
fn a_flag_carries_a_conversation_of_signed_comments() {
    use crate::plan::review::{FlagAction, FlagComment, FlagKind, FlagStatus, FLAG_TEXT_MAX};
    let mut plan = plan();
    let id = plan.segments()[0].id;
    let comment = |text: &str| FlagAction::Comment { text: text.into() }.edit(id, 5, " Edna ");
    assert_eq!(
        apply(&mut plan, comment("louder?")),
        Err(SegmentError::NoFlag { id })
    );
    let raise = FlagAction::Raise {
        kind: FlagKind::Pacing,
        note: "rushed".into(),
    };
    apply(&mut plan, raise.edit(id, 1, "Ana")).unwrap();
    let before = plan.clone();
    assert_eq!(
        apply(&mut plan, comment("  \n ")),
        Err(SegmentError::EmptyComment { id })
    );
    let long = "a".repeat(FLAG_TEXT_MAX + 1);
    assert_eq!(
        apply(&mut plan, comment(&long)),
        Err(SegmentError::FlagTextTooLong { max: FLAG_TEXT_MAX })
    );
    assert_eq!(plan, before, "a refused comment changes nothing");

    apply(&mut plan, comment(" slower at the end ")).unwrap();
    apply(
        &mut plan,
        FlagAction::SetStatus {
            status: FlagStatus::Fixed,
        }
        .edit(id, 9, "Luis"),
    )
    .unwrap();
    let flag = plan.segments()[0].flag.clone().unwrap();
    assert_eq!(
        flag.comments,
        vec![FlagComment {
            by: "Edna".into(),
            at: 5,
            text: "slower at the end".into()
        }]
    );
    assert_eq!(
        (flag.status, flag.updated_by.as_str()),
        (FlagStatus::Fixed, "Luis")
    );
    let raised_again = FlagAction::Raise {
        kind: FlagKind::Other,
        note: long,
    };
    assert_eq!(
        apply(&mut plan, raised_again.edit(id, 10, "Ana")),
        Err(SegmentError::FlagTextTooLong { max: FLAG_TEXT_MAX })
    );
}

#[test]
fn several_rows_get_one_speaker_by_hand_in_one_splice() {
    let mut plan = plan();
    let before = plan.clone();
    let splice = apply(
        &mut plan,
        Edit::SetSpeakers {
            ids: vec![SegmentId(3), SegmentId(1)],
            speaker: Some(" holmes ".into()),
        },
    )
    .unwrap();
    let speakers: Vec<_> = plan
        .segments()
        .iter()
        .map(|s| (s.speaker.as_deref(), s.speaker_locked))
        .collect();
    assert_eq!(
        speakers,
        [
            (Some("holmes"), true),
            (None, false),
            (Some("holmes"), true)
        ]
    );
    assert_eq!((splice.at, splice.removed.len()), (0, 3));
    plan.replay_inverse(&splice);
    assert_eq!(plan, before);
    // One unknown id refuses the whole edit.
    let refused = apply(
        &mut plan,
        Edit::SetSpeakers {
            ids: vec![SegmentId(1), SegmentId(9)],
            speaker: None,
        },
    );
    assert_eq!(
        refused,
        Err(SegmentError::UnknownSegment { id: SegmentId(9) })
    );
    assert_eq!(plan, before);
}

#[test]
fn a_text_change_clears_reviewed_and_other_edits_keep_it() {
    let mut plan = plan();
    let all: Vec<_> = plan.segments().iter().map(|s| s.id).collect();
    apply(
        &mut plan,
        Edit::SetReviewed {
            ids: all,
            reviewed: true,
        },
    )
    .unwrap();
    assert!(plan.segments().iter().all(|s| s.reviewed));
    apply(
        &mut plan,
        Edit::SetSpeaker {
            id: SegmentId(1),
            speaker: Some("narrator".into()),
        },
    )
    .unwrap();
    assert!(plan.segments()[0].reviewed, "a speaker change keeps it");
    apply(
        &mut plan,
        Edit::EditText {
            id: SegmentId(1),
            text: "Uno, dos.".into(),
        },
    )
    .unwrap();
    assert!(!plan.segments()[0].reviewed);
    apply(&mut plan, Edit::MergeNext { id: SegmentId(2) }).unwrap();
    let reviewed: Vec<_> = plan.segments().iter().map(|s| s.reviewed).collect();
    assert_eq!(reviewed, [false, false]);
}
