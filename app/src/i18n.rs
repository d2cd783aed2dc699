//! The UI's two languages. Every string the page shows is a field of [`Texts`], so a string
//! missing from one language is a compile error, not an English word in a Spanish page.
//!
//! The locale is chosen on the server from the `lang` cookie, else the browser's
//! `Accept-Language`; it is written into `<html lang>`, which the browser reads when hydrating,
//! so both render the same words. [`LanguageSwitch`] changes it and remembers it in the cookie.

mod errors;
mod errors_en;
mod refusals;

pub use refusals::worded;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use shared::{
    plan::review::FlagStatus,
    pronunciation::{EntryError, EspeakError, IpaError, Status},
    signoff::Blocker,
    Delimiter, SegmentError,
};

use crate::{
    error::{AppError, Busy, ImportError, Refusal},
    model::{ChapterStatus, JobFailure},
};

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Locale {
    /// English.
    #[default]
    En,
    /// Spanish.
    Es,
}

impl Locale {
    /// The BCP 47 code.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
        }
    }

    /// The locale of a code such as `es-MX`, if supported.
    pub fn from_code(code: &str) -> Option<Self> {
        match code
            .trim()
            .split(['-', '_'])
            .next()?
            .to_ascii_lowercase()
            .as_str()
        {
            "en" => Some(Locale::En),
            "es" => Some(Locale::Es),
            _ => None,
        }
    }

    /// The first supported language of an `Accept-Language` header (weights are in order in
    /// practice; `q` values are ignored).
    pub fn from_accept_language(header: &str) -> Option<Self> {
        header
            .split(',')
            .filter_map(|part| part.split(';').next())
            .find_map(Self::from_code)
    }

    /// The locale named by a `Cookie` header's `lang` entry.
    pub fn from_cookie(header: &str) -> Option<Self> {
        header
            .split(';')
            .filter_map(|pair| pair.trim().strip_prefix("lang="))
            .find_map(Self::from_code)
    }

    /// The locale of a request: its `lang` cookie, else its `Accept-Language`, else English.
    #[cfg(feature = "ssr")]
    pub fn from_headers(headers: &http::HeaderMap) -> Self {
        let header = |name| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
        };
        Self::from_cookie(header(http::header::COOKIE))
            .or_else(|| Self::from_accept_language(header(http::header::ACCEPT_LANGUAGE)))
            .unwrap_or_default()
    }

    /// This language's strings.
    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::En => &EN,
            Locale::Es => &ES,
        }
    }
}

/// Every string of the UI, in one language.
#[allow(missing_docs)]
pub struct Texts {
    pub app_title: &'static str,
    pub error: fn(&AppError) -> String,
    pub segment_error: fn(&SegmentError) -> String,
    pub map_error: fn(&shared::pronunciation::MapError) -> String,
    pub pls_error: fn(&shared::pronunciation::pls::PlsError) -> String,
    pub plan_file_error: fn(&shared::plan::file::PlanFileError) -> String,
    pub refusal: fn(&Refusal) -> String,
    pub busy: fn(&Busy) -> String,
    pub import_error: fn(&ImportError) -> String,
    pub job_failure: fn(&JobFailure) -> String,
    pub language: &'static str,
    pub book_language: &'static str,
    // Home and projects.
    pub projects: &'static str,
    pub loading_projects: &'static str,
    pub new_project: &'static str,
    pub book_title: &'static str,
    pub create_project: &'static str,
    pub project_detail: fn(&str, i64) -> String,
    pub back_to_projects: &'static str,
    pub back_to_project: &'static str,
    pub loading_project: &'static str,
    pub chapters: &'static str,
    pub planning_complete: &'static str,
    pub chapters_complete: fn(usize, usize) -> String,
    pub loading_chapters: &'static str,
    pub language_of: fn(&str) -> String,
    pub cast_link: fn(usize) -> String,
    pub name: &'static str,
    pub rename: &'static str,
    pub delete_project: &'static str,
    pub confirm_delete_project: fn(&str) -> String,
    pub page_not_found: &'static str,
    pub status: fn(ChapterStatus) -> &'static str,
    // Import.
    pub import_heading: &'static str,
    pub manuscript_file: &'static str,
    pub chapters_found: &'static str,
    pub include: &'static str,
    pub title: &'static str,
    pub kind: &'static str,
    pub words: &'static str,
    pub kind_body: &'static str,
    pub kind_front: &'static str,
    pub kind_back: &'static str,
    pub include_named: fn(&str) -> String,
    pub title_of: fn(&str) -> String,
    pub add_chapters: fn(usize) -> String,
    // Cast.
    pub cast: &'static str,
    pub loading_cast: &'static str,
    pub cast_intro: &'static str,
    pub new_character: &'static str,
    pub add_character: &'static str,
    pub proposals: &'static str,
    pub proposals_intro: &'static str,
    pub find_characters: &'static str,
    pub finding_characters: &'static str,
    pub no_proposals: &'static str,
    pub add: &'static str,
    pub found_in_text: &'static str,
    pub merge_into: &'static str,
    pub new_character_option: &'static str,
    pub add_proposed: &'static str,
    pub mentions_and_tags: fn(usize, usize) -> String,
    pub proposals_added: fn(usize) -> String,
    pub save_cast: &'static str,
    pub cast_saved: &'static str,
    pub cast_conflict: &'static str,
    pub character_needs_name: &'static str,
    pub share_voice: fn(&str, &str) -> String,
    pub aliases: &'static str,
    pub aliases_hint: &'static str,
    pub gender: &'static str,
    pub genders: [&'static str; 4],
    pub age: &'static str,
    pub ages: [&'static str; 5],
    pub engine: &'static str,
    pub voice: &'static str,
    pub style: &'static str,
    pub style_degree: &'static str,
    pub rate: &'static str,
    pub pitch: &'static str,
    pub narrates: &'static str,
    pub notes: &'static str,
    pub remove: &'static str,
    pub review: &'static str,
    pub flag_kinds: [&'static str; 5],
    pub flag_note: &'static str,
    pub raise_flag: &'static str,
    pub flag_status: fn(shared::plan::review::FlagStatus) -> &'static str,
    pub mark_fixed: &'static str,
    pub verify: &'static str,
    pub reopen_flag: &'static str,
    pub open_flags: fn(usize) -> String,
    pub reviewer_name: &'static str,
    pub flag_people: fn(&str, FlagStatus, &str) -> String,
    // Pronunciation map.
    pub pronunciations: &'static str,
    pub loading_pronunciations: &'static str,
    pub pronunciations_intro: &'static str,
    pub written_form: &'static str,
    pub ipa: &'static str,
    pub espeak_phonemes: &'static str,
    pub respelling: &'static str,
    pub locale: &'static str,
    pub case_sensitive: &'static str,
    pub entry_status: &'static str,
    pub status_name: fn(shared::pronunciation::Status) -> &'static str,
    pub entry_field: fn(&str, usize) -> String,
    pub remove_entry: fn(usize) -> String,
    pub add_entry: &'static str,
    pub no_entries: &'static str,
    pub only_needs_review: &'static str,
    pub save_pronunciations: &'static str,
    pub pronunciations_saved: &'static str,
    pub pronunciations_conflict: &'static str,
    pub import_pls: &'static str,
    pub export_pls: &'static str,
    pub pls_imported: fn(usize) -> String,
    pub confirm_pls_import: &'static str,
    pub grapheme_taken: fn(&str) -> String,
    pub entry_error: fn(&EntryError) -> String,
    // Chapter page.
    pub loading_plan: &'static str,
    pub generate_plan: &'static str,
    pub regenerate_plan: &'static str,
    pub confirm_regenerate: &'static str,
    pub mark_complete: &'static str,
    pub reopen: &'static str,
    pub assign_speakers: &'static str,
    pub only_doubtful: &'static str,
    pub invalid_cast: &'static str,
    pub unresolved_after_run: fn(usize) -> String,
    pub summary: fn(usize, i64) -> String,
    pub before_complete: &'static str,
    pub blocker: fn(&Blocker) -> String,
    pub delimiter_name: fn(Delimiter) -> &'static str,
    pub no_plan_yet: &'static str,
    pub saved: &'static str,
    pub unsaved: &'static str,
    pub saving: &'static str,
    pub save_failed: fn(&str) -> String,
    pub conflict: &'static str,
    pub reload: &'static str,
    pub export_plan: &'static str,
    pub import_plan: &'static str,
    pub confirm_import: &'static str,
    // Segment table.
    pub segments: &'static str,
    pub selected: &'static str,
    pub flag: &'static str,
    pub id: &'static str,
    pub delimiter: &'static str,
    pub start: &'static str,
    pub end: &'static str,
    pub length: &'static str,
    pub speaker: &'static str,
    pub confidence: &'static str,
    pub unassigned: &'static str,
    pub chosen_by_hand: &'static str,
    pub needs_revision_of: fn(u32) -> String,
    pub speaker_of: fn(u32) -> String,
    pub mark_row: fn(u32) -> String,
    pub reviewed: &'static str,
    pub tag_names: fn(&str) -> String,
    pub keep_speaker: &'static str,
    pub keep_speaker_hint: &'static str,
    pub marked_count: fn(usize) -> String,
    pub marked_actions: &'static str,
    pub assign_marked: &'static str,
    pub mark_reviewed: &'static str,
    pub mark_unreviewed: &'static str,
    pub clear_marks: &'static str,
    pub reviewed_share: fn(usize, usize) -> String,
    pub missing_speakers: fn(&str) -> String,
    pub open_cast: &'static str,
    pub text_changed: &'static str,
    pub stale_segments: fn(usize) -> String,
    pub carry_over: &'static str,
    pub confirm_carry_over: fn(usize) -> String,
    pub carried_over: fn(usize, usize, &[String]) -> String,
    pub into_chapter: &'static str,
    pub as_new_chapter: &'static str,
    pub replace_chapter: fn(&str) -> String,
    pub reimport_done: fn(usize, usize, usize) -> String,
    // Segment editor.
    pub segment_heading: fn(u32, &str, usize, usize) -> String,
    pub no_segment: &'static str,
    pub segment_editor: &'static str,
    pub segment_text: &'static str,
    pub segment_actions: &'static str,
    pub stats: fn(usize, usize, f64, f64, bool) -> String,
    pub edit: &'static str,
    pub save: &'static str,
    pub cancel: &'static str,
    pub split: &'static str,
    pub merge_previous: &'static str,
    pub merge_next: &'static str,
    pub delete: &'static str,
    pub undo: &'static str,
    pub redo: &'static str,
    // LLM assignment.
    pub engine_rules: &'static str,
    pub engine_llm: fn(&str) -> String,
    pub llm_progress_label: &'static str,
    pub llm_progress: fn(usize, usize, &str) -> String,
    pub llm_stage_started: &'static str,
    pub llm_stage_requesting: &'static str,
    pub llm_stage_retrying: fn(u64, u32) -> String,
    pub llm_stage_chunk_done: &'static str,
    pub llm_stage_finished: &'static str,
    pub llm_cancel: &'static str,
    pub llm_cancelled: &'static str,
    pub llm_failed: fn(&str) -> String,
    pub llm_lost: &'static str,
    pub llm_partial: fn(usize) -> String,
}

/// English.
pub static EN: Texts = Texts {
    app_title: "Audiobook studio",
    error: refusals::app_error_en,
    segment_error: errors_en::segment_error,
    map_error: errors_en::map_error,
    pls_error: errors_en::pls_error,
    plan_file_error: errors_en::plan_file_error,
    refusal: refusals::refusal_en,
    busy: refusals::busy_en,
    import_error: refusals::import_en,
    job_failure: refusals::job_failure_en,
    language: "Language",
    book_language: "Book language",
    projects: "Projects",
    loading_projects: "Loading projects…",
    new_project: "New project",
    book_title: "Book title",
    create_project: "Create project",
    project_detail: |language, chapters| format!("{language} · {chapters} chapters"),
    back_to_projects: "← Projects",
    back_to_project: "← Project",
    loading_project: "Loading project…",
    chapters: "Chapters",
    planning_complete: "Planning complete: every chapter is signed off.",
    chapters_complete: |done, all| format!("{done} of {all} chapters complete"),
    loading_chapters: "Loading chapters…",
    language_of: |code| format!("Language: {code}"),
    cast_link: |n| format!("Cast ({n} voices)"),
    name: "Name",
    rename: "Rename",
    delete_project: "Delete project",
    confirm_delete_project: |name| {
        format!("Delete \"{name}\" with all its chapters and plans? This cannot be undone.")
    },
    page_not_found: "Page not found",
    status: |status| match status {
        ChapterStatus::NoText => "no text",
        ChapterStatus::TextOnly => "text only",
        ChapterStatus::Planned => "planned",
        ChapterStatus::Complete => "complete",
    },
    import_heading: "Import a manuscript",
    manuscript_file: "Manuscript file (.txt, .md, .docx, .epub)",
    chapters_found: "Chapters found",
    include: "Include",
    title: "Title",
    kind: "Kind",
    words: "Words",
    kind_body: "chapter",
    kind_front: "front matter",
    kind_back: "back matter",
    include_named: |title| format!("Include {title}"),
    title_of: |title| format!("Title of {title}"),
    add_chapters: |n| format!("Add {n} chapters"),
    cast: "Cast",
    loading_cast: "Loading cast…",
    cast_intro: "Every segment is read by one of these voices. Names and aliases are how the text \
                 refers to a character; speaker attribution matches them.",
    new_character: "New character",
    add_character: "Add character",
    proposals: "Characters found in the text",
    proposals_intro: "Names that speak or are named near speech verbs in the chapters and that no one in the cast answers to. Tick those to keep, rename them, or merge one into an existing character as aliases; then save the cast.",
    find_characters: "Find characters in the chapters",
    finding_characters: "Reading the chapters…",
    no_proposals: "Every speaker found in the chapters is in the cast.",
    add: "Add",
    found_in_text: "Found",
    merge_into: "Add as",
    new_character_option: "New character",
    add_proposed: "Add the ticked characters",
    mentions_and_tags: |mentions, tags| format!("mentions: {mentions}, speech tags: {tags}"),
    proposals_added: |n| match n {
        1 => "1 character added or merged: save the cast to keep it.".to_owned(),
        n => format!("{n} characters added or merged: save the cast to keep them."),
    },
    save_cast: "Save cast",
    cast_saved: "Cast saved",
    cast_conflict: "Someone else saved this cast since you opened it; reload to see their changes.",
    character_needs_name: "A character needs a name with a letter or digit.",
    share_voice: |a, b| format!("{a} and {b} share the same voice."),
    aliases: "Aliases",
    aliases_hint: "comma-separated",
    gender: "Gender",
    genders: ["unknown", "female", "male", "other"],
    age: "Age",
    ages: ["unknown", "child", "teen", "adult", "senior"],
    engine: "Engine",
    voice: "Voice",
    style: "Style",
    style_degree: "Style degree",
    rate: "Rate %",
    pitch: "Pitch %",
    narrates: "Tells the story in the first person (their \"I\" lines are theirs)",
    notes: "Notes",
    remove: "Remove",
    review: "Review",
    flag_kinds: [
        "misread",
        "mispronunciation",
        "wrong voice",
        "pacing",
        "other",
    ],
    flag_note: "Note",
    raise_flag: "Flag for revision",
    flag_status: |status| match status {
        shared::plan::review::FlagStatus::Open => "open",
        shared::plan::review::FlagStatus::Fixed => "fixed, to verify",
        shared::plan::review::FlagStatus::Verified => "verified",
    },
    mark_fixed: "Mark fixed",
    verify: "Verify",
    reopen_flag: "Reopen flag",
    open_flags: |n| format!("Open flags: {n}"),
    reviewer_name: "Reviewer",
    flag_people: |raised, status, updated| {
        let who = |name: &str| if name.is_empty() { "someone".to_owned() } else { name.to_owned() };
        let mut text = format!("Raised by {}", who(raised));
        if status != FlagStatus::Open || updated != raised {
            let verb = match status {
                FlagStatus::Open => "reopened",
                FlagStatus::Fixed => "fixed",
                FlagStatus::Verified => "verified",
            };
            text.push_str(&format!("; {verb} by {}", who(updated)));
        }
        text
    },
    // Pronunciation map.
    pronunciations: "Pronunciations",
    loading_pronunciations: "Loading pronunciations…",
    pronunciations_intro: "How the voices say names and rare words: IPA for every entry, and if \
        needed espeak-ng phonemes and a respelling. Import and export PLS 1.0 lexicons.",
    written_form: "Written form",
    ipa: "IPA",
    espeak_phonemes: "espeak-ng phonemes",
    respelling: "Respelling",
    locale: "Locale",
    case_sensitive: "Case-sensitive",
    entry_status: "Status",
    status_name: |status| match status {
        Status::NeedsReview => "Needs review",
        Status::Approved => "Approved",
    },
    entry_field: |field, n| format!("{field} of entry {n}"),
    remove_entry: |n| format!("Remove entry {n}"),
    add_entry: "Add entry",
    no_entries: "No entries yet.",
    only_needs_review: "Only entries that need review",
    save_pronunciations: "Save pronunciations",
    pronunciations_saved: "Pronunciations saved",
    pronunciations_conflict:
        "Someone else changed these pronunciations; reload the page to see them.",
    import_pls: "Import PLS file",
    export_pls: "Export PLS",
    pls_imported: |n| format!("PLS file imported: the map has {n} entries"),
    confirm_pls_import:
        "Importing merges the file into the saved map; your unsaved changes will be lost. Import?",
    grapheme_taken: |grapheme| format!("“{grapheme}” is already in the map for this locale"),
    entry_error: |error| match error {
        EntryError::Ipa(IpaError::NotIpa {
            symbol, position, ..
        }) => {
            format!("“{symbol}” at character {position} is not an IPA symbol")
        }
        EntryError::Ipa(IpaError::LoneDiacritic { position, .. }) => {
            format!("The diacritic at character {position} has no symbol before it")
        }
        // The messages are sentences for a longer message; only the first letter changes.
        other => {
            let mut message = errors_en::entry_error(other);
            if let Some(first) = message.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            message
        }
    },
    loading_plan: "Loading plan…",
    generate_plan: "Generate plan",
    regenerate_plan: "Regenerate plan",
    confirm_regenerate: "Generate a new plan? Your edits to this chapter's plan will be replaced.",
    mark_complete: "Mark chapter complete",
    reopen: "Reopen chapter",
    assign_speakers: "Assign speakers",
    only_doubtful: "Only unassigned or doubtful",
    invalid_cast: "The cast is not valid; fix it on the cast page first.",
    unresolved_after_run: |n| {
        format!("{n} segments could not be attributed with confidence: pick their speaker.")
    },
    summary: |n, version| format!("{n} segments · version {version}"),
    before_complete: "Before this chapter can be marked complete:",
    blocker: errors_en::blocker,
    delimiter_name: |delimiter| delimiter.as_str(),
    no_plan_yet: "No plan yet: generate one to cut this chapter into segments.",
    saved: "All changes saved",
    unsaved: "Unsaved changes",
    saving: "Saving…",
    save_failed: |reason| format!("Save failed, retrying: {reason}"),
    conflict: "Someone else changed this chapter",
    reload: "Reload",
    export_plan: "Export plan",
    import_plan: "Import plan file",
    confirm_import: "Replace this chapter's plan with the file? Unsaved edits will be lost.",
    segments: "Segments",
    selected: "Selected",
    flag: "Flag",
    id: "Id",
    delimiter: "Delimiter",
    start: "Start",
    end: "End",
    length: "Length",
    speaker: "Speaker",
    confidence: "Confidence",
    unassigned: "— unassigned",
    chosen_by_hand: "chosen by hand",
    needs_revision_of: |id| format!("Needs revision: segment {id}"),
    speaker_of: |id| format!("Speaker of segment {id}"),
    mark_row: |id| format!("Select segment {id} for a group action"),
    reviewed: "Reviewed",
    tag_names: |name| format!("A speech tag next to this line names {name}"),
    keep_speaker: "Keep",
    keep_speaker_hint: "Keep this speaker: confirms it by hand, so it no longer blocks sign-off",
    marked_count: |n| match n {
        1 => "1 segment selected".to_owned(),
        n => format!("{n} segments selected"),
    },
    marked_actions: "Selected segments",
    assign_marked: "Set speaker",
    mark_reviewed: "Mark reviewed",
    mark_unreviewed: "Mark not reviewed",
    clear_marks: "Clear selection",
    reviewed_share: |done, total| {
        let percent = (done * 100).checked_div(total).unwrap_or(0);
        format!("Reviewed {percent} % ({done} of {total})")
    },
    missing_speakers: |names| format!("Speech tags name people who are not in the cast: {names}."),
    open_cast: "Add them to the cast",
    text_changed: "The chapter's text changed since this plan was made (a re-import).",
    stale_segments: |n| match n {
        1 => "1 segment no longer matches it. Carry the plan over to the new text to go on editing: \
              what still matches keeps its speaker, edits and flags."
            .to_owned(),
        n => format!(
            "{n} segments no longer match it. Carry the plan over to the new text to go on \
             editing: what still matches keeps its speaker, edits and flags."
        ),
    },
    carry_over: "Carry the plan over",
    confirm_carry_over: |dropped| match dropped {
        0 => "Every segment is still in the new text. Carry the plan over?".to_owned(),
        n => format!("{n} segments are no longer in the new text and will be dropped (they are listed afterwards). Carry the plan over?"),
    },
    carried_over: |kept, added, dropped| {
        let mut text = format!("Kept {kept} segments; {added} new ones cover new text.");
        if !dropped.is_empty() {
            text.push_str(&format!(" No longer in the text: {}.", dropped.join("; ")));
        }
        text
    },
    into_chapter: "Into",
    as_new_chapter: "A new chapter",
    replace_chapter: |title| format!("Replace the text of “{title}”"),
    reimport_done: |added, replaced, stale| {
        format!("{added} chapters added, {replaced} replaced; {stale} plans need carrying over to their new text.")
    },
    segment_heading: |id, delimiter, start, end| {
        format!("Segment {id} · {delimiter} · {start}–{end}")
    },
    no_segment: "No segment selected",
    segment_editor: "Segment editor",
    segment_text: "Segment text",
    segment_actions: "Segment actions",
    stats: |words, chars, kb, seconds, fits| {
        let over = if fits {
            ""
        } else {
            " · over the engine limit"
        };
        let words = match words {
            1 => "1 word".to_owned(),
            n => format!("{n} words"),
        };
        let chars = match chars {
            1 => "1 character".to_owned(),
            n => format!("{n} characters"),
        };
        format!("{words} · {chars} · {kb:.1} KB · ~{seconds:.0} s{over}")
    },
    edit: "Edit",
    save: "Save",
    cancel: "Cancel",
    split: "Split at cursor",
    merge_previous: "Merge with previous",
    merge_next: "Merge with next",
    delete: "Delete",
    undo: "Undo",
    redo: "Redo",
    // LLM assignment.
    engine_rules: "Speakers by the offline rules",
    engine_llm: |model| format!("Speakers by the language model ({model})"),
    llm_progress_label: "Speaker assignment progress",
    llm_progress: |current, total, stage| format!("chunk {current} of {total} · {stage}"),
    llm_stage_started: "preparing the chapter",
    llm_stage_requesting: "waiting for the model",
    llm_stage_retrying: |seconds, attempt| {
        format!("the service asked to wait; retrying in {seconds} s (attempt {attempt})")
    },
    llm_stage_chunk_done: "answer received",
    llm_stage_finished: "finishing",
    llm_cancel: "Cancel assignment",
    llm_cancelled: "Speaker assignment cancelled; nothing was changed",
    llm_failed: |reason| format!("Speaker assignment failed: {reason}"),
    llm_lost: "the connection to the server was lost",
    llm_partial: |n| {
        if n == 1 {
            "The model's answer for 1 part of the chapter could not be used; its lines stay unassigned".to_owned()
        } else {
            format!("The model's answers for {n} parts of the chapter could not be used; their lines stay unassigned")
        }
    },
};

/// Spanish.
pub static ES: Texts = Texts {
    app_title: "Estudio de audiolibros",
    error: refusals::app_error_es,
    segment_error: errors::segment_error,
    map_error: errors::map_error,
    pls_error: errors::pls_error,
    plan_file_error: errors::plan_file_error,
    refusal: refusals::refusal_es,
    busy: refusals::busy_es,
    import_error: refusals::import_es,
    job_failure: refusals::job_failure_es,
    language: "Idioma",
    book_language: "Idioma del libro",
    projects: "Proyectos",
    loading_projects: "Cargando proyectos…",
    new_project: "Nuevo proyecto",
    book_title: "Título del libro",
    create_project: "Crear proyecto",
    project_detail: |language, chapters| format!("{language} · {chapters} capítulos"),
    back_to_projects: "← Proyectos",
    back_to_project: "← Proyecto",
    loading_project: "Cargando proyecto…",
    chapters: "Capítulos",
    planning_complete: "Planificación terminada: todos los capítulos están cerrados.",
    chapters_complete: |done, all| format!("{done} de {all} capítulos terminados"),
    loading_chapters: "Cargando capítulos…",
    language_of: |code| format!("Idioma: {code}"),
    cast_link: |n| format!("Reparto ({n} voces)"),
    name: "Nombre",
    rename: "Renombrar",
    delete_project: "Eliminar proyecto",
    confirm_delete_project: |name| {
        format!("¿Eliminar «{name}» con todos sus capítulos y planes? No se puede deshacer.")
    },
    page_not_found: "Página no encontrada",
    status: |status| match status {
        ChapterStatus::NoText => "sin texto",
        ChapterStatus::TextOnly => "solo texto",
        ChapterStatus::Planned => "planificado",
        ChapterStatus::Complete => "terminado",
    },
    import_heading: "Importar un manuscrito",
    manuscript_file: "Archivo del manuscrito (.txt, .md, .docx, .epub)",
    chapters_found: "Capítulos encontrados",
    include: "Incluir",
    title: "Título",
    kind: "Tipo",
    words: "Palabras",
    kind_body: "capítulo",
    kind_front: "preliminares",
    kind_back: "apéndices",
    include_named: |title| format!("Incluir {title}"),
    title_of: |title| format!("Título de {title}"),
    add_chapters: |n| format!("Añadir {n} capítulos"),
    cast: "Reparto",
    loading_cast: "Cargando reparto…",
    cast_intro: "Cada segmento lo lee una de estas voces. Los nombres y alias son cómo el texto \
                 se refiere a un personaje; la atribución de hablantes los busca.",
    new_character: "Nuevo personaje",
    add_character: "Añadir personaje",
    proposals: "Personajes hallados en el texto",
    proposals_intro: "Nombres que hablan o aparecen junto a verbos de habla en los capítulos y que nadie del reparto lleva. Marca los que quieras, renómbralos o fusiona uno con un personaje existente como alias; después guarda el reparto.",
    find_characters: "Buscar personajes en los capítulos",
    finding_characters: "Leyendo los capítulos…",
    no_proposals: "Todos los hablantes hallados en los capítulos están en el reparto.",
    add: "Añadir",
    found_in_text: "Hallado",
    merge_into: "Añadir como",
    new_character_option: "Personaje nuevo",
    add_proposed: "Añadir los personajes marcados",
    mentions_and_tags: |mentions, tags| format!("menciones: {mentions}, acotaciones: {tags}"),
    proposals_added: |n| match n {
        1 => "1 personaje añadido o fusionado: guarda el reparto para conservarlo.".to_owned(),
        n => format!("{n} personajes añadidos o fusionados: guarda el reparto para conservarlos."),
    },
    save_cast: "Guardar reparto",
    cast_saved: "Reparto guardado",
    cast_conflict:
        "Otra persona guardó este reparto después de que lo abrieras; recarga para ver sus cambios.",
    character_needs_name: "Un personaje necesita un nombre con alguna letra o cifra.",
    share_voice: |a, b| format!("{a} y {b} comparten la misma voz."),
    aliases: "Alias",
    aliases_hint: "separados por comas",
    gender: "Género",
    genders: ["desconocido", "femenino", "masculino", "otro"],
    age: "Edad",
    ages: ["desconocida", "niño", "adolescente", "adulto", "mayor"],
    engine: "Motor",
    voice: "Voz",
    style: "Estilo",
    style_degree: "Intensidad del estilo",
    rate: "Velocidad %",
    pitch: "Tono %",
    narrates: "Narra en primera persona (sus frases con «yo» son suyas)",
    notes: "Notas",
    remove: "Quitar",
    review: "Revisión",
    flag_kinds: [
        "mala lectura",
        "mala pronunciación",
        "voz equivocada",
        "ritmo",
        "otro",
    ],
    flag_note: "Nota",
    raise_flag: "Marcar para revisión",
    flag_status: |status| match status {
        shared::plan::review::FlagStatus::Open => "abierta",
        shared::plan::review::FlagStatus::Fixed => "corregida, por verificar",
        shared::plan::review::FlagStatus::Verified => "verificada",
    },
    mark_fixed: "Marcar corregida",
    verify: "Verificar",
    reopen_flag: "Reabrir marca",
    open_flags: |n| format!("Marcas abiertas: {n}"),
    reviewer_name: "Revisor",
    flag_people: |raised, status, updated| {
        let who = |name: &str| if name.is_empty() { "alguien".to_owned() } else { name.to_owned() };
        let mut text = format!("Abierta por {}", who(raised));
        if status != FlagStatus::Open || updated != raised {
            let verb = match status {
                FlagStatus::Open => "reabierta",
                FlagStatus::Fixed => "corregida",
                FlagStatus::Verified => "verificada",
            };
            text.push_str(&format!("; {verb} por {}", who(updated)));
        }
        text
    },
    // Pronunciation map.
    pronunciations: "Pronunciaciones",
    loading_pronunciations: "Cargando pronunciaciones…",
    pronunciations_intro: "Cómo dicen las voces los nombres y las palabras raras: AFI en cada \
        entrada y, si hace falta, fonemas de espeak-ng y una pronunciación figurada. Importa y \
        exporta léxicos PLS 1.0.",
    written_form: "Forma escrita",
    ipa: "AFI",
    espeak_phonemes: "Fonemas de espeak-ng",
    respelling: "Pronunciación figurada",
    locale: "Variante regional",
    case_sensitive: "Distingue mayúsculas",
    entry_status: "Estado",
    status_name: |status| match status {
        Status::NeedsReview => "Por revisar",
        Status::Approved => "Aprobada",
    },
    entry_field: |field, n| format!("{field} de la entrada {n}"),
    remove_entry: |n| format!("Quitar la entrada {n}"),
    add_entry: "Añadir entrada",
    no_entries: "Aún no hay entradas.",
    only_needs_review: "Solo las entradas por revisar",
    save_pronunciations: "Guardar pronunciaciones",
    pronunciations_saved: "Pronunciaciones guardadas",
    pronunciations_conflict: "Otra persona cambió estas pronunciaciones; recarga la página para verlas.",
    import_pls: "Importar archivo PLS",
    export_pls: "Exportar PLS",
    pls_imported: |n| format!("Archivo PLS importado: el mapa tiene {n} entradas"),
    confirm_pls_import: "Importar fusiona el archivo con el mapa guardado; perderás los cambios sin guardar. ¿Importar?",
    grapheme_taken: |grapheme| format!("«{grapheme}» ya está en el mapa para esta variante"),
    entry_error: |error| match error {
        EntryError::EmptyGrapheme => "La forma escrita está vacía".to_owned(),
        EntryError::Ipa(IpaError::Empty) => "El AFI está vacío".to_owned(),
        EntryError::Ipa(IpaError::NotIpa { symbol, position, .. }) => {
            format!("«{symbol}» en el carácter {position} no es un símbolo del AFI")
        }
        EntryError::Ipa(IpaError::LoneDiacritic { position, .. }) => {
            format!("El diacrítico del carácter {position} no tiene símbolo delante")
        }
        EntryError::Ipa(IpaError::TooLong { max, .. }) => {
            format!("El AFI tiene más de {max} caracteres")
        }
        EntryError::TooLong { max, .. } => format!("Un campo tiene más de {max} caracteres"),
        EntryError::ControlCharacter { .. } => "Un campo contiene un carácter de control".to_owned(),
        EntryError::Espeak(EspeakError::Brackets) => {
            "Los fonemas de espeak-ng no pueden contener «[[» ni «]]»".to_owned()
        }
        EntryError::Espeak(_) => {
            "Los fonemas de espeak-ng solo admiten ASCII imprimible (200 como máximo)".to_owned()
        }
        EntryError::Locale { locale } => {
            format!("«{locale}» no es una variante como es, es-ES o en-GB")
        }
    },
    loading_plan: "Cargando plan…",
    generate_plan: "Generar plan",
    regenerate_plan: "Regenerar plan",
    confirm_regenerate:
        "¿Generar un plan nuevo? Se perderán tus cambios en el plan de este capítulo.",
    mark_complete: "Marcar capítulo como terminado",
    reopen: "Reabrir capítulo",
    assign_speakers: "Asignar hablantes",
    only_doubtful: "Solo sin asignar o dudosos",
    invalid_cast: "El reparto no es válido; corrígelo primero en la página del reparto.",
    unresolved_after_run: |n| {
        format!("{n} segmentos no se pudieron atribuir con seguridad: elige su hablante.")
    },
    summary: |n, version| format!("{n} segmentos · versión {version}"),
    before_complete: "Antes de marcar este capítulo como terminado:",
    blocker: |blocker| match blocker {
        Blocker::NoPlan => "el capítulo no tiene plan".to_owned(),
        Blocker::NoSpeaker { count: 1, first } => format!("el segmento {first} no tiene hablante"),
        Blocker::NoSpeaker { count, first } => {
            format!("{count} segmentos no tienen hablante (el primero: {first})")
        }
        Blocker::Stale { count, first } => format!(
            "el texto del capítulo cambió: {count} segmentos ya no coinciden con él (el primero: {first}); \
             traslada el plan al texto nuevo"
        ),
        Blocker::Contradicted { count: 1, first } => {
            format!("una acotación contradice el hablante del segmento {first}")
        }
        Blocker::Contradicted { count, first } => {
            format!("las acotaciones contradicen el hablante de {count} segmentos (el primero: {first})")
        }
        Blocker::Flagged { count: 1, first } => {
            format!("el segmento {first} está marcado para revisión")
        }
        Blocker::Flagged { count, first } => {
            format!("{count} segmentos están marcados para revisión (el primero: {first})")
        }
    },
    delimiter_name: |delimiter| match delimiter {
        Delimiter::Paragraph => "párrafo",
        Delimiter::Sentence => "oración",
        Delimiter::Word => "palabra",
        Delimiter::Manual => "manual",
        Delimiter::Dialogue => "diálogo",
    },
    no_plan_yet: "Aún no hay plan: genera uno para dividir este capítulo en segmentos.",
    saved: "Todos los cambios guardados",
    unsaved: "Cambios sin guardar",
    saving: "Guardando…",
    save_failed: |reason| format!("No se pudo guardar, reintentando: {reason}"),
    conflict: "Otra persona cambió este capítulo",
    reload: "Recargar",
    export_plan: "Exportar plan",
    import_plan: "Importar archivo de plan",
    confirm_import: "¿Sustituir el plan de este capítulo por el del archivo? Se perderán los cambios sin guardar.",
    segments: "Segmentos",
    selected: "Seleccionado",
    flag: "Marca",
    id: "Id",
    delimiter: "Corte",
    start: "Inicio",
    end: "Fin",
    length: "Longitud",
    speaker: "Hablante",
    confidence: "Confianza",
    unassigned: "— sin asignar",
    chosen_by_hand: "elegido a mano",
    needs_revision_of: |id| format!("Revisar: segmento {id}"),
    speaker_of: |id| format!("Hablante del segmento {id}"),
    mark_row: |id| format!("Seleccionar el segmento {id} para una acción en grupo"),
    reviewed: "Revisado",
    tag_names: |name| format!("Una acotación junto a esta línea nombra a {name}"),
    keep_speaker: "Mantener",
    keep_speaker_hint: "Mantener este hablante: lo confirma a mano y deja de impedir el cierre",
    marked_count: |n| match n {
        1 => "1 segmento seleccionado".to_owned(),
        n => format!("{n} segmentos seleccionados"),
    },
    marked_actions: "Segmentos seleccionados",
    assign_marked: "Asignar hablante",
    mark_reviewed: "Marcar revisado",
    mark_unreviewed: "Marcar no revisado",
    clear_marks: "Quitar la selección",
    reviewed_share: |done, total| {
        let percent = (done * 100).checked_div(total).unwrap_or(0);
        format!("Revisado {percent} % ({done} de {total})")
    },
    missing_speakers: |names| format!("Las acotaciones nombran a personas que no están en el reparto: {names}."),
    open_cast: "Añadirlas al reparto",
    text_changed: "El texto del capítulo cambió desde que se hizo este plan (una reimportación).",
    stale_segments: |n| match n {
        1 => "1 segmento ya no coincide con él. Traslada el plan al texto nuevo para seguir \
              editando: lo que aún coincide conserva su hablante, ediciones y marcas."
            .to_owned(),
        n => format!(
            "{n} segmentos ya no coinciden con él. Traslada el plan al texto nuevo para seguir \
             editando: lo que aún coincide conserva su hablante, ediciones y marcas."
        ),
    },
    carry_over: "Trasladar el plan",
    confirm_carry_over: |dropped| match dropped {
        0 => "Todos los segmentos siguen en el texto nuevo. ¿Trasladar el plan?".to_owned(),
        n => format!("{n} segmentos ya no están en el texto nuevo y se quitarán (se listan después). ¿Trasladar el plan?"),
    },
    carried_over: |kept, added, dropped| {
        let mut text = format!("Se conservan {kept} segmentos; {added} nuevos cubren el texto nuevo.");
        if !dropped.is_empty() {
            text.push_str(&format!(" Ya no están en el texto: {}.", dropped.join("; ")));
        }
        text
    },
    into_chapter: "Destino",
    as_new_chapter: "Un capítulo nuevo",
    replace_chapter: |title| format!("Sustituir el texto de «{title}»"),
    reimport_done: |added, replaced, stale| {
        format!("{added} capítulos añadidos, {replaced} sustituidos; {stale} planes deben trasladarse a su texto nuevo.")
    },
    segment_heading: |id, delimiter, start, end| {
        format!("Segmento {id} · {delimiter} · {start}–{end}")
    },
    no_segment: "Ningún segmento seleccionado",
    segment_editor: "Editor de segmentos",
    segment_text: "Texto del segmento",
    segment_actions: "Acciones del segmento",
    stats: |words, chars, kb, seconds, fits| {
        let over = if fits {
            ""
        } else {
            " · supera el límite del motor"
        };
        let words = match words {
            1 => "1 palabra".to_owned(),
            n => format!("{n} palabras"),
        };
        let chars = match chars {
            1 => "1 carácter".to_owned(),
            n => format!("{n} caracteres"),
        };
        format!("{words} · {chars} · {kb:.1} KB · ~{seconds:.0} s{over}")
    },
    edit: "Editar",
    save: "Guardar",
    cancel: "Cancelar",
    split: "Dividir en el cursor",
    merge_previous: "Unir con el anterior",
    merge_next: "Unir con el siguiente",
    delete: "Eliminar",
    undo: "Deshacer",
    redo: "Rehacer",
    // LLM assignment.
    engine_rules: "Hablantes por las reglas sin conexión",
    engine_llm: |model| format!("Hablantes por el modelo de lenguaje ({model})"),
    llm_progress_label: "Progreso de la asignación de hablantes",
    llm_progress: |current, total, stage| format!("fragmento {current} de {total} · {stage}"),
    llm_stage_started: "preparando el capítulo",
    llm_stage_requesting: "esperando al modelo",
    llm_stage_retrying: |seconds, attempt| {
        format!("el servicio pidió esperar; se reintenta en {seconds} s (intento {attempt})")
    },
    llm_stage_chunk_done: "respuesta recibida",
    llm_stage_finished: "terminando",
    llm_cancel: "Cancelar asignación",
    llm_cancelled: "Asignación de hablantes cancelada; no se cambió nada",
    llm_failed: |reason| format!("La asignación de hablantes falló: {reason}"),
    llm_lost: "se perdió la conexión con el servidor",
    llm_partial: |n| {
        if n == 1 {
            "No se pudo usar la respuesta del modelo para 1 parte del capítulo; sus líneas quedan sin asignar".to_owned()
        } else {
            format!("No se pudieron usar las respuestas del modelo para {n} partes del capítulo; sus líneas quedan sin asignar")
        }
    },
};

/// The page's current language, provided by [`crate::App`].
pub fn use_locale() -> RwSignal<Locale> {
    use_context::<RwSignal<Locale>>().unwrap_or_else(|| RwSignal::new(Locale::default()))
}

/// The strings of the page's language. A switch reloads the page, so this is read once.
pub fn t() -> &'static Texts {
    use_locale().get_untracked().texts()
}

/// The locale the page starts in: on the server from the request, in the browser from the
/// `<html lang>` the server wrote.
pub fn initial_locale() -> Locale {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .map(|parts| Locale::from_headers(&parts.headers))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        document()
            .document_element()
            .and_then(|html| html.get_attribute("lang"))
            .and_then(|lang| Locale::from_code(&lang))
            .unwrap_or_default()
    }
}

/// English / Español: remembered in a cookie for a year, then the page reloads in the new
/// language (rendered by the server, like every first load). Not offered on the chapter page,
/// where a reload could race an autosave.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let choose = move |ev| {
        if let Some(chosen) = Locale::from_code(&event_target_value(&ev)) {
            remember(chosen);
        }
    };
    view! {
        <label class="language-switch">
            {t().language}
            " "
            <select on:change=choose>
                <option value="en" selected=locale == Locale::En>
                    "English"
                </option>
                <option value="es" selected=locale == Locale::Es>
                    "Español"
                </option>
            </select>
        </label>
    }
}

fn remember(locale: Locale) {
    use leptos::wasm_bindgen::JsCast;
    if let Ok(doc) = document().dyn_into::<web_sys::HtmlDocument>() {
        let _ = doc.set_cookie(&format!(
            "lang={}; path=/; max-age=31536000; samesite=lax",
            locale.code()
        ));
    }
    let _ = window().location().reload();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locale_comes_from_the_cookie_then_the_browser() {
        assert_eq!(Locale::from_cookie("a=1; lang=es"), Some(Locale::Es));
        assert_eq!(Locale::from_cookie("a=1"), None);
        assert_eq!(
            Locale::from_accept_language("fr-FR,fr;q=0.9,es-MX;q=0.8,en;q=0.5"),
            Some(Locale::Es)
        );
        assert_eq!(Locale::from_accept_language("de"), None);
        assert_eq!(Locale::from_code("EN-gb"), Some(Locale::En));
    }

    #[test]
    fn both_languages_differ_where_words_are_shown() {
        assert_ne!(EN.projects, ES.projects);
        assert_ne!((EN.summary)(3, 1), (ES.summary)(3, 1));
        assert_ne!(
            (EN.status)(ChapterStatus::Complete),
            (ES.status)(ChapterStatus::Complete)
        );
    }
}
