//! Tests of the cast proposal: names, honorifics, aliases, gender, stop words.

use super::{narrator::propose_first_person_narrator, *};
use crate::cast::character_id::CharacterId;

fn find<'a>(cast: &'a [ProposedCharacter], name: &str) -> Option<&'a ProposedCharacter> {
    cast.iter().find(|c| c.name == name)
}

#[test]
fn names_near_speech_verbs_are_proposed_with_their_aliases_and_gender() {
    let text = "Mr. Sherlock Holmes sat at the table. Then Holmes lit his pipe.\n\n“Well?” said Holmes.\n\n“Nothing,” said Mrs. Hudson. Then she left.\n\n“Good,” said Mr. Holmes.";

    let cast = propose_cast(text, Language::En);

    let holmes = find(&cast, "Mr. Sherlock Holmes").unwrap();
    assert!(holmes.aliases.contains(&"Holmes".to_owned()));
    assert!(holmes.aliases.contains(&"Mr. Holmes".to_owned()));
    assert_eq!(holmes.gender, Gender::Male);
    assert_eq!(holmes.speech_tags, 2);
    assert_eq!(holmes.mentions, 4);
    let hudson = find(&cast, "Mrs. Hudson").unwrap();
    assert_eq!(hudson.gender, Gender::Female);
    assert_eq!(cast[0].name, "Mr. Sherlock Holmes");
    assert!(find(&cast, "Then").is_none() && find(&cast, "Well").is_none());
}

#[test]
fn spanish_honorifics_and_particles_make_names() {
    let text = "Vino doña Ermelinda con Eugenia Domingo del Arco.\n\n—Hola —dijo Eugenia.\n\n—Adiós —dijo doña Ermelinda.\n\nEl lunes volvió Eugenia.";

    let cast = propose_cast(text, Language::Es);

    let eugenia = find(&cast, "Eugenia Domingo del Arco").unwrap();
    assert!(eugenia.aliases.contains(&"Eugenia".to_owned()));
    assert_eq!(eugenia.speech_tags, 1);
    let ermelinda = find(&cast, "doña Ermelinda").unwrap();
    assert_eq!(ermelinda.gender, Gender::Female);
    assert!(find(&cast, "El").is_none());
}

#[test]
fn a_short_name_shared_by_two_full_names_stays_apart() {
    let text =
        "John Reed came. Eliza Reed came. Reed spoke. John Reed left. Eliza Reed left. Reed again.";

    let cast = propose_cast(text, Language::En);

    assert!(find(&cast, "John Reed").is_some_and(|c| c.aliases.is_empty()));
    assert!(find(&cast, "Reed").is_some());
}

#[test]
fn gender_comes_from_titles_then_from_pronouns() {
    assert_eq!(
        guess_gender("", &["Lady Bridget"], Language::En),
        Gender::Female
    );
    let text = "Pat lost his hat. Pat found his hat. Pat sat.";
    assert_eq!(guess_gender(text, &["Pat"], Language::En), Gender::Male);
    assert_eq!(
        guess_gender("Pat sat.", &["Pat"], Language::En),
        Gender::Unknown
    );
}

#[test]
fn gender_comes_from_nouns_anywhere_in_a_description() {
    let gender = |name| guess_gender("", &[name], Language::En);
    assert_eq!(gender("the old man"), Gender::Male);
    assert_eq!(gender("her husband"), Gender::Male);
    assert_eq!(gender("Captain Hale's daughter"), Gender::Female);
    assert_eq!(gender("the wife of the miller"), Gender::Female);
    assert_eq!(
        guess_gender("", &["la mujer del cura"], Language::Es),
        Gender::Female
    );
}

#[test]
fn a_group_is_neither_he_nor_she() {
    let gender = |name| guess_gender("", &[name], Language::En);
    assert_eq!(gender("the men"), Gender::Other);
    assert_eq!(gender("Captain and Mrs. Hale"), Gender::Other);
}

#[test]
fn gender_comes_from_a_known_given_name_before_pronouns() {
    let gender = |name| guess_gender("", &[name], Language::En);
    assert_eq!(gender("Harriet Hale"), Gender::Female);
    assert_eq!(gender("Harry"), Gender::Male);
    assert_eq!(
        guess_gender("", &["María Luisa"], Language::Es),
        Gender::Female
    );
    let text = "Harry said she was late. Harry told her to go.";
    assert_eq!(guess_gender(text, &["Harry"], Language::En), Gender::Male);
}

#[test]
fn a_name_after_an_honorific_may_be_someone_else() {
    // "Mrs. Hale" is not "Hale", the husband: her pronouns say nothing of his gender.
    let text = "Mrs. Hale lost her hat. Mrs. Hale found her hat. Hale sat.";
    assert_eq!(guess_gender(text, &["Hale"], Language::En), Gender::Unknown);
}

#[test]
fn no_names_no_proposal() {
    assert!(propose_cast("", Language::En).is_empty());
    assert!(propose_cast("the end of it all, and then nothing.", Language::En).is_empty());
}

fn holmes_and_watson() -> Cast {
    let mut characters = vec![crate::cast::character::Character::narrator(Language::En)];
    for (name, alias) in [("Sherlock Holmes", "Holmes"), ("Watson", "Dr. Watson")] {
        let mut c = crate::cast::character::Character::named(name, Language::En).unwrap();
        c.aliases = vec![alias.to_owned()];
        characters.push(c);
    }
    Cast::new(characters).unwrap()
}

const FIRST_PERSON: &str = "I had seen little of Holmes lately. My marriage had drifted us away from each other. I rang the bell and I was shown up to the chamber which had formerly been in part my own.\n\n“Wedlock suits you,” he remarked. “I think, Watson, that you have put on seven and a half pounds since I saw you.”\n\n“Seven!” I answered.\n\n“Indeed, I should have thought a little more. Just a trifle more, I fancy, Watson.”\n\nI laughed and sat down by my own old chair, and I told him my news.";

#[test]
fn the_member_addressed_in_a_first_person_story_is_proposed_as_its_narrator() {
    assert_eq!(
        propose_first_person_narrator(FIRST_PERSON, &holmes_and_watson(), Language::En),
        CharacterId::slug("Watson")
    );
}

#[test]
fn no_narrator_is_proposed_for_a_third_person_story_or_without_a_vocative() {
    let third = FIRST_PERSON
        .replace("I had", "Holmes had")
        .replace("My marriage", "Their quarrel")
        .replace("I rang", "Watson rang")
        .replace("I was shown", "he was shown")
        .replace("my own", "his own")
        .replace("I answered", "he answered")
        .replace("I laughed", "Watson laughed")
        .replace("my own old", "his old")
        .replace("I told him my", "told him the");
    let cast = holmes_and_watson();
    assert_eq!(
        propose_first_person_narrator(&third, &cast, Language::En),
        None
    );
    let unnamed = FIRST_PERSON
        .replace(", Watson,", ",")
        .replace(", Watson.", ".");
    assert_eq!(
        propose_first_person_narrator(&unnamed, &cast, Language::En),
        None
    );
}

/// A first-person story where nobody addresses the narrator by name.
fn unaddressed(naming: &str, answer: &str) -> String {
    format!(
        "{naming}\n\nI had seen little of Holmes lately. My marriage had drifted us away from each other. I rang the bell and I was shown up to my old room.\n\n“Who are you?” said Holmes.\n\n“{answer}” I answered.\n\n“Indeed. Sit down, then.”\n\nI laughed and sat down by my own old chair, and I told him my news."
    )
}

#[test]
fn a_narrator_who_names_themself_is_proposed() {
    let cast = holmes_and_watson();
    let watson = CharacterId::slug("Watson");
    for (naming, answer) in [
        (
            "So I called myself Watson, and came to be called Watson.",
            "A friend.",
        ),
        ("My name was Watson, and my trade medicine.", "A friend."),
        ("I will not say more of that time.", "Watson."),
        (
            "I will not say more of that time.",
            "My name is Watson, sir.",
        ),
    ] {
        let text = unaddressed(naming, answer);
        assert_eq!(
            propose_first_person_narrator(&text, &cast, Language::En),
            watson,
            "{naming} / {answer}"
        );
    }
    // Calling or asking for someone is no self-introduction.
    for answer in ["Watson?", "Watson, come here!"] {
        let text = unaddressed("I will not say more of that time.", answer);
        assert_eq!(
            propose_first_person_narrator(&text, &cast, Language::En),
            None,
            "{answer}"
        );
    }
}

#[test]
fn a_narrator_named_in_the_narration_needs_no_tag_said_by_i() {
    let cast = holmes_and_watson();
    // No quotation is tagged "I said"; the narration says who "I" is.
    let text = "I was called Watson at school, and I have kept the name. I had seen little of \
                Holmes lately; my marriage had drifted us apart. I rang the bell and I went up \
                to my old room.\n\n“Wedlock suits you,” said Holmes.\n\n“It does.”\n\n\
                I laughed and sat down in my own old chair, and I told him my news.";
    assert_eq!(
        propose_first_person_narrator(text, &cast, Language::En),
        CharacterId::slug("Watson")
    );
    // Told in the third person, the same sentence names nobody's "I".
    let third = text
        .replace(
            "I was called Watson at school, and I have kept the name. ",
            "",
        )
        .replace("I had seen", "Watson had seen")
        .replace("my marriage", "his marriage")
        .replace("I rang", "Watson rang")
        .replace("I went up to my", "he went up to his")
        .replace("I laughed", "Watson laughed")
        .replace("my own", "his own")
        .replace("I told him my", "told him the");
    assert_eq!(
        propose_first_person_narrator(&third, &cast, Language::En),
        None
    );
}

#[test]
fn one_vocative_far_from_any_turn_of_i_is_not_enough_to_make_someone_the_narrator() {
    // Watson is addressed once, a long way from anything "I" says, and nobody names him again:
    // too little to tell who "I" is.
    let cast = holmes_and_watson();
    let text = FIRST_PERSON
        .replace("I fancy, Watson.", "I fancy.")
        .replace(
            "“Seven!” I answered.",
            "He walked to the window and looked out at the street for a long while, and then he \
         came back and stood by the fire, and for a minute or more he said nothing at all to \
         anyone, while the rain beat on the panes and a cab went by below with its lamps lit \
         and its driver hunched against the cold of the evening and the wind.\n\n\
         “Seven!” I answered.",
        );
    assert_eq!(
        propose_first_person_narrator(&text, &cast, Language::En),
        None
    );
}

/// A first-person story whose narration names another Watson (an ancestor) more often than the
/// dialogue calls the narrator, so that only the answers to "I" tell who "I" is.
fn answered(answer: &str) -> String {
    format!(
        "I had seen little of Holmes lately. My grandfather, old Watson, had left me his house; \
         Watson the elder had built it, and Watson had died in it.\n\n\
         “Who is at the door?” I asked.\n\n{answer}\n\n\
         I laughed and sat down in my own old chair, and I told him my news."
    )
}

#[test]
fn the_member_addressed_in_the_answer_to_i_is_proposed_as_the_narrator() {
    let cast = holmes_and_watson();
    assert_eq!(
        propose_first_person_narrator(
            &answered("“Only me, Watson,” he said, and came in."),
            &cast,
            Language::En
        ),
        CharacterId::slug("Watson")
    );
    // The answer calls someone the narration names between the two: "I" turns to them.
    assert_eq!(
        propose_first_person_narrator(
            &answered("Watson came in.\n\n“Only me, Watson,” he said."),
            &cast,
            Language::En
        ),
        None
    );
    // Someone a tag gives lines to is not the one telling the story.
    assert_eq!(
        propose_first_person_narrator(
            &answered("“Only me, Watson,” he said.\n\n“Good,” said Watson."),
            &cast,
            Language::En
        ),
        None
    );
}

#[test]
fn only_speakers_the_cast_lacks_are_proposed_to_a_cast_that_has_members() {
    let text = "“Well?” said Holmes.\n\n“Nothing,” said Mrs. Hudson.\n\n“Good,” said Holmes.";
    let mut holmes =
        crate::cast::character::Character::named("Sherlock Holmes", Language::En).unwrap();
    holmes.aliases = vec!["holmes".into()];
    let cast = Cast::new(vec![
        crate::cast::character::Character::narrator(Language::En),
        holmes,
    ])
    .unwrap();

    let missing = missing_from_cast(propose_cast(text, Language::En), &cast);

    let names: Vec<_> = missing.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Mrs. Hudson"]);
    assert_eq!(missing[0].speech_tags, 1);
}

#[test]
fn interjections_opening_speech_places_after_an_article_and_verbs_are_no_characters() {
    let text =
        "Rosendo llegó a la Alameda con su hermana.\n\n—Bueno, ya estamos —dijo Rosendo.\n\n\
                —¡Adiós! —gritó la portera desde el Casino.\n\n—Bueno, adiós, adiós.\n\n\
                Díjose Rosendo que volvería al Casino. Volvióse entonces.";

    let cast = propose_cast(text, Language::Es);

    let names: Vec<&str> = cast.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Rosendo"], "{cast:?}");
    assert_eq!(cast[0].mentions, 3);
}

#[test]
fn an_inflected_surname_is_one_person_and_a_period_ends_a_name() {
    let text = "Vino Luisa Montero del Valle.\n\n—Hola —dijo Luisa Montera.\n\n\
                —Hola, Luisa —dijo Antonia Ruiz. Luisa se sentó. Habló con Luis Calvo. Pedro \
                Rueda vino luego, y Pedro Rueda se fue. Luis Calvo también.";

    let cast = propose_cast(text, Language::Es);

    let luisa = find(&cast, "Luisa Montero del Valle").unwrap();
    assert!(
        luisa.aliases.contains(&"Luisa Montera".to_owned()),
        "{cast:?}"
    );
    assert!(luisa.aliases.contains(&"Luisa".to_owned()));
    assert!(find(&cast, "Antonia Ruiz").is_some());
    assert!(find(&cast, "Luis Calvo").is_some());
    assert!(find(&cast, "Pedro Rueda").is_some());
    assert!(cast.iter().all(|c| !c.name.contains('.')), "{cast:?}");
}

#[test]
fn the_name_a_first_person_narrator_answers_to_is_proposed_though_used_once() {
    let text = "I had not slept. My aunt came in at dawn and stood by the bed, and I looked at \
                her and at Bessie Lee behind her.\n\n“Is it morning?” I asked.\n\n“Jane, get up \
                at once,” said Mrs. Reed.\n\n“Let’s go down,” said Bessie Lee.\n\nI got up and I \
                dressed, and I followed them down to my breakfast.";
    let names: Vec<String> = propose_cast(text, Language::En)
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert!(names.contains(&"Jane".to_owned()), "{names:?}");
    assert!(!names.iter().any(|n| n == "Let"), "{names:?}");
    let narrating: Vec<String> = propose_cast(text, Language::En)
        .into_iter()
        .filter(|p| p.narrates)
        .map(|p| p.name)
        .collect();
    assert_eq!(narrating, ["Jane"]);
    // A word opening a later sentence of the quotation ("No. Stop, …") is no name called.
    let stop = text.replace("“Jane, get up", "“No. Stop, Jane, get up");
    let names: Vec<String> = propose_cast(&stop, Language::En)
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert!(names.contains(&"Jane".to_owned()), "{names:?}");
    assert!(!names.iter().any(|n| n == "Stop"), "{names:?}");
    // Nor is a word that is no given name ("True, …") though it opens the answer to "I".
    let word = text.replace("“Jane, get up", "“True, get up");
    let names: Vec<String> = propose_cast(&word, Language::En)
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert!(!names.iter().any(|n| n == "True"), "{names:?}");
    // Told in the third person, the same name used once is no character yet.
    let third = text
        .replace("I had", "She had")
        .replace("My aunt", "Her aunt")
        .replace("and I looked", "and she looked")
        .replace("I asked", "she asked")
        .replace("I got up and I", "She got up and")
        .replace("and I followed", "and followed")
        .replace("my breakfast", "her breakfast");
    let names: Vec<String> = propose_cast(&third, Language::En)
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert!(!names.contains(&"Jane".to_owned()), "{names:?}");
    assert!(!propose_cast(&third, Language::En)
        .iter()
        .any(|p| p.narrates));
}

#[test]
fn the_member_who_signs_a_letter_told_in_the_first_person_is_its_narrator() {
    let cast = holmes_and_watson();
    let letter = "I had seen little of Holmes lately; my marriage had drifted us apart. I write \
                  to tell you my news, for I have much to tell and I have told nobody.\n\n\
                  “Wedlock suits you,” said Holmes when I saw him.\n\n\
                  I will write again when I can.\n\nYours ever,\n\nWatson.";
    assert_eq!(
        propose_first_person_narrator(letter, &cast, Language::En),
        CharacterId::slug("Watson")
    );
    // A name on its own line after a sentence is no signature.
    let unsigned = letter.replace("Yours ever,", "I stop here.");
    assert_eq!(
        propose_first_person_narrator(&unsigned, &cast, Language::En),
        None
    );
}

#[test]
fn the_member_addressed_right_before_i_answers_in_the_narration_is_the_narrator() {
    let cast = holmes_and_watson();
    let story = |answer: &str| {
        answered(&format!(
            "Nobody answered for a long while, and the rain went on outside, and I sat and \
             waited by the fire for a good many minutes while the clock ticked on the wall and \
             the coals settled in the grate, and still nobody came up the stairs at all that \
             evening, and the lamp burned low, and the cab stand below emptied one cab at a \
             time.\n\n“What do you make of it, Watson?” said \
             Holmes.\n\n{answer}"
        ))
    };
    assert_eq!(
        propose_first_person_narrator(&story("I told him."), &cast, Language::En),
        CharacterId::slug("Watson")
    );
    // Doing something is no answer.
    assert_eq!(
        propose_first_person_narrator(&story("I looked away."), &cast, Language::En),
        None
    );
}

#[test]
fn spanish_the_member_addressed_right_before_i_answers_in_the_narration_is_the_narrator() {
    let mut characters = vec![crate::cast::character::Character::narrator(Language::Es)];
    for name in ["Elena", "Pedro"] {
        characters.push(crate::cast::character::Character::named(name, Language::Es).unwrap());
    }
    let cast = Cast::new(characters).unwrap();
    let story = |answer: &str| {
        format!(
            "Yo había llegado tarde a mi casa aquella noche, y mi madre me esperaba. Me senté \
             junto al fuego y me quité las botas, porque me dolían los pies.\n\n\
             —¿Quién llama? —pregunté yo.\n\n\
             Nadie contestó en mucho rato, y la lluvia seguía cayendo sobre el tejado, y el \
             reloj daba las horas en la pared, y las brasas se iban apagando en la chimenea, y \
             nadie subía la escalera en toda la noche, y la lámpara ardía cada vez más baja, y \
             los coches pasaban por la calle uno tras otro sin pararse nunca delante de la \
             puerta.\n\n\
             —¿Tienes frío, Pedro? —dijo Elena.\n\n{answer}\n\n\
             Me reí y me senté en mi silla de siempre."
        )
    };
    assert_eq!(
        propose_first_person_narrator(&story("Le contesté que no."), &cast, Language::Es),
        CharacterId::slug("Pedro")
    );
    assert_eq!(
        propose_first_person_narrator(&story("Me miré las manos."), &cast, Language::Es),
        None
    );
}
