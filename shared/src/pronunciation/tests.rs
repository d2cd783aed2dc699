use proptest::prelude::*;

use super::*;

fn entry(grapheme: &str, ipa: &str, locale: &str) -> Entry {
    Entry::new(grapheme, ipa, locale)
}

fn sensitive(grapheme: &str, ipa: &str, locale: &str) -> Entry {
    Entry {
        case_sensitive: true,
        ..entry(grapheme, ipa, locale)
    }
}

#[test]
fn a_valid_map_keeps_its_entries_in_order_trimmed() {
    let mut holmes = entry(" Holmes ", " ˈhəʊmz ", "en-GB");
    holmes.espeak = Some("  ".into());
    holmes.respelling = Some(" HOHMZ ".into());

    let map = PronunciationMap::new(vec![holmes, entry("Augusto", "awˈɣusto", "es")]).unwrap();

    assert_eq!(map.entries()[0].grapheme, "Holmes");
    assert_eq!(map.entries()[0].ipa, "ˈhəʊmz");
    assert_eq!(map.entries()[0].espeak, None);
    assert_eq!(map.entries()[0].respelling.as_deref(), Some("HOHMZ"));
    assert_eq!(map.entries()[1].grapheme, "Augusto");
}

#[test]
fn an_empty_grapheme_is_refused_with_the_entry_number() {
    let error = PronunciationMap::new(vec![entry("Holmes", "həʊmz", "en"), entry("  ", "a", "en")])
        .unwrap_err();

    assert_eq!(
        error,
        MapError::Entry {
            number: 2,
            grapheme: String::new(),
            error: EntryError::EmptyGrapheme
        }
    );
}

#[test]
fn invalid_ipa_is_refused_with_the_symbol_and_its_position() {
    let error = PronunciationMap::new(vec![entry("Holmes", "h3mz", "en")]).unwrap_err();

    assert_eq!(
        error.to_string(),
        "entry 1 (“Holmes”): “3” (U+0033) at character 2 is not an IPA symbol"
    );
}

#[test]
fn duplicates_in_one_locale_are_refused_unless_both_keep_case_apart() {
    let same = PronunciationMap::new(vec![
        entry("Bath", "bɑːθ", "en"),
        entry("bath", "bæθ", "en"),
    ]);
    let one_ignores_case = PronunciationMap::new(vec![
        sensitive("Bath", "bɑːθ", "en"),
        entry("bath", "bæθ", "en"),
    ]);
    let both_sensitive = PronunciationMap::new(vec![
        sensitive("Bath", "bɑːθ", "en"),
        sensitive("bath", "bæθ", "en"),
    ]);
    let other_locale = PronunciationMap::new(vec![
        entry("Bath", "bɑːθ", "en-GB"),
        entry("bath", "bæθ", "en-US"),
    ]);

    assert_eq!(
        same.unwrap_err(),
        MapError::Duplicate {
            first: 1,
            second: 2,
            grapheme: "bath".into(),
            locale: "en".into()
        }
    );
    assert!(matches!(one_ignores_case, Err(MapError::Duplicate { .. })));
    assert!(both_sensitive.is_ok());
    assert!(other_locale.is_ok());
}

#[test]
fn espeak_strings_are_printable_ascii_without_brackets() {
    assert_eq!(validate_espeak("b'&skeRvIl"), Ok(()));
    assert_eq!(validate_espeak("a]]b"), Err(EspeakError::Brackets));
    assert_eq!(validate_espeak("[[a"), Err(EspeakError::Brackets));
    assert_eq!(
        validate_espeak("aé"),
        Err(EspeakError::NotAscii {
            symbol: 'é',
            position: 2
        })
    );
    assert_eq!(
        validate_espeak("a\nb"),
        Err(EspeakError::NotAscii {
            symbol: '\n',
            position: 2
        })
    );
}

#[test]
fn locales_are_bcp47_shaped() {
    for locale in ["en", "en-GB", "es-419", "zh-Hant-TW"] {
        assert_eq!(validate_locale(locale), Ok(()), "{locale}");
    }
    for locale in ["", "e", "en_GB", "en-", "1a", "en-toolongsubtag"] {
        assert!(validate_locale(locale).is_err(), "{locale}");
    }
}

#[test]
fn control_characters_are_refused_in_text_fields() {
    let error = PronunciationMap::new(vec![entry("Hol\u{7}mes", "a", "en")]).unwrap_err();

    assert!(matches!(
        error,
        MapError::Entry {
            error: EntryError::ControlCharacter {
                field: Field::Grapheme,
                code: 7
            },
            ..
        }
    ));
}

#[test]
fn lookup_honours_case_sensitivity_and_locale() {
    let map = PronunciationMap::new(vec![
        entry("holmes", "həʊmz", "en"),
        sensitive("Reading", "ˈrɛdɪŋ", "en-GB"),
        entry("niebla", "ˈnjeβla", "es"),
    ])
    .unwrap();

    assert_eq!(
        map.lookup("HOLMES", "en-US").map(|e| e.ipa.as_str()),
        Some("həʊmz")
    );
    assert_eq!(
        map.lookup("Reading", "en-GB").map(|e| e.ipa.as_str()),
        Some("ˈrɛdɪŋ")
    );
    assert!(map.lookup("reading", "en-GB").is_none());
    assert!(map.lookup("Reading", "en-US").is_none());
    assert!(map.lookup("Reading", "en").is_none());
    assert!(map.lookup("niebla", "en").is_none());
    assert!(map.lookup("Niebla", "ES-es").is_some());
}

#[test]
fn lookup_prefers_the_exact_case_then_the_most_specific_locale() {
    let map = PronunciationMap::new(vec![
        entry("tomato", "təˈmeɪtəʊ", "en"),
        entry("tomato", "təˈmeɪɾoʊ", "en-US"),
        sensitive("Polish", "ˈpəʊlɪʃ", "en-GB"),
        entry("polish", "ˈpɒlɪʃ", "en"),
    ])
    .unwrap();

    assert_eq!(map.lookup("tomato", "en-US").unwrap().ipa, "təˈmeɪɾoʊ");
    assert_eq!(map.lookup("tomato", "en-GB").unwrap().ipa, "təˈmeɪtəʊ");
    assert_eq!(map.lookup("Polish", "en-GB").unwrap().ipa, "ˈpəʊlɪʃ");
    assert_eq!(map.lookup("polish", "en-GB").unwrap().ipa, "ˈpɒlɪʃ");
}

#[test]
fn merge_replaces_clashing_entries_in_place_and_appends_new_ones() {
    let stored = PronunciationMap::new(vec![
        entry("Holmes", "hoʊmz", "en"),
        entry("Watson", "ˈwɒtsən", "en"),
    ])
    .unwrap();
    let incoming = PronunciationMap::new(vec![
        entry("Baskerville", "ˈbæskəvɪl", "en"),
        entry("HOLMES", "həʊmz", "en"),
    ])
    .unwrap();

    let merged = stored.merge(incoming).unwrap();

    let graphemes: Vec<_> = merged
        .entries()
        .iter()
        .map(|e| e.grapheme.as_str())
        .collect();
    assert_eq!(graphemes, ["HOLMES", "Watson", "Baskerville"]);
    assert_eq!(merged.entries()[0].ipa, "həʊmz");
}

#[test]
fn merging_a_map_into_itself_changes_nothing() {
    let map = PronunciationMap::new(vec![
        entry("Holmes", "həʊmz", "en"),
        entry("Watson", "ˈwɒtsən", "en"),
    ])
    .unwrap();

    assert_eq!(map.clone().merge(map.clone()).unwrap(), map);
}

#[test]
fn a_map_deserializes_only_when_valid() {
    let valid = r#"[{"grapheme":"Holmes","ipa":"həʊmz","locale":"en"}]"#;
    let invalid = r#"[{"grapheme":"Holmes","ipa":"H","locale":"en"}]"#;

    let map: PronunciationMap = serde_json::from_str(valid).unwrap();

    assert_eq!(map.entries()[0].status, Status::NeedsReview);
    assert!(serde_json::from_str::<PronunciationMap>(invalid).is_err());
}

#[test]
fn too_many_entries_are_refused() {
    let entries = (0..=MAX_ENTRIES)
        .map(|i| entry(&format!("w{i}"), "a", "en"))
        .collect();

    assert_eq!(
        PronunciationMap::new(entries).unwrap_err(),
        MapError::TooMany {
            count: MAX_ENTRIES + 1,
            max: MAX_ENTRIES
        }
    );
}

#[test]
fn merging_two_large_maps_keeps_the_stored_order() {
    let stored: Vec<Entry> = (0..MAX_ENTRIES / 2)
        .map(|i| entry(&format!("w{i}"), "a", "en"))
        .collect();
    let incoming: Vec<Entry> = (0..MAX_ENTRIES / 2)
        .map(|i| entry(&format!("W{}", i * 2), "b", "en"))
        .collect();

    let merged = PronunciationMap::new(stored)
        .unwrap()
        .merge(PronunciationMap::new(incoming).unwrap())
        .unwrap();

    assert_eq!(merged.entries().len(), MAX_ENTRIES / 2 + MAX_ENTRIES / 4);
    assert_eq!(merged.entries()[0].grapheme, "W0");
    assert_eq!(merged.entries()[1].grapheme, "w1");
    assert_eq!(merged.entries()[2].grapheme, "W2");
}

#[test]
fn a_merge_that_would_exceed_the_limit_is_refused() {
    let stored: Vec<Entry> = (0..MAX_ENTRIES)
        .map(|i| entry(&format!("w{i}"), "a", "en"))
        .collect();
    let incoming = PronunciationMap::new(vec![entry("new", "a", "en")]).unwrap();

    let merged = PronunciationMap::new(stored).unwrap().merge(incoming);

    assert_eq!(
        merged.unwrap_err(),
        MapError::TooMany {
            count: MAX_ENTRIES + 1,
            max: MAX_ENTRIES
        }
    );
}

proptest! {
    #[test]
    fn validation_and_lookup_never_panic(
        grapheme in "\\PC{0,30}",
        ipa in "\\PC{0,30}",
        espeak in proptest::option::of("\\PC{0,30}"),
        locale in "\\PC{0,12}",
        word in "\\PC{0,30}",
    ) {
        let mut candidate = entry(&grapheme, &ipa, &locale);
        candidate.espeak = espeak;
        if let Err(error) = PronunciationMap::new(vec![candidate.clone()]) {
            prop_assert!(!error.to_string().is_empty());
        }
        let _ = candidate.matches(&word, &locale);
        let _ = validate_ipa(&ipa);
    }

    #[test]
    fn every_valid_map_survives_a_json_round_trip(
        graphemes in proptest::collection::vec("[a-zA-Z]{1,6}", 0..6),
    ) {
        if let Ok(map) = PronunciationMap::new(graphemes.iter().map(|g| entry(g, "a", "en")).collect()) {
            let json = serde_json::to_string(&map).unwrap();
            prop_assert_eq!(serde_json::from_str::<PronunciationMap>(&json).unwrap(), map);
        }
    }
}
