//! The route table, nothing else. The chapter page renders fully on the server (`SsrMode::Async`)
//! so its table is readable with JavaScript off.

use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

use crate::pages::{
    ApiReferencePage, CastPage, ChapterPage, DeliveryPage, HomePage, MembersPage, NotFoundPage,
    ProjectPage, PronunciationsPage, SetUpPage, SignInPage, SignUpPage,
};

/// Every page of the app.
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Router>
            <Routes fallback=NotFoundPage>
                <Route path=path!("") view=HomePage ssr=SsrMode::Async />
                <Route path=path!("/members") view=MembersPage ssr=SsrMode::Async />
                <Route path=path!("/api-reference") view=ApiReferencePage ssr=SsrMode::Async />
                <Route path=path!("/sign-in") view=SignInPage ssr=SsrMode::Async />
                <Route path=path!("/sign-up") view=SignUpPage ssr=SsrMode::Async />
                <Route path=path!("/setup") view=SetUpPage ssr=SsrMode::Async />
                <Route path=path!("/projects/:project") view=ProjectPage ssr=SsrMode::Async />
                <Route path=path!("/projects/:project/cast") view=CastPage ssr=SsrMode::Async />
                <Route
                    path=path!("/projects/:project/delivery")
                    view=DeliveryPage
                    ssr=SsrMode::Async
                />
                <Route
                    path=path!("/projects/:project/pronunciations")
                    view=PronunciationsPage
                    ssr=SsrMode::Async
                />
                <Route
                    path=path!("/projects/:project/chapters/:chapter")
                    view=ChapterPage
                    ssr=SsrMode::Async
                />
            </Routes>
        </Router>
    }
}
