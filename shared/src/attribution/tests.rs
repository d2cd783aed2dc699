//! Tests of the attribution rules, one or more per rule, on English and on Spanish passages (the
//! Spanish ones copied from *Niebla* and *Marianela*, public domain; see `tests/fixtures/README.md`).

use super::{
    outcome::{calibrated, PRONOUN_CEILING},
    turns::CONVERSATION_GAP,
    verdict::Rule,
    *,
};
use crate::{
    cast::character::Character,
    plan::{limits::EngineLimits, segmenter::segment_chapter},
    text::language::Gender,
};

/// A cast of the narrator and `people`: (name, aliases, gender).
fn cast(people: &[(&str, &[&str], Gender)], language: Language) -> Cast {
    let mut characters = vec![Character::narrator(language)];
    for (name, aliases, gender) in people {
        let mut character = Character::named(name, language).unwrap();
        character.aliases = aliases.iter().map(|a| (*a).to_owned()).collect();
        character.gender = *gender;
        characters.push(character);
    }
    Cast::new(characters).unwrap()
}

fn holmes_and_watson() -> Cast {
    cast(
        &[
            ("Sherlock Holmes", &["Holmes", "Mr. Holmes"], Gender::Male),
            ("Watson", &["Dr. Watson"], Gender::Male),
            ("Mrs. Hudson", &[], Gender::Female),
        ],
        Language::En,
    )
}

fn id(name: &str) -> Option<CharacterId> {
    CharacterId::slug(name)
}

fn slice(text: &str, range: &Range<usize>) -> String {
    text.chars()
        .skip(range.start)
        .take(range.end - range.start)
        .collect()
}

/// (quoted text, speaker, rule) of every attribution.
fn who(text: &str, cast: &Cast, language: Language) -> Vec<(String, Option<CharacterId>, Rule)> {
    attribute(text, cast, language, &[])
        .into_iter()
        .map(|a| (slice(text, &a.span), a.speaker, a.evidence.rule))
        .collect()
}

fn speakers(text: &str, cast: &Cast, language: Language) -> Vec<Option<CharacterId>> {
    who(text, cast, language).into_iter().map(|w| w.1).collect()
}

#[test]
fn an_explicit_tag_after_the_quote_names_the_speaker() {
    let text = "“Well, it is a fine stick,” said Holmes.";

    let got = attribute(text, &holmes_and_watson(), Language::En, &[]);

    assert_eq!(got.len(), 1);
    assert_eq!(got[0].speaker, id("Sherlock Holmes"));
    assert_eq!(got[0].evidence.rule, Rule::ExplicitTag);
    assert!(got[0].confidence >= 0.9);
    assert_eq!(
        got[0].evidence.tag.as_ref().map(|t| slice(text, t)),
        Some("Holmes".to_owned())
    );
}

#[test]
fn explicit_tags_work_in_both_orders_before_after_and_between_quotes() {
    let cast = holmes_and_watson();
    assert_eq!(
        speakers("“No,” Watson said.", &cast, Language::En),
        [id("Watson")]
    );
    assert_eq!(
        speakers(
            "Then Mr. Holmes observed: “It is late.”",
            &cast,
            Language::En
        ),
        [id("Sherlock Holmes")]
    );
    assert_eq!(
        speakers(
            "“Come,” said Mrs. Hudson, “it is ready.”",
            &cast,
            Language::En
        ),
        [id("Mrs. Hudson"), id("Mrs. Hudson")]
    );
    assert_eq!(
        speakers(
            "“Stay,” said Holmes quietly to Watson.",
            &cast,
            Language::En
        ),
        [id("Sherlock Holmes")]
    );
}

#[test]
fn a_verb_that_is_not_a_speech_verb_is_no_tag() {
    let cast = holmes_and_watson();
    let got = who(
        "“It is late,” Holmes and Watson looked at the clock and left.",
        &cast,
        Language::En,
    );
    assert_ne!(got[0].2, Rule::ExplicitTag);
}

#[test]
fn a_pronoun_tag_resolves_to_the_recent_person_of_its_gender() {
    let cast = holmes_and_watson();
    let text = "Mrs. Hudson came in with the tray and Holmes rose.\n\n“Thank you,” she said.";

    let got = attribute(text, &cast, Language::En, &[]);

    assert_eq!(got[0].speaker, id("Mrs. Hudson"));
    assert_eq!(got[0].evidence.rule, Rule::PronounTag);
    assert!(got[0].confidence > 0.6 && got[0].confidence < 0.9);
}

#[test]
fn a_pronoun_of_a_new_turn_prefers_someone_other_than_the_previous_speaker() {
    let cast = holmes_and_watson();
    let text = "Holmes sat by the fire.\n\n“What is it?” said Watson.\n\n“A stick,” he replied.";

    assert_eq!(
        speakers(text, &cast, Language::En),
        [id("Watson"), id("Sherlock Holmes")]
    );
}

#[test]
fn a_pronoun_matching_only_an_unknown_gender_is_less_sure() {
    let cast = cast(&[("Pat", &[], Gender::Unknown)], Language::En);
    let text = "Pat came in.\n\n“Hello,” she said.";

    let got = attribute(text, &cast, Language::En, &[]);

    assert_eq!(got[0].speaker, id("Pat"));
    assert!(got[0].confidence < 0.6);
}

#[test]
fn a_name_inside_the_quote_is_the_addressee_not_the_speaker() {
    let cast = holmes_and_watson();
    let text = "“Come here, Watson,” said Holmes.\n\n“What is it?”";

    let got = attribute(text, &cast, Language::En, &[]);

    assert_eq!(got[1].speaker, id("Watson"));
    assert_eq!(got[1].evidence.rule, Rule::Vocative);
    let pronoun = "Holmes and Watson sat.\n\n“Well, Watson, what do you make of it?” he asked.";
    assert_eq!(
        speakers(pronoun, &cast, Language::En),
        [id("Sherlock Holmes")]
    );
}

#[test]
fn turn_taking_alternates_from_the_tagged_turns_with_decaying_confidence() {
    let cast = holmes_and_watson();
    let text = "“A,” said Holmes.\n\n“B,” said Watson.\n\n“C.”\n\n“D.”\n\n“E.”\n\n“F.”";

    let got = attribute(text, &cast, Language::En, &[]);

    let names: Vec<_> = got.iter().map(|a| a.speaker.clone()).collect();
    let (h, w) = (id("Sherlock Holmes"), id("Watson"));
    assert_eq!(names[..4], [h.clone(), w.clone(), h.clone(), w.clone()]);
    assert_eq!(got[2].evidence.rule, Rule::TurnTaking);
    assert!(got[2].confidence < got[1].confidence);
    let last = got.last().unwrap();
    assert!(last.speaker.is_none() || last.confidence < got[2].confidence);
}

#[test]
fn a_long_narration_ends_the_conversation() {
    let cast = holmes_and_watson();
    let narration =
        "The rain beat against the windows all that long evening, ".repeat(CONVERSATION_GAP / 40);
    let text = format!("“A,” said Holmes.\n\n“B,” said Watson.\n\n{narration}\n\n“C.”");

    let got = attribute(&text, &cast, Language::En, &[]);

    assert_eq!(got[2].speaker, None);
    assert_eq!(got[2].evidence.rule, Rule::Unresolved);
    assert_eq!(got[2].confidence, 0.0);
}

#[test]
fn an_anchor_is_kept_anchors_turn_taking_and_reports_a_contradicting_tag() {
    let cast = holmes_and_watson();
    let text = "“A,” said Holmes.\n\n“B.”\n\n“C.”";
    let b = 19..23;
    assert_eq!(slice(text, &b), "“B.”");

    let anchors = [
        (0..4, CharacterId::slug("Watson").unwrap()),
        (b, CharacterId::slug("Mrs. Hudson").unwrap()),
    ];
    let got = attribute(text, &cast, Language::En, &anchors);

    assert_eq!(got[0].speaker, id("Watson"));
    assert_eq!(got[0].evidence.rule, Rule::Anchor);
    assert_eq!(got[0].evidence.contradiction, id("Sherlock Holmes"));
    assert_eq!(got[1].speaker, id("Mrs. Hudson"));
    assert_eq!(got[1].evidence.contradiction, None);
    assert_eq!(got[2].speaker, id("Watson"));
    assert_eq!(got[2].evidence.rule, Rule::TurnTaking);
}

#[test]
fn said_i_is_the_first_person_narrator_unless_the_cast_has_an_i() {
    let text = "“Never,” said I.";
    assert_eq!(
        speakers(text, &holmes_and_watson(), Language::En),
        [Some(CharacterId::narrator())]
    );
    let cast = cast(&[("Watson", &["I"], Gender::Male)], Language::En);
    assert_eq!(speakers(text, &cast, Language::En), [id("Watson")]);
}

#[test]
fn an_action_beat_names_the_speaker_with_less_confidence() {
    let cast = holmes_and_watson();
    let text = "Holmes leaned back in his chair.\n\nWatson shrugged. “I cannot tell.”";

    let got = attribute(text, &cast, Language::En, &[]);

    assert_eq!(got[0].speaker, id("Watson"));
    assert_eq!(got[0].evidence.rule, Rule::Beat);
    assert!(got[0].confidence < 0.8);
}

#[test]
fn with_only_the_narrator_every_quote_is_unresolved() {
    let cast = Cast::with_narrator(Language::En);
    let got = attribute(
        "“Hello,” said John.\n\n“Hi,” she said.",
        &cast,
        Language::En,
        &[],
    );

    assert_eq!(got.len(), 2);
    assert!(got
        .iter()
        .all(|a| a.speaker.is_none() && a.confidence == 0.0));
}

#[test]
fn without_dialogue_there_is_nothing_to_attribute() {
    let cast = holmes_and_watson();
    assert!(attribute("Holmes said nothing at all.", &cast, Language::En, &[]).is_empty());
    assert!(attribute("", &cast, Language::En, &[]).is_empty());
}

fn niebla() -> Cast {
    cast(
        &[
            ("Augusto", &["Augusto Pérez"], Gender::Male),
            ("Víctor", &[], Gender::Male),
            ("Margarita", &["la portera"], Gender::Female),
        ],
        Language::Es,
    )
}

#[test]
fn spanish_raya_with_an_inciso_names_the_speaker_not_the_addressee() {
    let text =
        "—Hoy te retrasaste un poco, chico —dijo Víctor a Augusto—, ¡tú, tan puntual siempre!";

    let got = who(text, &niebla(), Language::Es);

    assert_eq!(got.len(), 2);
    assert!(got
        .iter()
        .all(|g| g.1 == id("Víctor") && g.2 == Rule::ExplicitTag));
}

#[test]
fn spanish_tags_with_clitics_enclitics_and_a_nominal_subject() {
    let cast = niebla();
    assert_eq!(
        speakers(
            "—Puedes irte —le dijo Augusto al criado.",
            &cast,
            Language::Es
        ),
        [id("Augusto")]
    );
    assert_eq!(
        speakers("—¿Y ella? —preguntóle Víctor.", &cast, Language::Es),
        [id("Víctor")]
    );
    assert_eq!(
        speakers("—Sí, señorito —contestó la portera.", &cast, Language::Es),
        [id("Margarita")]
    );
}

#[test]
fn spanish_hyphen_raya_from_marianela() {
    let cast = cast(
        &[
            ("Teodoro Golfín", &["Golfín", "Teodoro"], Gender::Male),
            ("Pablo", &["el ciego"], Gender::Male),
        ],
        Language::Es,
    );
    let text = "-¿Ciego de nacimiento? -dijo Golfín con vivo interés que no era sólo inspirado por la compasión.\n\n-Sí, señor, de nacimiento -repuso el ciego con naturalidad.\n\n-Quién sabe... -manifestó Teodoro- ¿pero qué es esto que veo, amigo mío?\n\n-¿En dónde estamos, buen amigo?";

    let got = speakers(text, &cast, Language::Es);

    let (golfin, pablo) = (id("Teodoro Golfín"), id("Pablo"));
    assert_eq!(
        got,
        [
            golfin.clone(),
            pablo.clone(),
            golfin.clone(),
            golfin.clone(),
            pablo
        ]
    );
}

#[test]
fn spanish_pronoun_tags_and_thoughts_in_guillemets() {
    let cast = niebla();
    let text = "Entró Margarita en el cuarto.\n\n—Ya voy —dijo ella.\n\n«Esperaré a que pase un perro —pensó Augusto— y tomaré la dirección inicial que él tome».";

    let got = who(text, &cast, Language::Es);

    assert_eq!(got[0].1, id("Margarita"));
    assert_eq!(got[0].2, Rule::PronounTag);
    assert_eq!(got[1].1, id("Augusto"));
    assert_eq!(got[2].1, id("Augusto"));
}

#[test]
fn a_letter_continued_by_guillemet_paragraphs_keeps_one_speaker() {
    let cast = niebla();
    let text = "Augusto se puso a escribir:\n\n«Señorita: Esta misma mañana cruzó usted por delante de mi puerta, dijo Víctor.\n\n»No sé qué más decirle.\n\n»AUGUSTO PÉREZ».";

    let got = attribute(text, &cast, Language::Es, &[]);

    assert_eq!(got.len(), 3);
    assert!(got.windows(2).all(|w| w[0].speaker == w[1].speaker));
}

#[test]
fn segments_get_the_speaker_of_their_quotation_and_narration_the_narrator() {
    let cast = holmes_and_watson();
    let text = "“Come in,” said Holmes, “and sit down.”\n\nThe door closed.";
    let segments = segment_chapter(text, &EngineLimits::default());

    let got = attribute_segments(text, &segments, &cast, Language::En, &[]);

    let summary: Vec<_> = got
        .iter()
        .map(|(_, a)| (slice(text, &a.span), a.speaker.clone(), a.evidence.rule))
        .collect();
    let narrator = Some(CharacterId::narrator());
    assert_eq!(
        summary,
        [
            (
                "“Come in,”".to_owned(),
                id("Sherlock Holmes"),
                Rule::ExplicitTag
            ),
            ("said Holmes,".to_owned(), narrator.clone(), Rule::Narration),
            (
                "“and sit down.”".to_owned(),
                id("Sherlock Holmes"),
                Rule::ExplicitTag
            ),
            ("The door closed.".to_owned(), narrator, Rule::Narration),
        ]
    );
    assert_eq!(
        got.iter().map(|(id, _)| id.0).collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );
}

#[test]
fn rules_serialise_in_snake_case() {
    assert_eq!(
        serde_json::to_string(&Rule::ExplicitTag).unwrap(),
        "\"explicit_tag\""
    );
    assert_eq!(
        serde_json::to_string(&Rule::TurnTaking).unwrap(),
        "\"turn_taking\""
    );
}

#[test]
fn a_tag_naming_someone_outside_the_cast_does_not_take_a_sibling_quotes_speaker() {
    let cast = holmes_and_watson();
    let text = "“I am leaving,” said the old gentleman. “Wait!” cried Holmes.";

    let got = who(text, &cast, Language::En);

    assert_eq!(got[0].1, None);
    assert_eq!(got[1].1, id("Sherlock Holmes"));
}

/// Holmes and Watson, Watson telling the story ("said I").
fn watson_narrates() -> Cast {
    let mut characters = holmes_and_watson().characters().to_vec();
    for c in &mut characters {
        c.narrates = c.name == "Watson";
    }
    Cast::new(characters).unwrap()
}

#[test]
fn said_i_goes_to_the_character_who_narrates() {
    let cast = watson_narrates();
    assert_eq!(
        who("“Never,” said I.", &cast, Language::En),
        [("“Never,”".to_owned(), id("Watson"), Rule::ExplicitTag)]
    );
    assert_eq!(
        speakers("“No,” I replied.", &cast, Language::En),
        [id("Watson")]
    );
}

#[test]
fn a_first_person_beat_is_the_character_who_narrates_only_when_one_is_named() {
    let text = "Holmes looked up.\n\nI leaned forward. “It is absurd.”";
    let got = who(text, &watson_narrates(), Language::En);
    assert_eq!(got[0].1, id("Watson"));
    assert_eq!(got[0].2, Rule::Beat);
    let got = who(text, &holmes_and_watson(), Language::En);
    assert_ne!(got[0].1, id("Watson"));
}

#[test]
fn he_said_is_never_the_character_who_narrates() {
    // Watson is the last man named, but he is "I" in this book: "he" is Holmes.
    let text = "Holmes sat by the fire. Watson read the paper.\n\n“It is late,” he said.";
    assert_eq!(
        speakers(text, &holmes_and_watson(), Language::En),
        [id("Watson")]
    );
    assert_eq!(
        speakers(text, &watson_narrates(), Language::En),
        [id("Sherlock Holmes")]
    );
}

#[test]
fn a_description_in_a_tag_is_never_the_character_who_narrates() {
    // "said my brother" is someone the cast lacks; whoever it is, it is not "I" (Watson).
    let text = "“Good evening, Watson,” said Holmes.\n\n“You are late,” said Holmes.\n\n\
                “The trains always are,” said my brother.";
    let got = speakers(text, &watson_narrates(), Language::En);
    assert_ne!(got[2], id("Watson"));
}

#[test]
fn a_definite_description_matching_one_name_word_names_the_speaker() {
    let cast = cast(
        &[
            ("Parson Tringham", &[], Gender::Male),
            ("John Durbeyfield", &["Sir John"], Gender::Male),
        ],
        Language::En,
    );
    let got = attribute("“Good night,” said the parson.", &cast, Language::En, &[]);
    assert_eq!(got[0].speaker, id("Parson Tringham"));
    assert_eq!(got[0].evidence.rule, Rule::ExplicitTag);
    assert!(got[0].confidence < 0.9);
    // An indefinite description is someone new; a word nobody's name has says nothing.
    for text in [
        "“Good night,” said a parson.",
        "“Good night,” said the carter.",
    ] {
        assert_eq!(speakers(text, &cast, Language::En), [None], "{text}");
    }
}

#[test]
fn a_pronoun_prefers_the_subject_of_a_clause_to_a_later_object() {
    let text = "Holmes handed the letter across to Watson.\n\n“Read it aloud,” he said.";
    assert_eq!(
        speakers(text, &holmes_and_watson(), Language::En),
        [id("Sherlock Holmes")]
    );
}

#[test]
fn reported_confidences_cap_pronouns_and_rescale_turn_taking_keeping_the_order() {
    let cast = holmes_and_watson();
    let text = "Mrs. Hudson came in with the tray.\n\n“Thank you,” she said.";
    let got = attribute(text, &cast, Language::En, &[]);
    assert_eq!(got[0].evidence.rule, Rule::PronounTag);
    assert!(got[0].confidence <= PRONOUN_CEILING);
    assert!(calibrated(Rule::TurnTaking, 0.85) > calibrated(Rule::TurnTaking, 0.45));
    assert!(calibrated(Rule::TurnTaking, 0.45) > 0.45);
    assert!(calibrated(Rule::TurnTaking, 0.9) < 0.9);
    assert_eq!(calibrated(Rule::ExplicitTag, 0.95), 0.95);
}

#[test]
fn a_tag_ending_the_narration_before_a_dash_paragraph_names_its_speaker() {
    let cast = cast(
        &[
            ("Nasty Roche", &[], Gender::Male),
            ("Stephen", &[], Gender::Male),
        ],
        Language::En,
    );
    let text = "He called the pudding dog-in-the-blanket.\n\nThen Nasty Roche had said:\n\n--What is your name?\n\nStephen had answered:\n\n--Stephen Dedalus.";

    let got = who(text, &cast, Language::En);

    let found: Vec<_> = got.iter().map(|w| (w.1.clone(), w.2)).collect();
    assert_eq!(
        found,
        [
            (id("Nasty Roche"), Rule::ExplicitTag),
            (id("Stephen"), Rule::ExplicitTag)
        ]
    );
}

#[test]
fn spanish_narration_ending_with_dijo_and_a_colon_tags_the_raya_below() {
    let cast = cast(&[("Benina", &[], Gender::Female)], Language::Es);
    let text = "Entró en la iglesia, y Benina dijo:\n\n—Ya voy, señora.";

    assert_eq!(speakers(text, &cast, Language::Es), [id("Benina")]);
}

#[test]
fn a_name_of_several_words_matches_across_capitals_but_a_single_word_keeps_its_case() {
    let cast = cast(
        &[
            ("JONATHAN HARKER", &[], Gender::Male),
            ("Will", &[], Gender::Male),
        ],
        Language::En,
    );
    let text =
        "“Come in,” said Jonathan Harker.\n\n“I will,” said WILL HARPER.\n\n“Good,” said will.";

    let got = speakers(text, &cast, Language::En);

    assert_eq!(got[0], id("JONATHAN HARKER"));
    assert_eq!(got[1], None);
    assert_ne!(got[2], id("Will"));
}

#[test]
fn the_less_common_speech_verbs_are_known() {
    for verb in [
        "observed",
        "ejaculated",
        "intimated",
        "expostulated",
        "bellowed",
    ] {
        let text = format!("“It is late,” {verb} Holmes.");
        assert_eq!(
            who(&text, &holmes_and_watson(), Language::En)[0].2,
            Rule::ExplicitTag,
            "{verb}"
        );
    }
}

#[test]
fn after_a_paragraph_of_narration_a_pronoun_may_be_the_previous_speaker() {
    let text = "Watson sat by the fire.\n\n“Back to barracks!” said Holmes.\n\nHolmes turned to the window and looked out at the street for a long time.\n\n“It is a fine day,” he said.";

    let got = speakers(text, &holmes_and_watson(), Language::En);

    assert_eq!(got, [id("Sherlock Holmes"), id("Sherlock Holmes")]);
}

#[test]
fn turn_taking_never_gives_a_pronoun_tag_to_someone_of_another_gender() {
    let text = "“Come in,” said Holmes.\n\n“Thank you,” said Watson.\n\n“Tea?” she asked.";

    let got = speakers(text, &holmes_and_watson(), Language::En);

    assert_eq!(got[..2], [id("Sherlock Holmes"), id("Watson")]);
    assert_ne!(got[2], id("Sherlock Holmes"));
}

#[test]
fn a_conversation_of_thousands_of_turns_is_decided_in_windows() {
    let mut text = String::from("“Come in,” said Holmes.\n\n");
    for _ in 0..3_000 {
        text.push_str("“Yes.”\n\n");
    }

    let got = speakers(&text, &holmes_and_watson(), Language::En);

    assert_eq!(got.len(), 3_001);
    assert_eq!(got[0], id("Sherlock Holmes"));
}

#[test]
fn a_line_tagged_with_someone_outside_the_cast_never_goes_to_the_only_member() {
    let cast = cast(&[("Holmes", &[], Gender::Male)], Language::En);
    let text = "“Come in, Watson,” said Holmes.\n\n“Thank you,” said Watson.\n\nThe fire was warm.";

    let got = speakers(text, &cast, Language::En);

    assert_eq!(got, [id("Holmes"), None]);
}

#[test]
fn a_first_name_or_surname_alone_names_the_member_with_that_full_name_unless_two_share_it() {
    let people = cast(
        &[
            ("Tom Baxter", &[], Gender::Male),
            ("Ellen Baxter", &[], Gender::Female),
        ],
        Language::En,
    );
    let text = "“Late again,” said Tom.\n\n“Not at all,” said Baxter.";
    let got = who(text, &people, Language::En);
    assert_eq!(got[0].1, id("Tom Baxter"));
    assert_eq!(got[0].2, Rule::ExplicitTag);
    // "Baxter" could be either: never guessed from the tag.
    assert_ne!(got[1].2, Rule::ExplicitTag);
}

#[test]
fn a_name_after_a_phrase_between_commas_is_the_subject_of_the_verb() {
    let c = cast(
        &[
            ("Tom Baxter", &["Tom"], Gender::Male),
            ("Mary Jones", &["Mary"], Gender::Female),
        ],
        Language::En,
    );
    let text = "\"Come in,\" said, after a pause, Mary.";
    let found = who(text, &c, Language::En);
    assert_eq!(found[0].1, id("Mary Jones"));
    assert_eq!(found[0].2, Rule::ExplicitTag);
    // A name after a preposition or a conjunction is no tag naming the one speaking.
    for text in [
        "\"Come in,\" said, turning to Mary, the stranger.",
        "\"Come in,\" said, and Mary laughed.",
        "\"Come in,\" said, with a look at Mary, the porter.",
    ] {
        let found = who(text, &c, Language::En);
        assert_ne!(found[0].2, Rule::ExplicitTag, "{text}");
    }
}

#[test]
fn the_pronoun_opening_the_narration_before_an_untagged_turn_bounds_its_speaker() {
    let c = cast(
        &[
            ("Tom Baxter", &["Tom"], Gender::Male),
            ("Mary Jones", &["Mary"], Gender::Female),
        ],
        Language::En,
    );
    let text = "“Is it late?” said Tom.\n\n“Nearly ten,” said Mary.\n\n\
                He walked to the window and looked out at the rain for a while.\n\n\
                “Then we had better go.”";
    assert_eq!(speakers(text, &c, Language::En)[2], id("Tom Baxter"));
    let text = text.replace("He walked", "She walked");
    assert_eq!(speakers(&text, &c, Language::En)[2], id("Mary Jones"));
}

#[test]
fn a_verb_the_lexicon_lacks_still_tags_between_two_parts_of_a_quotation() {
    let c = cast(
        &[
            ("Tom Baxter", &["Tom"], Gender::Male),
            ("Happy Jack", &[], Gender::Male),
        ],
        Language::En,
    );
    let text = "“Look at him,” said Tom.\n\n“Aw,” fleered Happy Jack, “he ain't any good.”";
    let found = who(text, &c, Language::En);
    assert_eq!(found[1].1, id("Happy Jack"));
    assert_eq!(found[1].2, Rule::ExplicitTag);
    // The name must end the clause, and a quotation closed by a period is no interrupted one.
    for text in [
        "“Look at him,” said Tom.\n\n“Aw,” wanted Happy Jack to say, “he ain't any good.”",
        "“Look at him,” said Tom.\n\n“Aw.” fleered Happy Jack. “He ain't any good.”",
    ] {
        assert_ne!(
            who(text, &c, Language::En)[1].2,
            Rule::ExplicitTag,
            "{text}"
        );
    }
    let e = cast(
        &[("Pedro", &[], Gender::Male), ("Flora", &[], Gender::Female)],
        Language::Es,
    );
    let text = "—Ya es tarde —dijo Flora.\n\n—¡Ca! —rezongó Pedro—. No lo es.";
    assert_eq!(who(text, &e, Language::Es)[1].1, id("Pedro"));
    assert_eq!(who(text, &e, Language::Es)[1].2, Rule::ExplicitTag);
}

#[test]
fn a_subject_acting_before_a_coordinated_speech_verb_is_the_speaker() {
    let cast = holmes_and_watson();
    let text = "Mrs. Hudson came in with the tray. She set it down on the table and \
                said:\n\n“Your breakfast, gentlemen.”";
    assert_eq!(
        who(text, &cast, Language::En),
        vec![(
            "“Your breakfast, gentlemen.”".to_owned(),
            id("Mrs. Hudson"),
            Rule::PronounTag
        )]
    );
    let text = "Holmes looked at her for a moment and said, “You have come in by train.”";
    let got = who(text, &cast, Language::En);
    assert_eq!(
        (got[0].1.clone(), got[0].2),
        (id("Sherlock Holmes"), Rule::ExplicitTag)
    );
    // A verb of perception: the person heard speaks, not the one who hears; no tag names Watson.
    let text = "Watson heard her say, “Not again.”";
    assert_ne!(who(text, &cast, Language::En)[0].2, Rule::ExplicitTag);
}

#[test]
fn a_description_in_a_tag_tells_the_speakers_gender() {
    // "the young man" is no woman: of those present, Watson.
    let cast = holmes_and_watson();
    let text = "“Good evening,” said Watson.\n\n“You are late,” said Mrs. Hudson.\n\nThe \
                kettle was boiling on the stove.\n\n“The train was slow,” said the young man.";
    assert_eq!(speakers(text, &cast, Language::En)[2], id("Watson"));
}

#[test]
fn a_name_after_a_pronoun_subject_in_its_sentence_is_not_what_the_pronoun_refers_to() {
    let cast = holmes_and_watson();
    // "he took the paper from Watson": the "he" who goes on speaking is not Watson.
    let text = "“Good morning,” said Holmes.\n\nLaughing, he crossed the room to the window, \
                looked down for a long while at the wet street and the cabs below, and then took \
                the paper from Watson's hand.\n\n“Nothing new,” he said.";
    assert_eq!(
        speakers(text, &cast, Language::En)[1],
        id("Sherlock Holmes")
    );
    // A name opening a clause may still be the pronoun's: "When he came in, Watson sat down."
    let text = "“Good morning,” said Holmes.\n\nWhen he came in, Watson sat down.\n\n“Nothing \
                new,” he said.";
    assert_eq!(speakers(text, &cast, Language::En)[1], id("Watson"));
}

#[test]
fn a_speech_verb_reporting_a_clause_is_no_tag_of_the_quotation_before_it() {
    let cast = holmes_and_watson();
    // Watson's answer is reported in the narration; the quotation is not his.
    let text = "“Do you know what day it is?” Watson answered that it was the fourth of May.";
    assert_ne!(who(text, &cast, Language::En)[0].2, Rule::ExplicitTag);
    let text = "“Do you know what day it is?” Watson answered, smiling.";
    assert_eq!(who(text, &cast, Language::En)[0].2, Rule::ExplicitTag);
}

#[test]
fn a_quotation_of_a_tagged_paragraph_that_cannot_be_the_tagged_speakers_is_not_given_to_them() {
    let cast = watson_narrates();
    // It speaks to the one tagged.
    let text = "“Come in,” said Holmes, and opened the door. “Thank you, Holmes.”";
    assert_ne!(
        speakers(text, &cast, Language::En)[1],
        id("Sherlock Holmes")
    );
    // Its own pronoun is not the "I" tagged.
    let text = "“Is it far?” I asked, and the porter shook his head. “No,” he answered.";
    assert_ne!(speakers(text, &cast, Language::En)[1], id("Watson"));
}

#[test]
fn a_quotation_introduced_by_a_colon_is_the_tag_befores_not_the_narration_afters() {
    let cast = watson_narrates();
    let text = "He had often said to me: “I am not long for this world,” and I had thought his \
                words idle.";
    assert_ne!(speakers(text, &cast, Language::En)[0], id("Watson"));
}

#[test]
fn someone_named_after_a_pronoun_subject_is_not_the_next_pronoun_even_having_just_spoken() {
    let cast = holmes_and_watson();
    // Watson spoke last, but the "he" who looked at Watson's watch, and goes on, is Holmes.
    let text = "“You are early,” said Holmes.\n\n“The train was fast,” said Watson.\n\nFor a \
                long while he looked at Watson's watch, which lay open on the table.\n\n“It is \
                slow,” said he.";
    assert_eq!(
        speakers(text, &cast, Language::En)[2],
        id("Sherlock Holmes")
    );
}

#[test]
fn the_subject_opening_narration_that_ends_with_a_colon_speaks_the_quotation_after_it() {
    let text = "—Buenos días —dijo Víctor.\n\nAugusto levantó la vista del periódico, y luego \
                una mano hacia la ventana:\n\n—Mira qué cielo.";
    let got = who(text, &niebla(), Language::Es);
    assert_eq!(
        (got[1].1.clone(), got[1].2),
        (id("Augusto"), Rule::ExplicitTag)
    );
}

/// Tom and Ellen, Tom's brother and sister, and Mrs. Gale, "the widow".
fn family() -> Cast {
    cast(
        &[
            ("Tom", &[], Gender::Male),
            ("Ellen", &[], Gender::Female),
            ("Mrs. Gale", &[], Gender::Female),
        ],
        Language::En,
    )
}

#[test]
fn a_description_the_narration_set_beside_a_name_names_the_speaker() {
    let cast = family();
    let text = "My brother Tom came in late, and Mrs. Gale, the widow, sat by the stove.\n\n\
                “The road is bad,” said my brother.\n\n\
                The fire ticked for a long while before anyone spoke again in that kitchen, \
                and the clock went on with it.\n\n“Sit down,” said the widow.";
    let got = who(text, &cast, Language::En);
    assert_eq!(got[0].1, id("Tom"));
    assert_eq!(got[0].2, Rule::ExplicitTag);
    assert_eq!(got[1].1, id("Mrs. Gale"));
    // Someone else's brother, a brother's wife, or a description set beside two names is not
    // that member.
    for (tag, narration) in [
        ("said his brother", "My brother Tom came in late."),
        ("said my brother’s wife", "My brother Tom came in late."),
        (
            "said my brother",
            "My brother Tom came in late, and then my brother Ned and Ellen.",
        ),
        (
            "said my brother",
            "My brother Tom came in late, and then my brother Ellen.",
        ),
    ] {
        let text = format!("{narration}\n\n“The road is bad,” {tag}.");
        let got = speakers(&text, &cast, Language::En);
        assert_ne!(got[0], id("Tom"), "{tag} / {narration}");
    }
    // Lists and clauses are no appositions, nor is a capitalised word part of a name.
    for (tag, narration) in [
        (
            "said the widow",
            "In came Tom, Mrs. Gale, the widow, Ellen and the rest.",
        ),
        ("said his son", "Seeing his son, Tom stood up."),
        ("said the widow", "They went to see the Widow Tom Gale."),
    ] {
        let text = format!("{narration}\n\n“The road is bad,” {tag}.");
        let got = who(&text, &cast, Language::En);
        assert_ne!(got[0].2, Rule::ExplicitTag, "{tag} / {narration}");
    }
}

#[test]
fn spanish_a_description_set_beside_a_name_names_the_speaker() {
    let cast = cast(
        &[("Juan", &[], Gender::Male), ("Elena", &[], Gender::Female)],
        Language::Es,
    );
    let text = "Mi hermano Juan llegó tarde aquella noche, y Elena no le dijo nada.\n\n\
                —El camino está malo —dijo mi hermano.";
    assert_eq!(speakers(text, &cast, Language::Es), [id("Juan")]);
}
