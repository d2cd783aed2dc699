use super::*;
use crate::{
    cast::{
        character::{AgeBand, Character},
        character_id::CharacterId,
        voice::Voice,
    },
    text::language::Gender,
};

fn holmes() -> Character {
    let mut holmes = Character::named("Sherlock Holmes", Language::En).expect("a name");
    holmes.aliases = vec!["Holmes".into(), "Mr. Holmes".into()];
    holmes.gender = Gender::Male;
    holmes.voice.voice_id = "en-gb".into();
    holmes
}

fn cast() -> Cast {
    Cast::new(vec![Character::narrator(Language::En), holmes()]).expect("valid cast")
}

#[test]
fn slug_keeps_letters_and_digits_of_any_script() {
    assert_eq!(
        CharacterId::slug("Mr. Sherlock  Holmes").unwrap().as_str(),
        "mr-sherlock-holmes"
    );
    assert_eq!(
        CharacterId::slug("Doña Úrsula").unwrap().as_str(),
        "doña-úrsula"
    );
    assert_eq!(CharacterId::slug("Agent 47").unwrap().as_str(), "agent-47");
    assert_eq!(CharacterId::slug(" -- "), None);
}

#[test]
fn finds_a_character_by_name_or_alias_ignoring_case() {
    let cast = cast();
    assert_eq!(
        cast.find_by_name(" holmes ").map(|c| c.id.as_str()),
        Some("sherlock-holmes")
    );
    assert_eq!(
        cast.find_by_name("MR. HOLMES").map(|c| c.id.as_str()),
        Some("sherlock-holmes")
    );
    assert!(cast.find_by_name("Watson").is_none());
}

#[test]
fn refuses_duplicate_names_and_aliases_across_characters() {
    let mut watson = Character::named("Watson", Language::En).unwrap();
    watson.aliases = vec!["HOLMES".into()];
    let error = Cast::new(vec![Character::narrator(Language::En), holmes(), watson]).unwrap_err();
    assert_eq!(
        error,
        CastError::DuplicateName {
            name: "HOLMES".into()
        }
    );
}

#[test]
fn refuses_a_cast_without_narrator_or_with_a_bad_id() {
    assert_eq!(
        Cast::new(vec![holmes()]).unwrap_err(),
        CastError::NoNarrator
    );
    assert_eq!(Cast::new(vec![]).unwrap_err(), CastError::NoNarrator);
    let mut bad = holmes();
    bad.id = CharacterId("Holmes".into());
    assert_eq!(
        Cast::new(vec![Character::narrator(Language::En), bad]).unwrap_err(),
        CastError::InvalidId {
            id: "Holmes".into()
        }
    );
    let twice = vec![Character::narrator(Language::En), holmes(), {
        let mut other = holmes();
        other.name = "Other".into();
        other.aliases.clear();
        other
    }];
    assert!(matches!(
        Cast::new(twice).unwrap_err(),
        CastError::DuplicateId { .. }
    ));
}

#[test]
fn refuses_voices_out_of_bounds() {
    let mut voice = Voice::default_for(Language::Es);
    assert_eq!(voice.validate(), Ok(()));
    voice.style_degree = 5.0;
    assert_eq!(
        voice.validate(),
        Err(CastError::StyleDegreeOutOfRange { value: 5.0 })
    );
    voice.style_degree = 0.0;
    assert!(voice.validate().is_err());
    voice.style_degree = 2.0;
    voice.rate = 101;
    assert_eq!(
        voice.validate(),
        Err(CastError::RateOutOfRange { value: 101 })
    );
    voice.rate = -50;
    voice.pitch = -51;
    assert_eq!(
        voice.validate(),
        Err(CastError::PitchOutOfRange { value: -51 })
    );
    voice.pitch = 50;
    voice.voice_id = " ".into();
    assert_eq!(voice.validate(), Err(CastError::EmptyVoiceId));
}

#[test]
fn fresh_ids_do_not_collide() {
    let cast = cast();
    assert_eq!(
        cast.fresh_id("Sherlock Holmes").unwrap().as_str(),
        "sherlock-holmes-2"
    );
    assert_eq!(cast.fresh_id("Watson").unwrap().as_str(), "watson");
    assert_eq!(cast.fresh_id("!!"), None);
}

#[test]
fn warns_about_voices_that_sound_the_same() {
    let mut cast = cast().characters().to_vec();
    assert!(Cast::new(cast.clone()).unwrap().shared_voices().is_empty());
    let mut watson = Character::named("Watson", Language::En).unwrap();
    watson.voice.voice_id = "en-gb".into();
    cast.push(watson);
    let cast = Cast::new(cast).unwrap();
    let pairs: Vec<_> = cast
        .shared_voices()
        .into_iter()
        .map(|(a, b)| (a.id.as_str(), b.id.as_str()))
        .collect();
    assert_eq!(pairs, vec![("sherlock-holmes", "watson")]);
}

#[test]
fn serde_round_trip_validates() {
    let cast = cast();
    let json = serde_json::to_string(&cast).unwrap();
    assert_eq!(serde_json::from_str::<Cast>(&json).unwrap(), cast);
    let no_narrator = serde_json::to_string(&vec![holmes()]).unwrap();
    assert!(serde_json::from_str::<Cast>(&no_narrator).is_err());
}

#[test]
fn gender_and_age_names_round_trip() {
    for gender in [Gender::Female, Gender::Male, Gender::Other, Gender::Unknown] {
        assert_eq!(Gender::parse(gender.as_str()), gender);
    }
    for age in [
        AgeBand::Child,
        AgeBand::Teen,
        AgeBand::Adult,
        AgeBand::Senior,
        AgeBand::Unknown,
    ] {
        assert_eq!(AgeBand::parse(age.as_str()), age);
    }
    assert_eq!(Gender::parse("robot"), Gender::Unknown);
}
