//! English wording of the errors the domain gives (Spanish is in `errors.rs`): sentences for
//! producers, lowercase, no trailing period. Every variant is matched, so a new one cannot ship
//! unworded; the domain's own `Display` is for logs.

use shared::{
    plan::file::PlanFileError,
    pronunciation::{pls::PlsError, EntryError, EspeakError, Field, IpaError, MapError},
    signoff::Blocker,
    CastError, SegmentError,
};

/// A [`SegmentError`] in English.
pub(super) fn segment_error(err: &SegmentError) -> String {
    use SegmentError as E;
    match err {
        E::EmptyChapter => "the chapter text is empty".to_owned(),
        E::ChapterTooLarge { bytes, max_bytes } => {
            format!("the chapter text is {bytes} bytes, over the limit of {max_bytes}")
        }
        E::NotUtf8 { byte } => {
            format!("the chapter text is not valid UTF-8 (first bad byte at {byte})")
        }
        E::OffsetPastEnd { offset, len } => format!("offset {offset} is past the end ({len})"),
        E::OffsetInsideCharacter { offset } => format!("offset {offset} is inside a character"),
        E::SplitLeavesEmptyHalf { id, offset } => {
            format!("splitting segment {id} at {offset} would leave an empty half")
        }
        E::SplitInsideEdit { id } => {
            format!("segment {id} cannot be split inside its edited text; split outside the edit")
        }
        E::UnknownSegment { id } => format!("segment {id} does not exist"),
        E::UnknownSpeaker { id, speaker } => {
            format!("segment {id} is assigned to \"{speaker}\", who is not in the cast")
        }
        E::NoFlag { id } => format!("segment {id} has no review flag"),
        E::EmptyComment { .. } => "the comment is empty; write something first".to_owned(),
        E::FlagTextTooLong { max } => {
            format!("a note or comment may have at most {max} characters")
        }
        E::NoNextSegment { id } => format!("segment {id} has no next segment"),
        E::NoPreviousSegment { id } => format!("segment {id} has no previous segment"),
        E::LastSegment => "the last segment cannot be deleted".to_owned(),
        E::EmptyPlan => "the plan has no segments".to_owned(),
        E::EmptyText { id } => format!("segment {id} has no text"),
        E::OverByteLimit {
            id,
            bytes,
            max_bytes,
        } => format!(
            "segment {id} is {bytes} bytes with SSML overhead, over the limit of {max_bytes}"
        ),
        E::OverAudioLimit {
            id,
            seconds,
            max_seconds,
        } => format!(
            "segment {id} would take {seconds} s to read, over the limit of {max_seconds} s"
        ),
        E::DuplicateId { id } => format!("segment id {id} appears twice"),
        E::InvertedRange { id, start, end } => {
            format!("segment {id} has an empty or reversed range {start}..{end}")
        }
        E::Overlap {
            id,
            start,
            previous_end,
        } => format!(
            "segment {id} starts at {start}, before the previous segment ends at {previous_end}"
        ),
        E::OriginalMismatch { id, start, end } => {
            format!("segment {id}'s original text does not match the chapter at {start}..{end}")
        }
    }
}

/// A [`CastError`] in English.
pub(super) fn cast_error(err: &CastError) -> String {
    use CastError as E;
    match err {
        E::EmptyName => "a character needs a name with at least one letter or digit".to_owned(),
        E::DuplicateName { name } => {
            format!("the name \"{name}\" is used by more than one character")
        }
        E::DuplicateId { id } => format!("the id \"{id}\" is used by more than one character"),
        E::InvalidId { id } => format!("\"{id}\" is not a valid character id"),
        E::NoNarrator => "the cast has no narrator".to_owned(),
        E::UnknownCharacter { id } => format!("no character has the id \"{id}\""),
        E::EmptyVoiceId => "a voice needs a voice id".to_owned(),
        E::StyleDegreeOutOfRange { value } => format!("style degree {value} is outside 0.01–2"),
        E::RateOutOfRange { value } => format!("rate {value}% is outside -50%–+100%"),
        E::PitchOutOfRange { value } => format!("pitch {value}% is outside -50%–+50%"),
    }
}

/// Why a chapter cannot be completed, in English.
pub(super) fn blocker(blocker: &Blocker) -> String {
    match blocker {
        Blocker::NoPlan => "the chapter has no plan".to_owned(),
        Blocker::NoSpeaker { count: 1, first } => format!("segment {first} has no speaker"),
        Blocker::NoSpeaker { count, first } => {
            format!("{count} segments have no speaker (first: {first})")
        }
        Blocker::Stale { count: 1, first } => format!(
            "the chapter text changed: segment {first} no longer matches it; carry the plan over \
             to the new text"
        ),
        Blocker::Stale { count, first } => format!(
            "the chapter text changed: {count} segments no longer match it (first: {first}); \
             carry the plan over to the new text"
        ),
        Blocker::Contradicted { count: 1, first } => {
            format!("a speech tag contradicts the speaker of segment {first}")
        }
        Blocker::Contradicted { count, first } => {
            format!("speech tags contradict the speakers of {count} segments (first: {first})")
        }
        Blocker::Flagged { count: 1, first } => format!("segment {first} is flagged for revision"),
        Blocker::Flagged { count, first } => {
            format!("{count} segments are flagged for revision (first: {first})")
        }
    }
}

fn field(field: Field) -> &'static str {
    match field {
        Field::Grapheme => "written form",
        Field::Respelling => "respelling",
    }
}

/// A refused pronunciation entry, in English, as a sentence of its own, shown beside the entry.
pub(super) fn entry_sentence(error: &EntryError) -> String {
    match error {
        EntryError::Ipa(IpaError::NotIpa {
            symbol, position, ..
        }) => {
            format!("“{symbol}” at character {position} is not an IPA symbol")
        }
        EntryError::Ipa(IpaError::LoneDiacritic { position, .. }) => {
            format!("The diacritic at character {position} has no symbol before it")
        }
        // The clauses are for a longer message; only the first letter changes.
        other => {
            let mut message = entry_error(other);
            if let Some(first) = message.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            message
        }
    }
}

/// A refused pronunciation entry, in English, as a clause of a longer message.
pub(super) fn entry_error(err: &EntryError) -> String {
    match err {
        EntryError::EmptyGrapheme => "the written form is empty".to_owned(),
        EntryError::TooLong {
            field: which,
            chars,
            max,
        } => format!(
            "the {} has {chars} characters, over the limit of {max}",
            field(*which)
        ),
        EntryError::ControlCharacter { field: which, code } => format!(
            "the {} holds the control character U+{code:04X}",
            field(*which)
        ),
        EntryError::Ipa(IpaError::Empty) => "the IPA transcription is empty".to_owned(),
        EntryError::Ipa(IpaError::TooLong { chars, max }) => {
            format!("the IPA transcription has {chars} characters, over the limit of {max}")
        }
        EntryError::Ipa(IpaError::NotIpa {
            symbol,
            code,
            position,
        }) => format!("“{symbol}” (U+{code:04X}) at character {position} is not an IPA symbol"),
        EntryError::Ipa(IpaError::LoneDiacritic { code, position }) => {
            format!("the diacritic U+{code:04X} at character {position} has no symbol before it")
        }
        EntryError::Espeak(EspeakError::TooLong { chars, max }) => {
            format!("the espeak-ng phonemes have {chars} characters, over the limit of {max}")
        }
        EntryError::Espeak(EspeakError::NotAscii { symbol, position }) => format!(
            "the espeak-ng phonemes hold “{symbol}” at character {position}; only printable \
             ASCII is accepted"
        ),
        EntryError::Espeak(EspeakError::Brackets) => {
            "the espeak-ng phonemes may not contain “[[” or “]]”".to_owned()
        }
        EntryError::Locale { locale } => {
            format!("“{locale}” is not a locale such as en, en-GB or es-ES")
        }
    }
}

/// A refused pronunciation map in English.
pub(super) fn map_error(err: &MapError) -> String {
    match err {
        MapError::Entry {
            number,
            grapheme,
            error,
        } => format!("entry {number} (“{grapheme}”): {}", entry_error(error)),
        MapError::Duplicate {
            first,
            second,
            grapheme,
            locale,
        } => format!(
            "entries {first} and {second} both give the pronunciation of “{grapheme}” in {locale}"
        ),
        MapError::TooMany { count, max } => {
            format!("the map has {count} entries, over the limit of {max}")
        }
    }
}

/// A refused PLS file in English.
pub(super) fn pls_error(err: &PlsError) -> String {
    match err {
        PlsError::TooLarge { bytes, max } => {
            format!("the file is {bytes} bytes, over the limit of {max}")
        }
        PlsError::Malformed { position, reason } => {
            format!("the file is not well-formed XML (near byte {position}): {reason}")
        }
        PlsError::NotLexicon { root } => {
            format!("the file is not a PLS lexicon: its root element is <{root}>")
        }
        PlsError::WrongNamespace => format!(
            "the <lexicon> is not in the PLS namespace {}",
            shared::pronunciation::pls::PLS_NAMESPACE
        ),
        PlsError::Version { version } => {
            format!("PLS version “{version}” is not supported; only 1.0 is")
        }
        PlsError::NoLanguage => "the <lexicon> has no xml:lang".to_owned(),
        PlsError::UnknownAlphabet { lexeme, alphabet } => format!(
            "lexeme {lexeme}: the alphabet “{alphabet}” is not supported (only ipa and x-espeak)"
        ),
        PlsError::NoGrapheme { lexeme } => format!("lexeme {lexeme} has no <grapheme>"),
        PlsError::NoIpa { lexeme } => format!("lexeme {lexeme} has no IPA <phoneme>"),
        PlsError::BadAttribute {
            lexeme,
            attribute,
            value,
        } => format!("lexeme {lexeme}: {attribute}=“{value}” is not valid"),
        PlsError::Unexpected {
            lexeme,
            element,
            parent,
        } => format!("lexeme {lexeme}: <{element}> may not appear inside <{parent}>"),
        PlsError::UnknownEntity { name } => format!("the entity &{name}; is not defined"),
        PlsError::TooMany { max } => format!("the file has more than {max} graphemes"),
        PlsError::Entry { lexeme, error } => format!("lexeme {lexeme}: {}", map_error(error)),
    }
}

/// A refused plan file in English (the JSON parser's own detail stays as it is).
pub(super) fn plan_file_error(err: &PlanFileError) -> String {
    match err {
        PlanFileError::Malformed {
            line,
            column,
            reason,
        } => format!("the plan file is not valid JSON (line {line}, column {column}): {reason}"),
        PlanFileError::NotAPlan {
            line,
            column,
            reason,
        } => format!(
            "the plan file is not a list of plan segments (line {line}, column {column}): {reason}"
        ),
        PlanFileError::Encode { reason } => format!("the plan could not be written: {reason}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::SegmentId;

    #[test]
    fn the_page_reads_the_english_the_log_does() {
        let segment = SegmentError::OverAudioLimit {
            id: SegmentId(4),
            seconds: 31,
            max_seconds: 30,
        };
        assert_eq!(segment_error(&segment), segment.to_string());
        let cast = CastError::StyleDegreeOutOfRange { value: 5.0 };
        assert_eq!(cast_error(&cast), cast.to_string());
        let map = MapError::Entry {
            number: 2,
            grapheme: "Watson".into(),
            error: EntryError::Ipa(IpaError::NotIpa {
                symbol: '$',
                code: 0x24,
                position: 4,
            }),
        };
        assert_eq!(map_error(&map), map.to_string());
        let pls = PlsError::Entry {
            lexeme: 2,
            error: map,
        };
        assert_eq!(pls_error(&pls), pls.to_string());
        let blocked = Blocker::Flagged {
            count: 2,
            first: SegmentId(7),
        };
        assert_eq!(blocker(&blocked), blocked.to_string());
        let file = PlanFileError::Encode { reason: "x".into() };
        assert_eq!(plan_file_error(&file), file.to_string());
    }
}
