//! Why an account request was refused: data only, worded in `i18n`.

use serde::{Deserialize, Serialize};

/// A refused sign-up, sign-in or membership change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccountRefusal {
    /// No account has this email and password (which of the two is wrong is not said).
    WrongCredentials,
    /// An account with this email exists already.
    EmailTaken,
    /// The email is not an address.
    InvalidEmail,
    /// The password is shorter than `min` characters.
    PasswordTooShort {
        /// The fewest characters a password may have.
        min: usize,
    },
    /// The password is longer than `max` characters.
    PasswordTooLong {
        /// The most characters a password may have.
        max: usize,
    },
    /// A name or an organisation's name is empty or too long.
    NameNeeded {
        /// The most characters a name may have.
        max: usize,
    },
    /// The one-time setup link is wrong or was used.
    SetupLinkInvalid,
    /// The invitation link is wrong, used or expired.
    InvitationInvalid,
    /// The organisation would be left without an owner.
    LastOwner,
}
