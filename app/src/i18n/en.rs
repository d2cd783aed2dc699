//! The English words of every [`Texts`] field.

use shared::{plan::review::FlagStatus, pronunciation::Status};

use crate::model::ChapterStatus;

use super::{
    errors_en,
    plural::{count, form},
    refusals, Texts,
};

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
    project_detail: |language, chapters| {
        format!("{language} · {}", count(chapters, "chapter", "chapters"))
    },
    back_to_projects: "← Projects",
    back_to_project: "← Project",
    loading_project: "Loading project…",
    chapters: "Chapters",
    planning_complete: "Planning complete: every chapter is signed off.",
    chapters_complete: |done, all| {
        format!("{done} of {} complete", count(all, "chapter", "chapters"))
    },
    loading_chapters: "Loading chapters…",
    language_of: |code| format!("Language: {code}"),
    cast_link: |n| format!("Cast ({})", count(n, "voice", "voices")),
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
    manuscript_file: "Manuscript file (.txt, .md, .docx, .epub, .pdf)",
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
    add_chapters: |n| format!("Add {}", count(n, "chapter", "chapters")),
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
    narrator_column: "Says “I”",
    merge_into: "Add as",
    new_character_option: "New character",
    add_proposed: "Add the ticked characters",
    mentions_and_tags: |mentions, tags| format!("mentions: {mentions}, speech tags: {tags}"),
    proposals_added: |n| {
        format!(
            "{} added or merged: save the cast to keep {}.",
            count(n, "character", "characters"),
            form(n, "it", "them")
        )
    },
    save_cast: "Save cast",
    cast_saved: "Cast saved",
    cast_conflict: "Someone else saved this cast since you opened it; reload to see their changes.",
    character_needs_name: "A character needs a name with a letter or digit.",
    share_voice: |a, b| format!("{a} and {b} share the same voice."),
    aliases: "Aliases",
    aliases_hint: "comma-separated",
    name_forms: |list| format!("Also recognised as: {list}."),
    name_forms_ambiguous: |list, n| {
        let names = form(n, "it names", "they name");
        format!("Ambiguous, not used: {list} ({names} another character too).")
    },
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
    pls_imported: |n| format!("PLS file imported: the map has {}", count(n, "entry", "entries")),
    confirm_pls_import:
        "Importing merges the file into the saved map; your unsaved changes will be lost. Import?",
    grapheme_taken: |grapheme| format!("“{grapheme}” is already in the map for this locale"),
    entry_error: errors_en::entry_sentence,
    loading_plan: "Loading plan…",
    generate_plan: "Generate plan",
    regenerate_plan: "Regenerate plan",
    confirm_regenerate: "Generate a new plan? Your edits to this chapter's plan will be replaced.",
    mark_complete: "Mark chapter complete",
    reopen: "Reopen chapter",
    assign_speakers: "Assign speakers",
    only_doubtful: "Only unassigned or doubtful",
    read_only: "As a viewer you read, listen and audition; editors change the plan.",
    invalid_cast: "The cast is not valid; fix it on the cast page first.",
    unresolved_after_run: |n| {
        format!(
            "{} could not be attributed with confidence: pick {} speaker.",
            count(n, "segment", "segments"),
            form(n, "its", "their")
        )
    },
    summary: |n, version| format!("{} · version {version}", count(n, "segment", "segments")),
    before_complete: "Before this chapter can be marked complete:",
    blocker: errors_en::blocker,
    delimiter_name: |delimiter| delimiter.as_str(),
    no_plan_yet: "No plan yet: generate one to cut this chapter into segments.",
    saved: "All changes saved",
    save_state: "Save state",
    unsaved: "Unsaved changes",
    saving: "Saving…",
    save_failed: |reason| format!("Save failed, retrying: {reason}"),
    conflict: "A colleague changed the same segments: choose below",
    export_plan: "Export plan",
    import_plan: "Import plan file",
    confirm_import: "Replace this chapter's plan with the file? Unsaved edits will be lost.",
    segments: "Segments",
    rows_shown: |first, last, len| format!("Segments {first}–{last} of {len}."),
    show_all_rows: "Show all segments",
    selected: "Selected",
    flag: "Flag",
    id: "#",
    speaker: "Speaker",
    text: "Text",
    edited: "Text edited by hand",
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
    marked_count: |n| format!("{} selected", count(n, "segment", "segments")),
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
    stale_segments: |n| {
        format!(
            "{} no longer {} it. Carry the plan over to the new text to go on editing: what still \
             matches keeps its speaker, edits and flags.",
            count(n, "segment", "segments"),
            form(n, "matches", "match")
        )
    },
    carry_over: "Carry the plan over",
    confirm_carry_over: |dropped| match dropped {
        0 => "Every segment is still in the new text. Carry the plan over?".to_owned(),
        n => format!(
            "{} {} no longer in the new text and will be dropped ({} listed afterwards). Carry \
             the plan over?",
            count(n, "segment", "segments"),
            form(n, "is", "are"),
            form(n, "it is", "they are")
        ),
    },
    carried_over: |kept, added, dropped| {
        let mut text = format!(
            "Kept {}; {added} new {} new text.",
            count(kept, "segment", "segments"),
            form(added, "one covers", "ones cover")
        );
        if !dropped.is_empty() {
            text.push_str(&format!(" No longer in the text: {}.", dropped.join("; ")));
        }
        text
    },
    into_chapter: "Into",
    as_new_chapter: "A new chapter",
    replace_chapter: |title| format!("Replace the text of “{title}”"),
    reimport_done: |added, replaced, stale| {
        format!(
            "{} added, {replaced} replaced; {} carrying over to {} new text.",
            count(added, "chapter", "chapters"),
            count(stale, "plan needs", "plans need"),
            form(stale, "its", "their")
        )
    },
    segment_heading: |row, delimiter, start, end| {
        format!("Segment {row} · characters {start}–{end} · breaks at: {delimiter}")
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
        let words = count(words, "word", "words");
        let chars = count(chars, "character", "characters");
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
        format!(
            "The model's {} for {} of the chapter could not be used; {} lines stay unassigned",
            form(n, "answer", "answers"),
            count(n, "part", "parts"),
            form(n, "its", "their")
        )
    },
    audition_heading: "Audition",
    audition_play: "Audition",
    audition_stop: "Stop",
    listen_from_here: "Listen from here",
    listen_stop: "Stop listening",
    audition_loading: "Rendering the clip…",
    audition_playing: "Playing",
    audio_refused: "the browser could not play the clip",
    audition_applied: "said as the project's pronunciation map says",
    audition_unsaid: |words| format!("read as written, this engine cannot say their pronunciation: {words}"),
    audition_clip: |seconds, cached| {
        format!("{seconds:.1} s · {}", if cached { "from the audio cache" } else { "rendered now" })
    },
    try_voice: "Try voice",
    concordance: "Where the entries occur",
    concordance_note: "Each entry of the map as edited, found in the chapters as an audition finds it (whole words, its case and locale rules): how often, and the first places, each opening the chapter on its segment. Listen plays the sentence with the saved pronunciations.",
    concordance_count_again: "Count again and estimate the changes",
    loading_concordance: "Counting…",
    concordance_occurrences: "Occurrences",
    concordance_places: "Where",
    concordance_listen: "Listen",
    concordance_no_change: "Saving the map as it is now would change no planned segment.",
    concordance_saving: "Saving the map as it is now would change:",
    concordance_engine_impact: |engine, changed, stale, billed, cost| {
        let segments = count(changed, "planned segment", "planned segments");
        let clips = count(stale, "cached clip", "cached clips");
        let again = form(changed, "it", "them");
        let characters = form(billed, "character", "characters");
        let billed = super::group_digits(billed, ',');
        format!("{engine}: {segments} ({clips} no longer used; rendering {again} again bills {billed} {characters}, {cost})")
    },
    planner: "Planner",
    planner_note: "Estimated from the chapters' plans, each segment written as its speaker's engine receives it: minutes of audio, characters billed (Azure counts the SSML it receives, pronunciations included), clips already in the audio cache, and what rendering costs at the configured price per million characters.",
    loading_planner: "Estimating…",
    planner_chapter: "Chapter",
    planner_engine: "Engine",
    planner_minutes: "Minutes",
    planner_chars: "Characters",
    planner_billed: "Billed characters",
    planner_cached: "Clips cached",
    planner_to_render: "Cost to render the rest",
    planner_full: "Cost of all",
    planner_book: "Whole book",
    planner_not_planned: "not planned yet",
    planner_of: |part, all| format!("{part} of {all}"),
    planner_refused: |n| format!("{} over the engine's limits", count(n, "segment", "segments")),
    count: |n| super::group_digits(n, ','),
    decimal: |x| format!("{x:.1}"),
    dollars: |x| format!("${x:.2}"),
};
