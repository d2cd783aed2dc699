//! Tests of the scene: people named in the narration are candidates of the conversation, and the
//! subject of the narration right before an untagged turn is its likeliest speaker.

use crate::{
    attribution::attribute,
    cast::{character::Character, character_id::CharacterId, Cast},
    text::language::{Gender, Language},
};

fn cast() -> Cast {
    let mut characters = vec![Character::narrator(Language::En)];
    for (name, gender) in [("Holmes", Gender::Male), ("Martha Pell", Gender::Female)] {
        let mut character = Character::named(name, Language::En).unwrap();
        character.gender = gender;
        characters.push(character);
    }
    Cast::new(characters).unwrap()
}

#[test]
fn someone_the_narration_names_before_an_untagged_turn_speaks_it() {
    let text = "Martha Pell came in with the tray and set it down by the fire.\n\n\
                “Will that be all, sir?”\n\n“Yes, thank you,” said Holmes.";
    let got: Vec<_> = attribute(text, &cast(), Language::En, &[])
        .into_iter()
        .map(|a| a.speaker)
        .collect();
    assert_eq!(
        got,
        [
            CharacterId::slug("Martha Pell"),
            CharacterId::slug("Holmes")
        ]
    );
}

#[test]
fn nobody_named_leaves_the_turn_to_turn_taking() {
    let text = "The door opened and the wind came in with the rain.\n\n\
                “Will that be all, sir?”\n\n“Yes, thank you,” said Holmes.";
    let got = attribute(text, &cast(), Language::En, &[]);
    assert_ne!(got[0].speaker, CharacterId::slug("Martha Pell"));
}
