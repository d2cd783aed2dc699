//! Reusable views. Leaf components take values, signals and callbacks; only `PlanWorkspace`
//! owns client state (the plan under edit) and talks to the server, for autosave.

mod chapter_selector;
mod error_view;
mod import_panel;
mod plan_workspace;
mod review_panel;
mod segment_editor;
mod segment_table;

pub use chapter_selector::ChapterSelector;
pub use error_view::ErrorView;
pub use import_panel::ImportPanel;
pub use plan_workspace::{PlanWorkspace, SaveState};
pub use review_panel::ReviewPanel;
pub use segment_editor::SegmentEditor;
pub use segment_table::{Row, SegmentTable};

/// Asks the browser's yes/no question; false when the user declines or there is no window.
pub fn confirm(message: &str) -> bool {
    leptos::prelude::window()
        .confirm_with_message(message)
        .unwrap_or(false)
}
