//! The cast as the script shows it: each character's name and colour, the narrator apart.

use std::sync::Arc;

use shared::{Character, CharacterId};

/// How many speaker colours the stylesheet defines (`--speaker-0` … `--speaker-11`), each
/// readable on both themes; a larger cast reuses them in order, the name always shown beside.
pub const PALETTE: usize = 12;

/// A cast member as the script and the speaker menus show them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// The character's id, a segment's `speaker`.
    pub id: String,
    /// The character's name.
    pub name: String,
    /// Index of the character's colour in the palette; the narrator has none.
    pub colour: Option<usize>,
}

impl Speaker {
    /// The CSS class giving a row its speaker's colour: `speaker-3`, or `narration` for the
    /// narrator (whose lines read as plain prose).
    pub fn class(&self) -> String {
        self.colour
            .map_or_else(|| "narration".to_owned(), |c| format!("speaker-{c}"))
    }
}

/// The cast in order, every character but the narrator with the next colour of the palette.
pub type Voices = Arc<[Speaker]>;

/// The speakers of `cast`, in the cast's order.
pub fn speakers(cast: &[Character]) -> Voices {
    let narrator = CharacterId::narrator();
    let mut next = 0;
    cast.iter()
        .map(|character| {
            let colour = (character.id != narrator).then(|| {
                next += 1;
                (next - 1) % PALETTE
            });
            Speaker {
                id: character.id.to_string(),
                name: character.name.clone(),
                colour,
            }
        })
        .collect()
}

/// The speaker with id `id`, if the cast has one.
pub fn find<'a>(voices: &'a [Speaker], id: &str) -> Option<&'a Speaker> {
    voices.iter().find(|speaker| speaker.id == id)
}

#[cfg(test)]
mod tests {
    use shared::Language;

    use super::*;

    #[test]
    fn the_narrator_reads_as_narration_and_characters_take_the_palette_in_order() {
        let mut cast = vec![Character::narrator(Language::En)];
        for i in 0..=PALETTE {
            cast.push(Character::named(&format!("Person {i}"), Language::En).unwrap());
        }
        let voices = speakers(&cast);

        assert_eq!(voices[0].class(), "narration");
        assert_eq!(voices[1].class(), "speaker-0");
        assert_eq!(voices[2].class(), "speaker-1");
        // Past the palette's end the colours repeat, the name still told apart.
        assert_eq!(voices[PALETTE + 1].class(), "speaker-0");
        assert_eq!(
            find(&voices, "narrator").map(|s| s.name.as_str()),
            Some("Narrator")
        );
        assert_eq!(find(&voices, "nobody"), None);
    }
}
