//! Name forms derived from the cast: the first name or surname of a full name, which a text may
//! use alone ("Holmes" or "Sherlock" for "Sherlock Holmes", "Eugenia" for "doña Eugenia Domingo"),
//! and the title with the surname when the name has one ("Mr. Holmes" for "Mr. Sherlock Holmes").
//! A form two members could answer to is ambiguous and never derived.

use std::collections::HashMap;

use crate::{
    cast::{character::Character, Cast},
    text::lexicon::names_nobody,
};

/// Titles and words of descriptive names that name nobody on their own, besides honorifics and
/// name fillers (`crate::text::lexicon::names_nobody`), lowercase.
const NOT_ALONE: &[&str] = &[
    "los",
    "las",
    "big",
    "great",
    "boy",
    "girl",
    "aunt",
    "uncle",
    "captain",
    "colonel",
    "professor",
    "madame",
    "monsieur",
    "san",
    "santa",
    "padre",
    "madre",
    "father",
    "mother",
    "king",
    "queen",
    "prince",
    "princess",
];

/// The forms a member's full name gives (its aliases are forms the producer chose): its first and
/// last words when it has two or more and they name someone on their own, and the name's title
/// with the last ("Mr. Holmes").
fn forms_of(character: &Character) -> Vec<String> {
    let words: Vec<&str> = character.name.split_whitespace().collect();
    if words.len() < 2 {
        return Vec::new();
    }
    let nobody = |word: &str| {
        let word = word.to_lowercase();
        NOT_ALONE.contains(&word.as_str()) || names_nobody(&word)
    };
    let alone = |word: &str| {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        (bare.chars().count() > 1 && bare.starts_with(char::is_uppercase) && !nobody(bare))
            .then(|| bare.to_owned())
    };
    let title = words.first().filter(|w| nobody(w.trim_end_matches('.')));
    let first = words.iter().find_map(|w| alone(w));
    let last = words.last().and_then(|w| alone(w));
    let mut out: Vec<String> = first.into_iter().collect();
    if let Some(last) = last.filter(|l| out.first() != Some(l)) {
        if let Some(title) = title {
            out.push(format!("{title} {last}"));
        }
        out.push(last);
    }
    out
}

/// The name forms one member's full name gives, split by whether the engine uses them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameForms {
    /// Forms only this member answers to: the engine matches them as the member's names.
    pub accepted: Vec<String>,
    /// Forms another member's names or forms share: ambiguous, so never matched.
    pub ambiguous: Vec<String>,
}

/// For each member of `cast` (in order), the name forms derived from its names that no other
/// member's names or forms share (compared without case), and that are not already among its
/// own names.
pub fn derived_forms(cast: &Cast) -> Vec<Vec<String>> {
    name_forms(cast.characters())
        .into_iter()
        .map(|forms| forms.accepted)
        .collect()
}

/// For each of `characters` (in order), its derived forms that are not among its own names:
/// those only it answers to, and those another character shares (compared without case).
/// Takes a list rather than a [`Cast`] so a cast being edited can show them before it is valid.
pub fn name_forms(characters: &[Character]) -> Vec<NameForms> {
    let derived: Vec<Vec<String>> = characters.iter().map(forms_of).collect();
    let mut owners: HashMap<String, Vec<usize>> = HashMap::new();
    for (who, character) in characters.iter().enumerate() {
        let own = character.names().map(str::to_owned);
        for form in own.chain(derived[who].iter().cloned()) {
            let entry = owners.entry(form.to_lowercase()).or_default();
            if !entry.contains(&who) {
                entry.push(who);
            }
        }
    }
    derived
        .into_iter()
        .enumerate()
        .map(|(who, forms)| {
            let mut out = NameForms::default();
            for form in forms {
                let key = form.to_lowercase();
                let own = characters[who].names().any(|n| n.to_lowercase() == key);
                let seen = out
                    .accepted
                    .iter()
                    .chain(&out.ambiguous)
                    .any(|k| k.to_lowercase() == key);
                if own || seen {
                    continue;
                }
                if owners.get(&key).is_some_and(|o| o == &[who]) {
                    out.accepted.push(form);
                } else {
                    out.ambiguous.push(form);
                }
            }
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::language::Language;

    fn cast(names: &[(&str, &[&str])]) -> Cast {
        let mut characters = vec![Character::narrator(Language::En)];
        for (name, aliases) in names {
            let mut c = Character::named(name, Language::En).unwrap();
            c.aliases = aliases.iter().map(|a| (*a).to_owned()).collect();
            characters.push(c);
        }
        Cast::new(characters).unwrap()
    }

    #[test]
    fn first_name_surname_and_title_forms_come_from_the_full_name() {
        let forms = derived_forms(&cast(&[
            ("Mr. Tom Baxter", &[]),
            ("Clara Wynne", &["Clara"]),
        ]));
        assert_eq!(forms[1], ["Tom", "Mr. Baxter", "Baxter"]);
        assert_eq!(forms[2], ["Wynne"]);
    }

    #[test]
    fn a_form_two_members_share_is_never_derived() {
        let forms = derived_forms(&cast(&[
            ("Tom Baxter", &[]),
            ("Ellen Baxter", &[]),
            ("Tom", &[]),
        ]));
        assert_eq!(forms[1], Vec::<String>::new());
        assert_eq!(forms[2], ["Ellen"]);
        assert!(forms[3].is_empty());
    }

    #[test]
    fn a_shared_form_is_listed_as_ambiguous_for_each_member_that_gives_it() {
        let c = cast(&[("Tom Baxter", &[]), ("Ellen Baxter", &[]), ("Tom", &[])]);
        let forms = name_forms(c.characters());
        assert_eq!(forms[1].accepted, Vec::<String>::new());
        assert_eq!(forms[1].ambiguous, ["Tom", "Baxter"]);
        assert_eq!(forms[2].accepted, ["Ellen"]);
        assert_eq!(forms[2].ambiguous, ["Baxter"]);
        assert_eq!(forms[3], NameForms::default());
    }

    #[test]
    fn titles_and_descriptions_are_no_forms() {
        let forms = derived_forms(&cast(&[("The Old Man", &[]), ("Aunt Polly", &[])]));
        assert!(forms[1].is_empty());
        assert_eq!(forms[2], ["Polly"]);
    }
}
