//! Reusable views. Leaf components take values, signals and callbacks; they own no plan and do
//! not talk to the server (the plan under edit lives in `crate::workspace`).

mod chapter_selector;
mod error_view;
mod history;
pub mod icon;
mod import_panel;
mod loaded;
mod review_panel;
mod segment_editor;
mod segment_table;
mod speaker_job_bar;

pub use chapter_selector::ChapterSelector;
pub use error_view::ErrorView;
pub use history::History;
pub use import_panel::ImportPanel;
pub use loaded::Loaded;
pub use review_panel::ReviewPanel;
pub use segment_editor::{EditorActions, SegmentEditor};
pub use segment_table::{speaker_menu_id, speakers, Mark, Row, SegmentTable, Speaker, Voices};
pub use speaker_job_bar::{JobProgress, SpeakerJobBar};

/// Asks the browser's yes/no question; false when the user declines or there is no window.
pub fn confirm(message: &str) -> bool {
    leptos::prelude::window()
        .confirm_with_message(message)
        .unwrap_or(false)
}

/// The file picked in a file input's change event.
pub fn chosen_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    use leptos::wasm_bindgen::JsCast;
    leptos::prelude::event_target::<web_sys::HtmlInputElement>(ev)
        .files()?
        .get(0)
        .filter(|_| {
            ev.target()
                .is_some_and(|t| t.is_instance_of::<web_sys::HtmlInputElement>())
        })
}

/// The text of a picked file.
#[cfg(feature = "hydrate")]
pub async fn file_text(file: web_sys::File) -> Result<String, crate::AppError> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| crate::AppError::Transport(crate::error::Transport::FileUnreadable))?;
    text.as_string().ok_or(crate::AppError::Transport(
        crate::error::Transport::FileNotText,
    ))
}

/// Files are read in the browser only.
#[cfg(not(feature = "hydrate"))]
pub async fn file_text(_file: web_sys::File) -> Result<String, crate::AppError> {
    Err(crate::AppError::Transport(
        crate::error::Transport::NeedsBrowser,
    ))
}

/// Offers `contents` as a file download called `name`.
pub fn download(name: &str, contents: &str) {
    use leptos::wasm_bindgen::{JsCast, JsValue};
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(link) = leptos::prelude::document()
        .create_element("a")
        .ok()
        .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Whether the focus was lost: nothing but the page's body has it, because the control that had
/// it was removed or disabled, which drops a keyboard user out of their place on the page.
pub fn focus_lost() -> bool {
    leptos::prelude::document()
        .active_element()
        .is_none_or(|active| active.tag_name() == "BODY")
}

/// Once the page has drawn the change under way, gives the focus to `target` if the change took
/// the focus away, so the keyboard user goes on from there.
pub fn keep_focus_on(target: impl FnOnce() -> Option<web_sys::HtmlElement> + 'static) {
    leptos::prelude::request_animation_frame(move || {
        if let Some(element) = target().filter(|_| focus_lost()) {
            let _ = element.focus();
        }
    });
}

/// The element with `id`, to give the focus to.
pub fn element_by_id(id: &str) -> Option<web_sys::HtmlElement> {
    use leptos::wasm_bindgen::JsCast;
    leptos::prelude::document()
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into().ok())
}
