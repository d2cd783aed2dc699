//! `/members`: the organisation's members. Everyone sees who is on the team; an owner also
//! invites (a one-time link to copy, no mail server needed), changes roles and removes members.
//! Below: the membership history and the signed-in member's API tokens.

mod api_tokens;

use leptos::{prelude::*, task::spawn_local};

use crate::{
    api::accounts::{
        current_account, invite_member, list_members, member_history, remove_member,
        set_member_role,
    },
    components::{History, Loaded},
    i18n::{t, ta, LanguageSwitch},
    model::{Account, Member, Role},
    resource::fetched,
};

/// The members page.
#[component]
pub fn MembersPage() -> impl IntoView {
    let members = fetched(|| (), |_| list_members());
    let history = fetched(|| (), |_| member_history());
    let on_change = Callback::new(move |()| {
        members.refetch();
        history.refetch();
    });
    let account = fetched(|| (), |_| current_account());
    let data = move || async move {
        let account = account.await?;
        members.await.map(|members| (account, members))
    };
    let t = t();
    let a = ta();
    view! {
        <main class="page">
            <LanguageSwitch />
            <super::AccountBar />
            <a href="/">{t.back_to_projects}</a>
            <h1>{a.members}</h1>
            <Loaded loading=a.loading_members data=data let:loaded>
                {
                    let (account, list) = loaded;
                    let owner = account.as_ref().is_some_and(|a| a.role == Role::Owner);
                    view! {
                        <MemberTable list owner on_change />
                        {owner.then(|| view! { <InviteForm on_invited=Callback::new(move |()| history.refetch()) /> })}
                        {account.map(|account: Account| view! { <p class="muted">{account.organisation}</p> })}
                    }
                }
            </Loaded>
            <History events=history />
            <api_tokens::ApiTokens />
        </main>
    }
}

#[component]
fn MemberTable(list: Vec<Member>, owner: bool, on_change: Callback<()>) -> impl IntoView {
    let a = ta();
    let error = RwSignal::new(None::<String>);
    let rows = list
        .into_iter()
        .map(|member| {
            let user = member.user;
            let change = move |ev| {
                let Some(role) = Role::from_name(&event_target_value(&ev)) else { return };
                spawn_local(async move {
                    match set_member_role(user, role).await {
                        Ok(()) => on_change.run(()),
                        Err(err) => error.set(Some((t().error)(&err))),
                    }
                });
            };
            let remove = move |_| {
                spawn_local(async move {
                    match remove_member(user).await {
                        Ok(()) => on_change.run(()),
                        Err(err) => error.set(Some((t().error)(&err))),
                    }
                });
            };
            let role = if owner {
                view! {
                    <select aria-label=a.role_label on:change=change>
                        {Role::ALL.map(|role| view! {
                            <option value=role.as_str() selected=role == member.role>{(a.role)(role)}</option>
                        }).collect_view()}
                    </select>
                }
                .into_any()
            } else {
                (a.role)(member.role).into_any()
            };
            view! {
                <tr>
                    <td>{member.name}</td>
                    <td>{member.email}</td>
                    <td>{role}</td>
                    <td>{owner.then(|| view! { <button on:click=remove>{a.remove}</button> })}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="members" aria-label=a.members>
            <thead><tr><th>{a.your_name}</th><th>{a.email}</th><th>{a.role_label}</th><th></th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
        <p class="error" role="alert">{move || error.get()}</p>
    }
}

/// Makes an invitation link for a role, shown for copying.
#[component]
fn InviteForm(on_invited: Callback<()>) -> impl IntoView {
    let a = ta();
    let role = RwSignal::new(Role::Editor);
    let link = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        spawn_local(async move {
            match invite_member(role.get_untracked()).await {
                Ok(path) => {
                    let origin = window().location().origin().unwrap_or_default();
                    link.set(Some(format!("{origin}{path}")));
                    on_invited.run(());
                }
                Err(err) => error.set(Some((t().error)(&err))),
            }
        });
    };
    view! {
        <form class="invite" on:submit=submit>
            <h2>{a.invite}</h2>
            <label>
                {a.role_label} " "
                <select on:change=move |ev| {
                    if let Some(chosen) = Role::from_name(&event_target_value(&ev)) { role.set(chosen) }
                }>
                    {Role::ALL.map(|r| view! {
                        <option value=r.as_str() selected=r == Role::Editor>{(a.role)(r)}</option>
                    }).collect_view()}
                </select>
            </label>
            " "
            <button type="submit" class="primary">{a.create_link}</button>
            {move || link.get().map(|link| view! {
                <label class="invite-link">
                    {a.invite_link}
                    <input type="text" readonly prop:value=link />
                </label>
            })}
            <p class="error" role="alert">{move || error.get()}</p>
        </form>
    }
}
