//! Tests of `Edit::Split`: snapping, trimming, offsets, ids and edited segments.

use crate::plan::{
    edit::Edit,
    error::SegmentError,
    limits::EngineLimits,
    segment::{Delimiter, SegmentId},
    tests::plan_of,
    Plan,
};

/// Splits the only segment of `chapter` at `at` and checks the two halves as
/// (text, start, end), or the error with the plan unchanged.
fn check(chapter: &str, at: usize, expected: Result<[(&str, usize, usize); 2], SegmentError>) {
    let mut plan = plan_of(chapter, &[chapter]);
    check_plan(&mut plan, chapter, at, expected);
}

fn check_plan(
    plan: &mut Plan,
    chapter: &str,
    at: usize,
    expected: Result<[(&str, usize, usize); 2], SegmentError>,
) {
    let before = plan.clone();
    let edit = Edit::Split {
        id: SegmentId(1),
        at,
    };

    let result = plan.apply(&edit, chapter, &EngineLimits::default());

    match expected {
        Ok(halves) => {
            assert!(result.is_ok(), "split at {at} gave {result:?}");
            let got: Vec<_> = plan
                .segments()
                .iter()
                .map(|s| (s.text.as_str(), s.start, s.end))
                .collect();
            assert_eq!(got, halves, "split {chapter:?} at {at}");
            assert_eq!(plan.validate(chapter, &EngineLimits::default()), Ok(()));
        }
        Err(error) => {
            assert_eq!(result, Err(error), "split {chapter:?} at {at}");
            assert_eq!(*plan, before);
        }
    }
}

#[test]
fn split_snaps_to_the_nearest_word_boundary_and_trims_the_halves() {
    let chapter = "Hola, Pérez dijo.";
    let halves = Ok([("Hola,", 0, 5), ("Pérez dijo.", 6, 17)]);
    check(chapter, 5, halves.clone());
    check(chapter, 6, halves.clone());
    check(chapter, 8, halves);
    check(chapter, 10, Ok([("Hola, Pérez", 0, 11), ("dijo.", 12, 17)]));
    check(chapter, 13, Ok([("Hola, Pérez", 0, 11), ("dijo.", 12, 17)]));
}

#[test]
fn split_counts_emoji_as_one_character() {
    let chapter = "Sí 😀😀 claro.";
    check(chapter, 3, Ok([("Sí", 0, 2), ("😀😀 claro.", 3, 12)]));
    check(chapter, 5, Ok([("Sí 😀😀", 0, 5), ("claro.", 6, 12)]));
    check(chapter, 6, Ok([("Sí 😀😀", 0, 5), ("claro.", 6, 12)]));
}

#[test]
fn split_maps_offsets_into_the_chapter() {
    let chapter = "Título\n\nEl señor   Pérez llegó.";
    let mut plan = plan_of(chapter, &["El señor   Pérez llegó."]);

    check_plan(
        &mut plan,
        chapter,
        9,
        Ok([("El señor", 8, 16), ("Pérez llegó.", 19, 31)]),
    );
}

#[test]
fn split_refuses_an_empty_half() {
    let id = SegmentId(1);
    let empty = |offset| Err(SegmentError::SplitLeavesEmptyHalf { id, offset });
    check("Hola mundo", 0, empty(0));
    check("Hola mundo", 1, empty(0));
    check("Hola mundo", 10, empty(10));
    check("Hola mundo", 9, empty(10));
}

#[test]
fn split_refuses_an_offset_past_the_end() {
    check(
        "Pérez",
        6,
        Err(SegmentError::OffsetPastEnd { offset: 6, len: 5 }),
    );
}

#[test]
fn split_keeps_the_id_on_the_first_half_and_gives_the_second_a_new_one() {
    let chapter = "Uno dos. Tres cuatro.";
    let mut plan = plan_of(chapter, &["Uno dos.", "Tres cuatro."]);
    let limits = EngineLimits::default();
    plan.apply(&Edit::ToggleRevision { id: SegmentId(2) }, chapter, &limits)
        .unwrap();
    let speaker = Some("Víctor".to_owned());
    plan.apply(
        &Edit::SetSpeaker {
            id: SegmentId(2),
            speaker: speaker.clone(),
        },
        chapter,
        &limits,
    )
    .unwrap();

    plan.apply(
        &Edit::Split {
            id: SegmentId(2),
            at: 5,
        },
        chapter,
        &limits,
    )
    .unwrap();

    let [_, first, second] = plan.segments() else {
        panic!("expected three segments: {plan:?}");
    };
    assert_eq!(
        (first.id, first.delimiter),
        (SegmentId(2), Delimiter::Manual)
    );
    assert_eq!(
        (second.id, second.delimiter),
        (
            SegmentId(Plan::SPLIT_IDS + u32::try_from(second.start).unwrap()),
            Delimiter::Sentence
        )
    );
    for half in [first, second] {
        assert_eq!(half.speaker, speaker);
        assert!(half.needs_revision);
    }
}

/// Splits the edited segment of chapter `original` (edited to `text`) at `at` and checks the
/// halves as (text, original text), or the error.
fn check_edited(
    original: &str,
    text: &str,
    at: usize,
    expected: Result<[(&str, &str); 2], SegmentError>,
) {
    let limits = EngineLimits::default();
    let mut plan = plan_of(original, &[original]);
    let edit = Edit::EditText {
        id: SegmentId(1),
        text: text.to_owned(),
    };
    plan.apply(&edit, original, &limits).unwrap();

    let result = plan.apply(
        &Edit::Split {
            id: SegmentId(1),
            at,
        },
        original,
        &limits,
    );

    match expected {
        Ok(halves) => {
            assert!(result.is_ok(), "split at {at} gave {result:?}");
            let got: Vec<_> = plan
                .segments()
                .iter()
                .map(|s| (s.text.as_str(), s.original_text.as_str()))
                .collect();
            assert_eq!(got, halves);
            assert_eq!(plan.validate(original, &limits), Ok(()));
        }
        Err(error) => assert_eq!(result, Err(error)),
    }
}

#[test]
fn an_edited_segment_splits_outside_its_edit() {
    let original = "Hola querido mundo cruel";
    let text = "Hola QUERIDÍSIMO mundo cruel";
    check_edited(
        original,
        text,
        5,
        Ok([
            ("Hola", "Hola"),
            ("QUERIDÍSIMO mundo cruel", "querido mundo cruel"),
        ]),
    );
    check_edited(
        original,
        text,
        16,
        Ok([
            ("Hola QUERIDÍSIMO", "Hola querido"),
            ("mundo cruel", "mundo cruel"),
        ]),
    );
    check_edited(
        original,
        text,
        23,
        Ok([
            ("Hola QUERIDÍSIMO mundo", "Hola querido mundo"),
            ("cruel", "cruel"),
        ]),
    );
}

#[test]
fn an_edited_segment_refuses_a_split_inside_its_edit() {
    check_edited(
        "Hola uno mundo",
        "Hola dos palabras mundo",
        9,
        Err(SegmentError::SplitInsideEdit { id: SegmentId(1) }),
    );
}

#[test]
fn an_edited_segment_refuses_a_split_that_empties_its_original_half() {
    check_edited(
        "Hola mundo",
        "Nuevo: Hola mundo",
        7,
        Err(SegmentError::SplitLeavesEmptyHalf {
            id: SegmentId(1),
            offset: 7,
        }),
    );
}

#[test]
fn a_split_id_already_taken_gives_way_to_the_next_free_one() {
    let chapter = "One two. Three four.";
    let limits = EngineLimits::default();
    let mut plan = Plan::new(crate::plan::segmenter::segment_chapter(chapter, &limits));
    let taken = Plan::SPLIT_IDS + 4;
    let mut segments = plan.clone().into_segments();
    segments[0].id = SegmentId(taken);
    plan = Plan::new(segments);

    plan.apply(
        &Edit::Split {
            id: SegmentId(taken),
            at: 4,
        },
        chapter,
        &limits,
    )
    .unwrap();

    assert_eq!(plan.segments()[1].id, SegmentId(taken + 1));
}
