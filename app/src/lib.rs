//! The studio's UI: Leptos components rendered on the server and hydrated in the browser, plus the
//! server-function contracts (`api`). Never touches storage: the server injects a `PlanStore`.

#![recursion_limit = "256"]

pub mod api;
pub mod components;
pub mod error;
pub mod i18n;
pub mod job_feed;
pub mod model;
pub mod pages;
pub mod resource;
pub mod routes;
pub mod workspace;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags, Title};

pub use error::AppError;

/// The HTML document around the app, rendered on the server. The stylesheet and the bundle go by
/// the content-hashed names in the site's hash file when it has one (see `server::leptos_options`).
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let locale = i18n::initial_locale();
    view! {
        <!DOCTYPE html>
        <html lang=locale.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <HashedStylesheet id="studio" options=options.clone() />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The app: the page's title and the route table.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let locale = RwSignal::new(i18n::initial_locale());
    provide_context(locale);
    // Effects run only in the browser, once the page is hydrated: tests and tools wait for this flag.
    Effect::new(|_| {
        let _ = js_sys::Reflect::set(&window(), &"__studioHydrated".into(), &true.into());
    });
    view! {
        <Title text=locale.get_untracked().texts().app_title />
        <routes::AppRoutes />
    }
}

/// Browser entry point: hydrates the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
}
