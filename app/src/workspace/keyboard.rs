//! The workspace's keys: `key_action`, a plain function from a key press to what it asks for
//! (tested natively), and the window listener that carries it out. A key typed into a form field
//! keeps its usual meaning, and nothing but Esc and Ctrl+Enter acts while the text is edited.

use leptos::{ev, prelude::*};

use super::{audition::Player, edits::Workspace, shortcuts::Shortcuts};
use crate::components::{element_by_id, keep_focus_on, speaker_menu_id, EditorActions};

/// A key press, as far as the map cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyPress<'a> {
    /// The key's value (`"ArrowDown"`, `"z"`, `" "`).
    pub key: &'a str,
    /// Ctrl, or Cmd on a Mac.
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
    /// What has the focus.
    pub target: Target,
}

/// What a key press lands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A text area, input or select: keys keep their usual meaning there.
    Field,
    /// A button or link: Enter and Space activate it.
    Control,
    /// Anything else (the table, the page).
    Page,
}

/// What a key asks of the workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAction {
    Cancel,
    Save,
    Split,
    MergePrevious,
    MergeNext,
    /// Move the selection by `step` rows, marking the rows passed when `marking`.
    Move {
        step: isize,
        marking: bool,
    },
    ToggleMark,
    ClearMarks,
    Review,
    Edit,
    Delete,
    Undo,
    Redo,
    /// Flag the selected segment for another look, or clear its flag.
    Flag,
    /// Give the focus to the selected segment's speaker menu.
    Speaker,
    /// Audition the selected segment, or stop what plays.
    Audition,
    /// Listen from the selected segment on, or stop listening.
    Listen,
    /// Show the keyboard shortcuts.
    Shortcuts,
}

/// Up/Down select, Enter edits, Esc cancels, Ctrl+Enter saves, Ctrl+Z undoes, Ctrl+Shift+Z (or
/// Ctrl+Y) redoes; Alt+S splits at the text cursor, Alt+P / Alt+N merge with the previous / next,
/// Delete deletes. Space marks the selected row for a group action, Shift+Up/Down marks while
/// moving, Esc clears the marks; R marks reviewed, F flags, S goes to the speaker menu. A
/// auditions the selected segment and L listens from it on, ? shows the shortcuts (these three
/// also on a locked plan, where Up/Down still select and nothing else acts). `None`: the key is
/// left to the browser.
pub fn key_action(press: KeyPress<'_>, editing: bool, locked: bool) -> Option<KeyAction> {
    let KeyPress {
        key, ctrl, shift, ..
    } = press;
    if editing {
        return match key {
            "Escape" => Some(KeyAction::Cancel),
            "Enter" if ctrl => Some(KeyAction::Save),
            _ => None,
        };
    }
    let listening_key = match key {
        "a" | "A" => Some(KeyAction::Audition),
        "l" | "L" => Some(KeyAction::Listen),
        "?" => Some(KeyAction::Shortcuts),
        _ => None,
    };
    if press.target == Target::Page && !ctrl && !press.alt && listening_key.is_some() {
        return listening_key;
    }
    if locked {
        // Selecting changes nothing: a signed-off chapter, or a viewer's, is still gone through
        // row by row from the keyboard.
        let step = match key {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            _ => return None,
        };
        let plain = !ctrl && !press.alt && !shift && press.target != Target::Field;
        return plain.then_some(KeyAction::Move {
            step,
            marking: false,
        });
    }
    if press.alt && !ctrl {
        return match key.to_lowercase().as_str() {
            "s" => Some(KeyAction::Split),
            "p" => Some(KeyAction::MergePrevious),
            "n" => Some(KeyAction::MergeNext),
            _ => None,
        };
    }
    let native = match press.target {
        Target::Field => true,
        Target::Control => key == "Enter" || key == " ",
        Target::Page => false,
    };
    if native {
        return None;
    }
    let action = match (key, ctrl, shift) {
        ("ArrowDown", false, marking) => KeyAction::Move { step: 1, marking },
        ("ArrowUp", false, marking) => KeyAction::Move { step: -1, marking },
        (" ", false, false) => KeyAction::ToggleMark,
        ("Escape", false, false) => KeyAction::ClearMarks,
        ("r" | "R", false, false) => KeyAction::Review,
        ("f" | "F", false, false) => KeyAction::Flag,
        ("s" | "S", false, false) => KeyAction::Speaker,
        ("Enter", false, _) => KeyAction::Edit,
        ("Delete", false, false) => KeyAction::Delete,
        ("z" | "Z", true, false) => KeyAction::Undo,
        ("z" | "Z", true, true) | ("y", true, false) => KeyAction::Redo,
        _ => return None,
    };
    Some(action)
}

/// Listens to the window's keys for as long as the workspace lives.
pub fn install(ws: Workspace, actions: EditorActions, player: Player, shortcuts: Shortcuts) {
    let locked = ws.locked();
    let handle = window_event_listener(ev::keydown, move |ev| {
        if shortcuts.is_open() {
            return;
        }
        let key = ev.key();
        let press = KeyPress {
            key: &key,
            ctrl: ev.ctrl_key() || ev.meta_key(),
            alt: ev.alt_key(),
            shift: ev.shift_key(),
            target: target_of(&ev),
        };
        let Some(action) = key_action(press, ws.editing.get_untracked(), locked.get_untracked())
        else {
            return;
        };
        ev.prevent_default();
        if action == KeyAction::Shortcuts {
            shortcuts.open();
            return;
        }
        // A key that changes a row redraws it: a control of that row that had the focus (its
        // flag button, say) gets it back.
        let focused = document().active_element().map(|el| el.id());
        perform(ws, actions, player, action);
        if let Some(id) = focused.filter(|id| !id.is_empty()) {
            keep_focus_on(move || element_by_id(&id));
        }
    });
    on_cleanup(move || handle.remove());
}

fn perform(ws: Workspace, actions: EditorActions, player: Player, action: KeyAction) {
    match action {
        KeyAction::Move { step, marking } => {
            ws.state
                .with_untracked(|s| ws.selection.step(s, step, marking));
        }
        KeyAction::ToggleMark => ws.selection.toggle_selected(),
        KeyAction::ClearMarks => ws.selection.clear_marks(),
        KeyAction::Review => ws.review(),
        KeyAction::Cancel => actions.cancel.run(()),
        KeyAction::Save => actions.save.run(()),
        KeyAction::Split => actions.split.run(()),
        KeyAction::MergePrevious => actions.merge_previous.run(()),
        KeyAction::MergeNext => actions.merge_next.run(()),
        KeyAction::Edit => actions.edit.run(()),
        KeyAction::Delete => actions.delete.run(()),
        KeyAction::Undo => actions.undo.run(()),
        KeyAction::Redo => actions.redo.run(()),
        KeyAction::Flag => {
            if let Some(id) = ws.selection.selected.get_untracked() {
                ws.apply(shared::Edit::ToggleRevision { id });
            }
        }
        KeyAction::Speaker => {
            if let Some(id) = ws.selection.selected.get_untracked() {
                if let Some(menu) = element_by_id(&speaker_menu_id(id)) {
                    let _ = menu.focus();
                }
            }
        }
        KeyAction::Audition => player.toggle(ws),
        KeyAction::Listen => player.toggle_listening(ws),
        KeyAction::Shortcuts => {}
    }
}

fn target_of(ev: &ev::KeyboardEvent) -> Target {
    use leptos::wasm_bindgen::JsCast;
    let tag = ev
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok())
        .map(|el| el.tag_name())
        .unwrap_or_default();
    match tag.as_str() {
        "TEXTAREA" | "INPUT" | "SELECT" => Target::Field,
        "BUTTON" | "A" => Target::Control,
        _ => Target::Page,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(key: &str) -> KeyPress<'_> {
        KeyPress {
            key,
            ctrl: false,
            alt: false,
            shift: false,
            target: Target::Page,
        }
    }

    fn check(press: KeyPress<'_>, editing: bool, expected: Option<KeyAction>) {
        assert_eq!(key_action(press, editing, false), expected, "{press:?}");
    }

    #[test]
    fn the_table_keys_act_on_the_page() {
        use KeyAction::*;
        let ctrl = |key| KeyPress {
            ctrl: true,
            ..press(key)
        };
        let shift = |key| KeyPress {
            shift: true,
            ..press(key)
        };

        check(
            press("ArrowDown"),
            false,
            Some(Move {
                step: 1,
                marking: false,
            }),
        );
        check(
            shift("ArrowUp"),
            false,
            Some(Move {
                step: -1,
                marking: true,
            }),
        );
        check(press(" "), false, Some(ToggleMark));
        check(press("Escape"), false, Some(ClearMarks));
        check(press("R"), false, Some(Review));
        check(press("s"), false, Some(Speaker));
        assert_eq!(key_action(press("s"), false, true), None);
        check(shift("Enter"), false, Some(Edit));
        check(press("Delete"), false, Some(Delete));
        check(ctrl("z"), false, Some(Undo));
        check(
            KeyPress {
                shift: true,
                ..ctrl("Z")
            },
            false,
            Some(Redo),
        );
        check(ctrl("y"), false, Some(Redo));
        check(press("x"), false, None);
        check(ctrl("ArrowDown"), false, None);
    }

    #[test]
    fn a_and_l_listen_on_any_plan_f_flags_an_unlocked_one() {
        check(press("a"), false, Some(KeyAction::Audition));
        check(press("L"), false, Some(KeyAction::Listen));
        check(press("f"), false, Some(KeyAction::Flag));
        assert_eq!(
            key_action(press("a"), false, true),
            Some(KeyAction::Audition)
        );
        assert_eq!(key_action(press("l"), false, true), Some(KeyAction::Listen));
        assert_eq!(key_action(press("f"), false, true), None);
        assert_eq!(
            key_action(press("?"), false, true),
            Some(KeyAction::Shortcuts)
        );
        check(press("?"), true, None);
        let typed = KeyPress {
            target: Target::Field,
            ..press("a")
        };
        check(typed, false, None);
        check(press("a"), true, None);
    }

    #[test]
    fn alt_keys_split_and_merge_even_from_a_field() {
        let alt = |key| KeyPress {
            alt: true,
            target: Target::Field,
            ..press(key)
        };

        check(alt("S"), false, Some(KeyAction::Split));
        check(alt("p"), false, Some(KeyAction::MergePrevious));
        check(alt("n"), false, Some(KeyAction::MergeNext));
        check(alt("ArrowDown"), false, None);
    }

    #[test]
    fn while_editing_only_escape_and_ctrl_enter_act() {
        let ctrl_enter = KeyPress {
            ctrl: true,
            ..press("Enter")
        };

        check(press("Escape"), true, Some(KeyAction::Cancel));
        check(ctrl_enter, true, Some(KeyAction::Save));
        check(press("Enter"), true, None);
        check(press("Delete"), true, None);
    }

    #[test]
    fn fields_and_buttons_keep_their_own_keys() {
        let field = |key| KeyPress {
            target: Target::Field,
            ..press(key)
        };
        let button = |key| KeyPress {
            target: Target::Control,
            ..press(key)
        };

        check(field("ArrowDown"), false, None);
        check(field("Delete"), false, None);
        check(button("Enter"), false, None);
        check(button(" "), false, None);
        check(
            button("ArrowDown"),
            false,
            Some(KeyAction::Move {
                step: 1,
                marking: false,
            }),
        );
    }

    #[test]
    fn a_locked_plan_answers_no_key_but_selecting_and_the_editing_ones() {
        let shift = KeyPress {
            shift: true,
            ..press("ArrowDown")
        };
        let field = KeyPress {
            target: Target::Field,
            ..press("ArrowDown")
        };
        assert_eq!(key_action(press("Delete"), false, true), None);
        assert_eq!(key_action(press("r"), false, true), None);
        assert_eq!(
            key_action(press("ArrowUp"), false, true),
            Some(KeyAction::Move {
                step: -1,
                marking: false,
            })
        );
        assert_eq!(key_action(shift, false, true), None);
        assert_eq!(key_action(field, false, true), None);
        assert_eq!(
            key_action(press("Escape"), true, true),
            Some(KeyAction::Cancel)
        );
    }
}
