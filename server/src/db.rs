//! `Db`: the connection pool (SQLite or PostgreSQL behind sqlx's `Any` driver) and migrations.
//! Queries live in the submodules, one function per query, with `$1` placeholders for both backends.

pub(crate) mod accounts;
pub(crate) mod audio;
pub(crate) mod audit;
pub(crate) mod chapters;
pub(crate) mod jobs;
pub(crate) mod members;
pub(crate) mod plans;
pub(crate) mod presence;
pub(crate) mod projects;
pub(crate) mod renders;
pub(crate) mod tokens;

use anyhow::Context;
use sqlx::{any::AnyPoolOptions, AnyPool, Executor};

/// Which database is behind the pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// A SQLite file (the default).
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

/// The database handle; cheap to clone.
#[derive(Debug, Clone)]
pub struct Db {
    pub(crate) pool: AnyPool,
    backend: Backend,
}

impl Db {
    /// Connects to `url` and applies the migrations of its backend.
    ///
    /// # Errors
    /// When the URL names another backend, the connection fails or a migration fails.
    pub async fn connect(url: &str) -> anyhow::Result<Self> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            anyhow::bail!("DATABASE_URL must start with sqlite: or postgres:");
        };
        let pool = AnyPoolOptions::new()
            .max_connections(if backend == Backend::Sqlite { 4 } else { 10 })
            // A pooled connection to a PostgreSQL server may have died since its last use, so
            // it is pinged before being handed out; a SQLite file's cannot, and the ping was a
            // round trip to its worker thread on every acquire (BENCHMARKS.md, "REST API").
            .test_before_acquire(backend == Backend::Postgres)
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // WAL lets readers work while a save commits; SQLite checks foreign
                        // keys only when asked to, per connection.
                        conn.execute("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;")
                            .await?;
                    }
                    Ok(())
                })
            })
            .connect(url)
            .await
            .with_context(|| format!("connecting to {}", redact(url)))?;
        let migrator = match backend {
            Backend::Sqlite => sqlx::migrate!("./migrations/sqlite"),
            Backend::Postgres => sqlx::migrate!("./migrations/postgres"),
        };
        migrator.run(&pool).await.context("running migrations")?;
        Ok(Self { pool, backend })
    }

    /// Which backend this is.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// A transaction that reads and then writes. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`): a deferred one that read first cannot take it after another
    /// connection wrote (a page's presence, a colleague's save) and fails at once with "database
    /// is locked", where an immediate one waits its turn (`busy_timeout`).
    ///
    /// # Errors
    /// When no connection can be had or the transaction cannot start.
    pub async fn begin_write(&self) -> sqlx::Result<sqlx::Transaction<'static, sqlx::Any>> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
    }
}

/// The URL without its password, for logs.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => format!("{}://…{}", &url[..scheme], &url[at..]),
        _ => url.to_owned(),
    }
}

/// Milliseconds since the Unix epoch, for `created_at` / `updated_at`.
pub(crate) fn now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}
