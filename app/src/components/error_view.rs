//! `ErrorView`: how every error caught by an `ErrorBoundary` is shown.

use leptos::prelude::*;

use crate::{error::AppError, i18n::t};

/// Lists the errors of an error boundary, in the page's language.
#[component]
pub fn ErrorView(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let t = t();
    view! {
        <div class="error" role="alert">
            <ul>
                {move || {
                    errors
                        .get()
                        .into_iter()
                        .map(|(_, err)| {
                            let text = match err.downcast_ref::<AppError>() {
                                Some(err) => (t.error)(err),
                                None => err.to_string(),
                            };
                            view! { <li>{text}</li> }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}
