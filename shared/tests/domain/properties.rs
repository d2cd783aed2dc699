//! Property tests for the laws of the domain: splits undo by merges, the segmenter's output
//! validates and covers its chapter, undo/redo restore plans, and no input panics.
//! The number of cases comes from `PROPTEST_CASES` (CI sets 10000), so each case stays small.

use proptest::{prelude::*, sample::Index};
use shared::{
    attribution::{attribute, attribute_segments, propose::propose_cast, verdict::Rule},
    cast::character::Character,
    plan::{
        chapter::slice_chars,
        offset::{char_offset_from_utf16, snap_to_word_boundary, utf16_from_char_offset},
    },
    segment_chapter,
    text::{
        dialogue::{detect, paragraphs},
        language::Gender,
        quote::quotation_spans,
    },
    Cast, CharacterId, Edit, EngineLimits, History, Language, Plan, Segment, SegmentId,
};

/// Pieces chapters are made of: words (accented, abbreviated, apostrophised, hyphenated), signs,
/// quotation marks and dashes, emoji, and every kind of whitespace, blank lines included.
const PIECES: &[&str] = &[
    "el",
    "la",
    "Pérez",
    "año",
    "ñandú",
    "Él",
    "über",
    "Holmes",
    "Watson",
    "he",
    "she",
    "I",
    "ella",
    "don’t",
    "Holmes’s",
    "claro-oscuro",
    "dijo",
    "said",
    "Mr.",
    "Dr.",
    "Sra.",
    "J.",
    "etc.",
    "No.",
    "7",
    "1884",
    ".",
    ",",
    "!",
    "?",
    "…",
    ";",
    ":",
    "¿",
    "¡",
    "“",
    "”",
    "«",
    "»",
    "\"",
    "‘",
    "’",
    "'",
    "—",
    "-",
    "–",
    "(",
    ")",
    "😀",
    "👍🏽",
    "🇪🇸",
    "e\u{301}",
    " ",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
    "\r\n",
    " \n \n",
    "\u{a0}",
    "\u{2029}",
];

pub(crate) fn chapter() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|pieces| pieces.concat())
}

pub(crate) fn limits() -> impl Strategy<Value = EngineLimits> {
    (8usize..160).prop_map(|recommended_chars| EngineLimits {
        recommended_chars,
        ..EngineLimits::default()
    })
}

/// A small cast: Holmes (male, alias "Mr. Holmes"), Watson (unknown gender), Pérez (female).
fn small_cast() -> Cast {
    let mut characters = vec![Character::narrator(Language::En)];
    for (name, alias, gender) in [
        ("Holmes", Some("Mr. Holmes"), Gender::Male),
        ("Watson", None, Gender::Unknown),
        ("Pérez", None, Gender::Female),
    ] {
        let Some(mut character) = Character::named(name, Language::En) else {
            continue;
        };
        character.aliases = alias.into_iter().map(str::to_owned).collect();
        character.gender = gender;
        characters.push(character);
    }
    Cast::new(characters).unwrap_or_else(|_| Cast::with_narrator(Language::En))
}

/// Checks that dialogue detection and attribution of `text` give in-bounds, ordered spans and
/// honest attributions.
fn check_dialogue_and_attribution(text: &str, anchors: &[(std::ops::Range<usize>, CharacterId)]) {
    let len = text.chars().count();
    let spans = detect(text);
    for pair in spans.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start, "{spans:?}");
        assert!(pair[0].paragraph <= pair[1].paragraph);
    }
    let paragraphs = paragraphs(text);
    for span in &spans {
        assert!(span.span.start < span.span.end && span.span.end <= len);
        let paragraph = &paragraphs[span.paragraph];
        assert!(paragraph.start <= span.span.start && span.span.end <= paragraph.end);
        // A tag is narration of the span's paragraph, or the closing clause of the paragraph
        // before it ("His mother said:").
        let within = |tag: &std::ops::Range<usize>, p: &std::ops::Range<usize>| {
            p.start <= tag.start && tag.end <= p.end
        };
        let previous = span.paragraph.checked_sub(1).map(|p| &paragraphs[p]);
        for tag in &span.tags {
            assert!(
                tag.start < tag.end
                    && (within(tag, paragraph) || previous.is_some_and(|p| within(tag, p))),
                "{tag:?} of {span:?}"
            );
            assert!(tag.end <= span.span.start || span.span.end <= tag.start);
        }
    }
    for language in Language::ALL {
        let attributions = attribute(text, &small_cast(), language, anchors);
        assert_eq!(attributions.len(), spans.len());
        for (attribution, span) in attributions.iter().zip(&spans) {
            assert_eq!(attribution.span, span.span);
            assert!((0.0..=1.0).contains(&attribution.confidence));
            let unresolved = attribution.evidence.rule == Rule::Unresolved;
            assert_eq!(unresolved, attribution.speaker.is_none());
            assert_eq!(unresolved, attribution.confidence == 0.0);
            if let Some(tag) = &attribution.evidence.tag {
                assert!(tag.start <= tag.end && tag.end <= len);
            }
        }
        let _ = propose_cast(text, language);
    }
}

/// A segment offset: small, or anything at all.
fn offset() -> impl Strategy<Value = usize> {
    prop_oneof![4 => 0usize..40, 1 => any::<usize>()]
}

fn without_whitespace(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The segmenter's invariant: segments in order, each the chapter at its offsets, trimmed,
/// together holding every non-whitespace character, and a valid plan.
fn assert_segments_cover(chapter: &str, segments: &[Segment], limits: &EngineLimits) {
    let joined: String = segments.iter().map(|s| s.original_text.as_str()).collect();
    assert_eq!(without_whitespace(&joined), without_whitespace(chapter));
    for (i, segment) in segments.iter().enumerate() {
        assert_eq!(usize::try_from(segment.id.0).ok(), Some(i + 1));
        assert_eq!(
            slice_chars(chapter, segment.start, segment.end),
            Some(segment.original_text.as_str())
        );
        assert_eq!(segment.text, segment.original_text);
        assert_eq!(segment.text.trim(), segment.text);
    }
    if !segments.is_empty() {
        let plan = Plan::new(segments.to_vec());
        assert_eq!(plan.validate(chapter, limits), Ok(()));
    }
}

/// An edit, with its segment chosen among those of the plan it is applied to.
#[derive(Debug, Clone)]
pub(crate) enum Op {
    /// Split at a position inside the text, or at a raw (perhaps huge) offset.
    Split(Index, Result<Index, usize>),
    MergeNext(Index),
    MergePrevious(Index),
    Delete(Index),
    EditText(Index, String),
    SetSpeaker(Index, Option<String>),
    ToggleRevision(Index),
    UnknownId(u32, usize),
}

pub(crate) fn op() -> impl Strategy<Value = Op> {
    let at = prop_oneof![
        8 => any::<Index>().prop_map(Ok),
        1 => Just(Err(usize::MAX)),
        1 => any::<usize>().prop_map(Err),
    ];
    let index = any::<Index>;
    prop_oneof![
        4 => (index(), at.clone()).prop_map(|(i, at)| Op::Split(i, at)),
        2 => index().prop_map(Op::MergeNext),
        2 => index().prop_map(Op::MergePrevious),
        1 => index().prop_map(Op::Delete),
        2 => (index(), chapter()).prop_map(|(i, text)| Op::EditText(i, text)),
        1 => (index(), prop::option::of("[ a-zA-Zé]{0,6}")).prop_map(|(i, s)| Op::SetSpeaker(i, s)),
        1 => index().prop_map(Op::ToggleRevision),
        1 => (any::<u32>(), any::<usize>()).prop_map(|(id, at)| Op::UnknownId(id, at)),
    ]
}

impl Op {
    pub(crate) fn edit(&self, plan: &Plan) -> Edit {
        let segment = |i: &Index| &plan.segments()[i.index(plan.segments().len())];
        let id = |i: &Index| segment(i).id;
        match self {
            Op::Split(i, at) => {
                let len = segment(i).text.chars().count();
                let at = at.as_ref().map_or_else(|raw| *raw, |at| at.index(len + 1));
                Edit::Split { id: id(i), at }
            }
            Op::MergeNext(i) => Edit::MergeNext { id: id(i) },
            Op::MergePrevious(i) => Edit::MergePrevious { id: id(i) },
            Op::Delete(i) => Edit::Delete { id: id(i) },
            Op::EditText(i, text) => Edit::EditText {
                id: id(i),
                text: text.clone(),
            },
            Op::SetSpeaker(i, speaker) => Edit::SetSpeaker {
                id: id(i),
                speaker: speaker.clone(),
            },
            Op::ToggleRevision(i) => Edit::ToggleRevision { id: id(i) },
            Op::UnknownId(id, at) => Edit::Split {
                id: SegmentId(*id),
                at: *at,
            },
        }
    }
}

proptest! {
    #[test]
    fn splitting_then_merging_with_next_gives_back_the_plan(
        chapter in chapter(),
        limits in limits(),
        segment in any::<Index>(),
        at in any::<Index>(),
    ) {
        let mut plan = Plan::new(segment_chapter(&chapter, &limits));
        prop_assume!(!plan.segments().is_empty());
        let original = plan.clone();
        let segment = &plan.segments()[segment.index(plan.segments().len())];
        let (id, at) = (segment.id, at.index(segment.text.chars().count() + 1));

        if plan.apply(&Edit::Split { id, at }, &chapter, &limits).is_ok() {
            prop_assert_eq!(plan.validate(&chapter, &limits), Ok(()));
            plan.apply(&Edit::MergeNext { id }, &chapter, &limits).unwrap();
        }

        prop_assert_eq!(plan, original);
    }

    #[test]
    fn segmenter_output_validates_and_covers_the_chapter(chapter in chapter(), limits in limits()) {
        let segments = segment_chapter(&chapter, &limits);

        assert_segments_cover(&chapter, &segments, &limits);
    }

    #[test]
    fn segmenter_output_covers_arbitrary_text(chapter in any::<String>(), limits in limits()) {
        let segments = segment_chapter(&chapter, &limits);

        assert_segments_cover(&chapter, &segments, &limits);
    }

    #[test]
    fn undoing_every_edit_restores_the_plan_and_redoing_them_gives_it_back(
        chapter in chapter(),
        limits in limits(),
        ops in prop::collection::vec(op(), 0..12),
    ) {
        let mut plan = Plan::new(segment_chapter(&chapter, &limits));
        prop_assume!(!plan.segments().is_empty());
        let original = plan.clone();
        let mut history = History::new(ops.len());

        for op in &ops {
            let edit = op.edit(&plan);
            let before = plan.clone();
            match plan.apply(&edit, &chapter, &limits) {
                Ok(splice) => {
                    prop_assert_eq!(plan.validate(&chapter, &limits), Ok(()), "after {:?}", edit);
                    history.record(splice);
                }
                Err(_) => prop_assert_eq!(&plan, &before, "{:?} failed but changed the plan", edit),
            }
        }
        let edited = plan.clone();
        while history.undo(&mut plan).is_some() {}
        prop_assert_eq!(&plan, &original);
        while history.redo(&mut plan).is_some() {}

        prop_assert_eq!(plan, edited);
    }

    #[test]
    fn arbitrary_edits_on_arbitrary_plans_never_panic(
        chapter in any::<String>(),
        raw in prop::collection::vec((any::<u8>(), offset(), 0usize..40, any::<String>()), 0..6),
        edits in prop::collection::vec((0u32..8, any::<usize>(), any::<String>(), 0u8..7), 0..8),
    ) {
        let segments: Vec<Segment> = raw
            .into_iter()
            .map(|(id, start, len, text)| Segment {
                id: SegmentId(u32::from(id % 6)),
                start,
                end: start.saturating_add(len),
                delimiter: shared::Delimiter::Word,
                original_text: text.clone(),
                text,
                speaker: None,
                needs_revision: false,
                speaker_locked: false,
                reviewed: false,
                flag: None,
            })
            .collect();
        let mut plan = Plan::new(segments);
        let limits = EngineLimits::default();
        let _ = plan.validate(&chapter, &limits);

        for (id, at, text, kind) in edits {
            let id = SegmentId(id);
            let edit = match kind {
                0 => Edit::Split { id, at },
                1 => Edit::MergeNext { id },
                2 => Edit::MergePrevious { id },
                3 => Edit::Delete { id },
                4 => Edit::EditText { id, text },
                5 => Edit::SetSpeaker { id, speaker: Some(text) },
                _ => Edit::ToggleRevision { id },
            };
            let _ = plan.apply(&edit, &chapter, &limits);
            let _ = plan.validate(&chapter, &limits);
        }
    }

    #[test]
    fn dialogue_and_attribution_never_panic_and_stay_in_bounds(
        chapter in chapter(),
        anchor in (0usize..200, 0usize..40),
    ) {
        let (start, len) = anchor;
        let anchors = [(start..start + len, CharacterId("watson".to_owned()))];
        check_dialogue_and_attribution(&chapter, &anchors);
    }

    #[test]
    fn dialogue_and_attribution_of_arbitrary_text_never_panic(text in any::<String>()) {
        check_dialogue_and_attribution(&text, &[]);
    }

    #[test]
    fn every_segment_gets_one_attribution(chapter in chapter(), limits in limits()) {
        let segments = segment_chapter(&chapter, &limits);

        let got = attribute_segments(&chapter, &segments, &small_cast(), Language::En, &[]);

        prop_assert_eq!(got.len(), segments.len());
        for ((id, attribution), segment) in got.iter().zip(&segments) {
            prop_assert_eq!(*id, segment.id);
            prop_assert_eq!(attribution.span.clone(), segment.start..segment.end);
        }
    }

    #[test]
    fn text_helpers_never_panic_and_agree(text in any::<String>(), at in 0usize..300, end in 0usize..300) {
        let len = text.chars().count();

        let snapped = snap_to_word_boundary(&text, at);
        prop_assert!(snapped <= len);
        let utf16 = utf16_from_char_offset(&text, at);
        prop_assert_eq!(char_offset_from_utf16(&text, utf16), Ok(at.min(len)));
        let _ = char_offset_from_utf16(&text, at);
        if let Some(slice) = slice_chars(&text, at, end) {
            prop_assert_eq!(slice.chars().count(), end - at);
        } else {
            prop_assert!(at > end || end > len);
        }
        let spans = quotation_spans(&text);
        for pair in spans.windows(2) {
            prop_assert!(pair[0].end <= pair[1].start);
        }
        for span in spans {
            prop_assert!(span.start < span.end && text.get(span).is_some());
        }
    }
}

proptest! {
    /// Whatever a re-import changes, the rebased plan validates against the new text, and every
    /// old segment is either kept or reported as dropped.
    #[test]
    fn a_rebased_plan_fits_the_new_text_and_loses_nothing_silently(
        text in chapter(),
        inserted in chapter(),
        at in any::<Index>(),
        cut in any::<Index>(),
    ) {
        prop_assume!(!text.trim().is_empty());
        let limits = EngineLimits::default();
        let segments = segment_chapter(&text, &limits);
        let chars: Vec<char> = text.chars().collect();
        let at = at.index(chars.len() + 1);
        let cut = at + cut.index(chars.len() - at + 1);
        let new: String = chars[..at].iter().chain(inserted.chars().collect::<Vec<_>>().iter()).chain(&chars[cut..]).collect();
        prop_assume!(!new.trim().is_empty());

        let rebased = shared::plan::rebase::rebase(&segments, &new, &limits);

        Plan::new(rebased.segments.clone()).validate(&new, &limits).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let kept = rebased.segments.iter().filter(|s| segments.iter().any(|o| o.id == s.id)).count();
        prop_assert_eq!(kept + rebased.dropped.len(), segments.len());
    }
}
