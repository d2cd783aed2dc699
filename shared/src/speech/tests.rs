use proptest::prelude::*;
use quick_xml::{events::Event, Reader};

use super::{key::ClipSource, *};
use crate::{
    cast::voice::{Voice, VoiceEngine},
    pronunciation::{Entry, PronunciationMap},
};

fn espeak_voice() -> Voice {
    Voice::default_for(Language::En)
}

fn azure_voice() -> Voice {
    Voice {
        engine: VoiceEngine::Azure,
        voice_id: "en-GB-RyanNeural".into(),
        style: Some("cheerful".into()),
        style_degree: 1.5,
        rate: 10,
        pitch: -5,
    }
}

fn entry(grapheme: &str, ipa: &str, locale: &str) -> Entry {
    Entry::new(grapheme, ipa, locale)
}

fn map(entries: Vec<Entry>) -> PronunciationMap {
    PronunciationMap::new(entries).unwrap()
}

fn say(text: &str, voice: &Voice, dialect: Dialect, map: &PronunciationMap) -> Rendering {
    let locale = voice_locale(voice, Language::En);
    let utterance = Utterance {
        text,
        voice,
        language: Language::En,
    };
    render(
        utterance,
        dialect,
        &Pronouncer::new(map, &locale),
        &EngineLimits::default(),
    )
    .unwrap()
}

/// The words found, as text.
fn found(map: &PronunciationMap, locale: &str, text: &str) -> Vec<String> {
    Pronouncer::new(map, locale)
        .find(text)
        .into_iter()
        .map(|m| text[m.start..m.end].to_owned())
        .collect()
}

fn well_formed(document: &str) {
    let mut reader = Reader::from_str(document);
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(err) => panic!("not well-formed: {err}\n{document}"),
        }
    }
}

#[test]
fn azure_gets_voice_style_prosody_and_ipa_phonemes() {
    let holmes = entry("Sherlock", "ˈʃɜːlɒk", "en");
    let rendering = say(
        "Sherlock & Watson <left>.",
        &azure_voice(),
        Dialect::Azure,
        &map(vec![holmes]),
    );

    assert_eq!(
        rendering.document,
        "<speak version=\"1.0\" xmlns=\"http://www.w3.org/2001/10/synthesis\" \
         xmlns:mstts=\"https://www.w3.org/2001/mstts\" xml:lang=\"en-GB\">\
         <voice name=\"en-GB-RyanNeural\">\
         <mstts:express-as style=\"cheerful\" styledegree=\"1.50\">\
         <prosody rate=\"+10%\" pitch=\"-5%\">\
         <phoneme alphabet=\"ipa\" ph=\"ˈʃɜːlɒk\">Sherlock</phoneme> &amp; Watson &lt;left&gt;.\
         </prosody></mstts:express-as></voice></speak>"
    );
    well_formed(&rendering.document);
    assert_eq!(
        rendering.applied,
        vec![Applied {
            start: 0,
            end: 8,
            grapheme: "Sherlock".into(),
            form: Form::Ipa,
        }]
    );
    // Billed: everything inside <voice>, markup of style, prosody and phoneme included.
    let inside = rendering.document.split_once("RyanNeural\">").unwrap().1;
    let inside = inside.strip_suffix("</voice></speak>").unwrap();
    assert_eq!(rendering.billable_chars, inside.chars().count());
}

#[test]
fn azure_without_style_or_prosody_writes_neither() {
    let voice = Voice {
        style: None,
        rate: 0,
        pitch: 0,
        ..azure_voice()
    };
    let rendering = say(
        "Hello.",
        &voice,
        Dialect::Azure,
        &PronunciationMap::default(),
    );
    assert!(!rendering.document.contains("express-as"));
    assert!(!rendering.document.contains("prosody"));
    assert!(rendering
        .document
        .contains("<voice name=\"en-GB-RyanNeural\">Hello.</voice>"));
}

#[test]
fn espeak_prefers_its_phonemes_then_the_respelling_then_plain_text() {
    let mut with_phonemes = entry("Sherlock", "ˈʃɜːlɒk", "en");
    with_phonemes.espeak = Some("S'3:lQk".into());
    let mut with_respelling = entry("Watson", "ˈwɒtsən", "en");
    with_respelling.respelling = Some("WOT-sun".into());
    let bare = entry("Lestrade", "lɛˈstrɑːd", "en");
    let rendering = say(
        "Sherlock, Watson and Lestrade.",
        &espeak_voice(),
        Dialect::Espeak,
        &map(vec![with_phonemes, with_respelling, bare]),
    );

    assert_eq!(
        rendering.document,
        "<speak version=\"1.0\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"en\">\
         <phoneme alphabet=\"espeak\" ph=\"S'3:lQk\"/>, \
         <sub alias=\"WOT-sun\">Watson</sub> and Lestrade.</speak>"
    );
    well_formed(&rendering.document);
    let forms: Vec<Form> = rendering.applied.iter().map(|a| a.form).collect();
    assert_eq!(forms, vec![Form::Espeak, Form::Respelling]);
    assert_eq!(rendering.unsaid.len(), 1);
    assert_eq!(rendering.unsaid[0].entry.grapheme, "Lestrade");
    assert_eq!(
        rendering.billable_chars,
        "Sherlock, Watson and Lestrade.".len()
    );
}

#[test]
fn espeak_never_sees_double_brackets_or_unescaped_markup() {
    let rendering = say(
        "He wrote [[tS'erlok]] & <audio src=\"x\"/> ]]>",
        &espeak_voice(),
        Dialect::Espeak,
        &PronunciationMap::default(),
    );
    well_formed(&rendering.document);
    assert!(!rendering.document.contains("[["), "{}", rendering.document);
    assert!(!rendering.document.contains("]]"), "{}", rendering.document);
    assert!(
        !rendering.document.contains("<audio"),
        "{}",
        rendering.document
    );
    assert!(rendering
        .document
        .contains("((tS&apos;erlok)) &amp; &lt;audio"));
}

#[test]
fn espeak_attribute_values_that_need_escaping_are_not_used_raw() {
    let mut quoted = entry("Quote", "kwəʊt", "en");
    quoted.espeak = Some("k\"w".into());
    quoted.respelling = Some("KWOHT".into());
    let rendering = say(
        "Quote.",
        &espeak_voice(),
        Dialect::Espeak,
        &map(vec![quoted]),
    );
    assert!(rendering
        .document
        .contains("<sub alias=\"KWOHT\">Quote</sub>"));
    well_formed(&rendering.document);
}

#[test]
fn plain_text_takes_the_respelling_in_place_of_the_word() {
    let mut watson = entry("Watson", "ˈwɒtsən", "en");
    watson.respelling = Some("WOT-sun".into());
    let holmes = entry("Holmes", "həʊmz", "en");
    let rendering = say(
        "Watson & Holmes <3",
        &espeak_voice(),
        Dialect::Plain,
        &map(vec![watson, holmes]),
    );
    assert_eq!(rendering.document, "WOT-sun & Holmes <3");
    assert_eq!(rendering.applied.len(), 1);
    assert_eq!(rendering.unsaid[0].entry.grapheme, "Holmes");
}

#[test]
fn applied_positions_count_characters_not_bytes() {
    let rendering = say(
        "¿Ángel? —dijo Ñúñez.",
        &Voice::default_for(Language::Es),
        Dialect::Azure,
        &map(vec![entry("Ñúñez", "ˈɲuɲeθ", "es")]),
    );
    // The Spanish voice's locale is "es": the entry applies.
    assert_eq!(rendering.applied[0].start, 14);
    assert_eq!(rendering.applied[0].end, 19);
}

#[test]
fn matching_takes_the_longest_whole_word_entry() {
    let entries = map(vec![
        entry("Baker", "ˈbeɪkə", "en"),
        entry("Baker Street", "ˈbeɪkə striːt", "en"),
        entry("Holmes", "həʊmz", "en"),
    ]);
    check_found(
        &entries,
        "en",
        "221B Baker Street, Holmes",
        &["Baker Street", "Holmes"],
    );
    check_found(&entries, "en", "Bakerloo and Holmesian", &[]);
    check_found(&entries, "en", "Baker's and Holmes's", &["Baker", "Holmes"]);
}

#[test]
fn matching_follows_each_entrys_case_rule_in_any_script() {
    let mut sensitive = entry("Bath", "bɑːθ", "en");
    sensitive.case_sensitive = true;
    let entries = map(vec![sensitive, entry("ángel", "ˈaŋxel", "es")]);
    check_found(&entries, "en", "Bath, not a bath or BATH", &["Bath"]);
    check_found(&entries, "es", "ÁNGEL y Ángel", &["ÁNGEL", "Ángel"]);
}

#[test]
fn matching_applies_general_locales_to_regional_text_not_the_reverse() {
    let entries = map(vec![
        entry("tomato", "təˈmɑːtəʊ", "en-GB"),
        entry("Holmes", "həʊmz", "en"),
    ]);
    check_found(
        &entries,
        "en-GB",
        "Holmes ate a tomato",
        &["Holmes", "tomato"],
    );
    check_found(&entries, "en-US", "Holmes ate a tomato", &["Holmes"]);
    check_found(&entries, "en", "Holmes ate a tomato", &["Holmes"]);
    check_found(&entries, "es", "Holmes ate a tomato", &[]);
}

#[test]
fn the_more_specific_locale_wins_for_the_same_word() {
    let entries = map(vec![
        entry("tomato", "təˈmeɪtoʊ", "en"),
        entry("tomato", "təˈmɑːtəʊ", "en-GB"),
    ]);
    let found = Pronouncer::new(&entries, "en-GB").find("a tomato");
    assert_eq!(found[0].entry.ipa, "təˈmɑːtəʊ");
}

fn check_found(entries: &PronunciationMap, locale: &str, text: &str, expected: &[&str]) {
    assert_eq!(
        found(entries, locale, text),
        expected,
        "in {text:?} ({locale})"
    );
}

#[test]
fn over_the_limits_is_refused_before_any_engine() {
    let voice = espeak_voice();
    let utterance = |text| Utterance {
        text,
        voice: &voice,
        language: Language::En,
    };
    let small = EngineLimits {
        max_ssml_bytes: 120,
        ..EngineLimits::default()
    };
    let long_text = "word ".repeat(40);
    assert!(matches!(
        render(
            utterance(&long_text),
            Dialect::Espeak,
            &Pronouncer::none(),
            &small
        ),
        Err(SpeechError::TooManyBytes { max: 120, .. })
    ));
    let short = EngineLimits {
        max_audio_seconds: 5,
        ..EngineLimits::default()
    };
    assert_eq!(
        render(
            utterance(&long_text),
            Dialect::Espeak,
            &Pronouncer::none(),
            &short
        ),
        Err(SpeechError::TooLong {
            seconds: 16,
            max: 5
        })
    );
    assert_eq!(
        render(
            utterance("  \n"),
            Dialect::Espeak,
            &Pronouncer::none(),
            &short
        ),
        Err(SpeechError::Empty)
    );
}

#[test]
fn a_slower_voice_is_estimated_longer() {
    let limits = EngineLimits::default();
    let slow = Voice {
        rate: -50,
        ..espeak_voice()
    };
    let text = "one two three four five six";
    assert!(
        estimate_seconds(text, &slow, &limits)
            > estimate_seconds(text, &espeak_voice(), &limits) * 1.9
    );
}

#[test]
fn voice_locales_come_from_the_voice_name() {
    let check = |engine, id: &str, expected: &str| {
        let voice = Voice {
            engine,
            voice_id: id.into(),
            ..Voice::default_for(Language::Es)
        };
        assert_eq!(voice_locale(&voice, Language::Es), expected, "{id}");
    };
    check(VoiceEngine::Azure, "es-ES-ElviraNeural", "es-ES");
    check(VoiceEngine::Azure, "es-419-x", "es-419");
    check(VoiceEngine::Espeak, "en-gb+f3", "en-gb");
    check(VoiceEngine::Espeak, "en-gb-x-rp", "en-gb");
    check(VoiceEngine::Espeak, "es", "es");
    check(VoiceEngine::Espeak, "sit/yue", "es");
}

#[test]
fn clip_keys_are_hex_and_parse_back() {
    let voice = espeak_voice();
    let key = ClipKey::of(&ClipSource {
        engine: "espeak",
        engine_version: "1.51",
        format: "wav",
        voice: &voice,
        document: "<speak/>",
    });
    assert_eq!(key.as_str().len(), 64);
    assert_eq!(key.as_str().parse::<ClipKey>(), Ok(key.clone()));
    assert!("../etc/passwd".parse::<ClipKey>().is_err());
    assert!(key.as_str().to_uppercase().parse::<ClipKey>().is_err());
}

/// What a clip is rendered from, as the property test varies it.
#[derive(Debug, Clone, PartialEq)]
struct Input {
    text: String,
    voice: Voice,
    ipa: String,
    respelling: Option<String>,
    dialect: Dialect,
}

fn key_of(input: &Input) -> ClipKey {
    let mut name = entry("Holmes", &input.ipa, "en");
    name.respelling = input.respelling.clone();
    let entries = map(vec![name]);
    let locale = voice_locale(&input.voice, Language::En);
    let rendering = render(
        Utterance {
            text: &input.text,
            voice: &input.voice,
            language: Language::En,
        },
        input.dialect,
        &Pronouncer::new(&entries, &locale),
        &EngineLimits::default(),
    )
    .unwrap();
    ClipKey::of(&ClipSource {
        engine: "engine",
        engine_version: "1",
        format: "wav",
        voice: &input.voice,
        document: &rendering.document,
    })
}

fn input() -> impl Strategy<Value = Input> {
    (
        "[a-zA-Z &<>\\[\\]']{0,12}",
        prop::sample::select(vec!["en-gb", "en-us", "en-GB-RyanNeural"]),
        prop::option::of(prop::sample::select(vec!["cheerful", "sad"])),
        1u32..=200,
        -50i32..=100,
        -50i32..=50,
        prop::sample::select(vec!["həʊmz", "hoʊmz", "ˈhɒlmz"]),
        prop::option::of(prop::sample::select(vec!["HOHMZ", "HOLMZ"])),
        prop::sample::select(vec![Dialect::Azure, Dialect::Espeak, Dialect::Plain]),
    )
        .prop_map(
            |(words, voice_id, style, degree, rate, pitch, ipa, respelling, dialect)| Input {
                text: format!("Holmes said {words}."),
                voice: Voice {
                    engine: VoiceEngine::Azure,
                    voice_id: voice_id.into(),
                    style: style.map(Into::into),
                    style_degree: degree as f32 / 100.0,
                    rate,
                    pitch,
                },
                ipa: ipa.into(),
                respelling: respelling.map(Into::into),
                dialect,
            },
        )
}

proptest! {
    /// A change of text or of any voice setting always makes a new key; so does a change of the
    /// applied pronunciation in the form the dialect sends; the same input, the same key.
    #[test]
    fn a_changed_input_gets_a_new_key(a in input(), b in input()) {
        prop_assert_eq!(key_of(&a), key_of(&a.clone()));
        let sent_differs = a.text != b.text
            || a.voice != b.voice
            || a.dialect != b.dialect
            || match a.dialect {
                Dialect::Azure => a.ipa != b.ipa,
                Dialect::Espeak | Dialect::Plain => a.respelling != b.respelling,
            };
        prop_assert_eq!(key_of(&a) != key_of(&b), sent_differs, "{:?} / {:?}", a, b);
    }
}
