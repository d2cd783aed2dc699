//! Tests of sentence units: which UAX #29 boundaries are kept, after abbreviations and around
//! quotations.

use super::*;

/// Checks the sentence units of `paragraph` (before packing) as texts.
fn check_units(paragraph: &str, recommended_chars: usize, expected: &[&str]) {
    let mut out = Units::default();

    units(paragraph, recommended_chars, &mut out);

    let units = out.units;
    let got: Vec<_> = units.iter().map(|u| &paragraph[u.bytes.clone()]).collect();
    assert_eq!(got, expected, "units of {paragraph:?}");
    for unit in &units {
        let chars = paragraph[..unit.bytes.start].chars().count();
        assert_eq!(unit.chars.start, chars);
        assert_eq!(
            unit.chars.len(),
            paragraph[unit.bytes.clone()].chars().count()
        );
    }
}

#[test]
fn sentence_units_skip_boundaries_after_abbreviations() {
    check_units(
        "Mr. Holmes sat. Dr. Mortimer, M.R.C.S., came. St. James. Etc. and so on.",
        100,
        &[
            "Mr. Holmes sat.",
            "Dr. Mortimer, M.R.C.S., came.",
            "St. James.",
            "Etc. and so on.",
        ],
    );
    check_units(
        "Vino la Sra. Pérez. Luego D. Juan y Dña. Inés. Ud. sabe. Vd. no.",
        100,
        &[
            "Vino la Sra. Pérez.",
            "Luego D. Juan y Dña. Inés.",
            "Ud. sabe.",
            "Vd. no.",
        ],
    );
    check_units(
        "Said I. Then J. R. R. Tolkien wrote. Ende.",
        100,
        &["Said I.", "Then J. R. R. Tolkien wrote.", "Ende."],
    );
}

#[test]
fn no_is_an_abbreviation_only_before_a_number() {
    check_units(
        "He lives at No. 7 Baker Street. She said No. Then left.",
        100,
        &[
            "He lives at No. 7 Baker Street.",
            "She said No.",
            "Then left.",
        ],
    );
}

#[test]
fn sentence_units_keep_short_quotations_whole() {
    check_units(
        "He said: “Stop. Wait here.” Then went. «Uno. Dos.» Tres.",
        20,
        &[
            "He said: “Stop. Wait here.”",
            "Then went.",
            "«Uno. Dos.»",
            "Tres.",
        ],
    );
    check_units(
        "—Hola. Adiós —dijo él—. Ya. Bien.",
        20,
        &["—Hola. Adiós —dijo él—.", "Ya. Bien."],
    );
    check_units(
        "—Hola. Adiós —dijo él—. Ya. Bien.",
        5,
        &["—Hola.", "Adiós —dijo él—.", "Ya.", "Bien."],
    );
}
