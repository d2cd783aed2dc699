//! The verdict on one line: who speaks it ([`Attribution`]), how sure, and the [`Evidence`] for it
//! — the [`Rule`] that fired and the tag it read.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::cast::character_id::CharacterId;

/// The rule that decided a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Rule {
    /// A speech tag names the speaker ("said Holmes", "—dijo Augusto").
    ExplicitTag,
    /// A speech tag with a pronoun ("she replied"), resolved by gender and recency.
    PronounTag,
    /// The previous turn addressed this speaker by name (a vocative, or "said to X").
    Vocative,
    /// Alternation inside a conversation, from a turn whose speaker is known.
    TurnTaking,
    /// The narration next to the quotation opens with a cast member or a pronoun ("She went to
    /// the door").
    Beat,
    /// The cast member named in the narration of the quotation's paragraph.
    Mention,
    /// The producer's manual choice.
    Anchor,
    /// A language model chose it (the server's LLM engine); the rules never report it.
    LanguageModel,
    /// Narration: the narrator reads it.
    Narration,
    /// No rule was sure enough.
    Unresolved,
}

/// Why a speaker was chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Evidence {
    /// The rule that fired.
    pub rule: Rule,
    /// Character range of the tag, name or quotation that fired it, if any.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<CharRange>))]
    pub tag: Option<Range<usize>>,
    /// For an anchor: the speaker an explicit tag next to the quotation names instead.
    pub contradiction: Option<CharacterId>,
}

/// The speaker of one stretch of dialogue (or, from `attribute_segments`, of one segment).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Attribution {
    /// Character range in the chapter.
    #[cfg_attr(feature = "openapi", schema(value_type = CharRange))]
    pub span: Range<usize>,
    /// The speaker, or `None` when unresolved.
    pub speaker: Option<CharacterId>,
    /// How sure, from 0 (unresolved) to 1 (a manual choice); about 0.95 for an explicit tag, 0.5–0.8
    /// for a pronoun, decaying with distance for turn-taking.
    pub confidence: f32,
    /// Why.
    pub evidence: Evidence,
}

/// How a character range travels: `{"start": …, "end": …}` (the schema of `Range<usize>`).
#[cfg(feature = "openapi")]
#[derive(utoipa::ToSchema)]
pub struct CharRange {
    /// The first character.
    pub start: usize,
    /// The character after the last.
    pub end: usize,
}

/// Below this confidence a speaker is left unresolved.
pub const MIN_CONFIDENCE: f32 = 0.35;
