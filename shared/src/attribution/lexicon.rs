//! Speech-verb lexicons (English and Spanish, with inflections and Spanish enclitic forms such as
//! "díjole" or "preguntóle"), subject pronouns, honorifics and the words that may precede a
//! vocative. All lists are lowercase; the verb lists are sorted, for binary search.

use crate::{cast::Gender, Language};

/// English speech verbs, inflected.
const EN_VERBS: &[&str] = &[
    "added",
    "adding",
    "adds",
    "admits",
    "admitted",
    "admitting",
    "agreed",
    "agreeing",
    "agrees",
    "announced",
    "announces",
    "announcing",
    "answered",
    "answering",
    "answers",
    "asked",
    "asking",
    "asks",
    "assented",
    "assenting",
    "assents",
    "bawled",
    "bawling",
    "bawls",
    "began",
    "begged",
    "begs",
    "blurted",
    "blurting",
    "blurts",
    "breathed",
    "breathes",
    "called",
    "calling",
    "calls",
    "chimed",
    "chuckled",
    "chuckles",
    "chuckling",
    "commanded",
    "commanding",
    "commented",
    "commenting",
    "comments",
    "concluded",
    "concludes",
    "concluding",
    "confessed",
    "confesses",
    "confessing",
    "continued",
    "continues",
    "continuing",
    "corrected",
    "correcting",
    "corrects",
    "countered",
    "countering",
    "cried",
    "cries",
    "croaked",
    "croaking",
    "croaks",
    "crying",
    "declared",
    "declares",
    "declaring",
    "demanded",
    "demanding",
    "demands",
    "drawled",
    "drawling",
    "drawls",
    "enquired",
    "enquires",
    "enquiring",
    "entreated",
    "entreating",
    "entreats",
    "exclaimed",
    "exclaiming",
    "exclaims",
    "explained",
    "explaining",
    "explains",
    "faltered",
    "faltering",
    "falters",
    "gasped",
    "gasping",
    "gasps",
    "giggled",
    "giggles",
    "giggling",
    "groaned",
    "groaning",
    "groans",
    "growled",
    "growling",
    "growls",
    "grumbled",
    "grumbles",
    "grumbling",
    "grunted",
    "grunting",
    "grunts",
    "hissed",
    "hisses",
    "hissing",
    "howled",
    "howling",
    "implored",
    "imploring",
    "inquired",
    "inquires",
    "inquiring",
    "insisted",
    "insisting",
    "insists",
    "interposed",
    "interposing",
    "interrupted",
    "interrupting",
    "interrupts",
    "lamented",
    "laughed",
    "laughing",
    "laughs",
    "lisped",
    "lisping",
    "moaned",
    "moaning",
    "moans",
    "mumbled",
    "mumbles",
    "mumbling",
    "murmured",
    "murmuring",
    "murmurs",
    "mused",
    "muses",
    "musing",
    "muttered",
    "muttering",
    "mutters",
    "objected",
    "objecting",
    "opined",
    "panted",
    "panting",
    "persisted",
    "persisting",
    "pleaded",
    "pleads",
    "pled",
    "prompted",
    "protested",
    "protesting",
    "protests",
    "purred",
    "pursued",
    "pursuing",
    "queried",
    "questioned",
    "quoth",
    "rasped",
    "reasoned",
    "recalled",
    "reflected",
    "reiterated",
    "rejoined",
    "rejoining",
    "remarked",
    "remarking",
    "remarks",
    "reminded",
    "repeated",
    "repeating",
    "repeats",
    "replied",
    "replies",
    "replying",
    "reported",
    "reproached",
    "responded",
    "responding",
    "resumed",
    "resuming",
    "retorted",
    "retorting",
    "returned",
    "returning",
    "roared",
    "roaring",
    "roars",
    "said",
    "sang",
    "say",
    "saying",
    "says",
    "scoffed",
    "scolded",
    "scolding",
    "screamed",
    "screaming",
    "screams",
    "shouted",
    "shouting",
    "shouts",
    "shrieked",
    "shrieking",
    "shrieks",
    "sighed",
    "sighing",
    "sighs",
    "snapped",
    "snarled",
    "snarling",
    "sneered",
    "sneering",
    "sniffed",
    "snorted",
    "sobbed",
    "sobs",
    "spoke",
    "squealed",
    "stammered",
    "stammering",
    "stammers",
    "stated",
    "stormed",
    "stuttered",
    "stuttering",
    "suggested",
    "suggesting",
    "suggests",
    "taunted",
    "teased",
    "thought",
    "thundered",
    "urged",
    "urging",
    "uttered",
    "ventured",
    "volunteered",
    "wailed",
    "wailing",
    "wails",
    "warned",
    "went",
    "wheezed",
    "whimpered",
    "whined",
    "whining",
    "whispered",
    "whispering",
    "whispers",
    "wondered",
    "wrote",
    "yelled",
    "yelling",
    "yells",
];

/// English verbs that are speech verbs only before a particle ("went on", "broke in").
const EN_PHRASAL: &[(&str, &str)] = &[
    ("blurted", "out"),
    ("broke", "in"),
    ("called", "out"),
    ("chimed", "in"),
    ("cried", "out"),
    ("cut", "in"),
    ("put", "in"),
    ("went", "on"),
];

/// Spanish speech verbs, inflected (third person, gerund).
const ES_VERBS: &[&str] = &[
    "aclara",
    "aclaró",
    "admitió",
    "advierte",
    "advirtió",
    "afirma",
    "afirmó",
    "agrega",
    "agregaba",
    "agregó",
    "apuntó",
    "arguyó",
    "asegura",
    "aseguró",
    "atajó",
    "añade",
    "añadió",
    "añadía",
    "balbucea",
    "balbuceó",
    "bromeó",
    "chilla",
    "chilló",
    "clamó",
    "comenta",
    "comentó",
    "concluye",
    "concluyó",
    "confesó",
    "contesta",
    "contestaba",
    "contestando",
    "contestaron",
    "contestó",
    "continuaba",
    "continuó",
    "continúa",
    "cortó",
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
    "exclamando",
    "exclamaron",
    "exclamó",
    "explica",
    "explicaba",
    "explicó",
    "grita",
    "gritaba",
    "gritando",
    "gritaron",
    "gritó",
    "gruñe",
    "gruñó",
    "increpó",
    "indica",
    "indicó",
    "inquirió",
    "insiste",
    "insistió",
    "insistía",
    "interroga",
    "interrogó",
    "interrumpe",
    "interrumpió",
    "leyó",
    "llamó",
    "manifestó",
    "manifiesta",
    "murmura",
    "murmuraba",
    "murmurando",
    "murmuró",
    "musita",
    "musitó",
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
    "preguntando",
    "preguntaron",
    "preguntó",
    "propone",
    "propuso",
    "proseguía",
    "prosiguió",
    "protesta",
    "protestó",
    "refunfuñó",
    "replica",
    "replicaba",
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
    "sollozó",
    "sonrió",
    "suplica",
    "suplicó",
    "suspira",
    "suspiró",
    "susurra",
    "susurró",
    "tartamudeó",
    "termina",
    "terminó",
    "vociferó",
];

/// Spanish enclitic pronouns that may end a verb ("díjole", "preguntóle", "diciéndose").
const ES_CLITICS: &[&str] = &["le", "les", "lo", "la", "me", "te", "se", "nos", "os"];

/// Whether `word` (lowercase) is a speech verb in `language`.
pub(crate) fn is_speech_verb(word: &str, language: Language) -> bool {
    match language {
        Language::En => EN_VERBS.binary_search(&word).is_ok(),
        Language::Es => ES_VERBS.binary_search(&word).is_ok() || is_enclitic_speech_verb(word),
    }
}

/// Whether `word` (lowercase) and the word after it make an English phrasal speech verb.
pub(crate) fn is_phrasal_speech_verb(word: &str, next: &str, language: Language) -> bool {
    language == Language::En
        && EN_PHRASAL
            .iter()
            .any(|&(verb, particle)| verb == word && particle == next)
}

/// "díjole" → "dijo", "preguntóle" → "preguntó": a speech verb with an enclitic pronoun. The stem
/// must carry a written accent, as such forms do.
fn is_enclitic_speech_verb(word: &str) -> bool {
    ES_CLITICS.iter().any(|clitic| {
        let Some(stem) = word.strip_suffix(clitic) else {
            return false;
        };
        if !stem.contains(['á', 'é', 'í', 'ó', 'ú']) {
            return false;
        }
        let plain: String = stem.chars().map(unaccent).collect();
        ES_VERBS
            .iter()
            .any(|verb| verb.chars().map(unaccent).eq(plain.chars()))
    })
}

fn unaccent(c: char) -> char {
    match c {
        'á' => 'a',
        'é' => 'e',
        'í' => 'i',
        'ó' => 'o',
        'ú' => 'u',
        other => other,
    }
}

/// Unstressed pronouns that may stand between a Spanish subject and its verb, or before the verb
/// ("—le dijo", "—se dijo").
pub(crate) fn is_clitic(word: &str, language: Language) -> bool {
    language == Language::Es && ES_CLITICS.contains(&word)
}

/// Whether `word` (lowercase) is the first-person subject pronoun ("I", "yo").
pub(crate) fn is_first_person(word: &str, language: Language) -> bool {
    matches!((language, word), (Language::En, "i") | (Language::Es, "yo"))
}

/// The gender of a subject pronoun, if `word` (lowercase) is one.
pub(crate) fn subject_pronoun(word: &str, language: Language) -> Option<Gender> {
    match (language, word) {
        (Language::En, "he") | (Language::Es, "él") => Some(Gender::Male),
        (Language::En, "she") | (Language::Es, "ella") => Some(Gender::Female),
        _ => None,
    }
}

/// An auxiliary between a subject and its speech verb ("Nasty Roche had said", "she would
/// answer", "había dicho").
pub(crate) fn is_auxiliary(word: &str, language: Language) -> bool {
    match language {
        Language::En => matches!(
            word,
            "had"
                | "has"
                | "have"
                | "was"
                | "were"
                | "would"
                | "will"
                | "could"
                | "should"
                | "did"
                | "does"
                | "might"
                | "must"
                | "shall"
        ),
        Language::Es => matches!(word, "había" | "ha" | "hubo" | "habría" | "habrá"),
    }
}

/// Words that may stand between a speech verb and its subject, or before a name: titles,
/// articles and a few adjectives ("said Mr. Holmes", "dijo el señor", "said old Cotter").
const SKIPPABLE: &[&str] = &[
    "doctor",
    "don",
    "doña",
    "dr",
    "el",
    "la",
    "lady",
    "little",
    "lord",
    "madame",
    "miss",
    "mr",
    "mrs",
    "ms",
    "old",
    "poor",
    "señor",
    "señora",
    "señorita",
    "sir",
    "the",
    "tía",
    "tío",
    "young",
];

/// Whether `word` (lowercase) may be skipped between a verb and the name of its subject.
pub(crate) fn is_skippable(word: &str) -> bool {
    SKIPPABLE.contains(&word)
}

/// Adverbs that may stand between a subject and its verb or after the verb ("Holmes quietly
/// said", "said Holmes, then"): English words ending in "-ly" and a few others.
pub(crate) fn is_adverb(word: &str, language: Language) -> bool {
    match language {
        Language::En => {
            (word.len() > 4 && word.ends_with("ly"))
                || [
                    "then",
                    "again",
                    "now",
                    "at",
                    "last",
                    "also",
                    "only",
                    "presently",
                    "still",
                ]
                .contains(&word)
        }
        Language::Es => word.len() > 6 && word.ends_with("mente"),
    }
}

/// Words that may come before a name used as a vocative ("my dear Watson", "querido Augusto").
const VOCATIVE_LEAD: &[&str] = &[
    "ah",
    "amigo",
    "dear",
    "dearest",
    "don",
    "doña",
    "good",
    "mi",
    "miss",
    "mr",
    "mrs",
    "my",
    "o",
    "oh",
    "poor",
    "querida",
    "querido",
    "señor",
    "señora",
    "señorita",
    "sir",
    "young",
];

/// Whether `word` (lowercase) may come between the start of a vocative phrase and the name.
pub(crate) fn is_vocative_lead(word: &str) -> bool {
    VOCATIVE_LEAD.contains(&word)
}

/// Words that start a speech tag or end the clause that introduces a quotation, in which an
/// addressee follows the verb ("said to Watson", "dijo a Augusto").
pub(crate) fn is_addressee_marker(word: &str, language: Language) -> bool {
    match language {
        Language::En => word == "to",
        Language::Es => word == "a" || word == "al",
    }
}
