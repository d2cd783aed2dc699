//! `EditorState`: the plan being edited in the browser, with its chapter text, limits and undo
//! history. Plain Rust (no signals), so its behaviour is tested natively; the page wraps it in a signal.

use std::{collections::HashMap, sync::Arc};

use shared::{
    attribution::{
        attribute_segments,
        verdict::{Attribution, MIN_CONFIDENCE},
    },
    plan::change::{merge, Change, Merged},
    Cast, CharacterId, Edit, EngineLimits, History, Language, Plan, Segment, SegmentError,
    SegmentId, Splice,
};

/// A plan under edit.
#[derive(Debug, Clone)]
pub struct EditorState {
    chapter: Arc<str>,
    limits: EngineLimits,
    plan: Plan,
    history: History,
    /// Bumped on every change, so a save knows whether edits arrived while it was in flight.
    revision: u64,
    /// The splices the store does not hold yet, oldest first, each with the revision it made.
    unsaved: Vec<(u64, Splice)>,
}

impl EditorState {
    /// Starts editing `segments` of `chapter`.
    pub fn new(chapter: Arc<str>, limits: EngineLimits, segments: Vec<Segment>) -> Self {
        Self {
            chapter,
            limits,
            plan: Plan::new(segments),
            history: History::default(),
            revision: 0,
            unsaved: Vec::new(),
        }
    }

    /// The chapter text.
    pub fn chapter(&self) -> &str {
        &self.chapter
    }

    /// The engine limits.
    pub fn limits(&self) -> &EngineLimits {
        &self.limits
    }

    /// The segments, in order.
    pub fn segments(&self) -> &[Segment] {
        self.plan.segments()
    }

    /// The segment with this id.
    pub fn segment(&self, id: SegmentId) -> Option<&Segment> {
        self.plan.index_of(id).map(|i| &self.plan.segments()[i])
    }

    /// Segment `id` as `found` read it: none when it was deleted, split or merged since.
    fn segment_as_read(&self, id: SegmentId, found: &Attribution) -> Option<&Segment> {
        self.segment(id)
            .filter(|s| s.start == found.span.start && s.end == found.span.end)
    }

    /// The 1-based row of segment `id` in the table.
    pub fn row(&self, id: SegmentId) -> Option<usize> {
        self.plan.index_of(id).map(|i| i + 1)
    }

    /// Counter of changes since loading.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Applies an edit and records it for undo.
    ///
    /// # Errors
    /// The domain's reason when the edit is refused; nothing changes then.
    pub fn apply(&mut self, edit: &Edit) -> Result<(), SegmentError> {
        let splice = self.plan.apply(edit, &self.chapter, &self.limits)?;
        self.history.record(splice.clone());
        self.changed(splice);
        Ok(())
    }

    /// Undoes the last edit; false when there is none (or a colleague changed its segments since).
    pub fn undo(&mut self) -> bool {
        let splice = self.history.undo(&mut self.plan);
        splice.map(|splice| self.changed(splice)).is_some()
    }

    /// Redoes the last undone edit; false when there is none (or its segments changed since).
    pub fn redo(&mut self) -> bool {
        let splice = self.history.redo(&mut self.plan);
        splice.map(|splice| self.changed(splice)).is_some()
    }

    fn changed(&mut self, splice: Splice) {
        self.revision += 1;
        if !splice.is_empty() {
            self.unsaved.push((self.revision, splice));
        }
    }

    /// The edits up to `revision` the store does not hold yet, as changes to send, oldest first.
    pub fn changes_until(&self, revision: u64) -> Vec<Change> {
        self.unsaved
            .iter()
            .take_while(|(r, _)| *r <= revision)
            .map(|(_, splice)| Change::of(splice))
            .collect()
    }

    /// The store holds every edit up to `revision`.
    pub fn saved(&mut self, revision: u64) {
        self.unsaved.retain(|(r, _)| *r > revision);
    }

    /// Replays a colleague's changes, stored after the page's version, on the page's plan (the
    /// page's unsaved edits stay on top). False, and nothing changed, when one clashes with an
    /// unsaved edit: the page then loads the stored plan and merges.
    pub fn pull(&mut self, changes: &[Change]) -> bool {
        self.plan.apply_changes(changes).is_ok()
    }

    /// The stored plan `theirs` with the page's unsaved edits carried onto it. Without conflicts
    /// it becomes the page's plan (the unsaved edits still to be sent); with some, the page's
    /// plan stays as it is until the producer settles them.
    pub fn merge_into(&mut self, theirs: Vec<Segment>) -> Merged {
        let pending: Vec<Splice> = self.unsaved.iter().map(|(_, s)| s.clone()).collect();
        let merged = merge(Plan::new(theirs), &self.plan, &pending);
        if merged.conflicts.is_empty() {
            self.plan = merged.plan.clone();
        }
        merged
    }

    /// Settles the conflicts of `merged` (see [`Merged::resolve`]): its plan becomes the page's,
    /// the edits that lead there from the stored plan wait to be saved, and undo starts afresh.
    /// Returns the new revision.
    pub fn settle(&mut self, merged: Merged, keep_mine: &[bool]) -> u64 {
        let (plan, splices) = merged.resolve(keep_mine);
        self.plan = plan;
        self.history.clear();
        self.revision += 1;
        let revision = self.revision;
        self.unsaved = splices.into_iter().map(|s| (revision, s)).collect();
        revision
    }

    /// Whether undo would do something.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// Whether redo would do something.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// The id of the segment `step` rows away from `id` (clamped to the table), or the first one.
    pub fn neighbour(&self, id: Option<SegmentId>, step: isize) -> Option<SegmentId> {
        let segments = self.plan.segments();
        let last = segments.len().checked_sub(1)?;
        let index = match id.and_then(|id| self.plan.index_of(id)) {
            Some(i) => i.saturating_add_signed(step).min(last),
            None => 0,
        };
        Some(segments[index].id)
    }
}

impl EditorState {
    /// What the offline rule engine proposes for every segment, as one `AssignSpeakers` edit
    /// (an unresolved or too doubtful line gets no speaker) and the attributions behind it.
    /// Speakers chosen by hand anchor the engine and are never replaced.
    pub fn propose_speakers(
        &self,
        cast: &Cast,
        language: Language,
    ) -> (Edit, HashMap<SegmentId, Attribution>) {
        self.speakers_from(self.attribute(cast, language))
    }

    /// How sure the offline rules are of the speakers the plan already has: their attribution of
    /// each segment whose stored speaker (not one picked by hand) is the one they find, so a
    /// chapter opens with the confidence of the speakers that agree with them; the others show
    /// none.
    pub fn agreeing_speakers(
        &self,
        cast: &Cast,
        language: Language,
    ) -> HashMap<SegmentId, Attribution> {
        self.attribute(cast, language)
            .into_iter()
            .filter(|(id, found)| {
                self.segment_as_read(*id, found).is_some_and(|s| {
                    !s.speaker_locked
                        && s.speaker.is_some()
                        && s.speaker.as_deref() == found.speaker.as_ref().map(|c| c.0.as_str())
                })
            })
            .collect()
    }

    /// The rules' attribution of every segment, anchored by the speakers chosen by hand.
    fn attribute(&self, cast: &Cast, language: Language) -> Vec<(SegmentId, Attribution)> {
        let anchors: Vec<_> = self
            .segments()
            .iter()
            .filter(|s| s.speaker_locked)
            .filter_map(|s| Some((s.start..s.end, CharacterId(s.speaker.clone()?))))
            .collect();
        attribute_segments(&self.chapter, self.segments(), cast, language, &anchors)
    }

    /// An engine's attributions per segment as one `AssignSpeakers` edit (an unresolved or too
    /// doubtful line gets no speaker) and the attributions kept for the table. Attributions of
    /// segments that no longer exist as they were (deleted, split, merged since the engine read
    /// the plan) are dropped; hand-picked speakers are left alone by the edit itself.
    pub fn speakers_from(
        &self,
        found: Vec<(SegmentId, Attribution)>,
    ) -> (Edit, HashMap<SegmentId, Attribution>) {
        let found: Vec<_> = found
            .into_iter()
            .filter(|(id, a)| self.segment_as_read(*id, a).is_some())
            .collect();
        let speakers = found
            .iter()
            .map(|(id, a)| {
                let sure = a.confidence >= MIN_CONFIDENCE;
                (
                    *id,
                    a.speaker.as_ref().filter(|_| sure).map(|c| c.0.clone()),
                )
            })
            .collect();
        (
            Edit::AssignSpeakers { speakers },
            found.into_iter().collect(),
        )
    }
}

#[cfg(test)]
pub(crate) mod tests;
