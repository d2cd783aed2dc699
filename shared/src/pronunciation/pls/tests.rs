use proptest::prelude::*;

use super::*;
use crate::pronunciation::{error::EntryError, ipa::IpaError, Status};

/// A lexicon as another tool writes it: two graphemes in one lexeme, a preferred second phoneme,
/// an alias-only alternative, metadata, an example and a comment.
const FOREIGN: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!-- written by hand for the studio's tests -->
<lexicon version="1.0"
      xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"
      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
      alphabet="ipa" xml:lang="en-GB">
  <meta name="author" content="tests"/>
  <metadata><rdf xmlns="urn:example:rdf"><x>ignored</x></rdf></metadata>
  <lexeme role="name">
    <grapheme>Baskerville</grapheme>
    <grapheme>Baskervilles</grapheme>
    <phoneme>ˈbæskəvɪl</phoneme>
    <alias>BASK-er-vil</alias>
    <example>The Hound of the Baskervilles</example>
  </lexeme>
  <lexeme>
    <grapheme> Holmes &amp; Co </grapheme>
    <phoneme>hoʊmz</phoneme>
    <phoneme prefer="true">h&#x259;ʊmz</phoneme>
  </lexeme>
</lexicon>
"#;

fn entry(grapheme: &str, ipa: &str, locale: &str) -> Entry {
    Entry::new(grapheme, ipa, locale)
}

fn lexicon(lexemes: &str) -> String {
    format!(
        r#"<lexicon version="1.0" xmlns="{PLS_NAMESPACE}" alphabet="ipa" xml:lang="en">{lexemes}</lexicon>"#
    )
}

#[test]
fn a_foreign_lexicon_imports_with_defaults() {
    let map = import(FOREIGN).unwrap();

    let entries = map.entries();
    assert_eq!(entries.len(), 3);
    assert_eq!(entries[0].grapheme, "Baskerville");
    assert_eq!(entries[1].grapheme, "Baskervilles");
    assert_eq!(entries[1].ipa, "ˈbæskəvɪl");
    assert_eq!(entries[1].respelling.as_deref(), Some("BASK-er-vil"));
    assert_eq!(entries[2].grapheme, "Holmes & Co");
    assert_eq!(entries[2].ipa, "həʊmz");
    assert!(entries.iter().all(|e| e.locale == "en-GB"
        && e.status == Status::NeedsReview
        && !e.case_sensitive
        && e.espeak.is_none()));
}

#[test]
fn export_writes_pls_with_the_studio_extensions() {
    let mut holmes = entry("Holmes", "həʊmz", "en-GB");
    holmes.espeak = Some("h'oUmz".into());
    holmes.respelling = Some("HOHMZ".into());
    holmes.status = Status::Approved;
    holmes.case_sensitive = true;
    let map = PronunciationMap::new(vec![
        holmes,
        entry("Augusto", "awˈɣusto", "es-ES"),
        entry("Watson <Dr>", "ˈwɒtsən", "en-GB"),
    ])
    .unwrap();

    let xml = export(&map, "en");

    assert!(
        xml.starts_with(r#"<?xml version="1.0" encoding="UTF-8"?>"#),
        "{xml}"
    );
    assert!(xml.contains(r#"<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" xmlns:studio="urn:x-audiobook-studio:pls:1" alphabet="ipa" xml:lang="en-GB">"#), "{xml}");
    assert!(
        xml.contains(r#"<lexeme studio:status="approved" studio:case-sensitive="true">"#),
        "{xml}"
    );
    assert!(
        xml.contains(r#"<phoneme alphabet="x-espeak">h&apos;oUmz</phoneme>"#),
        "{xml}"
    );
    assert!(xml.contains("<alias>HOHMZ</alias>"), "{xml}");
    assert!(xml.contains(r#"studio:locale="es-ES""#), "{xml}");
    assert!(
        xml.contains("<grapheme>Watson &lt;Dr&gt;</grapheme>"),
        "{xml}"
    );
    assert_eq!(import(&xml).unwrap(), map);
}

#[test]
fn an_empty_map_exports_in_the_default_locale_and_imports_back() {
    let xml = export(&PronunciationMap::default(), "es");

    assert!(xml.contains(r#"xml:lang="es""#), "{xml}");
    assert!(import(&xml).unwrap().is_empty());
}

fn check_error(xml: &str, expected: &str) {
    match import(xml) {
        Ok(map) => panic!("{xml} imported as {map:?}"),
        Err(error) => assert_eq!(error.to_string(), expected, "{xml}"),
    }
}

#[test]
fn files_that_are_not_pls_1_0_are_refused_with_the_reason() {
    check_error(
        "<lexicon",
        "the file is not well-formed XML (near byte 0): syntax error: tag not closed: `>` not found before end of input",
    );
    check_error(
        "<speak/>",
        "the file is not a PLS lexicon: its root element is <speak>",
    );
    check_error(
        r#"<lexicon version="1.0" alphabet="ipa" xml:lang="en"></lexicon>"#,
        "the <lexicon> is not in the PLS namespace http://www.w3.org/2005/01/pronunciation-lexicon",
    );
    check_error(
        &lexicon("").replace(r#"version="1.0""#, r#"version="2.0""#),
        "PLS version “2.0” is not supported; only 1.0 is",
    );
    check_error(
        &lexicon("").replace(r#" xml:lang="en""#, ""),
        "the <lexicon> has no xml:lang",
    );
    check_error(
        "",
        "the file is not well-formed XML (near byte 0): the document has no root element",
    );
}

#[test]
fn lexeme_problems_name_the_lexeme() {
    let good = "<lexeme><grapheme>a</grapheme><phoneme>a</phoneme></lexeme>";
    check_error(
        &lexicon(&format!(
            r#"{good}<lexeme><grapheme>b</grapheme><phoneme alphabet="x-sampa">b</phoneme></lexeme>"#
        )),
        "lexeme 2: the alphabet “x-sampa” is not supported (only ipa and x-espeak)",
    );
    check_error(
        &lexicon(&format!("{good}{good}")),
        "lexeme 2: entries 1 and 2 both give the pronunciation of “a” in en",
    );
    check_error(
        &lexicon(&format!(
            "{good}<lexeme><grapheme>Holmes</grapheme><phoneme>h3mz</phoneme></lexeme>"
        )),
        "lexeme 2: entry 2 (“Holmes”): “3” (U+0033) at character 2 is not an IPA symbol",
    );
    check_error(
        &lexicon(&format!("{good}<lexeme><grapheme>W3C</grapheme><alias>World Wide Web Consortium</alias></lexeme>")),
        "lexeme 2 has no IPA <phoneme>",
    );
    check_error(
        &lexicon("<lexeme><phoneme>a</phoneme></lexeme>"),
        "lexeme 1 has no <grapheme>",
    );
    check_error(
        &lexicon("<lexeme><grapheme>a<b>c</b></grapheme><phoneme>a</phoneme></lexeme>"),
        "lexeme 1: <b> may not appear inside <grapheme>",
    );
    check_error(
        &lexicon(&format!(
            r#"<lexeme xmlns:s="{STUDIO_NAMESPACE}" s:status="done"><grapheme>a</grapheme><phoneme>a</phoneme></lexeme>"#
        )),
        "lexeme 1: status=“done” is not valid",
    );
    check_error(
        &lexicon("<lexeme><grapheme>&nbsp;</grapheme><phoneme>a</phoneme></lexeme>"),
        "the entity &nbsp; is not defined",
    );
}

#[test]
fn the_duplicate_is_reported_at_the_lexeme_of_its_second_entry() {
    let xml = lexicon(
        "<lexeme><grapheme>a</grapheme><phoneme>a</phoneme></lexeme>\
         <lexeme><grapheme>b</grapheme><grapheme>A</grapheme><phoneme>a</phoneme></lexeme>",
    );

    let error = import(&xml).unwrap_err();

    assert!(
        matches!(
            error,
            PlsError::Entry {
                lexeme: 2,
                error: MapError::Duplicate {
                    first: 1,
                    second: 3,
                    ..
                }
            }
        ),
        "{error:?}"
    );
}

#[test]
fn the_lexicon_alphabet_applies_unless_a_phoneme_names_its_own() {
    let xml = format!(
        r#"<lexicon version="1.0" xmlns="{PLS_NAMESPACE}" alphabet="x-espeak" xml:lang="en">
             <lexeme><grapheme>a</grapheme><phoneme>'eI</phoneme><phoneme alphabet="ipa">eɪ</phoneme></lexeme>
           </lexicon>"#
    );

    let map = import(&xml).unwrap();

    assert_eq!(map.entries()[0].ipa, "eɪ");
    assert_eq!(map.entries()[0].espeak.as_deref(), Some("'eI"));
}

#[test]
fn an_entry_error_keeps_its_kind() {
    let error = import(&lexicon(
        "<lexeme><grapheme>a</grapheme><phoneme>A</phoneme></lexeme>",
    ))
    .unwrap_err();

    assert!(matches!(
        error,
        PlsError::Entry {
            lexeme: 1,
            error: MapError::Entry {
                error: EntryError::Ipa(IpaError::NotIpa { symbol: 'A', .. }),
                ..
            }
        }
    ));
}

#[test]
fn oversized_files_are_refused_before_reading() {
    let huge = " ".repeat(MAX_PLS_BYTES + 1);

    assert!(matches!(import(&huge), Err(PlsError::TooLarge { .. })));
}

fn arb_entry() -> impl Strategy<Value = Entry> {
    let ipa = proptest::collection::vec(
        prop::sample::select(vec![
            'a', 'b', 'ə', 'ʃ', 'ˈ', 'ː', 'ɪ', '.', ' ', 'θ', 'ŋ', 'ʊ',
        ]),
        1..12,
    )
    .prop_map(|symbols| symbols.into_iter().collect::<String>());
    (
        "[^\\p{Cc}]{1,20}",
        ipa,
        proptest::option::of("[ -~]{0,12}"),
        proptest::option::of("[^\\p{Cc}]{0,12}"),
        prop::sample::select(vec!["en", "en-GB", "es", "es-ES"]),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(grapheme, ipa, espeak, respelling, locale, case_sensitive, approved)| Entry {
                grapheme,
                ipa,
                espeak,
                respelling,
                locale: locale.to_owned(),
                case_sensitive,
                status: if approved {
                    Status::Approved
                } else {
                    Status::NeedsReview
                },
            },
        )
}

proptest! {
    #[test]
    fn export_then_import_gives_the_same_map(entries in proptest::collection::vec(arb_entry(), 0..8)) {
        // Entries that are invalid or clash are not maps; the law is about maps.
        if let Ok(map) = PronunciationMap::new(entries) {
            let xml = export(&map, "en");
            prop_assert_eq!(import(&xml), Ok(map), "{}", xml);
        }
    }

    #[test]
    fn import_never_panics_on_arbitrary_text(text in "\\PC{0,200}") {
        let _ = import(&text);
    }

    #[test]
    fn import_never_panics_on_mangled_lexicons(cut in 0usize..600, insert in "[<>&\"'/a-z =;#x0-9]{0,6}") {
        let mut xml = export(
            &PronunciationMap::new(vec![entry("Holmes", "həʊmz", "en"), entry("Watson", "ˈwɒtsən", "es")]).unwrap(),
            "en",
        );
        let mut at = cut.min(xml.len());
        while !xml.is_char_boundary(at) {
            at -= 1;
        }
        xml.insert_str(at, &insert);
        let _ = import(&xml);
    }
}
