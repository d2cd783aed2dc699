//! The words of the *Keyboard shortcuts* overlay in English and Spanish: each key the chapter page
//! answers (`workspace::keyboard::key_action`) with what it does, in the order a producer meets
//! them. Key names follow each language's keyboards (Mayús, Intro, Supr).

use super::Locale;

/// The overlay's words in one language.
pub struct ShortcutTexts {
    /// The overlay's title and the label of the button that opens it.
    pub title: &'static str,
    pub intro: &'static str,
    pub key: &'static str,
    pub action: &'static str,
    pub close: &'static str,
    /// Each shortcut: its keys, what it does.
    pub keys: &'static [(&'static str, &'static str)],
}

/// The overlay's words in `locale`.
pub fn shortcut_texts(locale: Locale) -> &'static ShortcutTexts {
    match locale {
        Locale::En => &EN,
        Locale::Es => &ES,
    }
}

/// English.
pub const EN: ShortcutTexts = ShortcutTexts {
    title: "Keyboard shortcuts",
    intro: "On the chapter page, outside a text field. While a segment's text is edited only Esc and Ctrl+Enter act.",
    key: "Keys",
    action: "What they do",
    close: "Close",
    keys: &[
        ("↑ / ↓", "Select the previous or next segment"),
        ("Shift + ↑ / ↓", "Mark segments while moving"),
        ("Space", "Mark or unmark the selected segment for a group action"),
        ("Esc", "Clear the marks; while editing, cancel the edit"),
        ("Enter", "Edit the selected segment's text"),
        ("Ctrl + Enter", "Save the edited text"),
        ("Alt + S", "Split at the text cursor"),
        ("Alt + P", "Merge with the previous segment"),
        ("Alt + N", "Merge with the next segment"),
        ("Delete", "Delete the selected segment"),
        ("Ctrl + Z", "Undo"),
        ("Ctrl + Shift + Z, Ctrl + Y", "Redo"),
        ("R", "Mark the selected segment reviewed"),
        ("F", "Flag the selected segment for another look, or clear its flag"),
        ("S", "Choose the selected segment's speaker (its menu takes the focus)"),
        ("A", "Audition the selected segment, or stop"),
        ("L", "Listen from the selected segment on, or stop"),
        ("?", "Show these shortcuts"),
    ],
};

/// Spanish.
pub const ES: ShortcutTexts = ShortcutTexts {
    title: "Atajos de teclado",
    intro: "En la página del capítulo, fuera de un campo de texto. Mientras se edita el texto de un segmento solo actúan Esc y Ctrl+Intro.",
    key: "Teclas",
    action: "Qué hacen",
    close: "Cerrar",
    keys: &[
        ("↑ / ↓", "Seleccionar el segmento anterior o el siguiente"),
        ("Mayús + ↑ / ↓", "Marcar segmentos al moverse"),
        ("Espacio", "Marcar o desmarcar el segmento seleccionado para una acción en grupo"),
        ("Esc", "Quitar las marcas; al editar, cancelar la edición"),
        ("Intro", "Editar el texto del segmento seleccionado"),
        ("Ctrl + Intro", "Guardar el texto editado"),
        ("Alt + S", "Dividir en el cursor de texto"),
        ("Alt + P", "Unir con el segmento anterior"),
        ("Alt + N", "Unir con el segmento siguiente"),
        ("Supr", "Borrar el segmento seleccionado"),
        ("Ctrl + Z", "Deshacer"),
        ("Ctrl + Mayús + Z, Ctrl + Y", "Rehacer"),
        ("R", "Marcar revisado el segmento seleccionado"),
        ("F", "Marcar el segmento seleccionado para revisión, o quitar la marca"),
        ("S", "Elegir el hablante del segmento seleccionado (su menú recibe el foco)"),
        ("A", "Escuchar el segmento seleccionado, o parar"),
        ("L", "Escuchar desde el segmento seleccionado en adelante, o parar"),
        ("?", "Mostrar estos atajos"),
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_list_the_same_keys() {
        assert_eq!(EN.keys.len(), ES.keys.len());
        let letters = |t: &ShortcutTexts| -> Vec<&str> {
            t.keys
                .iter()
                .map(|(keys, _)| *keys)
                .filter(|keys| {
                    keys.len() == 1 || keys.starts_with("Alt") || keys.starts_with("Ctrl + Z")
                })
                .collect()
        };
        assert_eq!(letters(&EN), letters(&ES));
    }
}
