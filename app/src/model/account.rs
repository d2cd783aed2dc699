//! Who is asking: users, organisations (the tenants) and roles, and the [`Principal`] every port
//! method is called with.

use serde::{Deserialize, Serialize};

/// A user's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UserId(pub i64);

/// An organisation's id. Every project belongs to one organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OrganisationId(pub i64);

/// What a member may do in an organisation, least first: each role may do all that the ones
/// before it may.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Reads, auditions and comments on flags; edits nothing.
    Viewer,
    /// Also edits plans, casts and pronunciations, imports and generates.
    Editor,
    /// Also manages members and deletes projects.
    Owner,
}

impl Role {
    /// Every role, least first.
    pub const ALL: [Role; 3] = [Role::Viewer, Role::Editor, Role::Owner];

    /// The name stored in the database and sent over the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Editor => "editor",
            Role::Owner => "owner",
        }
    }

    /// The role stored as `name`.
    pub fn from_name(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.as_str() == name)
    }
}

/// The signed-in user acting in one of their organisations, with their role there. The server
/// builds it from the session on every request; the store scopes every query by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Principal {
    /// The user.
    pub user: UserId,
    /// The organisation they act in.
    pub organisation: OrganisationId,
    /// Their role there.
    pub role: Role,
}

impl Principal {
    /// Whether the principal's role is `role` or above.
    pub fn may(&self, role: Role) -> bool {
        self.role >= role
    }
}

/// The signed-in user as the page shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// Their email, which they sign in with.
    pub email: String,
    /// Their name.
    pub name: String,
    /// The organisation they act in.
    pub organisation: String,
    /// Their role there.
    pub role: Role,
    /// Every organisation they are a member of (the account bar offers a switch when there are
    /// several); loaded with the account, so the bar needs one request, not two.
    #[serde(default)]
    pub memberships: Vec<Membership>,
}

/// A member of the organisation, as the members page lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// Their user id.
    pub user: UserId,
    /// Their name.
    pub name: String,
    /// Their email.
    pub email: String,
    /// Their role.
    pub role: Role,
}

/// One of the signed-in user's organisations, for switching between them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    /// The organisation.
    pub organisation: OrganisationId,
    /// Its name.
    pub name: String,
    /// The user's role there.
    pub role: Role,
    /// Whether the user works in it now.
    pub current: bool,
}

/// One of the signed-in member's personal API tokens (the secret itself is shown once, when made).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiToken {
    /// Its id, to revoke it.
    pub id: i64,
    /// The name its maker gave it (what script uses it).
    pub name: String,
    /// When it was made, in milliseconds since the Unix epoch.
    pub created_at_ms: i64,
    /// When a request last used it (to the minute), if ever.
    pub last_used_ms: Option<i64>,
}
