//! The segmenter on real chapters (public-domain fixtures, see `../fixtures/README.md`): plans that
//! validate and cover the text, no cut after "Mr.", none inside a short quotation.

use shared::{
    plan::chapter::slice_chars, segment_chapter, text::quote::quotation_spans, Delimiter,
    EngineLimits, Plan, Segment,
};

const HOUND: &str =
    include_str!("../../../server/demo/en-doyle-hound-of-the-baskervilles-ch01.txt");
const MARIANELA: &str = include_str!("../fixtures/es-galdos-marianela-cap02-guion.txt");
const NIEBLA: &str = include_str!("../../../server/demo/es-unamuno-niebla-cap01-03.txt");
const FIXTURES: [&str; 3] = [HOUND, MARIANELA, NIEBLA];

fn limits(recommended_chars: usize) -> EngineLimits {
    EngineLimits {
        recommended_chars,
        ..EngineLimits::default()
    }
}

fn segments(chapter: &str, recommended_chars: usize) -> Vec<Segment> {
    segment_chapter(chapter, &limits(recommended_chars))
}

fn without_whitespace(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The byte offset of every character offset of `text`, and of its end.
fn byte_offsets(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(byte, _)| byte)
        .chain([text.len()])
        .collect()
}

/// Byte ranges of the fixture's paragraphs: the text between blank lines, trimmed.
fn paragraphs(chapter: &str) -> Vec<std::ops::Range<usize>> {
    let mut start = 0;
    let mut ranges = Vec::new();
    for block in chapter.split("\n\n") {
        let body = block.trim();
        if !body.is_empty() {
            let from = start + block.len() - block.trim_start().len();
            ranges.push(from..from + body.len());
        }
        start += block.len() + 2;
    }
    ranges
}

#[test]
fn every_fixture_segments_into_a_valid_plan_that_covers_it() {
    for chapter in FIXTURES {
        for recommended_chars in [40, 120, 400, 1_500] {
            let segments = segments(chapter, recommended_chars);

            let joined: String = segments.iter().map(|s| s.original_text.as_str()).collect();
            assert_eq!(without_whitespace(&joined), without_whitespace(chapter));
            for segment in &segments {
                let at = slice_chars(chapter, segment.start, segment.end);
                assert_eq!(at, Some(segment.original_text.as_str()));
                assert_eq!(segment.text.trim(), segment.text);
            }
            let plan = Plan::new(segments);
            assert_eq!(plan.validate(chapter, &limits(recommended_chars)), Ok(()));
        }
    }
}

#[test]
fn with_the_default_limits_every_paragraph_that_fits_is_one_segment_or_its_dialogue_turns() {
    for chapter in FIXTURES {
        let limits = EngineLimits::default();
        let bytes = byte_offsets(chapter);

        let segments = segment_chapter(chapter, &limits);

        for paragraph in paragraphs(chapter) {
            let text = &chapter[paragraph.clone()];
            if text.chars().count() > limits.recommended_chars {
                continue;
            }
            let inside: Vec<&Segment> = segments
                .iter()
                .filter(|s| paragraph.contains(&bytes[s.start]))
                .collect();
            let (Some(first), Some(last)) = (inside.first(), inside.last()) else {
                panic!("{text:?} has no segment");
            };
            assert_eq!(
                (bytes[first.start], bytes[last.end]),
                (paragraph.start, paragraph.end)
            );
            assert_eq!(last.delimiter, Delimiter::Paragraph, "{text:?}");
            for segment in &inside[..inside.len() - 1] {
                assert_eq!(segment.delimiter, Delimiter::Dialogue, "{text:?} was cut");
            }
        }
        for segment in &segments {
            assert!(segment.text.chars().count() <= limits.recommended_chars);
        }
    }
}

#[test]
fn mr_and_dr_are_never_cut_from_the_name_that_follows() {
    for recommended_chars in [30, 60, 120, 1_500] {
        let segments = segments(HOUND, recommended_chars);

        for segment in &segments {
            let text = segment.text.as_str();
            assert!(
                !text.ends_with("Mr.") && !text.ends_with("Dr."),
                "cut after an abbreviation at {recommended_chars}: {text:?}"
            );
        }
        assert!(segments
            .iter()
            .any(|s| s.text.contains("Mr. Sherlock Holmes")));
    }
}

#[test]
fn no_cut_falls_inside_a_quotation_shorter_than_the_limit() {
    for chapter in FIXTURES {
        for recommended_chars in [60, 120, 300] {
            let segments = segments(chapter, recommended_chars);
            let bytes = byte_offsets(chapter);

            for paragraph in paragraphs(chapter) {
                let quotes: Vec<_> = quotation_spans(&chapter[paragraph.clone()])
                    .into_iter()
                    .map(|q| paragraph.start + q.start..paragraph.start + q.end)
                    .filter(|q| chapter[q.clone()].chars().count() <= recommended_chars)
                    .collect();
                for pair in segments.windows(2) {
                    let (end, start) = (bytes[pair[0].end], bytes[pair[1].start]);
                    if !paragraph.contains(&start) || end < paragraph.start {
                        continue;
                    }
                    for quote in &quotes {
                        assert!(
                            !(quote.start < start && end < quote.end),
                            "cut inside {:?} at {recommended_chars}",
                            &chapter[quote.clone()]
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn spanish_dialogue_is_cut_apart_from_its_inciso() {
    let niebla = segments(NIEBLA, 120);
    let marianela = segments(MARIANELA, 120);

    let run = |segments: &[Segment], texts: &[&str]| {
        segments.windows(texts.len()).any(|w| {
            w.iter()
                .zip(texts)
                .all(|(segment, text)| segment.text == *text)
        })
    };
    assert!(run(
        &niebla,
        &[
            "—Hoy te retrasaste un poco, chico",
            "—dijo Víctor a Augusto—,",
            "¡tú, tan puntual siempre!"
        ]
    ));
    assert!(run(
        &marianela,
        &[
            "-¿Ciego de nacimiento?",
            "-dijo Golfín con vivo interés que no era sólo inspirado por la compasión."
        ]
    ));
}

#[test]
fn a_long_paragraph_is_cut_into_sentences_that_end_the_way_they_say() {
    let segments = segments(MARIANELA, 300);

    let cut: Vec<_> = segments
        .iter()
        .filter(|s| s.delimiter == Delimiter::Sentence)
        .collect();
    assert!(!cut.is_empty());
    for segment in cut {
        let text = segment.text.trim_end_matches(['”', '"', '»', '’']);
        assert!(
            text.ends_with(['.', '!', '?', '…', ':', ';']),
            "{:?} ends a sentence?",
            segment.text
        );
        assert!(segment.text.chars().count() <= 300);
    }
}
