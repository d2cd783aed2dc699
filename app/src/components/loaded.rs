//! `Loaded`: the scaffold every page puts around data it waits for: a loading line while the
//! server answers (`Suspense`), then the data's view, or its error through `ErrorView`.

use leptos::prelude::*;

use super::ErrorView;
use crate::AppError;

/// Shows `loading` until `data` answers, then `children` of the data (bound with `let:`), or the
/// error. Read a `Resource` inside `data`, so the page waits for it when rendered on the server.
#[component]
pub fn Loaded<T, V>(
    loading: &'static str,
    data: impl Fn() -> Option<Result<T, AppError>> + Send + Sync + 'static,
    children: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=move || view! { <p>{loading}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
                {move || data().map(|result| result.map(&children))}
            </ErrorBoundary>
        </Suspense>
    }
}
