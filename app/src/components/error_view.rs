//! `ErrorView`: how every error caught by an `ErrorBoundary` is shown.

use leptos::prelude::*;

/// Lists the errors of an error boundary.
#[component]
pub fn ErrorView(errors: ArcRwSignal<Errors>) -> impl IntoView {
    view! {
        <div class="error" role="alert">
            <ul>
                {move || {
                    errors
                        .get()
                        .into_iter()
                        .map(|(_, err)| view! { <li>{err.to_string()}</li> })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}
