//! Spanish speech verbs and what their endings tell: the person of the verb (the first-person
//! "—dije", "—respondí" is the narrating character; "—dijo" someone else) and, from an adjective
//! agreeing with a left-out subject ("—dijo, asustada"), the speaker's gender.

use crate::text::language::Gender;

/// Spanish speech verbs in the third person or without person (imperfect, gerund), inflected;
/// sorted for binary search.
const THIRD: &[&str] = &[
    "aclara",
    "aclaró",
    "aconsejó",
    "admitió",
    "advierte",
    "advirtió",
    "afirma",
    "afirmó",
    "agrega",
    "agregaba",
    "agregó",
    "amenazó",
    "aprobó",
    "apuntó",
    "arguyó",
    "asegura",
    "aseguró",
    "asintió",
    "atajó",
    "añade",
    "añadieron",
    "añadió",
    "añadía",
    "balbucea",
    "balbuceaba",
    "balbuceó",
    "bramó",
    "bromeó",
    "chilla",
    "chilló",
    "clamó",
    "comenta",
    "comentó",
    "concluye",
    "concluyó",
    "concluía",
    "confesó",
    "contesta",
    "contestaba",
    "contestaban",
    "contestando",
    "contestaron",
    "contestó",
    "continuaba",
    "continuó",
    "continúa",
    "cortó",
    "cuchicheó",
    "declara",
    "declaró",
    "decía",
    "decían",
    "dice",
    "dicen",
    "diciendo",
    "dictó",
    "dijera",
    "dijeron",
    "dijo",
    "exclama",
    "exclamaba",
    "exclamaban",
    "exclamando",
    "exclamaron",
    "exclamó",
    "explica",
    "explicaba",
    "explicó",
    "gemía",
    "gimió",
    "grita",
    "gritaba",
    "gritaban",
    "gritando",
    "gritaron",
    "gritó",
    "gruñe",
    "gruñó",
    "increpó",
    "indica",
    "indicó",
    "inquirió",
    "insinuó",
    "insiste",
    "insistió",
    "insistía",
    "interpeló",
    "interroga",
    "interrogó",
    "interrumpe",
    "interrumpió",
    "intervino",
    "leyó",
    "llamó",
    "manifestó",
    "manifiesta",
    "masculló",
    "murmura",
    "murmuraba",
    "murmuraban",
    "murmurando",
    "murmuró",
    "musita",
    "musitó",
    "negó",
    "objetó",
    "observa",
    "observaba",
    "observó",
    "ordena",
    "ordenó",
    "pensaba",
    "pensando",
    "pensó",
    "piensa",
    "pregunta",
    "preguntaba",
    "preguntaban",
    "preguntando",
    "preguntaron",
    "preguntó",
    "proclamó",
    "propone",
    "propuso",
    "prorrumpió",
    "proseguía",
    "prosiguió",
    "protesta",
    "protestó",
    "recalcó",
    "refunfuñó",
    "repetía",
    "repitió",
    "replica",
    "replicaba",
    "replicaron",
    "replicó",
    "repone",
    "reponía",
    "reprocha",
    "reprochó",
    "repusieron",
    "repuso",
    "responde",
    "respondiendo",
    "respondieron",
    "respondió",
    "respondía",
    "respondían",
    "rió",
    "rogó",
    "ruega",
    "rugió",
    "ríe",
    "saltó",
    "seguía",
    "sentenció",
    "sigue",
    "siguió",
    "solloza",
    "sollozaba",
    "sollozó",
    "sonrió",
    "subrayó",
    "suplica",
    "suplicaba",
    "suplicó",
    "suspira",
    "suspiró",
    "susurra",
    "susurró",
    "tartamudeaba",
    "tartamudeó",
    "terció",
    "termina",
    "terminó",
    "voceó",
    "vociferaba",
    "vociferó",
];

/// Spanish speech verbs in the first person singular (preterite, present); sorted. Forms that are
/// also common nouns ("grito", "suspiro", "ruego") are left out.
const FIRST: &[&str] = &[
    "aclaré",
    "advertí",
    "afirmé",
    "agregué",
    "aseguré",
    "atajé",
    "añado",
    "añadí",
    "balbuceé",
    "bramé",
    "chillé",
    "clamé",
    "comenté",
    "concluí",
    "confesé",
    "contesto",
    "contesté",
    "continué",
    "declaré",
    "digo",
    "dije",
    "exclamo",
    "exclamé",
    "expliqué",
    "gemí",
    "grité",
    "gruñí",
    "increpé",
    "indiqué",
    "inquirí",
    "insisto",
    "insistí",
    "interrogué",
    "interrumpo",
    "interrumpí",
    "intervine",
    "murmuro",
    "murmuré",
    "musité",
    "objeté",
    "observé",
    "ordené",
    "pensé",
    "pregunto",
    "pregunté",
    "proclamé",
    "prorrumpí",
    "proseguí",
    "protesté",
    "refunfuñé",
    "repetí",
    "replico",
    "repliqué",
    "repongo",
    "reproché",
    "repuse",
    "respondo",
    "respondí",
    "rogué",
    "rugí",
    "sollocé",
    "sonreí",
    "supliqué",
    "suspiré",
    "susurré",
    "tartamudeé",
    "vociferé",
];

/// Spanish enclitic pronouns that may end a verb ("díjole", "preguntóle", "diciéndose").
pub(super) const ES_CLITICS: &[&str] = &["le", "les", "lo", "la", "me", "te", "se", "nos", "os"];

/// Who a Spanish speech verb says is speaking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VerbPerson {
    /// "dije", "respondí": the one who tells the story.
    First,
    /// "dijo", "respondió", "dijeron": someone else.
    Third,
    /// "decía", "respondiendo": the form does not tell (imperfect, gerund).
    Either,
}

/// The person of `word` (lowercase) if it is a Spanish speech verb, enclitic forms included
/// ("díjole", "preguntéle").
pub(super) fn speech_verb(word: &str) -> Option<VerbPerson> {
    plain_verb(word).or_else(|| enclitic_verb(word))
}

/// The person of a Spanish speech verb (see [`speech_verb`]).
pub(crate) fn speech_verb_person(word: &str) -> Option<VerbPerson> {
    speech_verb(word)
}

fn plain_verb(word: &str) -> Option<VerbPerson> {
    if FIRST.binary_search(&word).is_ok() {
        return Some(VerbPerson::First);
    }
    THIRD.binary_search(&word).ok()?;
    let timeless = ["aba", "ía", "ando", "iendo", "ían", "aban"]
        .iter()
        .any(|ending| word.ends_with(ending));
    Some(if timeless {
        VerbPerson::Either
    } else {
        VerbPerson::Third
    })
}

/// "díjole" → "dijo", "preguntéle" → "pregunté": a speech verb with an enclitic pronoun. The stem
/// must carry a written accent, as such forms do.
fn enclitic_verb(word: &str) -> Option<VerbPerson> {
    ES_CLITICS.iter().find_map(|clitic| {
        let stem = word.strip_suffix(clitic)?;
        if !stem.contains(['á', 'é', 'í', 'ó', 'ú']) {
            return None;
        }
        let plain: String = stem.chars().map(unaccent).collect();
        let same = |verb: &&&str| verb.chars().map(unaccent).eq(plain.chars());
        // The accent of the stem may be the verb's own ("preguntóle") or added ("díjole").
        if let Some(person) = plain_verb(stem) {
            return Some(person);
        }
        let verb = FIRST.iter().chain(THIRD).find(same)?;
        plain_verb(verb)
    })
}

/// `c` without its acute accent (the vowels a Spanish text may write either way).
pub(super) fn unaccent(c: char) -> char {
    match c {
        'á' => 'a',
        'é' => 'e',
        'í' => 'i',
        'ó' => 'o',
        'ú' => 'u',
        other => other,
    }
}

/// The gender an adjective or participle standing for a left-out subject shows by its ending
/// ("asustada", "colérico", "sorprendidos"), if `word` (lowercase) reads as one: five letters or
/// more, ending as Spanish participles and the commonest adjectives do.
pub(crate) fn agreement_gender(word: &str) -> Option<Gender> {
    if word.chars().count() < 5 {
        return None;
    }
    const MALE: &[&str] = &["ado", "ido", "oso", "ico", "ivo"];
    const FEMALE: &[&str] = &["ada", "ida", "osa", "ica", "iva"];
    if MALE.iter().any(|e| word.ends_with(e)) {
        Some(Gender::Male)
    } else if FEMALE.iter().any(|e| word.ends_with(e)) {
        Some(Gender::Female)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        assert!(THIRD.windows(2).all(|w| w[0] < w[1]));
        assert!(FIRST.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn the_ending_tells_the_person() {
        assert_eq!(speech_verb("respondí"), Some(VerbPerson::First));
        assert_eq!(speech_verb("respondió"), Some(VerbPerson::Third));
        assert_eq!(speech_verb("respondía"), Some(VerbPerson::Either));
        assert_eq!(speech_verb("díjele"), Some(VerbPerson::First));
        assert_eq!(speech_verb("díjole"), Some(VerbPerson::Third));
        assert_eq!(speech_verb("preguntóle"), Some(VerbPerson::Third));
        assert_eq!(speech_verb("grito"), None);
        assert_eq!(speech_verb("mesa"), None);
    }

    #[test]
    fn participles_and_adjectives_tell_the_gender() {
        assert_eq!(agreement_gender("asustada"), Some(Gender::Female));
        assert_eq!(agreement_gender("colérico"), Some(Gender::Male));
        assert_eq!(agreement_gender("nada"), None);
        assert_eq!(agreement_gender("sonriendo"), None);
    }
}
