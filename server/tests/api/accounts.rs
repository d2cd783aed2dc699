//! Accounts: signing up and in (a new session token each time, the old one ended), cookies that
//! are forged, ended or another user's, repeated wrong passwords slowed down per account and per
//! address, bad sign-up input refused in the page's language, the one-time setup link of a fresh
//! install, and invitations.

use serde_json::{json, Value};
use server::{
    accounts::{DEMO_EMAIL, DEMO_PASSWORD},
    Application,
};

use crate::helpers::{client_with, post_form, session_cookie, spawn_app, test_config, PASSWORD};

async fn list_projects(base: &str, cookie: Option<&str>) -> u16 {
    client_with(cookie)
        .post(format!("{base}/api/list_projects"))
        .json(&json!({}))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// The signed-in account of session `cookie`.
async fn current_account(base: &str, cookie: &str) -> Value {
    client_with(Some(cookie))
        .post(format!("{base}/api/current_account"))
        .json(&json!({}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn signing_in_makes_a_new_session_and_ends_the_one_the_browser_had() {
    let app = spawn_app().await;
    let first = post_form(
        &app.base,
        "sign_in",
        &[("email", DEMO_EMAIL), ("password", DEMO_PASSWORD)],
    )
    .await;
    let first = session_cookie(&first).unwrap();
    let set_cookie = post_form(
        &app.base,
        "sign_in",
        &[("email", DEMO_EMAIL), ("password", DEMO_PASSWORD)],
    )
    .await
    .headers()
    .get("set-cookie")
    .unwrap()
    .to_str()
    .unwrap()
    .to_owned();
    assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
    assert!(set_cookie.contains("SameSite=Lax"), "{set_cookie}");
    assert!(!set_cookie.contains("Secure"), "no TLS here: {set_cookie}");

    // The same browser signs in again: a new token, and the old one no longer works.
    let again = client_with(Some(&first))
        .post(format!("{}/api/sign_in", app.base))
        .form(&[("email", DEMO_EMAIL), ("password", DEMO_PASSWORD)])
        .send()
        .await
        .unwrap();
    let second = session_cookie(&again).unwrap();
    assert_ne!(first, second);
    assert_eq!(list_projects(&app.base, Some(&first)).await, 401);
    assert_eq!(list_projects(&app.base, Some(&second)).await, 200);

    // Signing out ends it.
    let out = client_with(Some(&second))
        .post(format!("{}/api/sign_out", app.base))
        .form(&[("", "")])
        .send()
        .await
        .unwrap();
    assert!(out.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    assert_eq!(list_projects(&app.base, Some(&second)).await, 401);
}

#[tokio::test]
async fn forged_or_missing_cookies_get_401_and_behind_tls_the_cookie_is_secure() {
    let app = spawn_app().await;
    assert_eq!(list_projects(&app.base, None).await, 401);
    assert_eq!(
        list_projects(&app.base, Some("studio_session=0123abcd")).await,
        401
    );
    assert_eq!(
        list_projects(
            &app.base,
            Some(&format!("studio_session={}", "f".repeat(64)))
        )
        .await,
        401
    );
    let page = client_with(None)
        .get(format!("{}/projects/1", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status().as_u16(), 303);
    assert_eq!(page.headers()["location"], "/sign-in?next=%2Fprojects%2F1");

    let tls = client_with(None)
        .post(format!("{}/api/sign_in", app.base))
        .header("x-forwarded-proto", "https")
        .form(&[("email", DEMO_EMAIL), ("password", DEMO_PASSWORD)])
        .send()
        .await
        .unwrap();
    assert!(tls.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .contains("; Secure"));
}

#[tokio::test]
async fn repeated_wrong_passwords_are_slowed_down_per_account_and_per_address() {
    let app = spawn_app().await;
    let wrong = [("email", DEMO_EMAIL), ("password", "not the password")];
    for _ in 0..5 {
        let answer = post_form(&app.base, "sign_in", &wrong).await;
        assert_eq!(answer.status().as_u16(), 401);
        let body: Value = answer.json().await.unwrap();
        assert_eq!(body, json!({ "Refused": "wrong email or password" }));
    }
    let slowed = post_form(&app.base, "sign_in", &wrong).await;
    assert_eq!(slowed.status().as_u16(), 429);
    let wait: u64 = slowed.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=2).contains(&wait), "{wait}");
    // Even the right password waits: the check comes before the password is looked at.
    let right = post_form(
        &app.base,
        "sign_in",
        &[("email", DEMO_EMAIL), ("password", DEMO_PASSWORD)],
    )
    .await;
    assert_eq!(right.status().as_u16(), 429);
    // The same address trying another account waits too.
    let other = post_form(
        &app.base,
        "sign_in",
        &[("email", "someone@else.test"), ("password", "x")],
    )
    .await;
    assert_eq!(other.status().as_u16(), 429);

    tokio::time::sleep(std::time::Duration::from_millis(1_100 * wait)).await;
    let right = post_form(
        &app.base,
        "sign_in",
        &[("email", DEMO_EMAIL), ("password", DEMO_PASSWORD)],
    )
    .await;
    assert!(session_cookie(&right).is_some(), "{}", right.status());
}

#[tokio::test]
async fn bad_sign_ups_are_refused_in_the_pages_language_and_create_nothing() {
    let app = spawn_app().await;
    let cases = [
        (
            ("not-an-email", "Ana", PASSWORD),
            "esto no es una dirección de correo",
        ),
        (
            ("ana@studio.test", "Ana", "short"),
            "una contraseña tiene al menos 10 caracteres",
        ),
        (
            ("ana@studio.test", "  ", PASSWORD),
            "hace falta un nombre, de 100 caracteres como mucho",
        ),
        (
            (DEMO_EMAIL, "Ana", PASSWORD),
            "ya existe una cuenta con este correo; inicia sesión",
        ),
    ];
    for ((email, name, password), message) in cases {
        let answer = client_with(None)
            .post(format!("{}/api/sign_up", app.base))
            .header("accept-language", "es")
            .form(&[("email", email), ("name", name), ("password", password)])
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status().as_u16(), 422, "{email}");
        assert!(session_cookie(&answer).is_none());
        let body: Value = answer.json().await.unwrap();
        assert_eq!(body, json!({ "Refused": message }));
    }
    let answer = post_form(
        &app.base,
        "sign_in",
        &[("email", "ana@studio.test"), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(answer.status().as_u16(), 401, "no account was made");
}

#[tokio::test]
async fn a_fresh_install_prints_a_one_time_link_that_makes_the_first_owner() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = test_config(dir.path());
    config.seed_demo = false;
    let app = Application::build(config).await.unwrap();
    let link = app.setup_link().expect("a setup link").to_owned();
    let base = format!("http://{}", app.address());
    tokio::spawn(app.run());
    let token = link.rsplit_once("link=").unwrap().1.to_owned();

    let wrong = post_form(
        &base,
        "set_up_owner",
        &[
            ("link", "nope"),
            ("email", "o@s.test"),
            ("name", "O"),
            ("password", PASSWORD),
        ],
    )
    .await;
    assert_eq!(wrong.status().as_u16(), 422);
    let owner = post_form(
        &base,
        "set_up_owner",
        &[
            ("link", &token),
            ("email", "o@s.test"),
            ("name", "O"),
            ("password", PASSWORD),
        ],
    )
    .await;
    let cookie = session_cookie(&owner).expect("the owner is signed in");
    let again = post_form(
        &base,
        "set_up_owner",
        &[
            ("link", &token),
            ("email", "p@s.test"),
            ("name", "P"),
            ("password", PASSWORD),
        ],
    )
    .await;
    assert_eq!(again.status().as_u16(), 422, "the link works once");

    let account = current_account(&base, &cookie).await;
    assert_eq!(account["role"], "owner");
    assert_eq!(account["email"], "o@s.test");
}

#[tokio::test]
async fn an_invitation_works_once_and_gives_its_role() {
    let app = spawn_app().await;
    let link: String = app
        .call("invite_member", json!({ "role": "editor" }))
        .await
        .ok();
    let token = link.rsplit_once('=').unwrap().1.to_owned();
    let joined = post_form(
        &app.base,
        "sign_up",
        &[
            ("email", "ed@studio.test"),
            ("name", "Ed"),
            ("password", PASSWORD),
            ("invitation", &token),
        ],
    )
    .await;
    let cookie = session_cookie(&joined).unwrap();
    let account = current_account(&app.base, &cookie).await;
    assert_eq!(account["role"], "editor");
    assert_eq!(account["organisation"], "Demo studio");

    let reused = post_form(
        &app.base,
        "sign_up",
        &[
            ("email", "eve@studio.test"),
            ("name", "Eve"),
            ("password", PASSWORD),
            ("invitation", &token),
        ],
    )
    .await;
    assert_eq!(reused.status().as_u16(), 422);
    let eve = post_form(
        &app.base,
        "sign_in",
        &[("email", "eve@studio.test"), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(
        eve.status().as_u16(),
        401,
        "a refused sign-up leaves no account"
    );

    let members: Vec<Value> = app.call("list_members", json!({})).await.ok();
    let owner = members.iter().find(|m| m["email"] == DEMO_EMAIL).unwrap();
    let last = app
        .call(
            "set_member_role",
            json!({ "user": owner["user"], "role": "viewer" }),
        )
        .await;
    assert_eq!(
        last.status, 422,
        "the last owner stays owner: {}",
        last.body
    );
}
