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
        let anchors: Vec<_> = self
            .segments()
            .iter()
            .filter(|s| s.speaker_locked)
            .filter_map(|s| Some((s.start..s.end, CharacterId(s.speaker.clone()?))))
            .collect();
        let found = attribute_segments(&self.chapter, self.segments(), cast, language, &anchors);
        self.speakers_from(found)
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
            .filter(|(id, a)| {
                self.segment(*id)
                    .is_some_and(|s| s.start == a.span.start && s.end == a.span.end)
            })
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
pub(crate) mod tests {
    use super::*;

    /// The segmenter's plan of `text`, under edit.
    pub(crate) fn editor(text: &str) -> EditorState {
        let limits = EngineLimits::default();
        let segments = shared::segment_chapter(text, &limits);
        EditorState::new(Arc::from(text), limits, segments)
    }

    #[test]
    fn an_applied_edit_can_be_undone_and_redone() {
        let mut state = editor("One two three.\n\nFour five.");
        let before = state.segments().to_vec();

        state
            .apply(&Edit::Split {
                id: SegmentId(1),
                at: 4,
            })
            .expect("split");
        let after = state.segments().to_vec();

        assert_eq!(after.len(), 3);
        assert!(state.undo());
        assert_eq!(state.segments(), before.as_slice());
        assert!(state.redo());
        assert_eq!(state.segments(), after.as_slice());
        assert_eq!(state.revision(), 3);
    }

    #[test]
    fn a_refused_edit_changes_nothing() {
        let mut state = editor("Only one paragraph.");

        let result = state.apply(&Edit::Delete { id: SegmentId(1) });

        assert_eq!(result, Err(SegmentError::LastSegment));
        assert_eq!(state.revision(), 0);
        assert!(!state.can_undo());
    }

    #[test]
    fn neighbour_is_clamped_to_the_table() {
        let state = editor("A.\n\nB.\n\nC.");

        assert_eq!(state.neighbour(None, 1), Some(SegmentId(1)));
        assert_eq!(state.neighbour(Some(SegmentId(1)), -1), Some(SegmentId(1)));
        assert_eq!(state.neighbour(Some(SegmentId(2)), 1), Some(SegmentId(3)));
        assert_eq!(state.neighbour(Some(SegmentId(3)), 1), Some(SegmentId(3)));
    }

    #[test]
    fn proposed_speakers_keep_hand_picked_ones_and_undo_in_one_step() {
        let text = "“Come in, Watson,” said Holmes.\n\nThe door opened.";
        let mut state = editor(text);
        let mut holmes = shared::Character::named("Holmes", Language::En).expect("a name");
        holmes.gender = shared::text::language::Gender::Male;
        let watson = shared::Character::named("Watson", Language::En).expect("a name");
        let cast = Cast::new(vec![
            shared::Character::narrator(Language::En),
            holmes,
            watson,
        ])
        .expect("a cast");
        let last = state.segments().last().map(|s| s.id).expect("segments");
        state
            .apply(&Edit::SetSpeaker {
                id: last,
                speaker: Some("watson".into()),
            })
            .expect("a speaker");

        let (edit, found) = state.propose_speakers(&cast, Language::En);
        state.apply(&edit).expect("assigned");

        let speakers: Vec<_> = state
            .segments()
            .iter()
            .map(|s| s.speaker.as_deref())
            .collect();
        assert_eq!(speakers.first(), Some(&Some("holmes")));
        assert_eq!(
            speakers.last(),
            Some(&Some("watson")),
            "a hand-picked speaker stays"
        );
        assert_eq!(found.len(), state.segments().len());
        assert!(state.undo());
        assert_eq!(state.segments()[0].speaker, None);
    }

    #[test]
    fn a_servers_speakers_skip_segments_changed_since_and_hand_picked_ones() {
        use shared::attribution::verdict::{Evidence, Rule};
        let text = "“One,” said Holmes.\n\n“Two,” said Watson.\n\nThe end came.";
        let mut state = editor(text);
        let found: Vec<(SegmentId, Attribution)> = state
            .segments()
            .iter()
            .map(|s| {
                let attribution = Attribution {
                    span: s.start..s.end,
                    speaker: Some(CharacterId("holmes".into())),
                    confidence: 0.7,
                    evidence: Evidence {
                        rule: Rule::LanguageModel,
                        tag: None,
                        contradiction: None,
                    },
                };
                (s.id, attribution)
            })
            .collect();
        let ids: Vec<SegmentId> = state.segments().iter().map(|s| s.id).collect();
        let (first, last) = (ids[0], ids[ids.len() - 1]);
        state
            .apply(&Edit::SetSpeaker {
                id: first,
                speaker: Some("watson".into()),
            })
            .expect("a hand pick");
        state
            .apply(&Edit::Split { id: last, at: 4 })
            .expect("a split");
        let gone = SegmentId(999);
        let mut found = found;
        found.push((gone, found[1].1.clone()));

        let (edit, kept) = state.speakers_from(found);
        state.apply(&edit).expect("assigned");

        let speakers: Vec<_> = state
            .segments()
            .iter()
            .map(|s| s.speaker.as_deref())
            .collect();
        assert_eq!(speakers[0], Some("watson"), "the hand pick stays");
        assert!(speakers[1..ids.len() - 1]
            .iter()
            .all(|s| *s == Some("holmes")));
        assert_eq!(
            speakers[ids.len() - 1],
            None,
            "the split segment changed since"
        );
        assert!(!kept.contains_key(&gone) && !kept.contains_key(&last));
        assert!(state.undo());
        assert_eq!(state.segments()[1].speaker, None);
    }
}
