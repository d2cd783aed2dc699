//! Line icons drawn inline as SVG (24-unit grid, `currentColor`), so they follow the theme and the
//! text size. An icon is decoration: the control that holds it carries the words, as its text or
//! its `aria-label`, so screen readers announce the action and never the drawing.

use leptos::prelude::*;

/// The icons the studio uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Glyph {
    /// Needs revision.
    Flag,
    /// Reviewed, passed.
    Check,
    /// Text edited by hand.
    Pencil,
    /// A speech tag names someone else; a failed check.
    Warning,
    /// The speaker was picked by hand.
    Pin,
    /// Play a clip.
    Play,
    /// Stop playing.
    Stop,
    /// Keyboard shortcuts.
    Keyboard,
}

impl Glyph {
    /// The drawing: SVG path data, stroked.
    fn path(self) -> &'static str {
        match self {
            Self::Flag => "M5 21V4h12l-3 4 3 4H5",
            Self::Check => "M4 12.5l5 5L20 6.5",
            Self::Pencil => "M4 20h4L19 9l-4-4L4 16zM13 7l4 4",
            Self::Warning => "M12 3L2 20h20zM12 9.5v5M12 17.2v.3",
            Self::Pin => "M9 3h6M10 3v6l-3 4h10l-3-4V3M12 13v8",
            Self::Play => "M7 4.5v15L19.5 12z",
            Self::Stop => "M6 6h12v12H6z",
            Self::Keyboard => "M3 6h18v12H3zM7 10h.01M11 10h.01M15 10h.01M8 14h8",
        }
    }
}

/// One icon, hidden from assistive technology.
#[component]
pub fn Icon(glyph: Glyph) -> impl IntoView {
    view! {
        <svg
            class="icon"
            viewBox="0 0 24 24"
            aria-hidden="true"
            focusable="false"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
            stroke-linecap="round"
            stroke-linejoin="round"
        >
            <path d=glyph.path() />
        </svg>
    }
}
