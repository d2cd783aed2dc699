use super::*;

/// The unedited output of `espeak-ng --voices` (espeak-ng 1.51, Debian bookworm).
const ESPEAK_1_51: &str = include_str!("espeak-ng-1.51-voices.txt");

/// An answer of Azure's `voices/list` in the documented shape: styles on some voices only,
/// numbers as strings, fields we do not read, and a voice with only `LocalName`.
const AZURE_LIST: &str = include_str!("azure-voices-list.json");

fn find<'a>(voices: &'a [CatalogueVoice], id: &str) -> &'a CatalogueVoice {
    voices
        .iter()
        .find(|voice| voice.id == id)
        .unwrap_or_else(|| panic!("no voice {id}"))
}

#[test]
fn every_espeak_line_after_the_header_is_a_voice() {
    let voices = parse_espeak_voices(ESPEAK_1_51);

    assert_eq!(voices.len(), ESPEAK_1_51.lines().count() - 1);
    assert!(voices.iter().all(|v| v.engine == VoiceEngine::Espeak));
    assert!(voices.iter().all(|v| v.styles.is_empty()));
}

#[test]
fn an_espeak_voice_is_named_by_its_language_with_a_readable_name() {
    let voices = parse_espeak_voices(ESPEAK_1_51);

    assert_eq!(
        find(&voices, "en-gb"),
        &CatalogueVoice {
            engine: VoiceEngine::Espeak,
            id: "en-gb".into(),
            name: "English (Great Britain)".into(),
            language: "en-gb".into(),
            gender: Some(Gender::Male),
            styles: Vec::new(),
        }
    );
    assert_eq!(find(&voices, "es").name, "Spanish (Spain)");
    assert_eq!(find(&voices, "es-419").name, "Spanish (Latin America)");
    assert_eq!(
        find(&voices, "cmn").name,
        "Chinese (Mandarin, latin as English)"
    );
    assert_eq!(find(&voices, "chr-US-Qaaa-x-west").name, "Cherokee");
    assert_eq!(find(&voices, "bpy").name, "Bishnupriya Manipuri");
}

#[test]
fn espeak_ids_are_unique_a_repeated_language_takes_the_voice_file() {
    let voices = parse_espeak_voices(ESPEAK_1_51);

    let mut ids: Vec<_> = voices.iter().map(|v| v.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), voices.len());
    let jyutping = find(&voices, "sit/yue-Latn-jyutping");
    assert_eq!(jyutping.language, "yue");
    assert_eq!(find(&voices, "yue").name, "Chinese (Cantonese)");
}

#[test]
fn espeak_voices_for_a_language_include_its_regional_variants() {
    let voices = parse_espeak_voices(ESPEAK_1_51);

    let spanish: Vec<_> = voices
        .iter()
        .filter(|v| v.speaks(Language::Es))
        .map(|v| v.id.as_str())
        .collect();
    assert_eq!(spanish, ["es", "es-419"]);
    assert!(find(&voices, "en-us").speaks(Language::En));
    assert!(!find(&voices, "eu").speaks(Language::Es));
}

#[test]
fn espeak_genders_and_odd_lines() {
    let output = "Pty Language       Age/Gender VoiceName          File                 Other Languages\n\
                  \x20 5  en-us           --/F      us-mbrola-1        mb/mb-us1            (en 8)\n\
                  \x20 5  xx               --/       Someone            xx/xx\n\
                  \x20 5  zz\n\
                  \n\
                  garbage line\n";

    let voices = parse_espeak_voices(output);

    assert_eq!(voices.len(), 2);
    assert_eq!(voices[0].gender, Some(Gender::Female));
    assert_eq!(voices[0].name, "us-mbrola-1");
    assert_eq!(
        (voices[1].gender, voices[1].name.as_str()),
        (None, "Someone")
    );
    assert!(parse_espeak_voices("").is_empty());
}

#[test]
fn azure_voices_keep_short_name_locale_gender_and_styles() {
    let voices = parse_azure_voices(AZURE_LIST).unwrap();

    assert_eq!(voices.len(), 5);
    assert_eq!(
        voices[2],
        CatalogueVoice {
            engine: VoiceEngine::Azure,
            id: "es-MX-JorgeNeural".into(),
            name: "Jorge".into(),
            language: "es-MX".into(),
            gender: Some(Gender::Male),
            styles: vec!["cheerful".into(), "chat".into()],
        }
    );
    let jenny = find(&voices, "en-US-JennyNeural");
    assert_eq!(jenny.gender, Some(Gender::Female));
    assert!(jenny.styles.contains(&"whispering".to_owned()));
    assert!(find(&voices, "es-ES-ElviraNeural").styles.is_empty());
    assert_eq!(find(&voices, "zh-CN-XiaoxiaoNeural").name, "Xiaoxiao");
}

#[test]
fn an_azure_voice_with_few_fields_falls_back_to_local_name_and_no_gender() {
    let voices = parse_azure_voices(AZURE_LIST).unwrap();

    let ada = find(&voices, "en-GB-AdaMultilingualNeural");
    assert_eq!(
        (ada.name.as_str(), ada.gender, ada.language.as_str()),
        ("Ada Multilingual", None, "en-GB")
    );
    let bare =
        parse_azure_voices(r#"[{"ShortName":"x-Y","Locale":"x","Gender":"Neutral"}]"#).unwrap();
    assert_eq!(
        (bare[0].name.as_str(), bare[0].gender),
        ("x-Y", Some(Gender::Other))
    );
    assert_eq!(parse_azure_voices("[]").unwrap(), Vec::new());
}

#[test]
fn a_malformed_azure_list_names_the_line_and_column() {
    let broken =
        parse_azure_voices("[\n  {\"ShortName\": \"en-US-X\",\n  \"Locale\" \"en-US\"}\n]");
    let missing = parse_azure_voices(r#"[{"ShortName": "en-US-X"}]"#);
    let not_a_list = parse_azure_voices(r#"{"error": "unauthorised"}"#);

    let Err(VoiceListError::Malformed { line, column, .. }) = broken else {
        panic!("{broken:?}");
    };
    assert_eq!((line, column), (3, 12));
    let Err(err) = missing else {
        panic!("{missing:?}")
    };
    assert_eq!(
        err.to_string(),
        "the voice list is not valid at line 1, column 25: missing field `Locale`"
    );
    assert!(not_a_list.is_err());
}

#[test]
fn a_catalogue_voice_round_trips_through_json() {
    let voices = parse_azure_voices(AZURE_LIST).unwrap();

    let json = serde_json::to_string(&voices).unwrap();

    assert_eq!(
        serde_json::from_str::<Vec<CatalogueVoice>>(&json).unwrap(),
        voices
    );
    assert!(json.contains(r#""engine":"azure""#));
}

#[test]
fn elevenlabs_voices_are_multilingual_unless_labelled() {
    let json = r#"{"voices": [
        {"voice_id": "JBFqnCBsd6RMkjVDRZzb", "name": "George", "category": "premade",
         "labels": {"accent": "british", "gender": "male", "age": "middle aged"}},
        {"voice_id": "abc123", "name": "Lucía", "labels": {"language": "es", "gender": "female"}},
        {"voice_id": "noname"}
    ]}"#;

    let voices = parse_elevenlabs_voices(json).unwrap();

    assert_eq!(voices.len(), 3);
    assert_eq!(voices[0].id, "JBFqnCBsd6RMkjVDRZzb");
    assert_eq!(voices[0].engine, VoiceEngine::ElevenLabs);
    assert_eq!(voices[0].gender, Some(Gender::Male));
    assert!(voices[0].speaks(Language::Es) && voices[0].speaks(Language::En));
    assert!(voices[1].speaks(Language::Es) && !voices[1].speaks(Language::En));
    assert_eq!(voices[2].name, "noname");
    assert!(parse_elevenlabs_voices("[]").is_err());
}
