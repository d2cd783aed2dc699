use super::*;
use crate::{
    cast::character::Character,
    plan::{limits::EngineLimits, Plan},
    text::language::Language,
};

const CHAPTER: &str = "“Hola,” dijo Pérez.\n\nY se fue.";

fn segments() -> Vec<Segment> {
    let mut segments = crate::plan::segmenter::segment_chapter(CHAPTER, &EngineLimits::default());
    segments[0].speaker = Some("perez".into());
    segments[0].speaker_locked = true;
    segments[1].needs_revision = true;
    segments[1].text = "dijo el señor Pérez.".into();
    segments
}

fn cast() -> Cast {
    let mut perez = Character::named("Pérez", Language::Es).unwrap();
    perez.id = crate::cast::character_id::CharacterId("perez".into());
    perez.aliases = vec!["Don Augusto".into()];
    Cast::new(vec![Character::narrator(Language::Es), perez]).unwrap()
}

#[test]
fn an_export_has_the_desktop_fields_only_in_their_order() {
    let segments = segments();

    let file = export(&segments).unwrap();

    assert!(!file.contains("speakerLocked"));
    assert!(file.ends_with("]\n"));
    let first = &file[..file.find('}').unwrap()];
    let keys = [
        "segment_id",
        "start_idx",
        "end_idx",
        "delimiter",
        "text",
        "originalText",
        "voice",
        "needsRevision",
    ];
    let positions: Vec<usize> = keys
        .iter()
        .map(|key| first.find(&format!("\n    \"{key}\": ")).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{first}");
    let json: serde_json::Value = serde_json::from_str(&file).unwrap();
    assert_eq!(json[0].as_object().unwrap().len(), keys.len());
    assert_eq!(json[0]["voice"], "perez");
    assert!(json[1]["voice"].is_null());
    assert_eq!(json[1]["needsRevision"], true);
}

#[test]
fn an_export_parses_back_to_the_same_segments_but_the_locks() {
    let segments = segments();

    let parsed = parse(&export(&segments).unwrap()).unwrap();

    let unlocked: Vec<_> = segments
        .iter()
        .cloned()
        .map(|s| Segment {
            speaker_locked: false,
            reviewed: false,
            ..s
        })
        .collect();
    assert_eq!(parsed, unlocked);
    assert_eq!(
        Plan::new(parsed).validate(CHAPTER, &EngineLimits::default()),
        Ok(())
    );
}

#[test]
fn locks_come_back_from_the_stored_plan_when_nothing_changed() {
    let stored = segments();
    let mut parsed = parse(&export(&stored).unwrap()).unwrap();
    let mut moved = parsed.clone();
    moved[0].speaker = Some("narrator".into());

    keep_locks(&mut parsed, &stored);
    keep_locks(&mut moved, &stored);

    assert_eq!(parsed, stored);
    assert!(!moved[0].speaker_locked);
}

#[test]
fn a_desktop_file_may_omit_voice_and_revision_and_carry_other_fields() {
    let file =
        "\u{feff}[{\"segment_id\": 3, \"start_idx\": 0, \"end_idx\": 4, \"delimiter\": \"word\",
        \"text\": \"Hola\", \"originalText\": \"Hola\", \"ssml\": \"<speak/>\"}]";

    let parsed = parse(file).unwrap();

    assert_eq!(parsed.len(), 1);
    assert_eq!(parsed[0].id, SegmentId(3));
    assert_eq!(
        (parsed[0].speaker.as_deref(), parsed[0].needs_revision),
        (None, false)
    );
}

#[test]
fn a_file_that_is_not_json_names_the_line_and_column() {
    let err = parse("[\n  {\"segment_id\": 1,\n  \"start_idx\" 0}\n]").unwrap_err();

    assert_eq!(
        err,
        PlanFileError::Malformed {
            line: 3,
            column: 15,
            reason: "expected `:`".into()
        }
    );
    assert_eq!(
        err.to_string(),
        "the plan file is not valid JSON (line 3, column 15): expected `:`"
    );
    assert!(matches!(
        parse("[{\"segment_id\": 1"),
        Err(PlanFileError::Malformed { .. })
    ));
}

#[test]
fn json_of_another_shape_is_not_a_plan() {
    let missing = parse(r#"[{"segment_id": 1, "end_idx": 4}]"#).unwrap_err();
    let object = parse(r#"{"segments": []}"#).unwrap_err();
    let delimiter = parse(
        r#"[{"segment_id":1,"start_idx":0,"end_idx":4,"delimiter":"comma","text":"a","originalText":"a"}]"#,
    )
    .unwrap_err();

    assert!(
        missing
            .to_string()
            .starts_with("the plan file is not a list of plan segments (line 1, column "),
        "{missing}"
    );
    assert!(missing.to_string().ends_with("missing field `start_idx`"));
    assert!(matches!(object, PlanFileError::NotAPlan { line: 1, .. }));
    assert!(delimiter.to_string().contains("unknown variant `comma`"));
}

#[test]
fn voices_map_ids_names_and_aliases_to_cast_ids() {
    let cast = cast();
    let mut segments = segments();
    segments[0].speaker = Some(" PÉREZ ".into());
    segments[1].speaker = Some("narrador".into());
    segments[2].speaker = Some("don augusto".into());
    let mut by_id = segments.clone();
    by_id[0].speaker = Some("perez".into());
    by_id[1].speaker = Some("  ".into());
    by_id[2].speaker = Some("narrator".into());

    resolve_voices(&mut segments, &cast).unwrap();
    resolve_voices(&mut by_id, &cast).unwrap();

    let speakers =
        |s: &[Segment]| -> Vec<Option<String>> { s.iter().map(|s| s.speaker.clone()).collect() };
    assert_eq!(
        speakers(&segments),
        [
            Some("perez".into()),
            Some("narrator".into()),
            Some("perez".into())
        ]
    );
    assert_eq!(
        speakers(&by_id),
        [Some("perez".into()), None, Some("narrator".into())]
    );
}

#[test]
fn an_unknown_voice_is_refused_and_nothing_changes() {
    let cast = cast();
    let mut segments = segments();
    segments[0].speaker = Some("Narrador".into());
    segments[2].speaker = Some("es-ES-AlvaroNeural".into());
    let before = segments.clone();

    let err = resolve_voices(&mut segments, &cast).unwrap_err();

    assert_eq!(
        err,
        SegmentError::UnknownSpeaker {
            id: segments[2].id,
            speaker: "es-ES-AlvaroNeural".into()
        }
    );
    assert_eq!(segments, before);
}
