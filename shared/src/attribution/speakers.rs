//! The people who may speak in a chapter, as the rules number them: the cast without the narrator,
//! anyone else an anchor names, then the narrator; with their genders and who "I" is.

use crate::{
    cast::{character_id::CharacterId, forms::derived_forms, Cast},
    text::language::Gender,
};

/// The people who may speak: the cast without the narrator, then anyone else an anchor names.
/// The narrator comes after the cast. "said I" goes to the character the producer marked as
/// telling the story ([`Character::narrates`](crate::cast::character::Character::narrates)), else
/// to the narrator (or to a cast member called "I", found as a name).
#[derive(Debug)]
pub(super) struct Speakers {
    pub(super) ids: Vec<CharacterId>,
    pub(super) genders: Vec<Gender>,
    pub(super) narrator: usize,
    /// Who "I" is in the narration: the narrating character, else the narrator.
    pub(super) first_person: usize,
}

impl Speakers {
    pub(super) fn new(cast: &Cast) -> Self {
        let people: Vec<_> = cast
            .characters()
            .iter()
            .filter(|c| !c.id.is_narrator())
            .collect();
        let (mut ids, mut genders): (Vec<_>, Vec<_>) =
            people.iter().map(|c| (c.id.clone(), c.gender)).unzip();
        ids.push(CharacterId::narrator());
        genders.push(Gender::Other);
        let narrator = ids.len() - 1;
        Self {
            narrator,
            first_person: people.iter().position(|c| c.narrates).unwrap_or(narrator),
            ids,
            genders,
        }
    }

    /// Every name and alias of the cast (narrator aside), and the name forms derived from them
    /// that only one member answers to ([`derived_forms`]), with the speaker's index.
    pub(super) fn names(&self, cast: &Cast) -> Vec<(String, usize)> {
        let forms = derived_forms(cast);
        cast.characters()
            .iter()
            .zip(forms)
            .filter(|(c, _)| !c.id.is_narrator())
            .enumerate()
            .flat_map(|(who, (c, forms))| {
                c.names()
                    .map(str::to_owned)
                    .chain(forms)
                    .map(move |name| (name, who))
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// The index of `id`, added when new.
    pub(super) fn index_of(&mut self, id: &CharacterId) -> usize {
        if let Some(at) = self.ids.iter().position(|known| known == id) {
            return at;
        }
        self.ids.push(id.clone());
        self.genders.push(Gender::Unknown);
        self.ids.len() - 1
    }
}
