//! The page's own cache of clip audio: each clip's bytes as a `Blob` behind an object URL, the
//! least recently played dropped (and its URL revoked) past [`MEMORY_BYTES`], so a replay or the
//! next clip of *Listen from here* plays from memory with no request at all. A clip's key names its
//! content, so an entry is never stale. Without a browser (server render) there is nothing to hold
//! and the clip's own URL is used.

use std::collections::VecDeque;

use shared::speech::ClipKey;

/// About a hundred megabytes of audio (an hour of espeak-ng's 22 kHz WAV).
pub const MEMORY_BYTES: usize = 100 * 1024 * 1024;

/// Object URLs of clips, most recently used last, with their sizes.
#[derive(Debug, Default)]
pub struct Memory {
    clips: VecDeque<(ClipKey, String, usize)>,
    bytes: usize,
}

impl Memory {
    /// The object URL of clip `key`, marking it used.
    pub fn get(&mut self, key: &ClipKey) -> Option<String> {
        let at = self.clips.iter().position(|(k, _, _)| k == key)?;
        let entry = self.clips.remove(at)?;
        let url = entry.1.clone();
        self.clips.push_back(entry);
        Some(url)
    }

    /// Keeps `url` (holding `bytes` bytes) for `key`; returns the URLs dropped to stay within
    /// [`MEMORY_BYTES`], for the caller to revoke.
    pub fn put(&mut self, key: ClipKey, url: String, bytes: usize) -> Vec<String> {
        let mut dropped = Vec::new();
        if let Some(at) = self.clips.iter().position(|(k, _, _)| *k == key) {
            if let Some((_, old, size)) = self.clips.remove(at) {
                self.bytes -= size;
                dropped.push(old);
            }
        }
        self.clips.push_back((key, url, bytes));
        self.bytes += bytes;
        while self.bytes > MEMORY_BYTES && self.clips.len() > 1 {
            if let Some((_, old, size)) = self.clips.pop_front() {
                self.bytes -= size;
                dropped.push(old);
            }
        }
        dropped
    }

    /// Drops clip `key`; returns its URL, for the caller to revoke.
    pub fn forget(&mut self, key: &ClipKey) -> Option<String> {
        let at = self.clips.iter().position(|(k, _, _)| k == key)?;
        let (_, url, size) = self.clips.remove(at)?;
        self.bytes -= size;
        Some(url)
    }
}

/// The clip at `url` as an object URL of its bytes, or `None` when it cannot be fetched (the
/// player then uses `url` itself).
#[cfg(feature = "hydrate")]
pub async fn fetch(url: &str) -> Option<(String, usize)> {
    let response = gloo_net::http::Request::get(url).send().await.ok()?;
    if !response.ok() {
        return None;
    }
    let bytes = response.binary().await.ok()?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(
        response
            .headers()
            .get("content-type")
            .as_deref()
            .unwrap_or("audio/wav"),
    );
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    let object = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    Some((object, bytes.len()))
}

/// Server render: nothing is fetched.
#[cfg(not(feature = "hydrate"))]
pub async fn fetch(_url: &str) -> Option<(String, usize)> {
    None
}

/// Lets the browser free an object URL's bytes.
pub fn revoke(url: &str) {
    #[cfg(feature = "hydrate")]
    let _ = web_sys::Url::revoke_object_url(url);
    #[cfg(not(feature = "hydrate"))]
    let _ = url;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u8) -> ClipKey {
        format!("{:064x}", n).parse().unwrap()
    }

    #[test]
    fn the_least_recently_used_clips_go_past_the_bound() {
        let mut memory = Memory::default();
        let third = MEMORY_BYTES / 3 + 1;

        assert!(memory.put(key(1), "blob:1".into(), third).is_empty());
        assert!(memory.put(key(2), "blob:2".into(), third).is_empty());
        assert_eq!(memory.get(&key(1)).as_deref(), Some("blob:1"));
        let dropped = memory.put(key(3), "blob:3".into(), third);

        assert_eq!(dropped, ["blob:2"], "2 was used least recently");
        assert_eq!(memory.get(&key(2)), None);
        assert_eq!(memory.get(&key(3)).as_deref(), Some("blob:3"));
        assert_eq!(memory.bytes, 2 * third);
    }

    #[test]
    fn a_clip_put_again_replaces_its_url() {
        let mut memory = Memory::default();
        memory.put(key(1), "blob:a".into(), 10);

        assert_eq!(memory.put(key(1), "blob:b".into(), 10), ["blob:a"]);
        assert_eq!(memory.bytes, 10);
        assert_eq!(memory.get(&key(1)).as_deref(), Some("blob:b"));
        assert_eq!(memory.forget(&key(1)).as_deref(), Some("blob:b"));
        assert_eq!((memory.bytes, memory.get(&key(1))), (0, None));
    }
}
