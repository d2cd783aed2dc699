//! The words of the audit trail, in English and Spanish.

use crate::model::AuditEntry;

use super::Locale;

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
            format!("generated a plan of {segments} segments")
        }
        AuditEntry::PlanSaved { segments, changed } => {
            format!("saved the plan: {changed} of {segments} segments changed")
        }
        AuditEntry::PlanImported { segments } => {
            format!("imported a plan file of {segments} segments")
        }
        AuditEntry::ChapterCompleted => "signed the chapter off".to_owned(),
        AuditEntry::ChapterReopened => "reopened the chapter".to_owned(),
        AuditEntry::ChaptersAdded { count: 1 } => "added a chapter".to_owned(),
        AuditEntry::ChaptersAdded { count } => format!("added {count} chapters"),
        AuditEntry::ChapterTextReplaced => "replaced the chapter's text".to_owned(),
        AuditEntry::CastSaved { characters } => {
            format!("saved the cast ({characters} characters)")
        }
        AuditEntry::PronunciationsSaved { entries } => {
            format!("saved the pronunciations ({entries} entries)")
        }
        AuditEntry::ProjectRenamed { name } => format!("renamed the project “{name}”"),
    }
}

fn entry_es(entry: &AuditEntry) -> String {
    match entry {
        AuditEntry::PlanGenerated { segments } => {
            format!("generó un plan de {segments} segmentos")
        }
        AuditEntry::PlanSaved { segments, changed } => {
            format!("guardó el plan: cambiaron {changed} de {segments} segmentos")
        }
        AuditEntry::PlanImported { segments } => {
            format!("importó un archivo de plan de {segments} segmentos")
        }
        AuditEntry::ChapterCompleted => "dio el capítulo por terminado".to_owned(),
        AuditEntry::ChapterReopened => "reabrió el capítulo".to_owned(),
        AuditEntry::ChaptersAdded { count: 1 } => "añadió un capítulo".to_owned(),
        AuditEntry::ChaptersAdded { count } => format!("añadió {count} capítulos"),
        AuditEntry::ChapterTextReplaced => "sustituyó el texto del capítulo".to_owned(),
        AuditEntry::CastSaved { characters } => {
            format!("guardó el reparto ({characters} personajes)")
        }
        AuditEntry::PronunciationsSaved { entries } => {
            format!("guardó las pronunciaciones ({entries} entradas)")
        }
        AuditEntry::ProjectRenamed { name } => format!("renombró el proyecto «{name}»"),
    }
}
