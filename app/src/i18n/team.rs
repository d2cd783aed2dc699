//! The words of working together on one chapter — a colleague's edits of the same segments shown
//! side by side, who else has the chapter open, the conversation on a review flag — in English
//! and Spanish.

use super::Locale;

/// The team words in one language.
pub struct TeamTexts {
    pub conflicts_heading: &'static str,
    pub conflicts_intro: &'static str,
    /// "Conflict 2 of 3: characters 120–480".
    pub conflict_label: fn(usize, usize) -> String,
    pub yours: &'static str,
    pub theirs: &'static str,
    pub keep_yours: &'static str,
    pub keep_theirs: &'static str,
    pub removed: &'static str,
    pub settle: &'static str,
    /// The accessible name of the list of people on the chapter.
    pub here: &'static str,
    /// "Ana, on segment 12".
    pub on_segment: fn(&str, usize) -> String,
    pub also_here: &'static str,
    /// The accessible name of a flag's comments.
    pub comments: &'static str,
    pub comment: &'static str,
    pub add_comment: &'static str,
}

/// The team words of `locale`.
pub fn team_texts(locale: Locale) -> &'static TeamTexts {
    match locale {
        Locale::En => &EN,
        Locale::Es => &ES,
    }
}

/// English.
pub const EN: TeamTexts = TeamTexts {
    conflicts_heading: "You and a colleague changed the same segments",
    conflicts_intro: "Their other changes are already in your plan. For each place below, keep your version (chosen) or theirs, then save.",
    conflict_label: |n, of| format!("Place {n} of {of}"),
    yours: "Your version",
    theirs: "Their version",
    keep_yours: "Keep mine",
    keep_theirs: "Keep theirs",
    removed: "(deleted)",
    settle: "Save my choices",
    here: "Also on this chapter",
    on_segment: |name, row| format!("{name}, on segment {row}"),
    also_here: "Also here:",
    comments: "Comments",
    comment: "Comment",
    add_comment: "Add comment",
};

/// Spanish.
pub const ES: TeamTexts = TeamTexts {
    conflicts_heading: "Tú y otra persona cambiasteis los mismos segmentos",
    conflicts_intro: "Sus otros cambios ya están en tu plan. Para cada lugar, conserva tu versión (elegida) o la suya y guarda.",
    conflict_label: |n, of| format!("Lugar {n} de {of}"),
    yours: "Tu versión",
    theirs: "Su versión",
    keep_yours: "Conservar la mía",
    keep_theirs: "Conservar la suya",
    removed: "(borrado)",
    settle: "Guardar mi elección",
    here: "También en este capítulo",
    on_segment: |name, row| format!("{name}, en el segmento {row}"),
    also_here: "También aquí:",
    comments: "Comentarios",
    comment: "Comentario",
    add_comment: "Comentar",
};
