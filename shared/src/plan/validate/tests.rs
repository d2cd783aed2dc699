//! Tests of `Plan::validate`: one case per rule.

use crate::plan::{
    error::SegmentError,
    limits::EngineLimits,
    segment::{Segment, SegmentId},
    tests::plan_of,
    Plan,
};

const CHAPTER: &str = "Uno dós.  Tres 😀 cuatro. Cinco.";

/// Validates the plan of `CHAPTER` after `change` to its segments.
fn check(change: impl FnOnce(&mut Vec<Segment>), expected: Result<(), SegmentError>) {
    let mut segments = plan_of(CHAPTER, &["Uno dós.", "Tres 😀 cuatro.", "Cinco."]).into_segments();
    change(&mut segments);
    let limits = EngineLimits {
        max_ssml_bytes: 20,
        ssml_overhead: 0.0,
        ..EngineLimits::default()
    };

    assert_eq!(Plan::new(segments).validate(CHAPTER, &limits), expected);
}

#[test]
fn a_plan_from_its_chapter_is_valid_even_with_a_gap() {
    check(|_| {}, Ok(()));
    check(
        |segments| {
            segments.remove(1);
        },
        Ok(()),
    );
}

#[test]
fn validate_reports_the_first_broken_rule() {
    let (one, two) = (SegmentId(1), SegmentId(2));
    check(|s| s.clear(), Err(SegmentError::EmptyPlan));
    check(
        |s| s[1].id = one,
        Err(SegmentError::DuplicateId { id: one }),
    );
    check(
        |s| s[1].end = s[1].start,
        Err(SegmentError::InvertedRange {
            id: two,
            start: 10,
            end: 10,
        }),
    );
    check(
        |s| s[1].start = 7,
        Err(SegmentError::Overlap {
            id: two,
            start: 7,
            previous_end: 8,
        }),
    );
    check(
        |s| s[1].original_text = "Tres 😀 cuatrO.".to_owned(),
        Err(SegmentError::OriginalMismatch {
            id: two,
            start: 10,
            end: 24,
        }),
    );
    check(
        |s| s[1].start = 9,
        Err(SegmentError::OriginalMismatch {
            id: two,
            start: 9,
            end: 24,
        }),
    );
    check(
        |s| s[2].end = 40,
        Err(SegmentError::OffsetPastEnd {
            offset: 40,
            len: 31,
        }),
    );
    check(
        |s| s[1].text = " ".to_owned(),
        Err(SegmentError::EmptyText { id: two }),
    );
    check(
        |s| s[1].text = "Tres, cuatro, cinco y seis.".to_owned(),
        Err(SegmentError::OverByteLimit {
            id: two,
            bytes: 27,
            max_bytes: 20,
        }),
    );
}
