//! Tests of dialogue detection: English quotes and apostrophes, multi-paragraph quotations,
//! Spanish raya (with `—` and with hyphens), incisos, `»` continuation and guillemets. The Spanish
//! passages are copied from *Niebla* and *Marianela* (public domain, see `tests/fixtures/README.md`).

use super::*;

/// The dialogue of `text` as (quoted text, kind, paragraph, continues, tags as texts).
fn spans(text: &str) -> Vec<(String, DialogueKind, usize, bool, Vec<String>)> {
    let slice = |range: &Range<usize>| -> String {
        text.chars()
            .skip(range.start)
            .take(range.end - range.start)
            .collect()
    };
    detect(text)
        .iter()
        .map(|span| {
            (
                slice(&span.span),
                span.kind,
                span.paragraph,
                span.continues,
                span.tags.iter().map(slice).collect(),
            )
        })
        .collect()
}

fn texts(text: &str) -> Vec<String> {
    spans(text).into_iter().map(|s| s.0).collect()
}

use DialogueKind::{Dash, Double, Guillemets, Single};

#[test]
fn a_quote_a_tag_and_a_quote_make_two_spans_sharing_the_tag() {
    let got = spans("“Hello,” said John, “how are you?”");

    assert_eq!(
        got,
        [
            (
                "“Hello,”".to_owned(),
                Double,
                0,
                false,
                vec!["said John,".to_owned()]
            ),
            (
                "“how are you?”".to_owned(),
                Double,
                0,
                false,
                vec!["said John,".to_owned()]
            ),
        ]
    );
}

#[test]
fn straight_and_single_quotes_are_dialogue_with_their_kind() {
    let got = spans("\"Yes,\" he said.\n\n'No,' she said. 'Never.'");

    let kinds: Vec<_> = got.iter().map(|s| (s.0.as_str(), s.1, s.2)).collect();
    assert_eq!(
        kinds,
        [
            ("\"Yes,\"", Double, 0),
            ("'No,'", Single, 1),
            ("'Never.'", Single, 1)
        ]
    );
    assert_eq!(got[0].4, ["he said."]);
}

#[test]
fn nested_quotes_stay_inside_the_outer_span() {
    assert_eq!(
        texts("“He wrote ‘the Hound’ on it,” said Holmes."),
        ["“He wrote ‘the Hound’ on it,”"]
    );
}

#[test]
fn apostrophes_open_no_quotes() {
    assert!(texts("Don't give 'em the Smiths' house at five o'clock, ’tis late.").is_empty());
    assert!(texts("It was the boys' fault, wasn't it?").is_empty());
}

#[test]
fn quoted_words_inside_a_sentence_are_not_dialogue() {
    assert!(texts("He called it ‘the Hound’ and laughed at the \"experts\" there.").is_empty());
    assert_eq!(
        texts("He called it ‘the Hound’. “Did he?” I asked."),
        ["“Did he?”"]
    );
}

#[test]
fn a_quotation_left_open_continues_in_the_next_paragraph_that_opens_with_a_mark() {
    let text = "“It was a long night. We waited.\n\n“Then the door opened,” he said.\n\n“Well?”";

    let got = spans(text);

    let flags: Vec<_> = got.iter().map(|s| (s.2, s.3)).collect();
    assert_eq!(flags, [(0, false), (1, true), (2, false)]);
    assert_eq!(got[0].0, "“It was a long night. We waited.");
}

#[test]
fn hard_wrapped_paragraphs_are_separated_by_blank_lines() {
    let text = "“This is Mr. Rapponi, boys. Throw out\nyour war-bag,” he said.\n\nThey looked.";

    let got = spans(text);

    assert_eq!(got.len(), 1);
    assert_eq!(
        got[0].0,
        "“This is Mr. Rapponi, boys. Throw out\nyour war-bag,”"
    );
    assert_eq!(got[0].4, ["he said."]);
    assert_eq!(paragraphs(text).len(), 2);
}

#[test]
fn raya_with_an_inciso_gives_two_speech_spans_and_the_tag() {
    let text =
        "—Hoy te retrasaste un poco, chico —dijo Víctor a Augusto—, ¡tú, tan puntual siempre!";

    let got = spans(text);

    assert_eq!(
        got,
        [
            (
                "—Hoy te retrasaste un poco, chico".to_owned(),
                Dash,
                0,
                false,
                vec!["—dijo Víctor a Augusto—,".to_owned()]
            ),
            (
                "¡tú, tan puntual siempre!".to_owned(),
                Dash,
                0,
                false,
                vec!["—dijo Víctor a Augusto—,".to_owned()]
            ),
        ]
    );
}

#[test]
fn raya_with_a_closing_tag_and_speech_after_it() {
    let got = spans("—¿Yo? —contestó él—. No, nunca.\n\n—Pues yo sí —dijo Augusto.");

    let texts: Vec<_> = got.iter().map(|s| (s.0.as_str(), s.4.clone())).collect();
    assert_eq!(
        texts,
        [
            ("—¿Yo?", vec!["—contestó él—.".to_owned()]),
            ("No, nunca.", vec!["—contestó él—.".to_owned()]),
            ("—Pues yo sí", vec!["—dijo Augusto.".to_owned()]),
        ]
    );
}

#[test]
fn hyphens_opening_a_paragraph_are_raya() {
    let text = "-¿Ciego de nacimiento? -dijo Golfín con vivo interés que no era sólo inspirado por la compasión.\n\n-Quién sabe... -manifestó Teodoro- ¿pero qué es esto que veo, amigo mío, qué sorprendente espectáculo es este?\n\nEl viajero, que había andado algunos pasos junto a su guía, se detuvo asombrado.";

    let got = spans(text);

    let found: Vec<_> = got.iter().map(|s| (s.0.as_str(), s.1, s.2)).collect();
    assert_eq!(
        found,
        [
            ("-¿Ciego de nacimiento?", Dash, 0),
            ("-Quién sabe...", Dash, 1),
            (
                "¿pero qué es esto que veo, amigo mío, qué sorprendente espectáculo es este?",
                Dash,
                1
            ),
        ]
    );
    assert_eq!(
        got[0].4,
        ["-dijo Golfín con vivo interés que no era sólo inspirado por la compasión."]
    );
    assert_eq!(got[1].4, ["-manifestó Teodoro-"]);
}

#[test]
fn guillemets_are_their_own_kind_and_incisos_inside_them_are_tags() {
    let text =
        "«Esperaré a que pase un perro —se dijo— y tomaré la dirección inicial que él tome».";

    let got = spans(text);

    let found: Vec<_> = got.iter().map(|s| (s.0.as_str(), s.1)).collect();
    assert_eq!(
        found,
        [
            ("«Esperaré a que pase un perro", Guillemets),
            ("y tomaré la dirección inicial que él tome»", Guillemets),
        ]
    );
    assert_eq!(got[0].4, ["—se dijo—"]);
}

#[test]
fn a_paragraph_opening_with_a_closing_guillemet_continues_the_letter() {
    let text = "Se puso a escribir:\n\n«Señorita: Esta misma mañana cruzó usted por delante de mi puerta.\n\n»No sé qué más decirle.\n\n»AUGUSTO PÉREZ».\n\nY rubricó diciéndose: «Me gusta esta costumbre de la rúbrica por lo inútil».";

    let got = spans(text);

    let found: Vec<_> = got.iter().map(|s| (s.1, s.2, s.3)).collect();
    assert_eq!(
        found,
        [
            (Guillemets, 1, false),
            (Guillemets, 2, true),
            (Guillemets, 3, true),
            (Guillemets, 4, false),
        ]
    );
    assert_eq!(got[3].4, ["Y rubricó diciéndose:"]);
}

#[test]
fn narration_alone_has_no_dialogue() {
    assert!(detect("Al aparecer Augusto a la puerta de su casa extendió el brazo.").is_empty());
    assert!(detect("").is_empty());
    assert!(detect("\n\n  \n").is_empty());
}

#[test]
fn offsets_are_characters() {
    let text = "Él dijo: “Ñandú 😀.”";

    let got = detect(text);

    assert_eq!(got.len(), 1);
    assert_eq!(got[0].span, 9..19);
    assert_eq!(got[0].tags, vec![(0..8)]);
}

#[test]
fn a_narration_paragraph_ending_with_a_colon_tags_the_quotation_that_opens_the_next() {
    let text = "He hid under the table. His mother said:\n\n--O, Stephen will apologize.\n\nIt rained.\n\nY Benina dijo:\n\n—Ya voy.";
    let spans = detect(text);
    let tag_texts: Vec<Vec<String>> = spans
        .iter()
        .map(|s| {
            s.tags
                .iter()
                .map(|t| text.chars().skip(t.start).take(t.len()).collect())
                .collect()
        })
        .collect();
    assert_eq!(
        tag_texts,
        [
            vec!["His mother said".to_owned()],
            vec!["Y Benina dijo".to_owned()]
        ]
    );
}

#[test]
fn narration_ending_with_a_colon_after_a_quotation_tags_the_quotation_that_opens_the_next() {
    let text = "“Are you sure?” I asked. She shook her head and said:\n\n“Not at all.”";
    let spans = detect(text);
    let tags: Vec<String> = spans[1]
        .tags
        .iter()
        .map(|t| text.chars().skip(t.start).take(t.len()).collect())
        .collect();
    assert_eq!(tags, ["She shook her head and said"]);
}
