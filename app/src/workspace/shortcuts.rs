//! The *Keyboard shortcuts* overlay: `?` or its button in the toolbar opens a modal `<dialog>`
//! listing every key the chapter page answers, in the page's language. The browser's modal dialog
//! keeps the focus inside, closes on Esc and gives the focus back to where it was; while it is open
//! the workspace's keys rest.

use leptos::{html, prelude::*};

use crate::{
    components::icon::{Glyph, Icon},
    i18n::ts,
};

/// The overlay's dialog element, shared by the key that opens it and the toolbar's button.
#[derive(Clone, Copy)]
pub struct Shortcuts(NodeRef<html::Dialog>);

impl Shortcuts {
    pub fn new() -> Self {
        Self(NodeRef::new())
    }

    /// Shows the overlay as a modal dialog.
    pub fn open(self) {
        if let Some(dialog) = self.0.get_untracked() {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
        }
    }

    /// Whether the overlay is showing (then the workspace leaves keys to it).
    pub fn is_open(self) -> bool {
        self.0.get_untracked().is_some_and(|dialog| dialog.open())
    }
}

/// The toolbar's button that opens the overlay.
#[component]
pub fn ShortcutsButton(shortcuts: Shortcuts) -> impl IntoView {
    let s = ts();
    view! {
        <button class="shortcuts-button" aria-keyshortcuts="?" on:click=move |_| shortcuts.open()>
            <Icon glyph=Glyph::Keyboard />
            " "
            {s.title}
        </button>
    }
}

/// The overlay itself: closed until opened.
#[component]
pub fn ShortcutsDialog(shortcuts: Shortcuts) -> impl IntoView {
    let s = ts();
    view! {
        <dialog node_ref=shortcuts.0 class="shortcuts" aria-labelledby="shortcuts-title">
            <h2 id="shortcuts-title">{s.title}</h2>
            <p class="muted">{s.intro}</p>
            <table>
                <thead>
                    <tr>
                        <th scope="col">{s.key}</th>
                        <th scope="col">{s.action}</th>
                    </tr>
                </thead>
                <tbody>
                    {s
                        .keys
                        .iter()
                        .map(|(keys, action)| {
                            view! {
                                <tr>
                                    <th scope="row">
                                        <kbd>{*keys}</kbd>
                                    </th>
                                    <td>{*action}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <form method="dialog">
                <button class="primary" autofocus>
                    {s.close}
                </button>
            </form>
        </dialog>
    }
}
