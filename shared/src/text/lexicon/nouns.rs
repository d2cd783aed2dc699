//! Nouns and honorifics that say a person's gender wherever they stand in a name or a
//! description ("Mr. Baxter", "the old man", "her husband", "el cura"), and nouns that name
//! several people ("the men"), whom "he" or "she" do not refer to. English and Spanish, lowercase.

use crate::text::language::Gender;

/// Honorifics and nouns that mark a man.
const MALE: &str = "mr sir lord don señor sr tío padre father uncle master king prince duke \
    count captain colonel general doctor dr man boy lad gentleman papa dad husband son brother \
    nephew grandfather monk priest parson vicar rector squire fellow earl baron baronet emperor \
    knight monsieur hombre papá marido esposo hijo hermano abuelo sobrino rey príncipe cura \
    fraile mozo muchacho niño caballero señorito conde marqués duque";

/// Honorifics and nouns that mark a woman.
const FEMALE: &str = "mrs miss ms lady madam madame mademoiselle doña señora señorita sra srta \
    tía mother aunt queen princess duchess countess sister woman girl lass mamma mama wife \
    daughter niece grandmother maid widow nun mistress governess housekeeper landlady mujer \
    madre mamá esposa hija hermana abuela sobrina reina princesa moza muchacha niña monja viuda \
    criada condesa marquesa duquesa dama";

/// Nouns that name several people.
const PLURAL: &str = "men gentlemen boys brothers lads women ladies girls sisters people \
    children parents family crowd soldiers others hombres mujeres señores señoras niños gente \
    familia";

/// The gender `word` (lowercase) marks: [`Gender::Other`] for a group.
pub(crate) fn noun_gender(word: &str) -> Option<Gender> {
    let listed = |list: &str| list.split_whitespace().any(|w| w == word);
    if listed(PLURAL) {
        Some(Gender::Other)
    } else if listed(MALE) {
        Some(Gender::Male)
    } else if listed(FEMALE) {
        Some(Gender::Female)
    } else {
        None
    }
}
