//! The demo projects' casts (confirmed: names, aliases, genders and a distinct espeak-ng voice
//! each) and their reviewed pronunciation maps.

use shared::{
    cast::character::AgeBand,
    pronunciation::{Entry, Status},
    text::language::Gender,
    Cast, Character, CharacterId, Language, PronunciationMap, Voice, VoiceEngine,
};

/// A cast member of a demo project.
fn member(
    id: &str,
    name: &str,
    aliases: &[&str],
    gender: Gender,
    description: &str,
    voice_id: &str,
    (rate, pitch): (i32, i32),
) -> Character {
    Character {
        id: CharacterId(id.to_owned()),
        name: name.to_owned(),
        aliases: aliases.iter().map(|&alias| alias.to_owned()).collect(),
        gender,
        age: AgeBand::Adult,
        description: description.to_owned(),
        voice: Voice {
            engine: VoiceEngine::Espeak,
            voice_id: voice_id.to_owned(),
            style: None,
            style_degree: 1.0,
            rate,
            pitch,
        },
        narrates: false,
    }
}

pub(super) fn hound_cast() -> Cast {
    let mut narrator = Character::narrator(Language::En);
    narrator.voice.voice_id = "en-gb-x-rp".into();
    narrator.description = "Reads the narration, steady and unhurried.".into();
    let watson = Character {
        narrates: true,
        ..member(
            "watson",
            "Dr. John Watson",
            &["Watson", "Dr. Watson"],
            Gender::Male,
            "Tells the story; warm, a little eager to impress Holmes.",
            "en-gb+m1",
            (0, -5),
        )
    };
    let holmes = member(
        "holmes",
        "Sherlock Holmes",
        &["Holmes", "Mr. Holmes", "Mr. Sherlock Holmes"],
        Gender::Male,
        "Quick, dry, amused; clipped consonants.",
        "en-gb-x-rp+m3",
        (10, 5),
    );
    let mortimer = member(
        "mortimer",
        "Dr. James Mortimer",
        &["Mortimer", "Dr. Mortimer", "James Mortimer"],
        Gender::Male,
        "A tall, thin country doctor; eager and diffident.",
        "en-gb-scotland+m2",
        (-10, 10),
    );
    Cast::new(vec![narrator, watson, holmes, mortimer]).expect("the demo cast is valid")
}

pub(super) fn niebla_cast() -> Cast {
    let mut narrator = Character::narrator(Language::Es);
    narrator.description = "Narra con ironía contenida.".into();
    let augusto = member(
        "augusto",
        "Augusto Pérez",
        &["Augusto"],
        Gender::Male,
        "Joven, ocioso, soñador; habla consigo mismo.",
        "es+m3",
        (0, 0),
    );
    let domingo = member(
        "domingo",
        "Domingo",
        &[],
        Gender::Male,
        "El criado de Augusto; pausado.",
        "es-419+m1",
        (-10, -10),
    );
    let victor = member(
        "victor",
        "Víctor Goti",
        &["Víctor"],
        Gender::Male,
        "Amigo de Augusto; irónico.",
        "es+m2",
        (5, 0),
    );
    let eugenia = Character {
        age: AgeBand::Adult,
        ..member(
            "eugenia",
            "Eugenia Domingo del Arco",
            &["Eugenia"],
            Gender::Female,
            "Profesora de piano; firme.",
            "es+f3",
            (0, 10),
        )
    };
    Cast::new(vec![narrator, augusto, domingo, victor, eugenia]).expect("the demo cast is valid")
}

/// A reviewed entry with its espeak-ng string and respelling.
fn entry(grapheme: &str, ipa: &str, espeak: &str, respelling: &str, locale: &str) -> Entry {
    Entry {
        espeak: Some(espeak.to_owned()),
        respelling: Some(respelling.to_owned()),
        case_sensitive: true,
        status: Status::Approved,
        ..Entry::new(grapheme, ipa, locale)
    }
}

pub(super) fn hound_pronunciations() -> PronunciationMap {
    PronunciationMap::new(vec![
        entry("Baskerville", "ˈbæskəvɪl", "b'askEvIl", "BASK-er-vil", "en"),
        entry("Mortimer", "ˈmɔːtɪmə", "m'O:tIm@", "MOR-tih-muh", "en"),
        entry("Grimpen", "ˈɡrɪmpən", "gr'Imp@n", "GRIM-pun", "en"),
        entry("Dartmoor", "ˈdɑːtmʊə", "d'A:tmU@", "DART-moor", "en"),
    ])
    .expect("the demo pronunciations are valid")
}

pub(super) fn niebla_pronunciations() -> PronunciationMap {
    PronunciationMap::new(vec![
        entry("Eugenia", "euˈxenja", "eUx'enja", "eu-JEN-ia", "es"),
        entry(
            "Margarita",
            "maɾɣaˈɾita",
            "marQa**'ita",
            "mar-ga-RI-ta",
            "es",
        ),
    ])
    .expect("the demo pronunciations are valid")
}
