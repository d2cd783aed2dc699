//! The page for any unknown address.

use leptos::prelude::*;

/// "Not found", with a way home.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <main class="page">
            <h1>"Page not found"</h1>
            <a href="/">"Back to projects"</a>
        </main>
    }
}
