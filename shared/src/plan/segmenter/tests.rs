//! Tests of `segment_chapter` on small texts: paragraphs, sentence packing, abbreviations,
//! quotations, word cuts and character offsets. Real chapters are tested in
//! `tests/domain/manuscripts.rs`.

use super::*;
use crate::plan::chapter::slice_chars;

/// Segments `chapter` with `recommended_chars` and checks the segments' texts and delimiters, and
/// that ids and offsets are right.
fn check(chapter: &str, recommended_chars: usize, expected: &[(&str, Delimiter)]) {
    let limits = EngineLimits {
        recommended_chars,
        ..EngineLimits::default()
    };

    let segments = segment_chapter(chapter, &limits);

    let got: Vec<_> = segments
        .iter()
        .map(|s| (s.text.as_str(), s.delimiter))
        .collect();
    assert_eq!(got, expected, "segments of {chapter:?}");
    for (i, segment) in segments.iter().enumerate() {
        assert_eq!(segment.id, SegmentId(u32::try_from(i).unwrap() + 1));
        assert_eq!(segment.text, segment.original_text);
        assert_eq!(
            slice_chars(chapter, segment.start, segment.end),
            Some(segment.text.as_str())
        );
        assert_eq!(
            (segment.speaker.as_deref(), segment.needs_revision),
            (None, false)
        );
    }
}

use Delimiter::{Paragraph as P, Sentence as S, Word as W};

#[test]
fn blank_lines_separate_paragraphs_and_single_line_breaks_are_soft_wraps() {
    check(
        "Uno\ndos.\n\n  Tres 😀.  \n \n\n\tCuatro.\n",
        100,
        &[("Uno\ndos.", P), ("Tres 😀.", P), ("Cuatro.", P)],
    );
}

#[test]
fn without_blank_lines_every_line_is_a_paragraph() {
    check(
        "Uno.\n  Dos.\r\nTres.",
        100,
        &[("Uno.", P), ("Dos.", P), ("Tres.", P)],
    );
}

#[test]
fn a_blank_chapter_has_no_segments() {
    check("", 100, &[]);
    check(" \n\n \t\n", 100, &[]);
}

#[test]
fn a_long_paragraph_is_cut_between_sentences_packed_greedily() {
    check(
        "Uno dos. Tres cuatro. Cinco seis siete.",
        20,
        &[
            ("Uno dos.", S),
            ("Tres cuatro.", S),
            ("Cinco seis siete.", P),
        ],
    );
    check(
        "Uno. Dos. Tres. Cuatro. Cinco.\n\nSeis.",
        16,
        &[("Uno. Dos. Tres.", S), ("Cuatro. Cinco.", P), ("Seis.", P)],
    );
}

#[test]
fn soft_wraps_are_not_sentence_boundaries() {
    check(
        "Uno dos tres\ncuatro cinco. Seis siete\nocho nueve.\n\nFin.",
        30,
        &[
            ("Uno dos tres\ncuatro cinco.", S),
            ("Seis siete\nocho nueve.", P),
            ("Fin.", P),
        ],
    );
}

#[test]
fn abbreviations_and_initials_do_not_end_sentences() {
    check(
        "Mr. Sherlock Holmes came in. Dr. Mortimer, M.R.C.S., followed.",
        34,
        &[
            ("Mr. Sherlock Holmes came in.", S),
            ("Dr. Mortimer, M.R.C.S., followed.", P),
        ],
    );
    check(
        "Vino la Sra. Pérez. Luego D. Juan y Dña. Inés. Y el Excmo. Sr. Gómez.",
        26,
        &[
            ("Vino la Sra. Pérez.", S),
            ("Luego D. Juan y Dña. Inés.", S),
            ("Y el Excmo. Sr. Gómez.", P),
        ],
    );
    check(
        "He met J. R. Tolkien there. Then he went home.",
        30,
        &[
            ("He met J. R. Tolkien there.", S),
            ("Then he went home.", P),
        ],
    );
}

#[test]
fn a_lowercase_continuation_stays_with_its_sentence() {
    check(
        "What? he asked. Nothing at all. She left.",
        20,
        &[
            ("What? he asked.", S),
            ("Nothing at all.", S),
            ("She left.", P),
        ],
    );
    check(
        "¿Qué? dijo él. Y se fue.",
        20,
        &[("¿Qué? dijo él.", S), ("Y se fue.", P)],
    );
    check(
        "—¿Qué? —dijo él. Y se fue.",
        20,
        &[("—¿Qué?", Delimiter::Dialogue), ("—dijo él. Y se fue.", P)],
    );
}

#[test]
fn sentences_inside_a_short_quotation_stay_together() {
    check(
        "He wrote “Stop. Wait here. Go” on it. Then he went away at once.",
        40,
        &[
            ("He wrote “Stop. Wait here. Go” on it.", S),
            ("Then he went away at once.", P),
        ],
    );
}

#[test]
fn dialogue_is_cut_apart_from_its_narration_tags() {
    use Delimiter::Dialogue as D;
    check(
        "“Hello,” said John, “how are you?”",
        100,
        &[("“Hello,”", D), ("said John,", D), ("“how are you?”", P)],
    );
    check(
        "“What?” he asked. “Nothing at all.” She left.",
        100,
        &[
            ("“What?”", D),
            ("he asked.", D),
            ("“Nothing at all.”", D),
            ("She left.", P),
        ],
    );
    check(
        "He said: “Stop. Wait here. Go.” Then he went away.",
        100,
        &[
            ("He said:", D),
            ("“Stop. Wait here. Go.”", D),
            ("Then he went away.", P),
        ],
    );
    check(
        "—Hoy te retrasaste un poco, chico —dijo Víctor a Augusto—, ¡tú, tan puntual siempre!",
        200,
        &[
            ("—Hoy te retrasaste un poco, chico", D),
            ("—dijo Víctor a Augusto—,", D),
            ("¡tú, tan puntual siempre!", P),
        ],
    );
    check("“Yes.”—“No.”", 100, &[("“Yes.”—", D), ("“No.”", P)]);
    check("“Only a quotation.”", 100, &[("“Only a quotation.”", P)]);
    check(
        "He called it ‘the Hound’ and laughed.",
        100,
        &[("He called it ‘the Hound’ and laughed.", P)],
    );
}

#[test]
fn a_quotation_longer_than_the_limit_is_cut_between_its_sentences() {
    check(
        "“Uno dos tres. Cuatro cinco seis. Siete ocho.” Fin.",
        20,
        &[
            ("“Uno dos tres.", S),
            ("Cuatro cinco seis.", S),
            ("Siete ocho.”", Delimiter::Dialogue),
            ("Fin.", P),
        ],
    );
}

#[test]
fn a_sentence_over_the_limit_is_cut_between_words() {
    check(
        "palabras muy largas aquí. Bien.",
        10,
        &[
            ("palabras", W),
            ("muy largas", W),
            ("aquí.", S),
            ("Bien.", P),
        ],
    );
    check(
        "supercalifragilístico sí",
        10,
        &[("supercalifragilístico", W), ("sí", P)],
    );
}

#[test]
fn words_of_a_short_quotation_stay_together_when_a_sentence_is_cut_between_words() {
    check(
        "Then he said “we will go there now” and they all went away",
        30,
        &[
            ("Then he said", W),
            ("“we will go there now” and", W),
            ("they all went away", P),
        ],
    );
}

#[test]
fn an_abbreviation_stays_with_the_next_word_when_a_sentence_is_cut_between_words() {
    check(
        "and then came the doctor Mr.  Sherlock Holmes himself",
        28,
        &[
            ("and then came the doctor", W),
            ("Mr.  Sherlock Holmes himself", P),
        ],
    );
}

#[test]
fn offsets_count_characters_across_accents_and_emoji() {
    let chapter = "Ñandú 😀 grande.\n\nÉl corrió. Ella voló.";
    let limits = EngineLimits {
        recommended_chars: 12,
        ..EngineLimits::default()
    };

    let segments = segment_chapter(chapter, &limits);

    let offsets: Vec<_> = segments.iter().map(|s| (s.start, s.end)).collect();
    assert_eq!(offsets, [(0, 7), (8, 15), (17, 27), (28, 38)]);
}

#[test]
fn a_paragraph_over_the_engine_limit_is_cut_even_under_the_recommended_size() {
    let limits = EngineLimits {
        max_ssml_bytes: 12,
        ssml_overhead: 0.0,
        ..EngineLimits::default()
    };

    let segments = segment_chapter("Uno dos. Tres cuatro.", &limits);

    let texts: Vec<_> = segments.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, ["Uno dos.", "Tres cuatro."]);
}
