//! The account pages: sign in (with the demo account shown when the demo is on), sign up, and
//! the first owner's setup. Plain forms posting to the account server functions, so they work
//! with JavaScript off; with it, an error shows under the form without leaving the page.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::{
    api::accounts::{
        current_account, demo_account, SetUpOwner, SignIn, SignOut, SignUp, SwitchOrganisation,
    },
    i18n::{t, ta, LanguageSwitch},
    model::Membership,
    resource::fetched,
    AppError,
};

/// `/sign-in?next=…`: email and password.
#[component]
pub fn SignInPage() -> impl IntoView {
    let action = ServerAction::<SignIn>::new();
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    let demo = fetched(|| (), |_| demo_account());
    let a = ta();
    view! {
        <main class="page account-page">
            <LanguageSwitch />
            <h1>{a.sign_in}</h1>
            <Suspense>
                {move || Suspend::new(async move {
                    demo.await.ok().flatten().map(|demo| view! {
                        <p class="demo-hint" data-testid="demo-hint">
                            {a.demo_hint} " " <code>{demo.email}</code> " / " <code>{demo.password}</code>
                        </p>
                    })
                })}
            </Suspense>
            <ActionForm action=action attr:class="account-form">
                <input type="hidden" name="next" value=next />
                <label>{a.email} <input type="email" name="email" required autocomplete="username" /></label>
                <label>
                    {a.password}
                    <input type="password" name="password" required autocomplete="current-password" />
                </label>
                <button type="submit" class="primary">{a.sign_in}</button>
            </ActionForm>
            <Failure action=action />
            <p>{a.new_here} " " <a href="/sign-up">{a.sign_up}</a></p>
        </main>
    }
}

/// `/sign-up`: a new account owning a new organisation.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let action = ServerAction::<SignUp>::new();
    let query = use_query_map();
    let invitation = move || query.read().get("invitation").unwrap_or_default();
    let a = ta();
    view! {
        <main class="page account-page">
            <LanguageSwitch />
            <h1>{a.sign_up}</h1>
            <p class="muted">{a.sign_up_intro}</p>
            <ActionForm action=action attr:class="account-form">
                <input type="hidden" name="invitation" value=invitation />
                <NewAccountFields />
                <button type="submit" class="primary">{a.sign_up}</button>
            </ActionForm>
            <Failure action=action />
            <p>{a.have_account} " " <a href="/sign-in">{a.sign_in}</a></p>
        </main>
    }
}

/// `/setup?link=…`: the first owner of a fresh install, with the link the server printed.
#[component]
pub fn SetUpPage() -> impl IntoView {
    let action = ServerAction::<SetUpOwner>::new();
    let query = use_query_map();
    let link = move || query.read().get("link").unwrap_or_default();
    let a = ta();
    view! {
        <main class="page account-page">
            <LanguageSwitch />
            <h1>{a.set_up_title}</h1>
            <p class="muted">{a.set_up_intro}</p>
            <ActionForm action=action attr:class="account-form">
                <input type="hidden" name="link" value=link />
                <NewAccountFields />
                <button type="submit" class="primary">{a.create_owner}</button>
            </ActionForm>
            <Failure action=action />
        </main>
    }
}

/// Name, email and a new password: what a new account is made of.
#[component]
fn NewAccountFields() -> impl IntoView {
    let a = ta();
    view! {
        <label>{a.your_name} <input type="text" name="name" required maxlength="100" autocomplete="name" /></label>
        <label>{a.email} <input type="email" name="email" required autocomplete="username" /></label>
        <label>
            {a.password}
            <input type="password" name="password" required minlength="10" autocomplete="new-password" />
        </label>
    }
}

/// The refusal of the last submission, if it failed.
#[component]
fn Failure<A>(action: ServerAction<A>) -> impl IntoView
where
    A: leptos::server_fn::ServerFn<Output = (), Error = AppError> + Clone + Send + Sync + 'static,
{
    let t = t();
    move || {
        action.value().get().and_then(Result::err).map(|err| {
            view! { <p class="error" role="alert">{(t.error)(&err)}</p> }
        })
    }
}

/// Who is signed in, in which organisation and role, and *Sign out*: at the top of the project
/// pages.
#[component]
pub fn AccountBar() -> impl IntoView {
    // One resource: the account brings its memberships, so the bar awaits a single request.
    let account = fetched(|| (), |_| current_account());
    let sign_out = ServerAction::<SignOut>::new();
    let a = ta();
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                account.await.ok().flatten().map(|account| view! {
                    <div class="account-bar" data-testid="account-bar">
                        <span data-role=account.role.as_str()>
                            {(a.signed_in_as)(&account.name, &account.organisation, account.role)}
                        </span>
                        <a href="/members">{a.team}</a>
                        <OrganisationSwitch list=account.memberships />
                        <ActionForm action=sign_out attr:class="sign-out">
                            <button type="submit">{a.sign_out}</button>
                        </ActionForm>
                    </div>
                })
            })}
        </Suspense>
    }
}

/// Moves the session to another of the user's organisations: shown only to members of more than
/// one. A plain form, so it works without JavaScript.
#[component]
fn OrganisationSwitch(list: Vec<Membership>) -> impl IntoView {
    let switch = ServerAction::<SwitchOrganisation>::new();
    let a = ta();
    (list.len() > 1).then(|| view! {
                    <ActionForm action=switch attr:class="switch-organisation">
                        <select name="organisation" aria-label=a.organisation>
                            {list.into_iter().map(|m| {
                                let label = format!("{} ({})", m.name, (a.role)(m.role));
                                view! { <option value=m.organisation.0.to_string() selected=m.current>{label}</option> }
                            }).collect_view()}
                        </select>
                        " "
                        <button type="submit">{a.switch}</button>
                    </ActionForm>
    })
}
