//! `ClipKey`: the name of a rendered clip in the audio cache, a SHA-256 of everything that changes
//! the audio (engine, its version, the output format, every voice setting and the final
//! document), so a changed text, voice or pronunciation can never be served old audio.

use std::fmt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::cast::voice::Voice;

/// What a clip is rendered from.
#[derive(Debug, Clone, Copy)]
pub struct ClipSource<'a> {
    /// The engine's name (`espeak`, `azure`, `elevenlabs`).
    pub engine: &'a str,
    /// The engine's version or model (`1.51`, `eleven_multilingual_v2`).
    pub engine_version: &'a str,
    /// The audio format asked for (`wav`, `riff-24khz-16bit-mono-pcm`).
    pub format: &'a str,
    /// The voice, every setting of which counts.
    pub voice: &'a Voice,
    /// The document sent (SSML or plain text).
    pub document: &'a str,
}

/// A clip's key: 64 lowercase hex digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ClipKey(String);

impl ClipKey {
    /// The key of a clip rendered from `source`.
    pub fn of(source: &ClipSource<'_>) -> Self {
        let voice = source.voice;
        let mut hash = Sha256::new();
        // Each field with its length first, so no two different sources hash the same bytes.
        let mut field = |bytes: &[u8]| {
            hash.update((bytes.len() as u64).to_le_bytes());
            hash.update(bytes);
        };
        field(b"clip/1");
        field(source.engine.as_bytes());
        field(source.engine_version.as_bytes());
        field(source.format.as_bytes());
        field(voice.engine.as_str().as_bytes());
        field(voice.voice_id.as_bytes());
        field(voice.style.as_deref().unwrap_or_default().as_bytes());
        field(&[u8::from(voice.style.is_some())]);
        field(&voice.style_degree.to_bits().to_le_bytes());
        field(&voice.rate.to_le_bytes());
        field(&voice.pitch.to_le_bytes());
        field(source.document.as_bytes());
        Self(hex::encode(hash.finalize()))
    }

    /// The key as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ClipKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Text that is not 64 lowercase hex digits.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("“{0}” is not a clip key")]
pub struct NotAKey(pub String);

impl TryFrom<String> for ClipKey {
    type Error = NotAKey;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        if text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            Ok(Self(text))
        } else {
            Err(NotAKey(text))
        }
    }
}

impl std::str::FromStr for ClipKey {
    type Err = NotAKey;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::try_from(text.to_owned())
    }
}

impl From<ClipKey> for String {
    fn from(key: ClipKey) -> Self {
        key.0
    }
}
