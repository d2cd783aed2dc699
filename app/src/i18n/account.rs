//! The words of the account pages (sign in, sign up, first owner) and of the account bar, in
//! English and Spanish.

use crate::model::Role;

use super::Locale;

/// The account pages' words in one language.
pub struct AccountTexts {
    pub sign_in: &'static str,
    pub sign_up: &'static str,
    pub sign_out: &'static str,
    pub email: &'static str,
    pub password: &'static str,
    pub your_name: &'static str,
    pub new_here: &'static str,
    pub have_account: &'static str,
    pub sign_up_intro: &'static str,
    pub demo_hint: &'static str,
    pub set_up_title: &'static str,
    pub set_up_intro: &'static str,
    pub create_owner: &'static str,
    pub signed_in_as: fn(&str, &str, Role) -> String,
    pub role: fn(Role) -> &'static str,
    pub members: &'static str,
    pub loading_members: &'static str,
    pub role_label: &'static str,
    pub remove: &'static str,
    pub invite: &'static str,
    pub create_link: &'static str,
    pub invite_link: &'static str,
    pub team: &'static str,
    pub history: &'static str,
    pub loading_history: &'static str,
    pub no_history: &'static str,
    /// The accessible name of the organisation picker, and its button.
    pub organisation: &'static str,
    pub switch: &'static str,
    pub api_tokens: &'static str,
    pub api_tokens_intro: &'static str,
    pub token_name: &'static str,
    pub create_token: &'static str,
    /// Shown once, beside the new token's secret.
    pub token_once: &'static str,
    pub revoke: &'static str,
    /// "Made 3 Dec 2026 14:02 · last used 4 Dec 2026 09:10" (moments already worded).
    pub token_used: fn(&str, Option<&str>) -> String,
    pub no_tokens: &'static str,
}

/// The account words of `locale`.
pub fn account_texts(locale: Locale) -> &'static AccountTexts {
    match locale {
        Locale::En => &EN,
        Locale::Es => &ES,
    }
}

/// English.
pub const EN: AccountTexts = AccountTexts {
    sign_in: "Sign in",
    sign_up: "Create an account",
    sign_out: "Sign out",
    email: "Email",
    password: "Password",
    your_name: "Your name",
    new_here: "New here?",
    have_account: "Already have an account?",
    sign_up_intro: "You get your own studio, with the demo books to try, and can invite your team.",
    demo_hint: "To look around, sign in with the demo account:",
    set_up_title: "Create the studio's owner",
    set_up_intro: "No account exists yet. The owner you create here takes over the studio's projects and invites the team.",
    create_owner: "Create the owner",
    signed_in_as: |name, organisation, role| {
        format!("{name} · {organisation} ({})", role_en(role))
    },
    role: role_en,
    members: "Members",
    loading_members: "Loading the members…",
    role_label: "Role",
    remove: "Remove",
    invite: "Invite a colleague",
    create_link: "Create an invitation link",
    invite_link: "Send them this link (it works once, for 7 days):",
    team: "Team",
    history: "History",
    loading_history: "Loading the history…",
    no_history: "No change recorded yet.",
    organisation: "Organisation",
    switch: "Switch",
    api_tokens: "API tokens",
    api_tokens_intro: "A script sends a token as “Authorization: Bearer …” to the REST API and acts as you, with your role in this studio.",
    token_name: "What it is for",
    create_token: "Create a token",
    token_once: "Copy it now: it is shown only once.",
    revoke: "Revoke",
    token_used: |made, used| match used {
        Some(used) => format!("made {made} · last used {used}"),
        None => format!("made {made} · never used"),
    },
    no_tokens: "No token yet.",
};

/// Spanish.
pub const ES: AccountTexts = AccountTexts {
    sign_in: "Iniciar sesión",
    sign_up: "Crear una cuenta",
    sign_out: "Cerrar sesión",
    email: "Correo",
    password: "Contraseña",
    your_name: "Tu nombre",
    new_here: "¿Eres nuevo?",
    have_account: "¿Ya tienes cuenta?",
    sign_up_intro: "Tendrás tu propio estudio, con los libros de demostración para probar, y podrás invitar a tu equipo.",
    demo_hint: "Para echar un vistazo, entra con la cuenta de demostración:",
    set_up_title: "Crea el propietario del estudio",
    set_up_intro: "Aún no hay ninguna cuenta. El propietario que crees aquí se queda con los proyectos del estudio e invita al equipo.",
    create_owner: "Crear el propietario",
    signed_in_as: |name, organisation, role| {
        format!("{name} · {organisation} ({})", role_es(role))
    },
    role: role_es,
    members: "Miembros",
    loading_members: "Cargando los miembros…",
    role_label: "Papel",
    remove: "Quitar",
    invite: "Invitar a un colega",
    create_link: "Crear un enlace de invitación",
    invite_link: "Envíale este enlace (sirve una vez, durante 7 días):",
    team: "Equipo",
    history: "Historial",
    loading_history: "Cargando el historial…",
    no_history: "Aún no hay cambios registrados.",
    organisation: "Organización",
    switch: "Cambiar",
    api_tokens: "Tokens de la API",
    api_tokens_intro: "Un script envía un token como «Authorization: Bearer …» a la API REST y actúa como tú, con tu papel en este estudio.",
    token_name: "Para qué es",
    create_token: "Crear un token",
    token_once: "Cópialo ahora: solo se muestra esta vez.",
    revoke: "Revocar",
    token_used: |made, used| match used {
        Some(used) => format!("creado {made} · último uso {used}"),
        None => format!("creado {made} · sin usar"),
    },
    no_tokens: "Aún no hay tokens.",
};

fn role_en(role: Role) -> &'static str {
    match role {
        Role::Viewer => "viewer",
        Role::Editor => "editor",
        Role::Owner => "owner",
    }
}

fn role_es(role: Role) -> &'static str {
    match role {
        Role::Viewer => "lector",
        Role::Editor => "editor",
        Role::Owner => "propietario",
    }
}
