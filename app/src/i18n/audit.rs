//! The words of the audit trail, in English and Spanish.

use shared::plan::review::{FlagKind, FlagStatus};

use crate::model::{AuditEntry, EditCounts, Role};

use super::{plural, Locale};

/// What `entry` records, in `locale`'s words.
pub fn audit_entry(locale: Locale, entry: &AuditEntry) -> String {
    match locale {
        Locale::En => entry_en(entry),
        Locale::Es => entry_es(entry),
    }
}

/// A moment (milliseconds since the Unix epoch) as "2026-12-05 12:54 UTC".
pub fn moment(at_ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(at_ms)
        .map(|at| at.format("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_default()
}

fn entry_en(entry: &AuditEntry) -> String {
    match entry {
        AuditEntry::PlanGenerated { segments } => {
            let segments = plural::count(*segments, "segment", "segments");
            format!("generated a plan of {segments}")
        }
        AuditEntry::PlanSaved { segments, changed } => {
            let segments = plural::count(*segments, "segment", "segments");
            format!("saved the plan: {changed} of {segments} changed")
        }
        AuditEntry::EditsSaved { segments, edits } => {
            let segments = plural::count(*segments, "segment", "segments");
            format!("saved edits: {} (of {segments})", edits_en(edits))
        }
        AuditEntry::FlagRaised { row, kind } => {
            format!("flagged segment {row}: {}", kind_words(Locale::En, *kind))
        }
        AuditEntry::FlagCommented { row } => format!("commented on the flag of segment {row}"),
        AuditEntry::FlagMoved { row, status } => {
            let flag = format!("the flag of segment {row}");
            match status {
                FlagStatus::Open => format!("reopened {flag}"),
                FlagStatus::Fixed => format!("marked {flag} fixed"),
                FlagStatus::Verified => format!("verified {flag}"),
            }
        }
        AuditEntry::PlanImported { segments } => {
            let segments = plural::count(*segments, "segment", "segments");
            format!("imported a plan file of {segments}")
        }
        AuditEntry::ChapterCompleted => "signed the chapter off".to_owned(),
        AuditEntry::ChapterReopened => "reopened the chapter".to_owned(),
        AuditEntry::ChaptersAdded { count: 1 } => "added a chapter".to_owned(),
        AuditEntry::ChaptersAdded { count } => format!("added {count} chapters"),
        AuditEntry::ChapterTextReplaced => "replaced the chapter's text".to_owned(),
        AuditEntry::CastSaved { characters } => {
            let characters = plural::count(*characters, "character", "characters");
            format!("saved the cast ({characters})")
        }
        AuditEntry::PronunciationsSaved { entries } => {
            let entries = plural::count(*entries, "entry", "entries");
            format!("saved the pronunciations ({entries})")
        }
        AuditEntry::ProjectRenamed { name } => format!("renamed the project “{name}”"),
        AuditEntry::MemberInvited { role } => {
            format!(
                "made an invitation link ({})",
                role_words(Locale::En, *role)
            )
        }
        AuditEntry::MemberJoined { role } => format!("joined as {}", role_words(Locale::En, *role)),
        AuditEntry::MemberRoleChanged { name, role } => {
            format!("made {name} {}", role_words(Locale::En, *role))
        }
        AuditEntry::MemberRemoved { name } => format!("removed {name}"),
    }
}

fn entry_es(entry: &AuditEntry) -> String {
    match entry {
        AuditEntry::PlanGenerated { segments } => {
            let segments = plural::count(*segments, "segmento", "segmentos");
            format!("generó un plan de {segments}")
        }
        AuditEntry::PlanSaved { segments, changed } => {
            let changed_verb = plural::form(*changed, "cambió", "cambiaron");
            let segments = plural::count(*segments, "segmento", "segmentos");
            format!("guardó el plan: {changed_verb} {changed} de {segments}")
        }
        AuditEntry::EditsSaved { segments, edits } => {
            let segments = plural::count(*segments, "segmento", "segmentos");
            format!("guardó cambios: {} (de {segments})", edits_es(edits))
        }
        AuditEntry::FlagRaised { row, kind } => {
            format!("marcó el segmento {row}: {}", kind_words(Locale::Es, *kind))
        }
        AuditEntry::FlagCommented { row } => {
            format!("comentó la marca del segmento {row}")
        }
        AuditEntry::FlagMoved { row, status } => {
            let verb = match status {
                FlagStatus::Open => "reabrió",
                FlagStatus::Fixed => "dio por corregida",
                FlagStatus::Verified => "verificó",
            };
            format!("{verb} la marca del segmento {row}")
        }
        AuditEntry::PlanImported { segments } => {
            let segments = plural::count(*segments, "segmento", "segmentos");
            format!("importó un archivo de plan de {segments}")
        }
        AuditEntry::ChapterCompleted => "dio el capítulo por terminado".to_owned(),
        AuditEntry::ChapterReopened => "reabrió el capítulo".to_owned(),
        AuditEntry::ChaptersAdded { count: 1 } => "añadió un capítulo".to_owned(),
        AuditEntry::ChaptersAdded { count } => format!("añadió {count} capítulos"),
        AuditEntry::ChapterTextReplaced => "sustituyó el texto del capítulo".to_owned(),
        AuditEntry::CastSaved { characters } => {
            let characters = plural::count(*characters, "personaje", "personajes");
            format!("guardó el reparto ({characters})")
        }
        AuditEntry::PronunciationsSaved { entries } => {
            let entries = plural::count(*entries, "entrada", "entradas");
            format!("guardó las pronunciaciones ({entries})")
        }
        AuditEntry::ProjectRenamed { name } => format!("renombró el proyecto «{name}»"),
        AuditEntry::MemberInvited { role } => {
            format!(
                "creó un enlace de invitación ({})",
                role_words(Locale::Es, *role)
            )
        }
        AuditEntry::MemberJoined { role } => {
            format!("se unió como {}", role_words(Locale::Es, *role))
        }
        AuditEntry::MemberRoleChanged { name, role } => {
            format!("dio a {name} el papel de {}", role_words(Locale::Es, *role))
        }
        AuditEntry::MemberRemoved { name } => format!("quitó a {name}"),
    }
}

/// A role in `locale`'s words, as the members page names it.
fn role_words(locale: Locale, role: Role) -> &'static str {
    (super::account_texts(locale).role)(role)
}

/// A flag's kind in `locale`'s words, as the review panel names it.
fn kind_words(locale: Locale, kind: FlagKind) -> &'static str {
    let index = FlagKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
    locale.texts().flag_kinds[index]
}

/// "1 split, 2 merges, 3 segments changed", the kinds with none left out.
fn edits_en(edits: &EditCounts) -> String {
    let parts = [
        (edits.split, plural::count(edits.split, "split", "splits")),
        (edits.merged, plural::count(edits.merged, "merge", "merges")),
        (
            edits.deleted,
            plural::count(edits.deleted, "deletion", "deletions"),
        ),
        (
            edits.changed,
            plural::count(edits.changed, "segment changed", "segments changed"),
        ),
        (
            edits.other,
            plural::count(edits.other, "other edit", "other edits"),
        ),
    ];
    listed(parts)
}

/// [`edits_en`] in Spanish.
fn edits_es(edits: &EditCounts) -> String {
    let parts = [
        (
            edits.split,
            plural::count(edits.split, "división", "divisiones"),
        ),
        (
            edits.merged,
            plural::count(edits.merged, "unión", "uniones"),
        ),
        (
            edits.deleted,
            plural::count(edits.deleted, "borrado", "borrados"),
        ),
        (
            edits.changed,
            plural::count(edits.changed, "segmento cambiado", "segmentos cambiados"),
        ),
        (
            edits.other,
            plural::count(edits.other, "otro cambio", "otros cambios"),
        ),
    ];
    listed(parts)
}

/// The worded parts whose count is not zero, joined by commas.
fn listed(parts: [(usize, String); 5]) -> String {
    let shown: Vec<String> = parts
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(_, words)| words)
        .collect();
    shown.join(", ")
}
