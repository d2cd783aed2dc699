//! Tests of the Spanish rules the verb's ending and agreement give: "—respondí" is the narrating
//! character, "—dijo" someone else, "—dijo, asustada" a woman. The passages are made up.

use super::{verdict::Rule, *};
use crate::{cast::character::Character, text::language::Gender};

/// Ramiro tells the story; Elena and Tomás speak to him.
fn ramiro_narrates() -> Cast {
    let mut characters = vec![Character::narrator(Language::Es)];
    for (name, gender, narrates) in [
        ("Ramiro", Gender::Male, true),
        ("Elena", Gender::Female, false),
        ("Tomás", Gender::Male, false),
    ] {
        let mut character = Character::named(name, Language::Es).unwrap();
        character.gender = gender;
        character.narrates = narrates;
        characters.push(character);
    }
    Cast::new(characters).unwrap()
}

fn speakers(text: &str, cast: &Cast) -> Vec<(Option<CharacterId>, Rule)> {
    attribute(text, cast, Language::Es, &[])
        .into_iter()
        .map(|a| (a.speaker, a.evidence.rule))
        .collect()
}

fn id(name: &str) -> Option<CharacterId> {
    CharacterId::slug(name)
}

#[test]
fn a_first_person_verb_with_no_subject_is_the_narrating_character() {
    let text = "—¿Vienes o no? —preguntó Tomás.\n\n—Ya voy —respondí—. Espérame.\n\n\
                —Date prisa —le dije a Elena.";
    let got = speakers(text, &ramiro_narrates());
    assert_eq!(got[0], (id("Tomás"), Rule::ExplicitTag));
    assert_eq!(got[1], (id("Ramiro"), Rule::ExplicitTag));
    assert_eq!(got[2], (id("Ramiro"), Rule::ExplicitTag));
    assert_eq!(got[3], (id("Ramiro"), Rule::ExplicitTag));
}

#[test]
fn a_third_person_verb_with_no_subject_is_not_the_narrating_character() {
    // After a paragraph of narration the same speaker often goes on; "—contestó" cannot be
    // Ramiro, who would say "—contesté".
    let text = "—No pienso ir —dije yo.\n\nLa lluvia golpeaba los cristales de la cocina \
                desde hacía un buen rato.\n\n—Pues allá tú —contestó.\n\n—Adiós —dijo Elena.";
    let got = speakers(text, &ramiro_narrates());
    assert_eq!(got[0].0, id("Ramiro"));
    assert_ne!(got[1].0, id("Ramiro"));
}

#[test]
fn an_adjective_agreeing_with_a_left_out_subject_gives_the_gender() {
    let text = "—Pase usted —dijo Tomás.\n\nElena dejó el paraguas junto a la puerta y miró \
                la sala vacía un momento.\n\n—¿Y los demás? —preguntó, asustada.";
    let got = speakers(text, &ramiro_narrates());
    assert_eq!(got[0].0, id("Tomás"));
    assert_eq!(got[1].0, id("Elena"));
    let text = text.replace("asustada", "asustado");
    let got = speakers(&text, &ramiro_narrates());
    assert_ne!(got[1].0, id("Elena"));
}

#[test]
fn a_name_after_words_of_manner_in_the_inciso_is_the_subject() {
    let mut characters = vec![Character::narrator(Language::Es)];
    for (name, alias, gender) in [
        ("Rosa", "tía Rosa", Gender::Female),
        ("Pedro", "", Gender::Male),
        ("Flora", "", Gender::Female),
    ] {
        let mut c = Character::named(name, Language::Es).unwrap();
        if !alias.is_empty() {
            c.aliases = vec![alias.to_owned()];
        }
        c.gender = gender;
        characters.push(c);
    }
    let cast = Cast::new(characters).unwrap();
    for (text, speaker) in [
        (
            "—Ya veremos —dijo medio en serio la tía Rosa—. Ven aquí.",
            "Rosa",
        ),
        (
            "—Ya veremos —dijo con mucha calma Pedro—. Ven aquí.",
            "Pedro",
        ),
        (
            "—Ya veremos —contestó, sin levantar la vista, Flora—.",
            "Flora",
        ),
    ] {
        let found = speakers(text, &cast);
        assert_eq!(found[0], (id(speaker), Rule::ExplicitTag), "{text}");
    }
    // Spoken to, someone's relation, or the subject of another clause: not the speaker.
    for text in [
        "—Ya veremos —dijo mirando fijamente a la tía Rosa—.",
        "—Ya veremos —dijo el padre de Flora—.",
        "—Ya veremos —dijo, y Pedro se echó a reír.",
    ] {
        let found = speakers(text, &cast);
        assert_ne!(found[0].1, Rule::ExplicitTag, "{text}");
    }
}

#[test]
fn the_subject_after_an_opening_participle_tags_the_next_turn() {
    let mut characters = vec![Character::narrator(Language::Es)];
    for (name, aliases, gender) in [
        ("Flora", vec!["la moza"], Gender::Female),
        ("El padre", vec!["su padre"], Gender::Male),
        ("Pedro", vec![], Gender::Male),
    ] {
        let mut c = Character::named(name, Language::Es).unwrap();
        c.aliases = aliases.iter().map(|a| a.to_string()).collect();
        c.gender = gender;
        characters.push(c);
    }
    let cast = Cast::new(characters).unwrap();
    let text = "—¡Tira, tira! —decía Flora—. ¡Tira!\n\nPedro forcejeaba desde afuera.\n\n\
                Convencido su padre de que la presa no podía escaparse, le dijo á la moza:\n\n\
                —¿Y qué hacemos ahora?";
    assert_eq!(
        speakers(text, &cast)[2],
        (id("El padre"), Rule::ExplicitTag)
    );
    // Governed by a preposition, the name is not the subject.
    let text = "—¡Tira, tira! —decía Flora—. ¡Tira!\n\nPedro forcejeaba desde afuera.\n\n\
                Cansada de Pedro y de la noche entera, le dijo:\n\n—Vámonos.";
    assert_ne!(speakers(text, &cast)[2].1, Rule::ExplicitTag);
}
