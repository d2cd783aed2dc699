use crate::model::Version;
use std::collections::VecDeque;

use super::*;

/// How the fake store answers a save.
#[derive(Debug, Clone, Copy)]
enum Answer {
    Ok,
    Fail,
    /// Someone else saved first.
    Conflict,
}

/// A clock that records the armed timer (one at a time, as the page keeps it) and fires it when
/// the time passes it.
#[derive(Default)]
struct FakeClock {
    now: u64,
    due: Option<u64>,
    /// Every delay armed, in order.
    armed: Vec<u64>,
}

/// A store that holds each save until the test lets it answer, answering as scripted (`Ok` once
/// the script runs out) with a compare-and-swap on its version like the real one.
#[derive(Default)]
struct FakeStore {
    version: Version,
    held: Option<u64>,
    script: VecDeque<Answer>,
    in_flight: Option<(u64, i64)>,
    /// Every save asked for: (revision, base version).
    asked: Vec<(u64, i64)>,
    /// Whether each save sent the whole plan.
    whole: Vec<bool>,
}

/// The page around the machine: its plan's revision, a fake clock and a fake store.
struct Page {
    autosave: Autosave,
    clock: FakeClock,
    store: FakeStore,
    revision: u64,
}

impl Page {
    fn new(answers: &[Answer]) -> Self {
        Self {
            autosave: Autosave::new(Version(7)),
            clock: FakeClock::default(),
            store: FakeStore {
                version: Version(7),
                script: answers.iter().copied().collect(),
                ..FakeStore::default()
            },
            revision: 0,
        }
    }

    fn edit(&mut self) {
        self.revision += 1;
        let command = self.autosave.edited(self.revision);
        self.run(command);
    }

    fn wait(&mut self, ms: u64) {
        self.clock.now += ms;
        if self.clock.due.is_some_and(|due| due <= self.clock.now) {
            self.clock.due = None;
            let command = self.autosave.timer_fired();
            self.run(command);
        }
    }

    fn hide_tab(&mut self) {
        let command = self.autosave.save_now();
        self.run(command);
    }

    /// The store answers the save in flight.
    fn answer(&mut self) {
        let (revision, base) = self.store.in_flight.take().expect("a save in flight");
        let answer = self.store.script.pop_front().unwrap_or(Answer::Ok);
        let command = match answer {
            Answer::Ok => {
                assert_eq!(
                    Version(base),
                    self.store.version,
                    "a save from a stale version"
                );
                self.store.version = self.store.version.next();
                self.store.held = Some(revision);
                self.autosave.save_succeeded(revision, self.store.version)
            }
            Answer::Fail => self.autosave.save_failed("offline".into()),
            Answer::Conflict => {
                self.store.version = self.store.version.next();
                self.autosave.conflicted();
                None
            }
        };
        self.run(command);
    }

    fn run(&mut self, command: Option<Command>) {
        match command {
            Some(Command::Arm { ms }) => {
                self.clock.due = Some(self.clock.now + ms);
                self.clock.armed.push(ms);
            }
            Some(Command::Save {
                revision,
                base,
                whole,
            }) => {
                assert!(self.store.in_flight.is_none(), "two saves in flight");
                self.store.whole.push(whole);
                self.store.in_flight = Some((revision, base.0));
                self.store.asked.push((revision, base.0));
            }
            None => {}
        }
    }

    fn state(&self) -> &SaveState {
        self.autosave.state()
    }
}

#[test]
fn an_edit_is_saved_after_two_quiet_seconds() {
    let mut page = Page::new(&[]);

    page.edit();
    page.wait(AUTOSAVE_MS - 1);

    assert_eq!(page.state(), &SaveState::Pending);
    assert!(page.store.asked.is_empty());
    page.wait(1);
    assert_eq!(page.state(), &SaveState::Saving);
    assert_eq!(page.store.asked, [(1, 7)]);
    page.answer();
    assert_eq!(page.state(), &SaveState::Saved);
    assert_eq!(
        (page.store.held, page.autosave.version()),
        (Some(1), Version(8))
    );
    assert!(!page.autosave.has_unsaved());
}

#[test]
fn a_burst_of_edits_is_saved_once_after_the_last() {
    let mut page = Page::new(&[]);

    page.edit();
    page.wait(1_500);
    page.edit();
    page.wait(1_500);
    page.edit();
    page.wait(AUTOSAVE_MS);

    assert_eq!(page.store.asked, [(3, 7)]);
}

#[test]
fn a_failed_save_keeps_the_edit_and_retries_with_backoff() {
    let mut page = Page::new(&[Answer::Fail, Answer::Fail]);
    page.edit();
    page.wait(AUTOSAVE_MS);

    page.answer();

    assert_eq!(page.state(), &SaveState::Failed("offline".into()));
    assert!(page.autosave.has_unsaved());
    assert_eq!(page.clock.armed.last(), Some(&4_000));
    page.wait(4_000);
    page.answer();
    assert_eq!(page.clock.armed.last(), Some(&8_000));
    page.wait(8_000);
    page.answer();
    assert_eq!(page.store.asked, [(1, 7), (1, 7), (1, 7)]);
    assert_eq!(page.state(), &SaveState::Saved);
    assert_eq!(page.store.held, Some(1));
}

#[test]
fn the_wait_between_retries_doubles_up_to_thirty_seconds() {
    let mut page = Page::new(&[Answer::Fail; 6]);
    page.edit();
    page.wait(AUTOSAVE_MS);

    for _ in 0..6 {
        page.answer();
        page.wait(MAX_RETRY_MS);
    }

    assert_eq!(
        page.clock.armed,
        [AUTOSAVE_MS, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]
    );
    assert_eq!(page.store.asked.len(), 7);
}

#[test]
fn a_success_resets_the_backoff() {
    let mut page = Page::new(&[Answer::Fail, Answer::Ok, Answer::Fail]);
    page.edit();
    page.wait(AUTOSAVE_MS);
    page.answer();
    page.wait(4_000);
    page.answer();

    page.edit();
    page.wait(AUTOSAVE_MS);
    page.answer();

    assert_eq!(page.clock.armed.last(), Some(&4_000));
}

#[test]
fn an_edit_during_a_save_is_not_lost() {
    let mut page = Page::new(&[]);
    page.edit();
    page.wait(AUTOSAVE_MS);

    page.edit();
    page.answer();

    assert_eq!(page.state(), &SaveState::Pending);
    assert_eq!(page.store.held, Some(1));
    assert!(page.autosave.has_unsaved());
    page.wait(AUTOSAVE_MS);
    page.answer();
    assert_eq!(page.store.asked, [(1, 7), (2, 8)]);
    assert_eq!(page.store.held, Some(2));
    assert_eq!(page.state(), &SaveState::Saved);
}

#[test]
fn an_edit_during_a_failing_save_is_in_the_retry() {
    let mut page = Page::new(&[Answer::Fail]);
    page.edit();
    page.wait(AUTOSAVE_MS);

    page.edit();
    page.answer();
    page.wait(4_000);
    page.answer();

    assert_eq!(page.store.asked, [(1, 7), (2, 7)]);
    assert_eq!(page.store.held, Some(2));
}

#[test]
fn an_edit_after_a_failure_waits_only_for_the_pause() {
    let mut page = Page::new(&[Answer::Fail]);
    page.edit();
    page.wait(AUTOSAVE_MS);
    page.answer();

    page.edit();

    assert_eq!(page.state(), &SaveState::Pending);
    assert_eq!(page.clock.armed.last(), Some(&AUTOSAVE_MS));
}

#[test]
fn a_conflict_stops_saving_and_never_overwrites() {
    let mut page = Page::new(&[Answer::Conflict]);
    page.edit();
    page.wait(AUTOSAVE_MS);

    page.answer();
    page.edit();
    page.wait(MAX_RETRY_MS);
    page.hide_tab();

    assert_eq!(page.state(), &SaveState::Conflict);
    assert_eq!(page.store.asked.len(), 1);
    assert_eq!(page.store.held, None);
    assert!(page.autosave.has_unsaved());
}

#[test]
fn hiding_the_tab_saves_a_pending_edit_at_once() {
    let mut page = Page::new(&[]);
    page.edit();

    page.hide_tab();

    assert_eq!(page.state(), &SaveState::Saving);
    assert_eq!(page.store.asked, [(1, 7)]);
    assert_eq!(page.clock.now, 0);
}

#[test]
fn a_flush_is_settling_until_the_store_answers_and_then_until_a_retry() {
    let mut page = Page::new(&[Answer::Fail]);
    let idle = page.autosave.is_settling();
    page.edit();
    let pending = page.autosave.is_settling();
    page.hide_tab();
    let saving = page.autosave.is_settling();
    page.answer();
    let failed = page.autosave.is_settling();
    page.wait(MAX_RETRY_MS);
    page.answer();

    assert_eq!(
        [idle, pending, saving, failed],
        [false, true, true, false],
        "a flush does not wait out a failed save's retry"
    );
    assert!(!page.autosave.is_settling());
    assert_eq!(page.state(), &SaveState::Saved);
}

#[test]
fn hiding_the_tab_with_nothing_pending_saves_nothing() {
    let mut page = Page::new(&[]);

    page.hide_tab();
    page.edit();
    page.wait(AUTOSAVE_MS);
    page.hide_tab();

    assert_eq!(page.store.asked, [(1, 7)]);
}

#[test]
fn a_fresh_plan_starts_saved_at_its_version() {
    let mut page = Page::new(&[]);
    page.edit();

    page.autosave.replacing();
    page.wait(AUTOSAVE_MS);
    page.revision = 0;
    page.autosave.replaced(Version(12));
    let command = page.autosave.edited(0);
    page.run(command);

    assert!(
        page.store.asked.is_empty(),
        "no save while the plan is replaced"
    );
    assert_eq!(page.state(), &SaveState::Saved);
    page.edit();
    page.wait(AUTOSAVE_MS);
    assert_eq!(page.store.asked, [(1, 12)]);
}

#[test]
fn a_refused_fresh_plan_keeps_the_edits_for_the_next_save() {
    let mut page = Page::new(&[]);
    page.edit();
    page.autosave.replacing();

    page.autosave.replace_failed("offline".into());
    page.edit();
    page.wait(AUTOSAVE_MS);

    assert_eq!(page.store.asked, [(2, 7)]);
}

#[test]
fn a_carried_over_plan_is_saved_though_it_starts_at_revision_zero() {
    let mut page = Page::new(&[]);
    page.edit();
    page.wait(AUTOSAVE_MS);
    page.answer();
    page.revision = 0;

    let command = page.autosave.rebased();
    page.run(command);
    page.wait(AUTOSAVE_MS);
    page.answer();

    assert_eq!(page.store.asked, [(1, 7), (0, 8)]);
    assert_eq!(
        page.store.whole,
        [false, true],
        "only the carried-over plan is sent whole"
    );
    assert_eq!(page.store.held, Some(0));
    assert_eq!(page.state(), &SaveState::Saved);
}

#[test]
fn a_merge_holds_saves_back_then_saves_the_edits_on_the_stored_version() {
    let mut page = Page::new(&[Answer::Conflict]);
    page.edit();
    page.wait(AUTOSAVE_MS);
    page.answer();
    page.autosave.reloading();
    page.edit();
    page.wait(AUTOSAVE_MS);
    assert!(
        !page.autosave.may_pull(),
        "nothing is replayed during a merge"
    );
    assert_eq!(page.store.asked.len(), 1, "no save during a merge");

    let command = page.autosave.caught_up(page.store.version);
    page.run(command);
    page.wait(AUTOSAVE_MS);
    page.answer();

    assert_eq!(page.store.asked, [(1, 7), (2, 8)]);
    assert_eq!(page.state(), &SaveState::Saved);
    assert!(page.autosave.may_pull());
}

#[test]
fn settled_conflicts_are_saved_at_once_on_the_stored_version() {
    let mut page = Page::new(&[Answer::Conflict]);
    page.edit();
    page.wait(AUTOSAVE_MS);
    page.answer();
    page.autosave.conflicted();
    assert!(!page.autosave.may_pull());

    let command = page.autosave.settled(page.store.version, 5);
    page.run(command);
    page.answer();

    assert_eq!(page.store.asked, [(1, 7), (5, 8)]);
    assert_eq!(page.store.held, Some(5));
    assert_eq!(page.state(), &SaveState::Saved);
}
