//! Counts in words: "1 word", "3 words"; "1 palabra", "3 palabras".
//!
//! The rule is CLDR's cardinal rule for whole numbers, which English and Spanish share: the `one`
//! form for 1, the `other` form for everything else, 0 included ("0 words", "0 palabras"). CLDR
//! also gives Spanish a `many` form for exact millions ("1.000.000 de palabras"); no count the
//! studio shows comes near that, so it reads as `other`.
//!
//! Why the hand-written [`super::Texts`] and this helper rather than `leptos_i18n`: the struct is
//! already checked at compile time (a language that leaves a field empty does not compile), and
//! its function fields let each language word a count and order the sentence itself, choosing
//! its forms here. `leptos_i18n` would add a build-time layer of JSON files and macros, tie the
//! app to the Leptos versions it supports, and add weight to the browser bundle, for two
//! languages and two plural forms.

/// `n` and the noun in the form `n` takes: `count(1, "word", "words")` is "1 word",
/// `count(3, "word", "words")` is "3 words". The number is written as it is, without grouping.
pub fn count(n: usize, one: &str, other: &str) -> String {
    format!("{n} {}", form(n, one, other))
}

/// The form `n` takes, `one` or `other`, for the words around a count: the verb that agrees with
/// it ("matches" / "match"), a pronoun ("it" / "them").
pub fn form<'a>(n: usize, one: &'a str, other: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_takes_the_singular_and_every_other_count_the_plural() {
        assert_eq!(count(1, "word", "words"), "1 word");
        assert_eq!(count(0, "word", "words"), "0 words");
        assert_eq!(count(2, "word", "words"), "2 words");
        assert_eq!(count(21, "word", "words"), "21 words");
        assert_eq!(count(101, "word", "words"), "101 words");
        assert_eq!(count(1, "palabra", "palabras"), "1 palabra");
        assert_eq!(count(0, "palabra", "palabras"), "0 palabras");
        assert_eq!(count(1_000_000, "palabra", "palabras"), "1000000 palabras");
    }

    #[test]
    fn the_form_alone_agrees_with_the_count() {
        assert_eq!(form(1, "matches", "match"), "matches");
        assert_eq!(form(0, "matches", "match"), "match");
        assert_eq!(form(5, "está", "están"), "están");
    }
}
