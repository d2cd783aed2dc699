//! `Edit`: one change a producer makes to a plan, applied by `Plan::apply` as a `Splice` (see
//! `splice`); `Plan::replay` replays a splice for undo and redo.

mod merge;
mod split;

use serde::{Deserialize, Serialize};

use crate::plan::{
    error::SegmentError,
    limits::EngineLimits,
    review::{Flag, FlagComment, FlagKind, FlagStatus, FLAG_TEXT_MAX},
    segment::{Segment, SegmentId},
    splice::Splice,
    Plan,
};

/// One edit a producer makes to a plan. Serialisable so the server can replay it with the same code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    /// Split segment `id` at character offset `at` of its `text` (snapped to a word boundary).
    Split {
        /// The segment.
        id: SegmentId,
        /// Character offset into the segment's current text.
        at: usize,
    },
    /// Merge segment `id` with the one after it.
    MergeNext {
        /// The segment.
        id: SegmentId,
    },
    /// Merge segment `id` with the one before it.
    MergePrevious {
        /// The segment.
        id: SegmentId,
    },
    /// Delete segment `id` (never the last one).
    Delete {
        /// The segment.
        id: SegmentId,
    },
    /// Replace the text segment `id` will be read with.
    EditText {
        /// The segment.
        id: SegmentId,
        /// The new text.
        text: String,
    },
    /// Set or clear who reads segment `id`.
    SetSpeaker {
        /// The segment.
        id: SegmentId,
        /// The speaker, or none.
        speaker: Option<String>,
    },
    /// Set the speakers an automatic engine proposed, in one undoable step; segments whose
    /// speaker was chosen by hand (`speaker_locked`) keep it.
    AssignSpeakers {
        /// Segment and speaker (none = unresolved) pairs.
        speakers: Vec<(SegmentId, Option<String>)>,
    },
    /// Set who reads several segments at once, as a manual choice (like [`Edit::SetSpeaker`]).
    SetSpeakers {
        /// The segments.
        ids: Vec<SegmentId>,
        /// The speaker, or none.
        speaker: Option<String>,
    },
    /// Mark segments reviewed (or not): a reviewer checked them as they stand.
    SetReviewed {
        /// The segments.
        ids: Vec<SegmentId>,
        /// Reviewed or not.
        reviewed: bool,
    },
    /// Raise a review flag on segment `id` (replacing any earlier one); it starts open.
    RaiseFlag {
        /// The segment.
        id: SegmentId,
        /// What is wrong.
        kind: FlagKind,
        /// The reviewer's note.
        note: String,
        /// When (ms since the epoch).
        at: i64,
        /// Who (the reviewer's name, trimmed; may be empty).
        by: String,
    },
    /// Move segment `id`'s flag to `status` (fixed, verified, or open again).
    SetFlagStatus {
        /// The segment.
        id: SegmentId,
        /// The new status.
        status: FlagStatus,
        /// When (ms since the epoch).
        at: i64,
        /// Who (the reviewer's name, trimmed; may be empty).
        by: String,
    },
    /// Add a comment to segment `id`'s flag.
    CommentFlag {
        /// The segment.
        id: SegmentId,
        /// The comment (trimmed; refused when empty).
        text: String,
        /// When (ms since the epoch).
        at: i64,
        /// Who (their name).
        by: String,
    },
    /// Flip segment `id`'s needs-revision flag.
    ToggleRevision {
        /// The segment.
        id: SegmentId,
    },
}

impl Plan {
    /// Applies one edit. `chapter` is the chapter text (merges take the whitespace between the two
    /// segments from it). On error the plan is unchanged.
    ///
    /// A split keeps the id on the first half (now ending with
    /// [`Delimiter::Manual`](crate::plan::segment::Delimiter::Manual)) and gives the second half
    /// [`Plan::id_for_split`] and the old delimiter. A merge keeps the first segment's id and speaker
    /// and reads the chapter between the two segments: if a deleted segment left words there, they
    /// come back, in both `original_text` and `text`.
    ///
    /// # Errors
    /// The reason the edit is refused:
    /// - any edit: [`SegmentError::UnknownSegment`] for an id the plan does not have;
    /// - `Split`: [`SegmentError::OffsetPastEnd`] (offset past the text, in characters),
    ///   [`SegmentError::SplitLeavesEmptyHalf`], [`SegmentError::SplitInsideEdit`], or the
    ///   [`EngineLimits::check`] error of a half;
    /// - `MergeNext` / `MergePrevious`: [`SegmentError::NoNextSegment`] /
    ///   [`SegmentError::NoPreviousSegment`], [`SegmentError::OffsetPastEnd`] when the segments
    ///   reach past the chapter's end, [`SegmentError::Overlap`] or
    ///   [`SegmentError::InvertedRange`] for a plan that does not validate, or the
    ///   [`EngineLimits::check`] error of the merged text (under the first id);
    /// - `Delete`: [`SegmentError::LastSegment`];
    /// - `EditText`: [`SegmentError::EmptyText`] or the [`EngineLimits::check`] error.
    pub fn apply(
        &mut self,
        edit: &Edit,
        chapter: &str,
        limits: &EngineLimits,
    ) -> Result<Splice, SegmentError> {
        let splice = match edit {
            Edit::Split { id, at } => split::split(self, *id, *at, limits)?,
            Edit::MergeNext { id } => {
                let index = self.require(*id)?;
                if index + 1 >= self.segments.len() {
                    return Err(SegmentError::NoNextSegment { id: *id });
                }
                merge::merge(&self.segments, index, chapter, limits)?
            }
            Edit::MergePrevious { id } => {
                let index = self.require(*id)?;
                if index == 0 {
                    return Err(SegmentError::NoPreviousSegment { id: *id });
                }
                merge::merge(&self.segments, index - 1, chapter, limits)?
            }
            Edit::Delete { id } => {
                let index = self.require(*id)?;
                if self.segments.len() == 1 {
                    return Err(SegmentError::LastSegment);
                }
                Splice::new(index, vec![self.segments[index].clone()], Vec::new())
            }
            Edit::EditText { id, text } => {
                if text.trim().is_empty() {
                    return Err(SegmentError::EmptyText { id: *id });
                }
                limits.check(*id, text)?;
                self.change(*id, |segment| {
                    segment.text.clone_from(text);
                    segment.reviewed = false;
                })?
            }
            Edit::SetSpeaker { id, speaker } => {
                let speaker = manual_speaker(speaker);
                self.change(*id, |segment| {
                    segment.speaker_locked = speaker.is_some();
                    segment.speaker = speaker;
                })?
            }
            Edit::SetSpeakers { ids, speaker } => {
                let speaker = manual_speaker(speaker);
                self.change_many(ids, |segment| {
                    segment.speaker_locked = speaker.is_some();
                    segment.speaker.clone_from(&speaker);
                })?
            }
            Edit::SetReviewed { ids, reviewed } => {
                self.change_many(ids, |segment| segment.reviewed = *reviewed)?
            }
            Edit::AssignSpeakers { speakers } => self.assign_speakers(speakers)?,
            Edit::RaiseFlag {
                id,
                kind,
                note,
                at,
                by,
            } => {
                check_flag_text(note)?;
                self.change(*id, |segment| {
                    segment.flag = Some(Flag {
                        kind: *kind,
                        note: note.trim().to_owned(),
                        status: FlagStatus::Open,
                        raised_at: *at,
                        updated_at: *at,
                        raised_by: by.trim().to_owned(),
                        updated_by: by.trim().to_owned(),
                        comments: Vec::new(),
                    });
                    segment.needs_revision = true;
                })?
            }
            Edit::CommentFlag { id, text, at, by } => {
                let index = self.require(*id)?;
                if self.segments[index].flag.is_none() {
                    return Err(SegmentError::NoFlag { id: *id });
                }
                if text.trim().is_empty() {
                    return Err(SegmentError::EmptyComment { id: *id });
                }
                check_flag_text(text)?;
                self.change(*id, |segment| {
                    if let Some(flag) = &mut segment.flag {
                        flag.comments.push(FlagComment {
                            by: by.trim().to_owned(),
                            at: *at,
                            text: text.trim().to_owned(),
                        });
                    }
                })?
            }
            Edit::SetFlagStatus { id, status, at, by } => {
                let index = self.require(*id)?;
                if self.segments[index].flag.is_none() {
                    return Err(SegmentError::NoFlag { id: *id });
                }
                self.change(*id, |segment| {
                    if let Some(flag) = &mut segment.flag {
                        flag.status = *status;
                        flag.updated_at = *at;
                        flag.updated_by = by.trim().to_owned();
                    }
                    segment.needs_revision = *status != FlagStatus::Verified;
                })?
            }
            Edit::ToggleRevision { id } => self.change(*id, |segment| {
                segment.needs_revision = !segment.needs_revision;
            })?,
        };
        let mut splice = splice;
        splice.after = splice
            .at
            .checked_sub(1)
            .and_then(|i| self.segments.get(i))
            .map(|segment| segment.id);
        self.splice_in(splice.at, splice.removed.len(), &splice.inserted);
        Ok(splice)
    }

    /// Replays a splice (or its inverse) recorded by [`Plan::apply`] on this plan, found by its
    /// ids (see [`Plan::locate`]); false, and the plan unchanged, when the segments it replaces
    /// are no longer there exactly as they were (someone changed them since).
    pub fn replay(&mut self, splice: &Splice) -> bool {
        self.replay_run(splice.at, splice.after, &splice.removed, &splice.inserted)
    }

    /// Replays the inverse of `splice` without building it.
    pub(crate) fn replay_inverse(&mut self, splice: &Splice) -> bool {
        self.replay_run(splice.at, splice.after, &splice.inserted, &splice.removed)
    }

    fn replay_run(
        &mut self,
        hint: usize,
        after: Option<SegmentId>,
        removed: &[Segment],
        inserted: &[Segment],
    ) -> bool {
        let Some(at) = self.locate(hint, after, removed.first().map(|s| s.id)) else {
            return false;
        };
        if self.segments.get(at..at + removed.len()) != Some(removed) {
            return false;
        }
        self.splice_in(at, removed.len(), inserted);
        true
    }

    /// Where a run of segments starting with `first` (or, for an empty run, following `after`,
    /// none meaning the start) is now; `hint` is tried first, the index it had when recorded.
    pub(in crate::plan) fn locate(
        &self,
        hint: usize,
        after: Option<SegmentId>,
        first: Option<SegmentId>,
    ) -> Option<usize> {
        match (first, after) {
            (Some(first), _) => match self.segments.get(hint) {
                Some(segment) if segment.id == first => Some(hint),
                _ => self.index_of(first),
            },
            (None, None) => Some(0),
            (None, Some(after)) => match hint.checked_sub(1).and_then(|i| self.segments.get(i)) {
                Some(segment) if segment.id == after => Some(hint),
                _ => self.index_of(after).map(|i| i + 1),
            },
        }
    }

    pub(in crate::plan) fn splice_in(&mut self, at: usize, removed: usize, inserted: &[Segment]) {
        let len = self.segments.len();
        let at = at.min(len);
        let end = at.saturating_add(removed).min(len);
        self.segments.splice(at..end, inserted.iter().cloned());
    }

    /// The one splice covering every segment whose speaker changes (empty when none does).
    fn assign_speakers(
        &self,
        speakers: &[(SegmentId, Option<String>)],
    ) -> Result<Splice, SegmentError> {
        let mut changes = Vec::with_capacity(speakers.len());
        for (id, speaker) in speakers {
            let index = self.require(*id)?;
            let segment = &self.segments[index];
            if !segment.speaker_locked && segment.speaker != *speaker {
                changes.push((index, speaker));
            }
        }
        let (Some(first), Some(last)) = (
            changes.iter().map(|c| c.0).min(),
            changes.iter().map(|c| c.0).max(),
        ) else {
            return Ok(Splice::new(0, Vec::new(), Vec::new()));
        };
        let removed = self.segments[first..=last].to_vec();
        let mut inserted = removed.clone();
        for (index, speaker) in changes {
            inserted[index - first].speaker.clone_from(speaker);
        }
        Ok(Splice::new(first, removed, inserted))
    }

    /// The one splice covering segments `ids`, each changed by `edit` (empty when `ids` is).
    fn change_many(
        &self,
        ids: &[SegmentId],
        edit: impl Fn(&mut Segment),
    ) -> Result<Splice, SegmentError> {
        let mut indices = ids
            .iter()
            .map(|id| self.require(*id))
            .collect::<Result<Vec<_>, _>>()?;
        indices.sort_unstable();
        indices.dedup();
        let (Some(&first), Some(&last)) = (indices.first(), indices.last()) else {
            return Ok(Splice::new(0, Vec::new(), Vec::new()));
        };
        let removed = self.segments[first..=last].to_vec();
        let mut inserted = removed.clone();
        for index in indices {
            edit(&mut inserted[index - first]);
        }
        Ok(Splice::new(first, removed, inserted))
    }

    /// The position of `id`, or [`SegmentError::UnknownSegment`].
    fn require(&self, id: SegmentId) -> Result<usize, SegmentError> {
        self.index_of(id).ok_or(SegmentError::UnknownSegment { id })
    }

    /// The splice that replaces segment `id` by a changed copy of it.
    fn change(
        &self,
        id: SegmentId,
        edit: impl FnOnce(&mut Segment),
    ) -> Result<Splice, SegmentError> {
        let at = self.require(id)?;
        let old = self.segments[at].clone();
        let mut new = old.clone();
        edit(&mut new);
        Ok(Splice::new(at, vec![old], vec![new]))
    }
}

/// A speaker picked by hand, trimmed; blank means none.
fn manual_speaker(speaker: &Option<String>) -> Option<String> {
    speaker
        .as_deref()
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
}

/// Refuses a flag's note or comment longer than [`FLAG_TEXT_MAX`] characters.
fn check_flag_text(text: &str) -> Result<(), SegmentError> {
    if text.trim().chars().count() > FLAG_TEXT_MAX {
        return Err(SegmentError::FlagTextTooLong { max: FLAG_TEXT_MAX });
    }
    Ok(())
}
