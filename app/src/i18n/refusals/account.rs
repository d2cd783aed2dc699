//! Refusals of account requests and of access, in English and Spanish.

use crate::{
    error::{AccountRefusal, Work},
    i18n::plural::form,
};

/// An [`AccountRefusal`] in English.
pub(in crate::i18n) fn account_en(refusal: &AccountRefusal) -> String {
    match refusal {
        AccountRefusal::WrongCredentials => "wrong email or password".to_owned(),
        AccountRefusal::EmailTaken => {
            "an account with this email exists already; sign in instead".to_owned()
        }
        AccountRefusal::InvalidEmail => "this is not an email address".to_owned(),
        AccountRefusal::PasswordTooShort { min } => {
            format!("a password has at least {min} characters")
        }
        AccountRefusal::PasswordTooLong { max } => {
            format!("a password has at most {max} characters")
        }
        AccountRefusal::NameNeeded { max } => {
            format!("a name is needed, of at most {max} characters")
        }
        AccountRefusal::SetupLinkInvalid => {
            "this setup link is not valid (it works once); sign in instead".to_owned()
        }
        AccountRefusal::InvitationInvalid => {
            "this invitation is not valid: it works once, for 7 days; ask for a new one".to_owned()
        }
        AccountRefusal::LastOwner => {
            "an organisation needs an owner; make someone else owner first".to_owned()
        }
    }
}

/// An [`AccountRefusal`] in Spanish.
pub(in crate::i18n) fn account_es(refusal: &AccountRefusal) -> String {
    match refusal {
        AccountRefusal::WrongCredentials => "correo o contraseña incorrectos".to_owned(),
        AccountRefusal::EmailTaken => {
            "ya existe una cuenta con este correo; inicia sesión".to_owned()
        }
        AccountRefusal::InvalidEmail => "esto no es una dirección de correo".to_owned(),
        AccountRefusal::PasswordTooShort { min } => {
            format!("una contraseña tiene al menos {min} caracteres")
        }
        AccountRefusal::PasswordTooLong { max } => {
            format!("una contraseña tiene como mucho {max} caracteres")
        }
        AccountRefusal::NameNeeded { max } => {
            format!("hace falta un nombre, de {max} caracteres como mucho")
        }
        AccountRefusal::SetupLinkInvalid => {
            "este enlace de configuración no es válido (sirve una vez); inicia sesión".to_owned()
        }
        AccountRefusal::InvitationInvalid => {
            "esta invitación no es válida: sirve una vez, durante 7 días; pide otra".to_owned()
        }
        AccountRefusal::LastOwner => {
            "una organización necesita un propietario; nombra antes a otro".to_owned()
        }
    }
}

/// The answer to a request without a valid session, in English.
pub(in crate::i18n) const UNAUTHORIZED_EN: &str = "sign in to continue";
/// The answer to a request without a valid session, in Spanish.
pub(in crate::i18n) const UNAUTHORIZED_ES: &str = "inicia sesión para continuar";
/// The answer to a request the user's role does not allow, in English.
pub(in crate::i18n) const FORBIDDEN_EN: &str =
    "your role in this organisation does not allow this; ask an owner";
/// The answer to a request the user's role does not allow, in Spanish.
pub(in crate::i18n) const FORBIDDEN_ES: &str =
    "tu papel en esta organización no lo permite; pídeselo a un propietario";

/// Too many wrong passwords, in English.
pub(in crate::i18n) fn too_many_en(seconds: u64) -> String {
    format!(
        "too many wrong passwords; try again in {}",
        wait_en(seconds)
    )
}

/// Too many wrong passwords, in Spanish.
pub(in crate::i18n) fn too_many_es(seconds: u64) -> String {
    format!(
        "demasiadas contraseñas incorrectas; vuelve a intentarlo dentro de {}",
        wait_es(seconds)
    )
}

fn wait_en(seconds: u64) -> String {
    match seconds {
        0..=1 => "a second".to_owned(),
        2..=90 => format!("{seconds} seconds"),
        _ => format!("{} minutes", seconds.div_ceil(60)),
    }
}

fn wait_es(seconds: u64) -> String {
    match seconds {
        0..=1 => "un segundo".to_owned(),
        2..=90 => format!("{seconds} segundos"),
        _ => format!("{} minutos", seconds.div_ceil(60)),
    }
}

/// An hourly allowance spent, in English.
pub(in crate::i18n) fn over_limit_en(work: Work, per_hour: u64, seconds: u64) -> String {
    let n = usize::try_from(per_hour).unwrap_or(usize::MAX);
    let what = match work {
        Work::Renders => form(n, "clip rendered", "clips rendered"),
        Work::SpeakerJobs => form(
            n,
            "speaker assignment by the language model",
            "speaker assignments by the language model",
        ),
    };
    format!(
        "the limit of {per_hour} {what} an hour is reached; cached clips still play; try again in {}",
        wait_en(seconds)
    )
}

/// An hourly allowance spent, in Spanish.
pub(in crate::i18n) fn over_limit_es(work: Work, per_hour: u64, seconds: u64) -> String {
    let n = usize::try_from(per_hour).unwrap_or(usize::MAX);
    let what = match work {
        Work::Renders => form(n, "clip generado", "clips generados"),
        Work::SpeakerJobs => form(
            n,
            "asignación de personajes por el modelo de lenguaje",
            "asignaciones de personajes por el modelo de lenguaje",
        ),
    };
    format!(
        "se alcanzó el límite de {per_hour} {what} por hora; los clips guardados siguen sonando; vuelve a intentarlo dentro de {}",
        wait_es(seconds)
    )
}
