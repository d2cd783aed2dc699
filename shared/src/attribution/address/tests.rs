//! Tests of the people the narration says are spoken to: never the speaker, likeliest to answer.

use super::listeners;
use crate::{
    attribution::{attribute, text::Doc},
    cast::{character::Character, character_id::CharacterId, Cast},
    text::language::{Gender, Language},
};

fn cast(people: &[(&str, Gender)], language: Language) -> Cast {
    let mut characters = vec![Character::narrator(language)];
    for (name, gender) in people {
        let mut character = Character::named(name, language).unwrap();
        character.gender = *gender;
        characters.push(character);
    }
    Cast::new(characters).unwrap()
}

fn speakers(text: &str, cast: &Cast, language: Language) -> Vec<Option<CharacterId>> {
    attribute(text, cast, language, &[])
        .into_iter()
        .map(|a| a.speaker)
        .collect()
}

fn listened(text: &str, language: Language) -> Vec<usize> {
    let names = [("Holmes", 1), ("Martha", 2), ("Juan", 3), ("Elena", 4)];
    let doc = Doc::new(text, language, &names);
    listeners(&doc, &(0..text.len()))
        .into_iter()
        .map(|(who, _)| who)
        .collect()
}

#[test]
fn a_name_after_a_speech_or_turning_verb_and_to_is_spoken_to() {
    assert_eq!(
        listened("He said to Martha that it was late.", Language::En),
        [2]
    );
    assert_eq!(
        listened("Turning towards Mr. Holmes, she sighed.", Language::En),
        [1]
    );
    assert_eq!(listened("preguntó Juan á Elena", Language::Es), [4]);
    assert_eq!(listened("volviéndose hacia Juan", Language::Es), [3]);
}

#[test]
fn a_name_after_other_verbs_or_another_clause_is_not() {
    assert!(listened("Holmes went to Martha and waited.", Language::En).is_empty());
    assert!(listened("He said nothing. To Martha it was plain.", Language::En).is_empty());
    assert!(listened("Juan se acercó a Elena.", Language::Es).is_empty());
    assert!(listened("dijo Juan al fin", Language::Es).is_empty());
}

#[test]
fn the_one_spoken_to_in_a_tag_answers_in_a_three_way_conversation() {
    let people = [
        ("Holmes", Gender::Male),
        ("Watson", Gender::Male),
        ("Martha", Gender::Female),
    ];
    let c = cast(&people, Language::En);
    let text = "Martha stood at the door while Holmes and Watson sat by the fire.\n\n\
                “Sit down, please,” said Holmes to Martha.\n\n\
                “Thank you, but I had rather stand.”";
    assert_eq!(
        speakers(text, &c, Language::En),
        [CharacterId::slug("Holmes"), CharacterId::slug("Martha")]
    );
}

#[test]
fn whom_the_narration_turns_to_does_not_say_the_next_line() {
    let people = [("Holmes", Gender::Male), ("Watson", Gender::Male)];
    let c = cast(&people, Language::En);
    let text = "“It is late,” said Holmes.\n\n“Very late,” said Watson.\n\n\
                Watson yawned by the fire until Holmes turned to Watson.\n\n\
                “Do you see it now?”";
    let got = speakers(text, &c, Language::En);
    assert_eq!(got[2], CharacterId::slug("Holmes"));
}

#[test]
fn spanish_a_tag_speaking_to_someone_gives_them_the_reply() {
    let people = [
        ("Juan", Gender::Male),
        ("Pedro", Gender::Male),
        ("Ana", Gender::Female),
    ];
    let c = cast(&people, Language::Es);
    let text = "Juan, Pedro y Ana cenaban en silencio.\n\n\
                —¿Vienes mañana? —preguntó Juan á Pedro.\n\n\
                —Iré si no llueve.";
    assert_eq!(
        speakers(text, &c, Language::Es),
        [CharacterId::slug("Juan"), CharacterId::slug("Pedro")]
    );
}
