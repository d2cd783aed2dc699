//! `Segment`: one piece of a chapter plan, read by one voice in one engine request.
//! Its serde form is the desktop planner's plan format, so a plan file round-trips unchanged.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A segment's stable, unique id inside its plan. New ids come from `Plan::next_id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SegmentId(pub u32);

impl fmt::Display for SegmentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The kind of boundary at which a segment ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Delimiter {
    /// The end of a paragraph.
    Paragraph,
    /// The end of a sentence inside a paragraph too long for one segment.
    Sentence,
    /// A word boundary inside a sentence too long for one segment.
    Word,
    /// A cut the producer made by hand.
    Manual,
    /// The edge of a quotation inside a paragraph that mixes dialogue and narration
    /// (`“Hello,”` | `said John,` | `“how are you?”`).
    Dialogue,
}

impl Delimiter {
    /// The lowercase name used in plan files and the segment table.
    pub fn as_str(self) -> &'static str {
        match self {
            Delimiter::Paragraph => "paragraph",
            Delimiter::Sentence => "sentence",
            Delimiter::Word => "word",
            Delimiter::Manual => "manual",
            Delimiter::Dialogue => "dialogue",
        }
    }
}

/// One segment of a chapter plan.
///
/// Invariant (checked by `Plan::validate`): `start < end`, and the chapter's characters
/// `start..end` are exactly `original_text`. `text` is what will be read; it starts equal to
/// `original_text` and changes only when the producer edits it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Segment {
    /// Stable unique id.
    #[serde(rename = "segment_id")]
    pub id: SegmentId,
    /// First character (Unicode scalar value) of the segment in the chapter text.
    #[serde(rename = "start_idx")]
    pub start: usize,
    /// One past the last character of the segment in the chapter text.
    #[serde(rename = "end_idx")]
    pub end: usize,
    /// How the segment ends.
    pub delimiter: Delimiter,
    /// The text to read, possibly edited.
    pub text: String,
    /// The chapter text at `start..end`.
    #[serde(rename = "originalText")]
    pub original_text: String,
    /// Who reads it: a cast member's [`crate::cast::character_id::CharacterId`], or none yet.
    #[serde(rename = "voice", default)]
    pub speaker: Option<String>,
    /// Flagged by a reviewer for another look.
    #[serde(rename = "needsRevision", default)]
    pub needs_revision: bool,
    /// The producer chose the speaker by hand: automatic assignment leaves it alone.
    /// Not part of the desktop format; written only when true.
    #[serde(rename = "speakerLocked", default, skip_serializing_if = "is_false")]
    pub speaker_locked: bool,
    /// A reviewer checked this segment as it stands (text and speaker); any change to its text
    /// clears it. Not part of the desktop format; written only when true.
    #[serde(default, skip_serializing_if = "is_false")]
    pub reviewed: bool,
    /// The review ticket on this segment, if any. Not part of the desktop format (which has
    /// only `needsRevision`); written only when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flag: Option<crate::plan::review::Flag>,
}

impl Segment {
    /// Whether the producer changed the text from the chapter's.
    pub fn is_edited(&self) -> bool {
        self.text != self.original_text
    }
}

fn is_false(value: &bool) -> bool {
    !*value
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment() -> Segment {
        Segment {
            id: SegmentId(7),
            start: 10,
            end: 16,
            delimiter: Delimiter::Sentence,
            text: "Pérez!".to_owned(),
            original_text: "Pérez.".to_owned(),
            speaker: Some("Augusto".to_owned()),
            needs_revision: true,
            speaker_locked: false,
            reviewed: false,
            flag: None,
        }
    }

    #[test]
    fn a_segment_serialises_with_the_desktop_field_names() {
        let json = serde_json::to_value(segment()).unwrap();

        let expected = serde_json::json!({
            "segment_id": 7,
            "start_idx": 10,
            "end_idx": 16,
            "delimiter": "sentence",
            "text": "Pérez!",
            "originalText": "Pérez.",
            "voice": "Augusto",
            "needsRevision": true,
        });
        assert_eq!(json, expected);
        assert_eq!(serde_json::from_value::<Segment>(json).unwrap(), segment());
    }

    #[test]
    fn voice_and_revision_may_be_missing_from_a_plan_file() {
        let json = r#"{"segment_id":1,"start_idx":0,"end_idx":4,"delimiter":"word",
            "text":"Hola","originalText":"Hola"}"#;

        let segment: Segment = serde_json::from_str(json).unwrap();

        assert_eq!(
            (segment.speaker.as_deref(), segment.needs_revision),
            (None, false)
        );
        assert_eq!(segment.delimiter, Delimiter::Word);
        assert!(!segment.is_edited());
    }

    #[test]
    fn delimiter_names_match_their_serde_form() {
        for delimiter in [
            Delimiter::Paragraph,
            Delimiter::Sentence,
            Delimiter::Word,
            Delimiter::Manual,
            Delimiter::Dialogue,
        ] {
            let json = serde_json::to_string(&delimiter).unwrap();
            assert_eq!(json, format!("\"{}\"", delimiter.as_str()));
        }
    }
}
