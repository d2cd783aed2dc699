//! Tests of `Edit::MergeNext` and `Edit::MergePrevious`.

use crate::plan::{
    edit::Edit,
    error::SegmentError,
    limits::EngineLimits,
    segment::{Delimiter, Segment, SegmentId},
    tests::plan_of,
    Plan,
};

const CHAPTER: &str = "Uno dos.  Tres cuatro. Cinco.";

fn plan() -> Plan {
    plan_of(CHAPTER, &["Uno dos.", "Tres cuatro.", "Cinco."])
}

/// Applies `edit` to `plan` and checks the segments' (id, text, start, end), or the error
/// with the plan unchanged.
fn check(
    mut plan: Plan,
    edit: Edit,
    limits: &EngineLimits,
    expected: Result<&[(u32, &str, usize, usize)], SegmentError>,
) {
    let before = plan.clone();

    let result = plan.apply(&edit, CHAPTER, limits);

    match expected {
        Ok(segments) => {
            assert!(result.is_ok(), "{edit:?} gave {result:?}");
            let got: Vec<_> = plan
                .segments()
                .iter()
                .map(|s| (s.id.0, s.text.as_str(), s.start, s.end))
                .collect();
            assert_eq!(got, segments, "{edit:?}");
            assert_eq!(plan.validate(CHAPTER, limits), Ok(()));
        }
        Err(error) => {
            assert_eq!(result, Err(error), "{edit:?}");
            assert_eq!(plan, before);
        }
    }
}

#[test]
fn merges_join_neighbours_with_the_chapter_whitespace_between_them() {
    let limits = EngineLimits::default();
    let merged_first: &[_] = &[(1, "Uno dos.  Tres cuatro.", 0, 22), (3, "Cinco.", 23, 29)];
    check(
        plan(),
        Edit::MergeNext { id: SegmentId(1) },
        &limits,
        Ok(merged_first),
    );
    check(
        plan(),
        Edit::MergePrevious { id: SegmentId(2) },
        &limits,
        Ok(merged_first),
    );
    check(
        plan(),
        Edit::MergePrevious { id: SegmentId(3) },
        &limits,
        Ok(&[(1, "Uno dos.", 0, 8), (2, "Tres cuatro. Cinco.", 10, 29)]),
    );
}

#[test]
fn merge_refuses_a_missing_neighbour() {
    let limits = EngineLimits::default();
    let (first, last) = (SegmentId(1), SegmentId(3));
    check(
        plan(),
        Edit::MergeNext { id: last },
        &limits,
        Err(SegmentError::NoNextSegment { id: last }),
    );
    check(
        plan(),
        Edit::MergePrevious { id: first },
        &limits,
        Err(SegmentError::NoPreviousSegment { id: first }),
    );
}

#[test]
fn merge_refuses_a_result_over_the_limit() {
    let limits = EngineLimits {
        max_ssml_bytes: 20,
        ssml_overhead: 0.0,
        ..EngineLimits::default()
    };
    let error = SegmentError::OverByteLimit {
        id: SegmentId(1),
        bytes: 22,
        max_bytes: 20,
    };

    check(
        plan(),
        Edit::MergeNext { id: SegmentId(1) },
        &limits,
        Err(error),
    );
}

#[test]
fn merge_refuses_offsets_past_the_end_of_the_chapter() {
    let mut segments = plan().into_segments();
    segments[1].end = 40;
    let error = SegmentError::OffsetPastEnd {
        offset: 40,
        len: 29,
    };

    check(
        Plan::new(segments),
        Edit::MergeNext { id: SegmentId(1) },
        &EngineLimits::default(),
        Err(error),
    );
}

#[test]
fn merge_keeps_the_first_id_and_speaker_and_the_second_delimiter() {
    let limits = EngineLimits::default();
    let mut plan = plan();
    let edits = [
        Edit::SetSpeaker {
            id: SegmentId(1),
            speaker: Some("Augusto".to_owned()),
        },
        Edit::SetSpeaker {
            id: SegmentId(2),
            speaker: Some("Víctor".to_owned()),
        },
        Edit::ToggleRevision { id: SegmentId(2) },
        Edit::EditText {
            id: SegmentId(1),
            text: "UNO dos.".to_owned(),
        },
    ];
    for edit in &edits {
        plan.apply(edit, CHAPTER, &limits).unwrap();
    }
    let mut segments = plan.into_segments();
    segments[1].delimiter = Delimiter::Paragraph;
    let mut plan = Plan::new(segments);

    plan.apply(&Edit::MergeNext { id: SegmentId(1) }, CHAPTER, &limits)
        .unwrap();

    let expected = Segment {
        id: SegmentId(1),
        start: 0,
        end: 22,
        delimiter: Delimiter::Paragraph,
        text: "UNO dos.  Tres cuatro.".to_owned(),
        original_text: "Uno dos.  Tres cuatro.".to_owned(),
        speaker: Some("Augusto".to_owned()),
        needs_revision: true,
        speaker_locked: true,
        reviewed: false,
        flag: None,
    };
    assert_eq!(plan.segments()[0], expected);
}

#[test]
fn merging_across_a_deleted_segment_brings_its_text_back() {
    let limits = EngineLimits::default();
    let mut plan = plan();
    plan.apply(&Edit::Delete { id: SegmentId(2) }, CHAPTER, &limits)
        .unwrap();

    check(
        plan,
        Edit::MergeNext { id: SegmentId(1) },
        &limits,
        Ok(&[(1, "Uno dos.  Tres cuatro. Cinco.", 0, 29)]),
    );
}
