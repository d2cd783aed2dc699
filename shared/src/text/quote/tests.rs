//! Tests of `quotation_spans` on English and Spanish dialogue, written as the quoted text expected.

use super::*;

/// Checks that the spans of `paragraph` are, in order, exactly the `expected` substrings.
fn check(paragraph: &str, expected: &[&str]) {
    let spans = quotation_spans(paragraph);

    let quoted: Vec<&str> = spans.iter().map(|span| &paragraph[span.clone()]).collect();
    assert_eq!(quoted, expected, "spans of {paragraph:?}");
    assert!(
        spans.windows(2).all(|pair| pair[0].end <= pair[1].start),
        "spans of {paragraph:?} overlap or are out of order: {spans:?}"
    );
}

#[test]
fn curly_double_quotes_are_spans() {
    check(
        "“Well, Watson, what do you make of it?” he asked. “Nothing.”",
        &["“Well, Watson, what do you make of it?”", "“Nothing.”"],
    );
    check(
        "“So do I,” said Mrs. Weston gently, “very much.”",
        &["“So do I,”", "“very much.”"],
    );
}

#[test]
fn straight_double_quotes_toggle() {
    check(
        r#""No, no, dear, no," said Dorothea, "it's nothing." Then she left."#,
        &[r#""No, no, dear, no,""#, r#""it's nothing.""#],
    );
}

#[test]
fn an_unclosed_double_quote_runs_to_the_end_of_the_paragraph() {
    check(
        "He said: “I am not leaving. Not today.",
        &["“I am not leaving. Not today."],
    );
    check(r#"She cried "wait"#, &[r#""wait"#]);
}

#[test]
fn nested_quotes_give_the_outer_span() {
    check(
        "“And then again, there is the ‘friends of the C.C.H.’ I should guess.” Holmes nodded.",
        &["“And then again, there is the ‘friends of the C.C.H.’ I should guess.”"],
    );
    check(
        "«Es una desgracia “esto” —pensó Augusto—; tener que usarlas». Díjose así.",
        &["«Es una desgracia “esto”", "tener que usarlas»"],
    );
    check("«Uno «dos» tres» y cuatro.", &["«Uno «dos» tres»"]);
}

#[test]
fn a_paragraph_opening_with_a_closing_guillemet_continues_a_quotation() {
    check(
        "»Querido amigo: te escribo esto.» Y firmó.",
        &["»Querido amigo: te escribo esto.»"],
    );
}

#[test]
fn single_quotes_open_at_a_word_start_and_close_before_a_non_letter() {
    check("He called it ‘the Hound’, and laughed.", &["‘the Hound’"]);
    check("He said 'stop' and went.", &["'stop'"]);
}

#[test]
fn apostrophes_are_not_quotes() {
    check("I don’t know; it is Holmes’s stick and ’tis old.", &[]);
    check("I don't know Holmes's stick.", &[]);
    check("‘tis a fine day, isn’t it?", &[]);
    check("’Tis the season, ‘they said’.", &["‘they said’"]);
}

#[test]
fn a_capitalised_word_after_a_single_mark_opens_a_quotation() {
    // "’it", "’is" and "’ere" are elisions in lowercase; capitalised they open speech.
    check(
        "‘It has indeed!—and by a single lady!’",
        &["‘It has indeed!—and by a single lady!’"],
    );
    check(
        "‘It’s time,’ said I; ‘’ere they come.’",
        &["‘It’s time,’", "‘’ere they come.’"],
    );
    check("‘’Tis late,’ she said.", &["‘’Tis late,’"]);
    check("He went ‘ome, ’e did.", &[]);
}

#[test]
fn single_quotes_nest() {
    check(
        "‘She said ‘good-by,’ not ‘how do you do.’ But you know, Gilbert.’ I nodded.",
        &["‘She said ‘good-by,’ not ‘how do you do.’ But you know, Gilbert.’"],
    );
}

#[test]
fn spanish_raya_dialogue_excludes_the_narrators_inciso() {
    check(
        "—Hoy te retrasaste un poco, chico —dijo Víctor a Augusto—, ¡tú, tan puntual siempre!",
        &[
            "—Hoy te retrasaste un poco, chico",
            "¡tú, tan puntual siempre!",
        ],
    );
    check("—¿Yo? —contestó él—. No, nunca.", &["—¿Yo?", "No, nunca."]);
    check("—Sí, señor.", &["—Sí, señor."]);
    check("–Bueno –dijo ella.", &["–Bueno"]);
}

#[test]
fn hyphens_opening_a_paragraph_are_raya() {
    check(
        "-¿Ciego de nacimiento? -dijo Golfín con vivo interés que no era sólo inspirado por la compasión.",
        &["-¿Ciego de nacimiento?"],
    );
    check(
        "-Quién sabe... -manifestó Teodoro- ¿pero qué es esto, amigo mío?",
        &["-Quién sabe...", "¿pero qué es esto, amigo mío?"],
    );
    check(
        "-¿En dónde estamos, buen amigo? -dijo Golfín-. Esto es una pesadilla.",
        &["-¿En dónde estamos, buen amigo?", "Esto es una pesadilla."],
    );
}

#[test]
fn hyphenated_words_are_not_raya() {
    check(
        "-Es el claro-oscuro de la noche, amigo.",
        &["-Es el claro-oscuro de la noche, amigo."],
    );
    check("El claro-oscuro -dijo- engaña.", &[]);
}

#[test]
fn quotes_inside_an_inciso_are_spans_of_their_own() {
    check(
        "—Ya voy —dijo, y pensó: «no quiero»— ahora mismo.",
        &["—Ya voy", "«no quiero»", "ahora mismo."],
    );
}

#[test]
fn plain_narration_has_no_spans() {
    check(
        "Al aparecer Augusto a la puerta de su casa extendió el brazo.",
        &[],
    );
    check("", &[]);
}

#[test]
fn elided_words_and_years_do_not_open_single_quotes() {
    check("Give ’em the boys’ horses, ’tis late.", &[]);
    check("Tell 'em at the Smiths' house it was '45.", &[]);
    check(
        "It's five o'clock, 'cause I said so, and 'twas 'stop' he said.",
        &["'stop'"],
    );
}

#[test]
fn a_single_quote_opening_a_paragraph_runs_to_its_end_when_not_closed() {
    check(
        "‘I went there at once, and I don’t regret it.",
        &["‘I went there at once, and I don’t regret it."],
    );
    check("'Em folks are gone.", &[]);
}

#[test]
fn incisos_inside_guillemets_are_left_out() {
    check(
        "«Esperaré a que pase un perro —se dijo— y tomaré la dirección inicial que él tome».",
        &[
            "«Esperaré a que pase un perro",
            "y tomaré la dirección inicial que él tome»",
        ],
    );
    check(
        "“I—I don’t know — perhaps,” he said.",
        &["“I—I don’t know — perhaps,”"],
    );
}

#[test]
fn unspaced_raya_glued_to_speech_opens_an_inciso_before_a_speech_verb() {
    check(
        "—¡Ya llegamos!—exclamó Pedro con alegría.—¡Pero qué día!",
        &["—¡Ya llegamos!", "¡Pero qué día!"],
    );
    check(
        "—Claro—dijo ella sonriendo,—tienes razón.",
        &["—Claro", "tienes razón."],
    );
    check(
        "-¡Ya llegamos!-le contestó Pedro.-¡Pero qué día!",
        &["-¡Ya llegamos!", "¡Pero qué día!"],
    );
    // A dash glued to speech before anything but a tag is the speaker's own.
    check(
        "—Era un claro—oscuro—extraño, ¿sabes?",
        &["—Era un claro—oscuro—extraño, ¿sabes?"],
    );
}

#[test]
fn punctuation_glued_to_a_hyphen_closes_the_inciso() {
    check(
        "-Claro -dijo ella sonriendo,-tienes razón.",
        &["-Claro", "tienes razón."],
    );
    check("-Claro -dijo-, tienes razón.", &["-Claro", "tienes razón."]);
}

#[test]
fn ocr_slips_around_dashes_count_as_one_dash() {
    check(
        "-— Claro -— dijo ella ;• tienes razón.",
        &["-— Claro", "tienes razón."],
    );
    check("—Bien --contestó Luis--. Vamos.", &["—Bien", "Vamos."]);
}
