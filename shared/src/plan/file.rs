//! The desktop planner's plan file (`ssml/plans/<chapterId>.plan.json`): a JSON array of segments
//! with the fields `segment_id, start_idx, end_idx, delimiter, text, originalText, voice,
//! needsRevision`. Export writes exactly those; import reads them, maps each `voice` onto the cast
//! and carries over what the file cannot hold (hand-locked speakers). Checking the segments
//! against the chapter is [`crate::plan::Plan::validate`]'s job, as for any saved plan.

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::{
    cast::Cast,
    plan::{
        error::SegmentError,
        segment::{Delimiter, Segment, SegmentId},
    },
};

/// Why a plan file could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum PlanFileError {
    /// The file is not JSON.
    #[error("the plan file is not valid JSON (line {line}, column {column}): {reason}")]
    Malformed {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What was wrong.
        reason: String,
    },
    /// The file is JSON but not a list of segments in the desktop format.
    #[error(
        "the plan file is not a list of plan segments (line {line}, column {column}): {reason}"
    )]
    NotAPlan {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What was wrong.
        reason: String,
    },
    /// The plan could not be written as JSON.
    #[error("the plan could not be written: {reason}")]
    Encode {
        /// What failed.
        reason: String,
    },
}

/// One segment as the desktop planner writes it: its fields only, in its order.
#[derive(Serialize)]
struct DesktopSegment<'a> {
    segment_id: SegmentId,
    start_idx: usize,
    end_idx: usize,
    delimiter: Delimiter,
    text: &'a str,
    #[serde(rename = "originalText")]
    original_text: &'a str,
    voice: Option<&'a str>,
    #[serde(rename = "needsRevision")]
    needs_revision: bool,
}

/// The plan file for `segments`: pretty-printed JSON with the desktop fields only (no
/// `speakerLocked`); a segment without a speaker has `"voice": null`.
///
/// # Errors
/// [`PlanFileError::Encode`] if JSON encoding fails (it does not for these plain fields).
pub fn export(segments: &[Segment]) -> Result<String, PlanFileError> {
    let desktop: Vec<DesktopSegment<'_>> = segments
        .iter()
        .map(|segment| DesktopSegment {
            segment_id: segment.id,
            start_idx: segment.start,
            end_idx: segment.end,
            delimiter: segment.delimiter,
            text: &segment.text,
            original_text: &segment.original_text,
            voice: segment.speaker.as_deref(),
            needs_revision: segment.needs_revision,
        })
        .collect();
    let mut json = serde_json::to_string_pretty(&desktop).map_err(|err| PlanFileError::Encode {
        reason: err.to_string(),
    })?;
    json.push('\n');
    Ok(json)
}

/// The segments of a plan file, as written (`voice` not yet mapped onto a cast). Fields other
/// than the desktop ones are ignored; `voice` and `needsRevision` may be missing.
///
/// # Errors
/// [`PlanFileError::Malformed`] when the text is not JSON, [`PlanFileError::NotAPlan`] when it is
/// JSON of another shape; both name the line and column.
pub fn parse(file: &str) -> Result<Vec<Segment>, PlanFileError> {
    serde_json::from_str(file.trim_start_matches('\u{feff}')).map_err(|err| {
        let (line, column, reason) = (
            err.line(),
            err.column(),
            crate::cast::voices::json_reason(&err),
        );
        if err.is_data() {
            PlanFileError::NotAPlan {
                line,
                column,
                reason,
            }
        } else {
            PlanFileError::Malformed {
                line,
                column,
                reason,
            }
        }
    })
}

/// Replaces each segment's `voice` by the id of the cast member it names: a member's id, or
/// their name or an alias (ignoring case and outer whitespace), as desktop files name speakers.
/// A blank voice becomes no speaker.
///
/// # Errors
/// [`SegmentError::UnknownSpeaker`] for the first voice no member answers to; the segments are
/// then unchanged.
pub fn resolve_voices(segments: &mut [Segment], cast: &Cast) -> Result<(), SegmentError> {
    let mut resolved = Vec::with_capacity(segments.len());
    for segment in segments.iter() {
        let speaker = match segment.speaker.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(voice) => {
                let member = cast
                    .get(voice)
                    .or_else(|| cast.find_by_name(voice))
                    .ok_or_else(|| SegmentError::UnknownSpeaker {
                        id: segment.id,
                        speaker: voice.to_owned(),
                    })?;
                Some(member.id.0.clone())
            }
        };
        resolved.push(speaker);
    }
    for (segment, speaker) in segments.iter_mut().zip(resolved) {
        segment.speaker = speaker;
    }
    Ok(())
}

/// Keeps the hand-lock of every imported segment that a stored segment matches exactly (same id,
/// range and speaker, locked): the file cannot carry locks, so an export imported back unchanged
/// loses none.
pub fn keep_locks(imported: &mut [Segment], stored: &[Segment]) {
    let locked: std::collections::HashMap<SegmentId, &Segment> = stored
        .iter()
        .filter(|old| old.speaker_locked)
        .map(|old| (old.id, old))
        .collect();
    for segment in imported.iter_mut().filter(|s| !s.speaker_locked) {
        segment.speaker_locked = locked.get(&segment.id).is_some_and(|old| {
            old.start == segment.start && old.end == segment.end && old.speaker == segment.speaker
        });
    }
}
