//! `AudioStore`: where the audio cache keeps its clips, read from the environment by
//! [`super::Config`].

use std::fmt;

use anyhow::Context;

/// Where the audio cache keeps its clips.
#[derive(Debug, Clone)]
pub enum AudioStore {
    /// A folder on this machine.
    Folder(std::path::PathBuf),
    /// An S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, Garage…), shared by every server.
    Bucket(AudioBucket),
}

/// An S3-compatible bucket for the audio cache. `Debug` does not show the secret.
#[derive(Clone)]
pub struct AudioBucket {
    /// The bucket's name (`STUDIO_AUDIO_BUCKET`, written `name` or `name/prefix`).
    pub name: String,
    /// A folder inside the bucket that holds the clips (the part after the first `/`).
    pub prefix: Option<String>,
    /// The service's URL for a service other than AWS (`STUDIO_AUDIO_BUCKET_ENDPOINT`, e.g.
    /// `http://127.0.0.1:9000`); plain `http` is allowed only for such an endpoint.
    pub endpoint: Option<String>,
    /// The region (`STUDIO_AUDIO_BUCKET_REGION`, default `us-east-1`).
    pub region: String,
    /// The access key (`AWS_ACCESS_KEY_ID`).
    pub access_key_id: String,
    /// The secret key (`AWS_SECRET_ACCESS_KEY`).
    pub secret_access_key: String,
}

impl AudioStore {
    /// Reads `STUDIO_AUDIO_BUCKET` (with its endpoint, region and the `AWS_` keys) or
    /// `STUDIO_AUDIO_DIR` through `var`.
    ///
    /// # Errors
    /// When a bucket is named without both keys, or its endpoint is not an http(s) URL.
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> anyhow::Result<Self> {
        let Some(bucket) = var("STUDIO_AUDIO_BUCKET") else {
            return Ok(Self::Folder(
                var("STUDIO_AUDIO_DIR")
                    .unwrap_or_else(|| "audio".to_owned())
                    .into(),
            ));
        };
        let bucket = bucket.trim().trim_matches('/');
        let (name, prefix) = match bucket.split_once('/') {
            Some((name, prefix)) => (name, Some(prefix.trim_matches('/').to_owned())),
            None => (bucket, None),
        };
        let endpoint = var("STUDIO_AUDIO_BUCKET_ENDPOINT").map(|e| e.trim().to_owned());
        if let Some(endpoint) = &endpoint {
            anyhow::ensure!(
                endpoint.starts_with("http://") || endpoint.starts_with("https://"),
                "STUDIO_AUDIO_BUCKET_ENDPOINT must be an http:// or https:// URL, not {endpoint:?}"
            );
        }
        let key = |name: &str| {
            var(name).map(|v| v.trim().to_owned()).with_context(|| {
                format!("STUDIO_AUDIO_BUCKET is set without {name}, the bucket's credentials")
            })
        };
        Ok(Self::Bucket(AudioBucket {
            name: name.to_owned(),
            prefix: prefix.filter(|p| !p.is_empty()),
            endpoint,
            region: var("STUDIO_AUDIO_BUCKET_REGION").unwrap_or_else(|| "us-east-1".to_owned()),
            access_key_id: key("AWS_ACCESS_KEY_ID")?,
            secret_access_key: key("AWS_SECRET_ACCESS_KEY")?,
        }))
    }
}

impl fmt::Debug for AudioBucket {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AudioBucket")
            .field("name", &self.name)
            .field("prefix", &self.prefix)
            .field("endpoint", &self.endpoint)
            .field("region", &self.region)
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"<redacted>")
            .finish()
    }
}
