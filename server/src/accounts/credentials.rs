//! What an account is made of and how its secrets are kept: checked emails, names and
//! passwords, argon2id password hashes, and random tokens kept only as their SHA-256.

use std::sync::OnceLock;

use app::{api::StoreError, error::AccountRefusal};
use argon2::{
    password_hash::{rand_core::OsRng, rand_core::RngCore, PasswordHash, SaltString},
    Argon2, PasswordHasher, PasswordVerifier,
};
use sha2::{Digest, Sha256};

use super::refused;

/// Password length bounds, in characters.
const PASSWORD_MIN: usize = 10;
const PASSWORD_MAX: usize = 256;
/// The longest name of a user or an organisation.
const NAME_MAX: usize = 100;

pub(super) fn checked_email(email: &str) -> Result<String, StoreError> {
    let email = email.trim().to_lowercase();
    let valid = email.len() <= 254
        && !email.chars().any(char::is_whitespace)
        && email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.contains('@')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        });
    if valid {
        Ok(email)
    } else {
        Err(refused(AccountRefusal::InvalidEmail))
    }
}

pub(super) fn checked_name(name: &str) -> Result<String, StoreError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > NAME_MAX {
        return Err(refused(AccountRefusal::NameNeeded { max: NAME_MAX }));
    }
    Ok(name.to_owned())
}

pub(super) fn checked_password(password: &str) -> Result<(), StoreError> {
    let length = password.chars().count();
    if length < PASSWORD_MIN {
        return Err(refused(AccountRefusal::PasswordTooShort {
            min: PASSWORD_MIN,
        }));
    }
    if length > PASSWORD_MAX {
        return Err(refused(AccountRefusal::PasswordTooLong {
            max: PASSWORD_MAX,
        }));
    }
    Ok(())
}

/// An argon2id PHC string of `password` with a random salt (the crate's default cost).
pub(super) fn hash_password(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|err| anyhow::anyhow!("hashing a password: {err}"))
}

/// A hash to check an unknown email's password against, so that the answer takes as long as for
/// a known one; made at the first such sign-in, not at start.
pub(super) fn decoy() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| hash_password("a password no account has").unwrap_or_default())
}

pub(super) fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// 32 random bytes from the operating system, as hex: a session token or a setup link.
pub(crate) fn random_token() -> String {
    let mut bytes = [0_u8; 32];
    OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// What the database keeps of a token.
pub(crate) fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

pub(super) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0_u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Wrong passwords allowed before each attempt must wait.
const FREE_FAILURES: i64 = 5;

/// The longest wait between attempts after repeated failures.
const MAX_WAIT_MS: i64 = 15 * 60 * 1000;

/// How long after its last failure a subject with `failures` consecutive failures must wait:
/// nothing for the first few, then one second doubling up to 15 minutes.
pub(super) fn wait_ms(failures: i64) -> i64 {
    if failures < FREE_FAILURES {
        return 0;
    }
    let doublings = u32::try_from(failures - FREE_FAILURES)
        .unwrap_or(u32::MAX)
        .min(20);
    (1000_i64 << doublings).min(MAX_WAIT_MS)
}
