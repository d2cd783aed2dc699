//! Words that stand around names without naming anyone: honorifics (`Mr.`, `doña`, `tía`) and
//! the articles, particles and adjectives of descriptive names (`the`, `de`, `old`).

/// Honorifics before a name, English and Spanish, lowercase and without their period.
pub(crate) const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "miss",
    "ms",
    "dr",
    "sir",
    "lady",
    "lord",
    "st",
    "don",
    "doña",
    "d",
    "señor",
    "señora",
    "señorita",
    "tío",
    "tía",
];

/// Articles, particles and adjectives of descriptive names ("the old man", "Pedro de la Torre").
pub(crate) const NAME_FILLERS: &[&str] = &[
    "the", "a", "an", "of", "and", "y", "de", "del", "el", "la", "old", "young", "little", "man",
    "woman",
];

/// Whether `word` (lowercase) is an honorific or a filler of names.
pub(crate) fn names_nobody(word: &str) -> bool {
    HONORIFICS.contains(&word) || NAME_FILLERS.contains(&word)
}
