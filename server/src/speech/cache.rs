//! `AudioCache`: rendered clips by [`ClipKey`], per project. The audio is an object
//! `{project}/{key}.wav` in an `object_store` (a local folder by default, or an S3-compatible
//! bucket); the `audio_clips` table
//! indexes it (bytes, duration, last use) and bounds the total size, evicting the least recently
//! used clips. A clip whose object is missing, truncated or unreadable is forgotten, so it is
//! rendered again.

use std::sync::Arc;

use anyhow::Context;
use app::{api::StoreError, model::ProjectId};
use object_store::{local::LocalFileSystem, path::Path as ObjectPath, ObjectStore, ObjectStoreExt};
use shared::speech::ClipKey;

use crate::{
    config::AudioStore,
    db::{self, audio, Db},
    speech::{bucket, wav},
    store::internal,
};

/// The object store the configuration names: a local folder (created if missing) or an
/// S3-compatible bucket.
///
/// # Errors
/// When the folder cannot be created or the bucket's client cannot be built.
pub fn objects(store: &AudioStore) -> anyhow::Result<Arc<dyn ObjectStore>> {
    Ok(match store {
        AudioStore::Folder(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("creating the audio cache folder {}", dir.display()))?;
            Arc::new(
                LocalFileSystem::new_with_prefix(dir)
                    .with_context(|| format!("opening the audio cache folder {}", dir.display()))?,
            )
        }
        AudioStore::Bucket(settings) => bucket::open(settings)?,
    })
}

/// The object that holds the project's clip `key`.
pub fn clip_path(project: ProjectId, key: &ClipKey) -> ObjectPath {
    ObjectPath::from(format!("{}/{key}.wav", project.0))
}

/// How many clips one eviction pass looks at.
const EVICTION_BATCH: i64 = 64;

/// The audio cache.
#[derive(Clone)]
pub struct AudioCache {
    objects: Arc<dyn ObjectStore>,
    db: Db,
    max_bytes: u64,
}

impl AudioCache {
    /// A cache in `objects`, indexed in `db`, holding at most `max_bytes` of audio.
    pub fn new(objects: Arc<dyn ObjectStore>, db: Db, max_bytes: u64) -> Self {
        Self {
            objects,
            db,
            max_bytes,
        }
    }

    /// The object store the clips are in (chapter renders are stored beside them).
    pub fn objects(&self) -> &Arc<dyn ObjectStore> {
        &self.objects
    }

    /// A cache where the configuration says: a local folder (created if missing) or an
    /// S3-compatible bucket (checked now, so a wrong name, endpoint or key stops the server at
    /// start rather than failing the first audition).
    ///
    /// # Errors
    /// When the folder cannot be created or the bucket cannot be used.
    pub async fn open(store: &AudioStore, db: Db, max_bytes: u64) -> anyhow::Result<Self> {
        let objects = objects(store)?;
        if let AudioStore::Bucket(settings) = store {
            bucket::probe(objects.as_ref(), settings).await?;
        }
        Ok(Self::new(objects, db, max_bytes))
    }

    /// The keys of the project's cached clips (as the index has them).
    ///
    /// # Errors
    /// `Internal` when the database fails.
    pub async fn keys(
        &self,
        project: ProjectId,
    ) -> Result<std::collections::HashSet<String>, StoreError> {
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let keys = audio::keys(&mut conn, project.0).await.map_err(internal)?;
        Ok(keys.into_iter().collect())
    }

    /// The duration of the project's cached clip `key`, marking it used; `None` when it is not
    /// cached or its audio turned out missing or unreadable (then it is forgotten).
    ///
    /// # Errors
    /// `Internal` when the database fails.
    pub async fn seconds(
        &self,
        project: ProjectId,
        key: &ClipKey,
    ) -> Result<Option<f64>, StoreError> {
        Ok(self.read(project, key).await?.map(|(_, seconds)| seconds))
    }

    /// The project's cached clip `key` (its bytes and duration), marking it used; `None` as for
    /// [`AudioCache::seconds`].
    ///
    /// # Errors
    /// `Internal` when the database fails.
    pub async fn read(
        &self,
        project: ProjectId,
        key: &ClipKey,
    ) -> Result<Option<(bytes::Bytes, f64)>, StoreError> {
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let Some(row) = audio::clip(&mut conn, project.0, key.as_str())
            .await
            .map_err(internal)?
        else {
            return Ok(None);
        };
        let path = clip_path(project, key);
        let bytes = match self.objects.get(&path).await {
            Ok(found) => found.bytes().await.ok(),
            Err(_) => None,
        };
        let checked = bytes.and_then(|bytes| {
            let seconds = wav::check(&bytes).ok()?;
            (bytes.len() as i64 == row.bytes).then_some((bytes, seconds))
        });
        match checked {
            Some(found) => {
                audio::touch(&mut conn, project.0, key.as_str(), db::now_millis())
                    .await
                    .map_err(internal)?;
                Ok(Some(found))
            }
            None => {
                tracing::warn!(key = %key, "a cached clip was missing or unreadable; forgetting it");
                audio::delete(&mut conn, project.0, key.as_str())
                    .await
                    .map_err(internal)?;
                let _ = self.objects.delete(&path).await;
                Ok(None)
            }
        }
    }

    /// Stores a rendered clip, then evicts the least recently used clips while the cache holds
    /// more than its bound. The object is written whole before the index names it.
    ///
    /// # Errors
    /// `Internal` when the object store or the database fails.
    pub async fn put(
        &self,
        project: ProjectId,
        key: &ClipKey,
        bytes: Vec<u8>,
        seconds: f64,
    ) -> Result<(), StoreError> {
        let row = audio::ClipRow {
            project_id: project.0,
            clip_key: key.to_string(),
            bytes: bytes.len() as i64,
            duration_ms: (seconds * 1000.0).round() as i64,
        };
        self.objects
            .put(&clip_path(project, key), bytes.into())
            .await
            .context("writing a clip to the audio cache")?;
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        audio::upsert(&mut conn, &row, db::now_millis())
            .await
            .map_err(internal)?;
        self.evict(&mut conn).await
    }

    async fn evict(&self, conn: &mut sqlx::AnyConnection) -> Result<(), StoreError> {
        let mut total = audio::total_bytes(conn).await.map_err(internal)?;
        let max = i64::try_from(self.max_bytes).unwrap_or(i64::MAX);
        while total > max {
            let oldest = audio::oldest(conn, EVICTION_BATCH)
                .await
                .map_err(internal)?;
            if oldest.is_empty() {
                break;
            }
            for row in oldest {
                if total <= max {
                    break;
                }
                if let Ok(key) = row.clip_key.parse::<ClipKey>() {
                    let _ = self
                        .objects
                        .delete(&clip_path(ProjectId(row.project_id), &key))
                        .await;
                }
                audio::delete(conn, row.project_id, &row.clip_key)
                    .await
                    .map_err(internal)?;
                total -= row.bytes;
                tracing::debug!(key = %row.clip_key, "evicted from the audio cache");
            }
        }
        Ok(())
    }
}
