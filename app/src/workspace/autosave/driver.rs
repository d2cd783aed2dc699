//! `Autosaver`: the `Autosave` machine in the page. It feeds the machine the plan's revisions, its
//! timer, the tab hiding and the store's answers, and does what the machine asks; it decides
//! nothing itself. A save sends the edits made since the stored version (`save_changes`); a
//! colleague's changes come back with the answer and are replayed, or, when they cannot be, the
//! stored plan is loaded and the page's edits merged onto it, conflicts shown side by side.

use crate::model::Version;
use leptos::{prelude::*, task::spawn_local};
use shared::plan::change::{Change, Merged};

use super::{Autosave, Command, SaveState};
use crate::{
    api::plans::{changes_since, load_plan, save_changes, save_plan},
    error::AppError,
    i18n::Texts,
    model::ChapterId,
    workspace::editor::EditorState,
};

/// The longest [`Autosaver::flush`] waits for a save, and how often it looks, in milliseconds.
const FLUSH_WAIT_MS: u32 = 10_000;
const FLUSH_POLL_MS: u32 = 50;

/// Edits of the same segments by the page and a colleague, waiting for the producer.
#[derive(Debug, Clone)]
pub struct Conflicts {
    /// The stored plan with the page's other edits, and each conflict.
    pub merged: Merged,
    /// The stored version the merge stands on.
    pub version: Version,
}

/// The autosave of the plan in `state`; a handle, cheap to copy.
#[derive(Clone, Copy)]
pub struct Autosaver {
    machine: RwSignal<Autosave>,
    timer: StoredValue<Option<TimeoutHandle>>,
    state: RwSignal<EditorState>,
    conflicts: RwSignal<Option<Conflicts>>,
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
            conflicts: RwSignal::new(None),
            chapter,
            t,
        };
        Effect::new(move |_| {
            let revision = state.with(EditorState::revision);
            this.step(|m| m.edited(revision));
        });
        let handle = window_event_listener_untyped("visibilitychange", move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                this.step(Autosave::save_now);
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

    /// Conflicts waiting for the producer, if any.
    pub fn conflicts(self) -> ReadSignal<Option<Conflicts>> {
        self.conflicts.read_only()
    }

    /// Settles the waiting conflicts (`keep_mine[i]`: the page's version of conflict `i`, else
    /// the colleague's) and saves the result at once.
    pub fn settle(self, keep_mine: &[bool]) {
        let Some(Conflicts { merged, version }) = self.conflicts.get_untracked() else {
            return;
        };
        self.conflicts.set(None);
        let revision = self
            .state
            .try_update(|s| s.settle(merged, keep_mine))
            .unwrap_or_default();
        self.step(|m| m.settled(version, revision));
    }

    /// A colleague saved the chapter at `version`: their changes are replayed on the page when
    /// nothing is being saved; otherwise the save under way brings them.
    pub fn colleague_saved(self, version: Version) {
        let (may, ours) = self.machine.with_untracked(|m| (m.may_pull(), m.version()));
        if !may || version.0 <= ours.0 {
            return;
        }
        spawn_local(async move {
            // A failure is not shown: the next save brings the colleague's changes anyway.
            if let Ok(answer) = changes_since(self.chapter, ours).await {
                let still = self
                    .machine
                    .with_untracked(|m| m.may_pull() && m.version() == ours);
                if still {
                    self.catch_up(answer.changes, answer.version);
                }
            }
        });
    }

    /// Saves the page's pending edits at once and waits (up to [`FLUSH_WAIT_MS`]) until no save
    /// is under way, so that a change the store makes itself lands after them, not across them.
    pub async fn flush(self) {
        self.step(Autosave::save_now);
        let mut waited = 0;
        while waited < FLUSH_WAIT_MS && self.machine.with_untracked(Autosave::is_settling) {
            gloo_timers::future::TimeoutFuture::new(FLUSH_POLL_MS).await;
            waited += FLUSH_POLL_MS;
        }
    }

    /// A fresh plan was asked of the server.
    pub fn replacing(self) {
        self.machine.update(Autosave::replacing);
    }

    /// The server answered the fresh plan (already in `state`): stored at this version, or not.
    pub fn replaced(self, answer: &Result<Version, AppError>) {
        match answer {
            Ok(version) => self.machine.update(|m| m.replaced(*version)),
            Err(AppError::Conflict { .. }) => self.reload(),
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
            Command::Save {
                revision,
                base,
                whole: true,
            } => {
                let segments = self.state.with_untracked(|s| s.segments().to_vec());
                spawn_local(async move {
                    let answer = save_plan(self.chapter, base, segments).await;
                    self.answered(revision, answer.map(|version| (version, Some(Vec::new()))));
                });
            }
            Command::Save {
                revision,
                base,
                whole: false,
            } => {
                let changes = self.state.with_untracked(|s| s.changes_until(revision));
                spawn_local(async move {
                    let answer = save_changes(self.chapter, base, changes).await;
                    self.answered(revision, answer.map(|a| (a.version, a.changes)));
                });
            }
        }
    }

    /// The store answered the save of `revision`: stored at a version, with the colleague's
    /// changes the page lacks (none: it must load the plan), or not.
    fn answered(self, revision: u64, answer: Result<(Version, Option<Vec<Change>>), AppError>) {
        match answer {
            Ok((version, missed)) => {
                self.state.update_untracked(|s| s.saved(revision));
                let command = self
                    .machine
                    .try_update(|m| m.save_succeeded(revision, version));
                if self.pull(missed.as_deref()) {
                    if let Some(command) = command.flatten() {
                        self.run(command);
                    }
                } else {
                    self.reload();
                }
            }
            Err(AppError::Conflict { .. }) => self.reload(),
            Err(err) => {
                let reason = (self.t.error)(&err);
                self.step(|m| m.save_failed(reason));
            }
        }
    }

    /// Replays a colleague's changes on the page's plan; false when they are unknown or clash.
    fn pull(self, changes: Option<&[Change]>) -> bool {
        match changes {
            None => false,
            Some([]) => true,
            Some(changes) => self.state.try_update(|s| s.pull(changes)).unwrap_or(false),
        }
    }

    /// The page's plan caught up with `version` by replaying `changes`, or by a reload.
    fn catch_up(self, changes: Option<Vec<Change>>, version: Version) {
        if self.pull(changes.as_deref()) {
            self.step(|m| m.caught_up(version));
        } else {
            self.reload();
        }
    }

    /// Loads the stored plan and merges the page's unsaved edits onto it; conflicts wait for
    /// the producer.
    fn reload(self) {
        self.machine.update(Autosave::reloading);
        spawn_local(async move {
            match load_plan(self.chapter).await {
                Ok(stored) => {
                    let Some(merged) = self.state.try_update(|s| s.merge_into(stored.segments))
                    else {
                        return; // The page is gone.
                    };
                    if merged.conflicts.is_empty() {
                        self.step(|m| m.caught_up(stored.version));
                    } else {
                        self.machine.update(Autosave::conflicted);
                        self.conflicts.set(Some(Conflicts {
                            merged,
                            version: stored.version,
                        }));
                    }
                }
                Err(err) => {
                    let reason = (self.t.error)(&err);
                    self.step(|m| m.save_failed(reason));
                }
            }
        });
    }
}
