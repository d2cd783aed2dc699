//! `ApiTokens`: the signed-in member's personal API tokens: make one (its secret shown once, for
//! copying), see when each was last used, revoke one.

use leptos::{prelude::*, task::spawn_local};

use crate::{
    api::tokens::{create_api_token, list_api_tokens, revoke_api_token},
    components::Loaded,
    i18n::{moment, t, ta},
    model::ApiToken,
    resource::fetched,
};

/// The token section of the members page.
#[component]
pub fn ApiTokens() -> impl IntoView {
    let a = ta();
    let tokens = fetched(|| (), |()| list_api_tokens());
    let name = RwSignal::new(String::new());
    let secret = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        spawn_local(async move {
            match create_api_token(name.get_untracked()).await {
                Ok(token) => {
                    secret.set(Some(token));
                    name.set(String::new());
                    error.set(None);
                    tokens.refetch();
                }
                Err(err) => error.set(Some((t().error)(&err))),
            }
        });
    };
    let revoke = move |id: i64| {
        spawn_local(async move {
            match revoke_api_token(id).await {
                Ok(()) => tokens.refetch(),
                Err(err) => error.set(Some((t().error)(&err))),
            }
        });
    };
    view! {
        <section class="api-tokens" id="api-tokens" aria-labelledby="api-tokens-title">
            <h2 id="api-tokens-title">{a.api_tokens}</h2>
            <p class="muted">{a.api_tokens_intro} " " <a href="/api-reference">{crate::i18n::tr().title}</a></p>
            <form on:submit=create>
                <label>
                    {a.token_name} " "
                    <input type="text" maxlength="100" prop:value=name
                        on:input=move |ev| name.set(event_target_value(&ev)) />
                </label>
                " "
                <button type="submit">{a.create_token}</button>
            </form>
            {move || secret.get().map(|secret| view! {
                <label class="invite-link">
                    {a.token_once}
                    <input type="text" readonly prop:value=secret />
                </label>
            })}
            <p class="error" role="alert">{move || error.get()}</p>
            <Loaded loading=a.loading_members data=move || async move { tokens.await } let:list>
                {token_list(list, revoke)}
            </Loaded>
        </section>
    }
}

fn token_list(list: Vec<ApiToken>, revoke: impl Fn(i64) + Copy + 'static) -> impl IntoView {
    let a = ta();
    if list.is_empty() {
        return view! { <p class="muted">{a.no_tokens}</p> }.into_any();
    }
    let items = list
        .into_iter()
        .map(|token| {
            let used = token.last_used_ms.map(moment);
            let when = (a.token_used)(&moment(token.created_at_ms), used.as_deref());
            let id = token.id;
            view! {
                <li>
                    <strong>{token.name}</strong> " " <span class="muted">{when}</span> " "
                    <button on:click=move |_| revoke(id)>{a.revoke}</button>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="token-list">{items}</ul> }.into_any()
}
