//! `Loaded`: the scaffold every page puts around data it waits for: a loading line while the
//! server answers (`Suspense`), then the data's view, or its error through `ErrorView`.

use std::{future::Future, sync::Arc};

use leptos::prelude::*;

use super::ErrorView;
use crate::AppError;

/// Shows `loading` until the future that `data` makes answers, then `children` of the data (bound
/// with `let:`), or the error. `data` awaits its resources (`async move { detail.await }`): a
/// resource awaited inside `Suspend` is always waited for when the page renders on the server,
/// where a resource read with `.get()` behind another one (`a.get()?; b.get()`) can leave the
/// server-side render waiting forever.
#[component]
pub fn Loaded<T, V, D, F>(
    loading: &'static str,
    data: D,
    children: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Send + 'static,
    V: IntoView + 'static,
    D: Fn() -> F + Send + Sync + 'static,
    F: Future<Output = Result<T, AppError>> + Send + 'static,
{
    let children = Arc::new(children);
    view! {
        <Suspense fallback=move || view! { <p>{loading}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
                {move || {
                    let answer = data();
                    let children = Arc::clone(&children);
                    Suspend::new(async move { answer.await.map(|data| children(data)) })
                }}
            </ErrorBoundary>
        </Suspense>
    }
}
