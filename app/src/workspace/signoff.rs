//! `Signoff`: what keeps the chapter from sign-off (the same `shared::signoff::blockers` the
//! server checks the stored plan with), the speakers a speech tag contradicts, the complete toggle
//! and the carry-over of a plan whose chapter text was re-imported.

use std::time::Duration;

use leptos::{prelude::*, task::spawn_local};
use shared::{
    attribution::{contradictions, Contradiction},
    signoff::Blocker,
};

use super::edits::Workspace;
use crate::api::chapters::set_chapter_complete;

/// Milliseconds of quiet before the speakers are checked against the speech tags again (the check
/// reads the whole chapter, so it waits for a pause rather than running on every keypress).
const CHECK_MS: u64 = 400;

/// The sign-off of one chapter; a handle, cheap to copy.
#[derive(Clone, Copy)]
pub struct Signoff {
    ws: Workspace,
    /// Speakers a speech tag contradicts: checked when the page opens, then after each pause.
    pub contradicted: RwSignal<Vec<Contradiction>>,
    /// What keeps the chapter from sign-off, from the plan in the page.
    pub blockers: Memo<Vec<Blocker>>,
}

impl Signoff {
    /// Starts checking the workspace's plan.
    pub fn new(ws: Workspace) -> Self {
        let contradicted = RwSignal::new(ws.state.with_untracked(|s| check(ws, s.segments())));
        let pending = StoredValue::new(None::<TimeoutHandle>);
        Effect::watch(
            move || ws.state.with(|s| s.revision()),
            move |_, _, _| {
                if let Some(handle) = pending.get_value() {
                    handle.clear();
                }
                let handle = set_timeout_with_handle(
                    move || contradicted.set(ws.state.with_untracked(|s| check(ws, s.segments()))),
                    Duration::from_millis(CHECK_MS),
                )
                .ok();
                pending.set_value(handle);
            },
            false,
        );
        let blockers = Memo::new(move |_| {
            ws.stale.with(|stale| {
                contradicted.with(|found| {
                    ws.state
                        .with(|s| shared::signoff::blockers(s.segments(), found, stale))
                })
            })
        });
        Self {
            ws,
            contradicted,
            blockers,
        }
    }

    /// Whether something keeps the chapter from sign-off (tracked).
    pub fn is_blocked(self) -> bool {
        self.blockers.with(|b| !b.is_empty())
    }

    /// Marks the chapter complete, or reopens it.
    pub fn toggle_complete(self) {
        let ws = self.ws;
        let wanted = !ws.complete.get_untracked();
        spawn_local(async move {
            match set_chapter_complete(ws.chapter, wanted).await {
                Ok(()) => {
                    ws.complete.set(wanted);
                    ws.on_changed.run(());
                }
                Err(err) => ws.notice.set(Some((ws.t.error)(&err))),
            }
        });
    }

    /// Carries the plan over to the chapter's new text: what still matches keeps its work. The
    /// carried-over plan was never stored; the autosave stores it, with the version check.
    pub fn carry_over(self) {
        let (ws, t) = (self.ws, self.ws.t);
        let rebased = ws.text.with_value(|(text, limits)| {
            ws.state
                .with_untracked(|s| shared::plan::rebase::rebase(s.segments(), text, limits))
        });
        if !crate::components::confirm(&(t.confirm_carry_over)(rebased.dropped.len())) {
            return;
        }
        let kept = rebased.segments.len() - rebased.added;
        let dropped: Vec<String> = rebased
            .dropped
            .iter()
            .map(|s| format!("{} “{}”", s.id, s.original_text.trim()))
            .collect();
        ws.replace(rebased.segments);
        ws.autosave.rebased();
        ws.notice
            .set(Some((t.carried_over)(kept, rebased.added, &dropped)));
    }
}

/// The speakers of `segments` that a speech tag contradicts (none without a valid cast).
fn check(ws: Workspace, segments: &[shared::Segment]) -> Vec<Contradiction> {
    ws.cast.with_value(|cast| {
        ws.text.with_value(|(text, _)| {
            cast.as_ref()
                .map(|cast| contradictions(text, segments, cast, ws.language))
                .unwrap_or_default()
        })
    })
}
