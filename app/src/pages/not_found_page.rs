//! The page for any unknown address.

use leptos::prelude::*;

use crate::i18n::t;

/// "Not found", with a way home.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <main class="page">
            <h1>{t().page_not_found}</h1>
            <a href="/">{t().back_to_projects}</a>
        </main>
    }
}
