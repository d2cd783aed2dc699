//! `Workspace`: the chapter under edit as signals (plan, selection, text draft, notice, autosave),
//! and every edit the page makes. Edits run in WASM through `shared` with no round trip; a plan
//! whose chapter text changed (stale) refuses them until it is carried over.

use std::sync::Arc;

use leptos::{html::Textarea, prelude::*, task::spawn_local};
use shared::{
    plan::{offset::char_offset_from_utf16, review::FlagAction},
    Cast, Edit, EngineLimits, Language, SegmentId,
};

use super::{
    autosave::driver::Autosaver,
    editor::EditorState,
    selection::{after_deleting, Selection},
};
use crate::{
    api::plans::review_flag,
    components::{speakers, EditorActions, Voices},
    i18n::Texts,
    model::{ChapterId, ChapterPlan, ProjectId},
};

/// One chapter's plan under edit; a handle of signals, cheap to copy into every callback.
#[derive(Clone, Copy)]
pub struct Workspace {
    /// The chapter, its project, and the project's language.
    pub chapter: ChapterId,
    pub project: ProjectId,
    pub language: Language,
    /// The page's words.
    pub t: &'static Texts,
    /// The chapter text the plan's offsets index, and the engine limits.
    pub text: StoredValue<(Arc<str>, EngineLimits)>,
    /// The project's cast, `None` when it is not valid.
    pub cast: StoredValue<Option<Cast>>,
    /// The cast as (id, name) pairs for the speaker pickers.
    pub voices: StoredValue<Voices>,
    /// The plan with its undo history.
    pub state: RwSignal<EditorState>,
    pub selection: Selection,
    /// Whether the selected segment's text is being edited, and the edited text.
    pub editing: RwSignal<bool>,
    pub draft: RwSignal<String>,
    /// The segment editor's text area: the cursor a split cuts at.
    pub textarea: NodeRef<Textarea>,
    /// The last refusal or outcome, in words.
    pub notice: RwSignal<Option<String>>,
    /// Segments that no longer match the chapter text after a re-import.
    pub stale: RwSignal<Vec<SegmentId>>,
    /// Whether the chapter is signed off.
    pub complete: RwSignal<bool>,
    /// Whether the signed-in user may edit (a viewer may not).
    pub editable: bool,
    pub autosave: Autosaver,
    /// Tells the page that the chapter list may have changed (a fresh plan, sign-off).
    pub on_changed: Callback<()>,
}

impl Workspace {
    /// Starts editing `plan` (its autosave included).
    /// The workspace of `plan`, its selection on the segment holding character `at` of the
    /// chapter's text (a link from the pronunciation concordance), else on the first.
    pub fn new(
        plan: ChapterPlan,
        at: Option<usize>,
        t: &'static Texts,
        on_changed: Callback<()>,
    ) -> Self {
        let text: Arc<str> = Arc::from(plan.text.as_str());
        let stale = shared::plan::rebase::stale(&plan.segments, &plan.text);
        let voices = speakers(&plan.cast);
        let first = at
            .and_then(|at| plan.segments.iter().find(|s| s.start <= at && at < s.end))
            .or_else(|| plan.segments.first())
            .map(|s| s.id);
        let state = RwSignal::new(EditorState::new(
            text.clone(),
            plan.limits.clone(),
            plan.segments,
        ));
        Self {
            chapter: plan.chapter_id,
            project: plan.project_id,
            language: plan.language,
            t,
            text: StoredValue::new((text, plan.limits)),
            cast: StoredValue::new(Cast::new(plan.cast).ok()),
            voices: StoredValue::new(voices),
            state,
            selection: Selection::new(first),
            editing: RwSignal::new(false),
            draft: RwSignal::new(String::new()),
            textarea: NodeRef::new(),
            notice: RwSignal::new(None),
            stale: RwSignal::new(stale),
            complete: RwSignal::new(plan.complete),
            editable: plan.editable,
            autosave: Autosaver::start(plan.chapter_id, plan.version, state, t),
            on_changed,
        }
    }

    /// Whether edits are refused: the user is a viewer, the chapter is signed off, or its text
    /// changed under the plan.
    pub fn locked(self) -> Signal<bool> {
        Signal::derive(move || {
            !self.editable || self.complete.get() || self.stale.with(|s| !s.is_empty())
        })
    }

    /// Whether review flags are refused: the chapter is signed off, or its text changed under
    /// the plan. A viewer may flag.
    pub fn flags_locked(self) -> Signal<bool> {
        Signal::derive(move || self.complete.get() || self.stale.with(|s| !s.is_empty()))
    }

    /// Carries out `action` on the selected segment's flag on the server, which signs it, once
    /// the page's pending edits are stored; the page then pulls the change in like a colleague's.
    pub fn flag(self, action: FlagAction) {
        let Some(id) = self.selection.selected.get_untracked() else {
            return;
        };
        spawn_local(async move {
            // The page's own edits are stored first, so the flag never conflicts with them.
            self.autosave.flush().await;
            match review_flag(self.chapter, id, action).await {
                Ok(version) => {
                    self.notice.set(None);
                    self.autosave.colleague_saved(version);
                }
                Err(err) => self.notice.set(Some((self.t.error)(&err))),
            }
        });
    }

    /// Whether the chapter has a plan (tracked).
    pub fn has_plan(self) -> bool {
        self.state.with(|s| !s.segments().is_empty())
    }

    /// Replaces the plan with `segments` (a fresh or carried-over plan), selecting the first.
    pub fn replace(self, segments: Vec<shared::Segment>) {
        let (text, limits) = self.text.get_value();
        self.selection.selected.set(segments.first().map(|s| s.id));
        self.state.set(EditorState::new(text, limits, segments));
        self.stale.set(Vec::new());
    }

    /// Applies `edit`, or says why it was refused.
    pub fn apply(self, edit: Edit) {
        if self.stale.with_untracked(|s| !s.is_empty()) {
            self.notice.set(Some(self.t.text_changed.to_owned()));
            return;
        }
        let result = self.state.try_update(|s| s.apply(&edit)).unwrap_or(Ok(()));
        self.notice
            .set(result.err().map(|err| (self.t.segment_error)(&err)));
    }

    /// Applies an edit that may remove segment `id`; if it did, `successor` becomes the selection.
    fn apply_removing(self, edit: Edit, id: SegmentId, successor: Option<SegmentId>) {
        self.apply(edit);
        if self.state.with_untracked(|s| s.segment(id).is_none()) {
            self.selection.selected.set(successor);
        }
    }

    /// The segment editor's buttons (and keys).
    pub fn actions(self) -> EditorActions {
        EditorActions {
            edit: Callback::new(move |()| self.start_editing()),
            save: Callback::new(move |()| self.keep_draft()),
            cancel: Callback::new(move |()| {
                self.editing.set(false);
                self.notice.set(None);
            }),
            split: Callback::new(move |()| self.split_at_cursor()),
            merge_previous: Callback::new(move |()| self.merge_previous()),
            merge_next: Callback::new(move |()| {
                if let Some(id) = self.selection.current() {
                    self.apply(Edit::MergeNext { id });
                }
            }),
            delete: Callback::new(move |()| self.delete()),
            undo: Callback::new(move |()| self.step_history(EditorState::undo)),
            redo: Callback::new(move |()| self.step_history(EditorState::redo)),
        }
    }

    /// Sets the speaker of the marked rows (`None` unassigns).
    pub fn assign_marked(self, speaker: Option<String>) {
        let ids = self.state.with_untracked(|s| self.selection.marked_in(s));
        self.apply(Edit::SetSpeakers { ids, speaker });
    }

    /// Marks the marked rows reviewed, or not.
    pub fn review_marked(self, reviewed: bool) {
        let ids = self.state.with_untracked(|s| self.selection.marked_in(s));
        self.apply(Edit::SetReviewed { ids, reviewed });
    }

    /// Marks the marked rows reviewed, or flips the selected row's mark and moves on.
    pub fn review(self) {
        if !self.selection.marked.with_untracked(|m| m.is_empty()) {
            self.review_marked(true);
            return;
        }
        let Some(id) = self.selection.current() else {
            return;
        };
        let reviewed = self
            .state
            .with_untracked(|s| s.segment(id).is_some_and(|s| s.reviewed));
        self.apply(Edit::SetReviewed {
            ids: vec![id],
            reviewed: !reviewed,
        });
        if !reviewed {
            let next = self.state.with_untracked(|s| s.neighbour(Some(id), 1));
            self.selection.selected.set(next);
        }
    }

    fn start_editing(self) {
        let Some(id) = self.selection.current() else {
            return;
        };
        let text = self
            .state
            .with_untracked(|s| s.segment(id).map(|s| s.text.clone()));
        if let Some(text) = text {
            self.draft.set(text);
            self.editing.set(true);
            if let Some(area) = self.textarea.get_untracked() {
                let _ = area.focus();
            }
        }
    }

    fn keep_draft(self) {
        let Some(id) = self.selection.current() else {
            return;
        };
        let before = self.state.with_untracked(EditorState::revision);
        let text = self.draft.get_untracked();
        self.apply(Edit::EditText { id, text });
        if self.state.with_untracked(EditorState::revision) != before {
            self.editing.set(false);
        }
    }

    fn split_at_cursor(self) {
        let Some(id) = self.selection.current() else {
            return;
        };
        let cursor = self
            .textarea
            .get_untracked()
            .and_then(|area| area.selection_start().ok().flatten())
            .unwrap_or(0) as usize;
        if self.editing.get_untracked() {
            let text = self.draft.get_untracked();
            self.apply(Edit::EditText { id, text });
            self.editing.set(false);
        }
        let text = self
            .state
            .with_untracked(|s| s.segment(id).map(|s| s.text.clone()));
        match text.map(|text| char_offset_from_utf16(&text, cursor)) {
            Some(Ok(at)) => self.apply(Edit::Split { id, at }),
            Some(Err(err)) => self.notice.set(Some((self.t.segment_error)(&err))),
            None => {}
        }
    }

    fn merge_previous(self) {
        if let Some(id) = self.selection.current() {
            // The merged segment keeps the previous one's id: select it.
            let previous = self.state.with_untracked(|s| s.neighbour(Some(id), -1));
            self.apply_removing(Edit::MergePrevious { id }, id, previous);
        }
    }

    fn delete(self) {
        if let Some(id) = self.selection.current() {
            let next = self.state.with_untracked(|s| after_deleting(s, id));
            self.apply_removing(Edit::Delete { id }, id, next);
        }
    }

    fn step_history(self, step: fn(&mut EditorState) -> bool) {
        self.state.update(|s| {
            step(s);
        });
        self.editing.set(false);
        self.state.with_untracked(|s| self.selection.keep_in(s));
    }
}
