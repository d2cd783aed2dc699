//! `Autosaver`: the `Autosave` machine in the page. It feeds the machine the plan's revisions, its
//! timer, the tab hiding and `save_plan`'s answers, and does what the machine asks; it decides
//! nothing itself.

use crate::model::Version;
use leptos::{prelude::*, task::spawn_local};

use super::{Autosave, Command, SaveState};
use crate::{
    api::plans::save_plan, error::AppError, i18n::Texts, model::ChapterId,
    workspace::editor::EditorState,
};

/// The autosave of the plan in `state`; a handle, cheap to copy.
#[derive(Clone, Copy)]
pub struct Autosaver {
    machine: RwSignal<Autosave>,
    timer: StoredValue<Option<TimeoutHandle>>,
    state: RwSignal<EditorState>,
    chapter: ChapterId,
    t: &'static Texts,
}

impl Autosaver {
    /// Starts saving the plan in `state`, stored at `version`: every change of the plan arms the
    /// autosave, and hiding the tab flushes a pending save.
    pub fn start(
        chapter: ChapterId,
        version: Version,
        state: RwSignal<EditorState>,
        t: &'static Texts,
    ) -> Self {
        let this = Self {
            machine: RwSignal::new(Autosave::new(version)),
            timer: StoredValue::new(None),
            state,
            chapter,
            t,
        };
        Effect::new(move |_| {
            let revision = state.with(EditorState::revision);
            this.step(|m| m.edited(revision));
        });
        let handle = window_event_listener_untyped("visibilitychange", move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                this.step(Autosave::tab_hidden);
            }
        });
        on_cleanup(move || handle.remove());
        this
    }

    /// Where the stored copy stands.
    pub fn status(self) -> Signal<SaveState> {
        Signal::derive(move || self.machine.with(|m| m.state().clone()))
    }

    /// The store's version of the plan.
    pub fn version(self) -> Signal<Version> {
        Signal::derive(move || self.machine.with(Autosave::version))
    }

    /// A fresh plan was asked of the server.
    pub fn replacing(self) {
        self.machine.update(Autosave::replacing);
    }

    /// The server answered the fresh plan (already in `state`): stored at this version, or not.
    pub fn replaced(self, answer: &Result<Version, AppError>) {
        match answer {
            Ok(version) => self.machine.update(|m| m.replaced(*version)),
            Err(AppError::Conflict { .. }) => self.machine.update(Autosave::conflicted),
            Err(err) => {
                let reason = (self.t.error)(err);
                self.machine.update(|m| m.replace_failed(reason));
            }
        }
    }

    /// The plan in `state` was carried over to a new text: it is saved like an edit.
    pub fn rebased(self) {
        self.step(Autosave::rebased);
    }

    fn step(self, input: impl FnOnce(&mut Autosave) -> Option<Command>) {
        if let Some(command) = self.machine.try_update(input).flatten() {
            self.run(command);
        }
    }

    fn run(self, command: Command) {
        match command {
            Command::Arm { ms } => {
                if let Some(handle) = self.timer.get_value() {
                    handle.clear();
                }
                let handle = set_timeout_with_handle(
                    move || self.step(Autosave::timer_fired),
                    std::time::Duration::from_millis(ms),
                )
                .ok();
                self.timer.set_value(handle);
            }
            Command::Save { revision, base } => {
                let segments = self.state.with_untracked(|s| s.segments().to_vec());
                spawn_local(async move {
                    match save_plan(self.chapter, base, segments).await {
                        Ok(version) => self.step(|m| m.save_succeeded(revision, version)),
                        Err(AppError::Conflict { .. }) => self.machine.update(Autosave::conflicted),
                        Err(err) => {
                            let reason = (self.t.error)(&err);
                            self.step(|m| m.save_failed(reason));
                        }
                    }
                });
            }
        }
    }
}
