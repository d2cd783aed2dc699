//! `PlanWorkspace`: owns the plan under edit in the browser. Every edit runs in WASM through
//! `shared` with no round trip; autosave sends the plan ~2 s after the last change, when the tab is
//! hidden, and again after a failure. A stale save is a conflict to resolve, never an overwrite.
//! "Assign speakers" runs the rule engine here, or, when the server has a language model, a job
//! on the server whose result is applied here as the same single undoable edit.

use std::{
    collections::{BTreeSet, HashMap},
    sync::Arc,
};

use leptos::{ev, html::Textarea, prelude::*, task::spawn_local};
use shared::{
    attribution::{
        contradictions,
        propose::{missing_from_cast, propose_cast},
        Attribution, Contradiction,
    },
    offset::char_offset_from_utf16,
    Cast, Edit, Language, Segment, SegmentId,
};

use super::{
    segment_editor::EditorActions,
    segment_table::{Mark, Row, Voices},
    JobProgress, ReviewPanel, SegmentEditor, SegmentTable, SpeakerJobBar,
};
use crate::{
    api::{
        chapters::set_chapter_complete,
        plans::{export_plan, generate_plan, import_plan, save_plan},
        speakers::{cancel_speaker_job, start_speaker_job},
    },
    editor::EditorState,
    error::AppError,
    i18n::t,
    job_feed::{FeedError, FeedMessage, FeedStorage, JobFeed},
    model::{ChapterPlan, JobId, SpeakerEngine, SpeakerJobEvent},
};

/// Milliseconds of quiet before an autosave.
const AUTOSAVE_MS: u64 = 2_000;
/// Longest wait between retries of a failed save.
const MAX_RETRY_MS: u64 = 30_000;
/// Milliseconds of quiet before the speakers are checked against the speech tags again (the check
/// reads the whole chapter, so it waits for a pause rather than running on every keypress).
const CHECK_MS: u64 = 400;

/// Where the stored copy stands compared to the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Everything is stored.
    Saved,
    /// Changes wait for the autosave.
    Pending,
    /// A save is in flight.
    Saving,
    /// The last save failed; it will be retried.
    Failed(String),
    /// Someone else saved first; the page must reload.
    Conflict,
}

/// The plan editor for one chapter: toolbar, segment table and segment editor. `engine` says who
/// assigns speakers: the rules here, or the server's language model.
#[component]
pub fn PlanWorkspace(
    plan: ChapterPlan,
    engine: SpeakerEngine,
    on_changed: Callback<()>,
) -> impl IntoView {
    let chapter_id = plan.chapter_id;
    let project_id = plan.project_id;
    let chapter_text: Arc<str> = Arc::from(plan.text.as_str());
    let limits = plan.limits.clone();
    let editor_limits = plan.limits.clone();
    let carry = (chapter_text.clone(), plan.limits.clone());
    let first = plan.segments.first().map(|s| s.id);
    let t = t();
    let language = plan.language;
    let voices: Voices = plan
        .cast
        .iter()
        .map(|c| (c.id.to_string(), c.name.clone()))
        .collect();
    let bulk_voices = voices.clone();
    let cast = StoredValue::new(Cast::new(plan.cast).ok());
    // What the last automatic run found, per segment: confidence and evidence for the table.
    let found = RwSignal::new(HashMap::<SegmentId, Attribution>::new());
    let only_doubtful = RwSignal::new(false);
    // A re-import changed the chapter's text under this plan: these segments no longer match it,
    // and the plan must be carried over (or regenerated) before it can be edited or saved.
    let stale = RwSignal::new(shared::rebase::stale(&plan.segments, &plan.text));
    let state = RwSignal::new(EditorState::new(
        chapter_text.clone(),
        limits.clone(),
        plan.segments,
    ));
    let version = RwSignal::new(plan.version);
    let complete = RwSignal::new(plan.complete);
    let locked = Signal::derive(move || complete.get() || stale.with(|s| !s.is_empty()));
    let selected = RwSignal::new(first);
    let editing = RwSignal::new(false);
    let draft = RwSignal::new(String::new());
    let notice = RwSignal::new(None::<String>);
    let save_state = RwSignal::new(SaveState::Saved);
    let saved_revision = StoredValue::new(0_u64);
    let failures = StoredValue::new(0_u32);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let save_due = RwSignal::new(0_u64);
    let textarea = NodeRef::<Textarea>::new();
    // Rows marked for a group action (set speaker, mark reviewed).
    let marked = RwSignal::new(BTreeSet::<SegmentId>::new());
    let bulk_speaker = RwSignal::new(String::new());
    // Speakers a speech tag contradicts: checked when the page opens, then after each pause.
    let contradicted = {
        let text = chapter_text.clone();
        let check = move |segments: &[Segment]| {
            cast.with_value(|cast| find_contradictions(&text, segments, cast.as_ref(), language))
        };
        let contradicted = RwSignal::new(state.with_untracked(|s| check(s.segments())));
        let pending = StoredValue::new(None::<TimeoutHandle>);
        Effect::watch(
            move || state.with(|s| s.revision()),
            move |_, _, _| {
                if let Some(handle) = pending.get_value() {
                    handle.clear();
                }
                let check = check.clone();
                let handle = set_timeout_with_handle(
                    move || contradicted.set(state.with_untracked(|s| check(s.segments()))),
                    std::time::Duration::from_millis(CHECK_MS),
                )
                .ok();
                pending.set_value(handle);
            },
            false,
        );
        contradicted
    };

    let schedule_save = move |delay_ms: u64| {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            move || save_due.update(|n| *n += 1),
            std::time::Duration::from_millis(delay_ms),
        )
        .ok();
        timer.set_value(handle);
    };

    let save = move || {
        let busy = matches!(
            save_state.get_untracked(),
            SaveState::Saving | SaveState::Conflict
        );
        let (segments, revision) = state.with_untracked(|s| (s.segments().to_vec(), s.revision()));
        if busy || revision == saved_revision.get_value() {
            return;
        }
        save_state.set(SaveState::Saving);
        let base = version.get_untracked();
        spawn_local(async move {
            match save_plan(chapter_id, base, segments).await {
                Ok(new_version) => {
                    version.set(new_version);
                    saved_revision.set_value(revision);
                    failures.set_value(0);
                    if state.with_untracked(|s| s.revision()) == revision {
                        save_state.set(SaveState::Saved);
                    } else {
                        save_state.set(SaveState::Pending);
                        schedule_save(AUTOSAVE_MS);
                    }
                }
                Err(AppError::Conflict { .. }) => save_state.set(SaveState::Conflict),
                Err(err) => {
                    let tries = failures.get_value() + 1;
                    failures.set_value(tries);
                    save_state.set(SaveState::Failed((t.error)(&err)));
                    let delay = (AUTOSAVE_MS << tries.min(4)).min(MAX_RETRY_MS);
                    schedule_save(delay);
                }
            }
        });
    };
    Effect::watch(move || save_due.get(), move |_, _, _| save(), false);

    // Any change of the plan (edit, undo, redo) arms the autosave.
    Effect::new(move |_| {
        let revision = state.with(|s| s.revision());
        if revision != saved_revision.get_value()
            && !matches!(
                save_state.get_untracked(),
                SaveState::Conflict | SaveState::Saving
            )
        {
            save_state.set(SaveState::Pending);
            schedule_save(AUTOSAVE_MS);
        }
    });

    let apply = move |edit: Edit| {
        if stale.with_untracked(|s| !s.is_empty()) {
            notice.set(Some(t.text_changed.to_owned()));
            return;
        }
        let result = state.try_update(|s| s.apply(&edit)).unwrap_or(Ok(()));
        notice.set(result.err().map(|err| (t.segment_error)(&err)));
    };
    // Applies an edit that may remove segment `id`; if it did, `successor` becomes the selection.
    let apply_removing = move |edit: Edit, id: SegmentId, successor: Option<SegmentId>| {
        apply(edit);
        if state.with_untracked(|s| s.segment(id).is_none()) {
            selected.set(successor);
        }
    };
    let current = move || selected.get_untracked();
    let actions = EditorActions {
        edit: Callback::new(move |()| {
            let Some(id) = current() else { return };
            let text = state.with_untracked(|s| s.segment(id).map(|s| s.text.clone()));
            if let Some(text) = text {
                draft.set(text);
                editing.set(true);
                if let Some(area) = textarea.get_untracked() {
                    let _ = area.focus();
                }
            }
        }),
        save: Callback::new(move |()| {
            let Some(id) = current() else { return };
            let before = state.with_untracked(|s| s.revision());
            apply(Edit::EditText {
                id,
                text: draft.get_untracked(),
            });
            if state.with_untracked(|s| s.revision()) != before {
                editing.set(false);
            }
        }),
        cancel: Callback::new(move |()| {
            editing.set(false);
            notice.set(None);
        }),
        split: Callback::new(move |()| {
            let Some(id) = current() else { return };
            let cursor = textarea
                .get_untracked()
                .and_then(|area| area.selection_start().ok().flatten())
                .unwrap_or(0) as usize;
            if editing.get_untracked() {
                apply(Edit::EditText {
                    id,
                    text: draft.get_untracked(),
                });
                editing.set(false);
            }
            let text = state.with_untracked(|s| s.segment(id).map(|s| s.text.clone()));
            match text.map(|text| char_offset_from_utf16(&text, cursor)) {
                Some(Ok(at)) => apply(Edit::Split { id, at }),
                Some(Err(err)) => notice.set(Some((t.segment_error)(&err))),
                None => {}
            }
        }),
        merge_previous: Callback::new(move |()| {
            if let Some(id) = current() {
                // The merged segment keeps the previous one's id: select it.
                let previous = state.with_untracked(|s| s.neighbour(Some(id), -1));
                apply_removing(Edit::MergePrevious { id }, id, previous);
            }
        }),
        merge_next: Callback::new(move |()| {
            if let Some(id) = current() {
                apply(Edit::MergeNext { id });
            }
        }),
        delete: Callback::new(move |()| {
            let Some(id) = current() else { return };
            let next = state.with_untracked(|s| {
                let after = s.neighbour(Some(id), 1);
                if after == Some(id) {
                    s.neighbour(Some(id), -1)
                } else {
                    after
                }
            });
            apply_removing(Edit::Delete { id }, id, next);
        }),
        undo: Callback::new(move |()| {
            state.update(|s| {
                s.undo();
            });
            editing.set(false);
            fix_selection(state, selected);
        }),
        redo: Callback::new(move |()| {
            state.update(|s| {
                s.redo();
            });
            editing.set(false);
            fix_selection(state, selected);
        }),
    };

    // Marks or unmarks the rows for a group action: one row, or every row from the selection.
    let on_mark = Callback::new(move |(id, how): (SegmentId, Mark)| {
        let range = match how {
            Mark::Toggle => vec![id],
            Mark::Range => rows_between(rows_of(state), selected.get_untracked(), id),
        };
        marked.update(|m| {
            if how == Mark::Toggle && m.contains(&id) {
                m.remove(&id);
            } else {
                m.extend(range);
            }
        });
    });
    // The marked rows that still exist (a merge or delete may have taken some).
    let marked_ids = move || {
        let ids = marked.get_untracked();
        state.with_untracked(|s| {
            ids.into_iter()
                .filter(|id| s.segment(*id).is_some())
                .collect::<Vec<_>>()
        })
    };
    let assign_marked = move |_| {
        let speaker = bulk_speaker.get_untracked();
        apply(Edit::SetSpeakers {
            ids: marked_ids(),
            speaker: (!speaker.is_empty()).then_some(speaker),
        });
    };
    let set_reviewed = move |reviewed: bool| {
        apply(Edit::SetReviewed {
            ids: marked_ids(),
            reviewed,
        })
    };
    // R: marks the marked rows reviewed, or flips the selected row's mark and moves on.
    let review = Callback::new(move |()| {
        if !marked.with_untracked(|m| m.is_empty()) {
            set_reviewed(true);
            return;
        }
        let Some(id) = current() else { return };
        let reviewed = state.with_untracked(|s| s.segment(id).is_some_and(|s| s.reviewed));
        apply(Edit::SetReviewed {
            ids: vec![id],
            reviewed: !reviewed,
        });
        if !reviewed {
            selected.set(state.with_untracked(|s| s.neighbour(Some(id), 1)));
        }
    });

    install_keyboard(state, selected, editing, locked, actions, marked, review);
    install_flush_on_hide(save_due, save_state);

    let rows = Memo::new(move |_| {
        let doubtful_only = only_doubtful.get();
        let named: HashMap<SegmentId, String> = contradicted.with(|found| {
            found
                .iter()
                .map(|c| (c.segment, c.named.to_string()))
                .collect()
        });
        found.with(|found| {
            state.with(|s| {
                s.segments()
                    .iter()
                    .map(|segment| {
                        let named = named.get(&segment.id).map(String::as_str);
                        Row::new(segment, found.get(&segment.id), named)
                    })
                    .filter(|row| !doubtful_only || row.is_doubtful())
                    .collect::<Vec<_>>()
            })
        })
    });
    // Applies what an engine found as one undoable edit and keeps it for the table.
    // Speakers that speech tags name but the cast lacks, found after each automatic run.
    let missing_speakers = RwSignal::new(Vec::<String>::new());
    let text_for_missing = StoredValue::new(chapter_text.clone());
    let assign_found = move |edit: Edit, attributions: HashMap<SegmentId, Attribution>| {
        let unresolved = match &edit {
            Edit::AssignSpeakers { speakers } => speakers.iter().filter(|s| s.1.is_none()).count(),
            _ => 0,
        };
        found.set(attributions);
        apply(edit);
        notice.set((unresolved > 0).then(|| (t.unresolved_after_run)(unresolved)));
        let missing = cast.with_value(|cast| {
            text_for_missing.with_value(|text| tagged_strangers(text, cast.as_ref(), language))
        });
        missing_speakers.set(missing);
    };
    let job = RwSignal::new(None::<JobId>);
    let job_progress = RwSignal::new(None::<JobProgress>);
    let feed = StoredValue::<Option<JobFeed>, FeedStorage>::new_with_storage(None);
    // Forgets the running job; the feed is dropped after the callback that ends it returns.
    let end_job = move || {
        job.set(None);
        job_progress.set(None);
        spawn_local(async move { feed.set_value(None) });
    };
    let on_job_message = move |message: FeedMessage| match message {
        Ok(SpeakerJobEvent::Progress { done, total, stage }) => {
            job_progress.set(Some(JobProgress { done, total, stage }));
        }
        Ok(SpeakerJobEvent::Done { segments, issues }) => {
            end_job();
            let (edit, attributions) = state.with_untracked(|s| s.speakers_from(segments));
            assign_found(edit, attributions);
            if issues > 0 {
                notice.set(Some((t.llm_partial)(issues)));
            }
        }
        Ok(SpeakerJobEvent::Failed { reason }) => {
            end_job();
            notice.set(Some((t.llm_failed)(&(t.job_failure)(&reason))));
        }
        Ok(SpeakerJobEvent::Cancelled) => {
            end_job();
            notice.set(Some(t.llm_cancelled.into()));
        }
        Err(err) => {
            end_job();
            let reason = match err {
                FeedError::Lost => t.llm_lost.to_owned(),
                FeedError::Unreadable(reason) => reason,
            };
            notice.set(Some((t.llm_failed)(&reason)));
        }
    };
    let start_job = move || {
        notice.set(None);
        job_progress.set(Some(JobProgress {
            done: 0,
            total: 0,
            stage: crate::model::JobStage::Started,
        }));
        spawn_local(async move {
            let started = start_speaker_job(project_id, chapter_id).await;
            let opened = started.map_err(|err| (t.error)(&err)).and_then(|id| {
                job.set(Some(id));
                JobFeed::open(&id.events_url(project_id, chapter_id), on_job_message)
            });
            match opened {
                Ok(opened) => feed.set_value(Some(opened)),
                Err(reason) => {
                    job.set(None);
                    job_progress.set(None);
                    notice.set(Some((t.llm_failed)(&reason)));
                }
            }
        });
    };
    let cancel_job = Callback::new(move |()| {
        let Some(id) = job.get_untracked() else {
            return;
        };
        spawn_local(async move {
            if let Err(err) = cancel_speaker_job(project_id, chapter_id, id).await {
                notice.set(Some((t.error)(&err)));
            }
        });
    });
    // Leaving the chapter stops its job: nobody would apply the result.
    on_cleanup(move || {
        if let Some(id) = job.get_untracked() {
            spawn_local(async move {
                let _ = cancel_speaker_job(project_id, chapter_id, id).await;
            });
        }
    });
    let uses_llm = matches!(engine, SpeakerEngine::Llm { .. });
    let engine_text = match &engine {
        SpeakerEngine::Rules => t.engine_rules.to_owned(),
        SpeakerEngine::Llm { model } => (t.engine_llm)(model),
    };
    let assign = move |_| {
        if uses_llm {
            start_job();
            return;
        }
        let Some(cast) = cast.get_value() else {
            notice.set(Some(t.invalid_cast.into()));
            return;
        };
        let (edit, attributions) = state.with_untracked(|s| s.propose_speakers(&cast, language));
        assign_found(edit, attributions);
    };
    let segment = Signal::derive(move || {
        let id = selected.get()?;
        state.with(|s| s.segment(id).cloned())
    });
    let has_plan = move || state.with(|s| !s.segments().is_empty());
    let summary = move || {
        let count = state.with(|s| s.segments().len());
        (t.summary)(count, version.get())
    };

    let generate = move |_| {
        let replacing = state.with_untracked(|s| !s.segments().is_empty());
        if replacing && !super::confirm(t.confirm_regenerate) {
            return;
        }
        let text = chapter_text.clone();
        let limits = limits.clone();
        save_state.set(SaveState::Saving);
        spawn_local(async move {
            match generate_plan(chapter_id, version.get_untracked()).await {
                Ok(fresh) => {
                    version.set(fresh.version);
                    selected.set(fresh.segments.first().map(|s| s.id));
                    state.set(EditorState::new(text, limits, fresh.segments));
                    stale.set(Vec::new());
                    saved_revision.set_value(0);
                    save_state.set(SaveState::Saved);
                    on_changed.run(());
                }
                Err(AppError::Conflict { .. }) => save_state.set(SaveState::Conflict),
                Err(err) => save_state.set(SaveState::Failed((t.error)(&err))),
            }
        });
    };
    // What keeps the chapter from sign-off, from the plan in the page; the server checks the
    // stored plan again with the same function.
    let blockers = Memo::new(move |_| {
        stale.with(|stale| {
            contradicted
                .with(|found| state.with(|s| shared::signoff::blockers(s.segments(), found, stale)))
        })
    });
    // Carries the plan over to the new text: what still matches keeps its work.
    let carry_over = {
        let (text, limits) = carry;
        move |_| {
            let rebased =
                state.with_untracked(|s| shared::rebase::rebase(s.segments(), &text, &limits));
            if !super::confirm(&(t.confirm_carry_over)(rebased.dropped.len())) {
                return;
            }
            let kept = rebased.segments.len() - rebased.added;
            let dropped: Vec<String> = rebased
                .dropped
                .iter()
                .map(|s| format!("{} “{}”", s.id, s.original_text.trim()))
                .collect();
            selected.set(rebased.segments.first().map(|s| s.id));
            state.set(EditorState::new(
                text.clone(),
                limits.clone(),
                rebased.segments,
            ));
            // Never saved: the autosave stores it (with the version check).
            saved_revision.set_value(u64::MAX);
            stale.set(Vec::new());
            notice.set(Some((t.carried_over)(kept, rebased.added, &dropped)));
        }
    };
    let export = move |_| {
        spawn_local(async move {
            match export_plan(chapter_id).await {
                Ok(json) => super::download(&format!("{}.plan.json", chapter_id.0), &json),
                Err(err) => notice.set(Some((t.error)(&err))),
            }
        });
    };
    let import = move |ev: ev::Event| {
        let Some(file) = super::chosen_file(&ev) else {
            return;
        };
        if !super::confirm(t.confirm_import) {
            return;
        }
        spawn_local(async move {
            let result = match super::file_text(file).await {
                Ok(text) => import_plan(chapter_id, version.get_untracked(), text).await,
                Err(err) => Err(err),
            };
            match result {
                // The page loads the imported plan like any other.
                Ok(_) => {
                    let _ = window().location().reload();
                }
                Err(err) => notice.set(Some((t.error)(&err))),
            }
        });
    };
    let toggle_complete = move |_| {
        let wanted = !complete.get_untracked();
        spawn_local(async move {
            match set_chapter_complete(chapter_id, wanted).await {
                Ok(()) => {
                    complete.set(wanted);
                    on_changed.run(());
                }
                Err(err) => notice.set(Some((t.error)(&err))),
            }
        });
    };

    view! {
        <div class="workspace">
            <div class="plan-bar">
                <button on:click=generate disabled=move || complete.get()>
                    {move || if has_plan() { t.regenerate_plan } else { t.generate_plan }}
                </button>
                <button
                    on:click=toggle_complete
                    disabled=move || {
                        !has_plan() || (!complete.get() && blockers.with(|b| !b.is_empty()))
                    }
                >
                    {move || if complete.get() { t.reopen } else { t.mark_complete }}
                </button>
                <button
                    on:click=assign
                    disabled=move || locked.get() || !has_plan() || job_progress.with(Option::is_some)
                    title=engine_text.clone()
                >
                    {t.assign_speakers}
                </button>
                <label>
                    <input
                        type="checkbox"
                        prop:checked=only_doubtful
                        on:change=move |ev| only_doubtful.set(event_target_checked(&ev))
                    />
                    " "
                    {t.only_doubtful}
                </label>
                <button on:click=export disabled=move || !has_plan()>
                    {t.export_plan}
                </button>
                <label class="file-button">
                    {t.import_plan}
                    " "
                    <input type="file" accept=".json" on:change=import disabled=move || locked.get() />
                </label>
                <span class="muted">{summary}</span>
                <span class="open-flags">
                    {move || {
                        let open = state.with(|s| shared::signoff::open_flags(s.segments()).count());
                        (open > 0).then(|| (t.open_flags)(open))
                    }}
                </span>
                <span class="reviewed-share">
                    {move || {
                        let (done, total) = state.with(|s| shared::signoff::reviewed(s.segments()));
                        (total > 0).then(|| (t.reviewed_share)(done, total))
                    }}
                </span>
                <SaveIndicator state=save_state.into() />
            </div>
            <Show when=move || marked.with(|m| !m.is_empty()) && !locked.get()>
                <div class="bulk-bar" role="toolbar" aria-label=t.marked_actions>
                    <span>{move || (t.marked_count)(marked.with(BTreeSet::len))}</span>
                    <select
                        aria-label=t.speaker
                        prop:value=bulk_speaker
                        on:change=move |ev| bulk_speaker.set(event_target_value(&ev))
                    >
                        <option value="">{t.unassigned}</option>
                        {bulk_voices
                            .iter()
                            .map(|(id, name)| view! { <option value=id.clone()>{name.clone()}</option> })
                            .collect_view()}
                    </select>
                    <button on:click=assign_marked>{t.assign_marked}</button>
                    <button on:click=move |_| set_reviewed(true)>{t.mark_reviewed}</button>
                    <button on:click=move |_| set_reviewed(false)>{t.mark_unreviewed}</button>
                    <button on:click=move |_| marked.set(BTreeSet::new())>{t.clear_marks}</button>
                </div>
            </Show>
            <SpeakerJobBar progress=job_progress.into() on_cancel=cancel_job />
            <p class="notice" role="alert">{move || notice.get()}</p>
            <Show when=move || missing_speakers.with(|m| !m.is_empty())>
                <p class="missing-speakers">
                    {move || (t.missing_speakers)(&missing_speakers.get().join(", "))}
                    " "
                    <a href=format!("/projects/{}/cast", project_id.0)>{t.open_cast}</a>
                </p>
            </Show>
            <Show when=move || has_plan() && stale.with(|s| !s.is_empty())>
                <div class="stale" role="region" aria-label=t.text_changed>
                    <strong>{t.text_changed}</strong>
                    " "
                    {move || (t.stale_segments)(stale.with(Vec::len))}
                    " "
                    <button class="primary" on:click=carry_over.clone()>{t.carry_over}</button>
                </div>
            </Show>
            <Show when=move || has_plan() && !complete.get() && blockers.with(|b| !b.is_empty())>
                <div class="blockers">
                    {t.before_complete}
                    " "
                    <ul>
                        {move || {
                            blockers
                                .get()
                                .into_iter()
                                .map(|b| view! { <li>{(t.blocker)(&b)}</li> })
                                .collect_view()
                        }}
                    </ul>
                </div>
            </Show>
            <Show
                when=has_plan
                fallback=move || view! { <p>{t.no_plan_yet}</p> }
            >
                <div class="panes">
                    <SegmentTable
                            rows
                            selected=selected.into()
                            on_select=Callback::new(move |id| {
                                if !editing.get_untracked() {
                                    selected.set(Some(id));
                                }
                            })
                            on_toggle_flag=Callback::new(move |id| apply(Edit::ToggleRevision { id }))
                            voices=voices.clone()
                            on_set_speaker=Callback::new(move |(id, speaker)| {
                                apply(Edit::SetSpeaker { id, speaker })
                            })
                            marked=marked.into()
                            on_mark
                        />
                    <div class="side">
                        <SegmentEditor
                            segment
                            draft
                            editing=editing.into()
                            locked
                            can_undo=Signal::derive(move || state.with(|s| s.can_undo()))
                            can_redo=Signal::derive(move || state.with(|s| s.can_redo()))
                            limits=editor_limits.clone()
                            textarea
                            actions
                        />
                        <ReviewPanel
                            segment
                            locked
                            on_edit=Callback::new(apply)
                        />
                    </div>
                </div>
            </Show>
        </div>
    }
    .into_any()
}

/// The save state, as words and a data attribute for styles and tests.
#[component]
fn SaveIndicator(state: Signal<SaveState>) -> impl IntoView {
    let t = t();
    let text = move || match state.get() {
        SaveState::Saved => t.saved.to_owned(),
        SaveState::Pending => t.unsaved.to_owned(),
        SaveState::Saving => t.saving.to_owned(),
        SaveState::Failed(reason) => (t.save_failed)(&reason),
        SaveState::Conflict => t.conflict.to_owned(),
    };
    let conflict = move || state.get() == SaveState::Conflict;
    view! {
        <span class="save-state" role="status">
            {text}
            <Show when=conflict>
                " "
                <a href="" rel="external">{t.reload}</a>
            </Show>
        </span>
    }
}

/// Keeps the selection on an existing segment after undo or redo.
fn fix_selection(state: RwSignal<EditorState>, selected: RwSignal<Option<SegmentId>>) {
    let exists = selected
        .get_untracked()
        .is_some_and(|id| state.with_untracked(|s| s.segment(id).is_some()));
    if !exists {
        selected.set(state.with_untracked(|s| s.neighbour(None, 0)));
    }
}

/// The speakers of `segments` that a speech tag contradicts (none without a valid cast).
fn find_contradictions(
    text: &str,
    segments: &[Segment],
    cast: Option<&Cast>,
    language: Language,
) -> Vec<Contradiction> {
    cast.map(|cast| contradictions(text, segments, cast, language))
        .unwrap_or_default()
}

/// The names that speech tags of `text` give to speakers the cast lacks, most evident first.
fn tagged_strangers(text: &str, cast: Option<&Cast>, language: Language) -> Vec<String> {
    let Some(cast) = cast else {
        return Vec::new();
    };
    missing_from_cast(propose_cast(text, language), cast)
        .into_iter()
        .filter(|p| p.speech_tags > 0)
        .map(|p| p.name)
        .take(MISSING_LISTED)
        .collect()
}

/// How many missing speakers the notice names.
const MISSING_LISTED: usize = 5;

/// The ids of the plan's segments, in order.
fn rows_of(state: RwSignal<EditorState>) -> Vec<SegmentId> {
    state.with_untracked(|s| s.segments().iter().map(|s| s.id).collect())
}

/// The ids from `from` to `to` (either order, both included); just `to` when `from` is unknown.
fn rows_between(ids: Vec<SegmentId>, from: Option<SegmentId>, to: SegmentId) -> Vec<SegmentId> {
    let at = |id| ids.iter().position(|&x| x == id);
    match (from.and_then(at), at(to)) {
        (Some(a), Some(b)) => ids[a.min(b)..=a.max(b)].to_vec(),
        _ => vec![to],
    }
}

/// Up/Down select, Enter edits, Esc cancels, Ctrl+Enter saves, Ctrl+Z undoes, Ctrl+Shift+Z redoes;
/// Alt+S splits at the text cursor, Alt+P / Alt+N merge with the previous / next, Delete deletes.
/// Space marks the selected row for a group action, Shift+Up/Down marks while moving, Esc clears
/// the marks; R marks reviewed (the marked rows, else the selected one, moving on).
fn install_keyboard(
    state: RwSignal<EditorState>,
    selected: RwSignal<Option<SegmentId>>,
    editing: RwSignal<bool>,
    locked: Signal<bool>,
    actions: EditorActions,
    marked: RwSignal<BTreeSet<SegmentId>>,
    review: Callback<()>,
) {
    let handle = window_event_listener(ev::keydown, move |ev| {
        let ctrl = ev.ctrl_key() || ev.meta_key();
        let key = ev.key();
        if editing.get_untracked() {
            match key.as_str() {
                "Escape" => actions.cancel.run(()),
                "Enter" if ctrl => actions.save.run(()),
                _ => return,
            }
            ev.prevent_default();
            return;
        }
        if locked.get_untracked() {
            return;
        }
        if ev.alt_key() && !ctrl {
            match key.to_lowercase().as_str() {
                "s" => actions.split.run(()),
                "p" => actions.merge_previous.run(()),
                "n" => actions.merge_next.run(()),
                _ => return,
            }
            ev.prevent_default();
            return;
        }
        if keeps_native_meaning(&ev) {
            return;
        }
        match (key.as_str(), ctrl, ev.shift_key()) {
            ("ArrowDown", false, shift) | ("ArrowUp", false, shift) => {
                let step = if key == "ArrowDown" { 1 } else { -1 };
                let here = selected.get_untracked();
                let next = state.with_untracked(|s| s.neighbour(here, step));
                if shift {
                    marked.update(|m| m.extend(here.into_iter().chain(next)));
                }
                selected.set(next);
            }
            (" ", false, false) => {
                if let Some(id) = selected.get_untracked() {
                    marked.update(|m| {
                        if !m.remove(&id) {
                            m.insert(id);
                        }
                    });
                }
            }
            ("Escape", false, false) => marked.set(BTreeSet::new()),
            ("r" | "R", false, false) => review.run(()),
            ("Enter", false, _) => actions.edit.run(()),
            ("Delete", false, false) => actions.delete.run(()),
            ("z" | "Z", true, false) => actions.undo.run(()),
            ("z" | "Z", true, true) | ("y", true, false) => actions.redo.run(()),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || handle.remove());
}

/// Keys typed into a form field keep their usual meaning (arrows move the text cursor), and so
/// does Enter on a focused button or link (it activates it).
fn keeps_native_meaning(ev: &ev::KeyboardEvent) -> bool {
    use leptos::wasm_bindgen::JsCast;
    let tag = ev
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok())
        .map(|el| el.tag_name())
        .unwrap_or_default();
    match tag.as_str() {
        "TEXTAREA" | "INPUT" | "SELECT" => true,
        "BUTTON" | "A" => ev.key() == "Enter" || ev.key() == " ",
        _ => false,
    }
}

/// Saves at once when the tab is hidden, so switching away never strands an edit.
fn install_flush_on_hide(save_due: RwSignal<u64>, save_state: RwSignal<SaveState>) {
    let handle = window_event_listener_untyped("visibilitychange", move |_| {
        let hidden = document().visibility_state() == web_sys::VisibilityState::Hidden;
        if hidden && save_state.get_untracked() == SaveState::Pending {
            save_due.update(|n| *n += 1);
        }
    });
    on_cleanup(move || handle.remove());
}
