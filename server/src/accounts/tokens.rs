//! Personal API tokens: a member makes one for a script, which then sends it as
//! `Authorization: Bearer <token>` and acts as that member, in the organisation the token was
//! made in, with their role of the moment (none once they leave). Only its SHA-256 is stored.

use app::{
    api::StoreError,
    model::{ApiToken, Principal},
};

use super::{checked_name, principal_of, random_token, token_hash, SqlAccounts};
use crate::{
    db::{self, tokens},
    store::internal,
};

/// What a token starts with, so that one pasted by mistake is recognised for what it is.
const PREFIX: &str = "studio_";

impl SqlAccounts {
    /// The principal a bearer token acts as, if it is live and its maker still a member.
    ///
    /// # Errors
    /// When the database fails.
    pub async fn token_principal(&self, token: &str) -> anyhow::Result<Option<Principal>> {
        let mut conn = self.db.pool.acquire().await?;
        let row = tokens::principal(&mut conn, &token_hash(token), db::now_millis()).await?;
        Ok(row.and_then(principal_of))
    }

    pub(super) async fn make_token(
        &self,
        who: &Principal,
        name: &str,
    ) -> Result<String, StoreError> {
        let name = checked_name(name)?;
        let token = format!("{PREFIX}{}", random_token());
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        tokens::insert(
            &mut conn,
            who.user.0,
            who.organisation.0,
            &name,
            &token_hash(&token),
            db::now_millis(),
        )
        .await
        .map_err(internal)?;
        Ok(token)
    }

    pub(super) async fn tokens_of(&self, who: &Principal) -> Result<Vec<ApiToken>, StoreError> {
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let rows = tokens::list(&mut conn, who.user.0, who.organisation.0)
            .await
            .map_err(internal)?;
        Ok(rows
            .into_iter()
            .map(|row| ApiToken {
                id: row.id,
                name: row.name,
                created_at_ms: row.created_at,
                last_used_ms: row.last_used_at,
            })
            .collect())
    }

    pub(super) async fn revoke_token(&self, who: &Principal, id: i64) -> Result<(), StoreError> {
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let revoked = tokens::revoke(&mut conn, id, who.user.0, db::now_millis())
            .await
            .map_err(internal)?;
        if revoked {
            Ok(())
        } else {
            Err(StoreError::NotFound)
        }
    }
}
