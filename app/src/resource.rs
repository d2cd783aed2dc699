//! Resources whose values travel from the server to the browser as JSON read from bytes, as the
//! server functions' answers are. `serde_json` compiles one decoder per type and per reader, and
//! Leptos's default codec reads a resource from a `&str` while the server functions read bytes:
//! every type that arrives both ways was decoded by two copies of the same code in the bundle.

use std::future::Future;

use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

/// JSON written as text, read as bytes (`serde_json::from_slice`).
pub struct Json;

impl<T: Serialize> codee::Encoder<T> for Json {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(value: &T) -> Result<String, serde_json::Error> {
        serde_json::to_string(value)
    }
}

impl<T: DeserializeOwned> codee::Decoder<T> for Json {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(value: &str) -> Result<T, serde_json::Error> {
        serde_json::from_slice(value.as_bytes())
    }
}

/// A resource loaded on the server and sent with the page in [`Json`].
pub type Fetched<T> = Resource<T, Json>;

/// [`Resource::new`] with the [`Json`] codec: `fetcher` runs whenever `source` changes.
#[track_caller]
pub fn fetched<T, S, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> Fetched<T>
where
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    S: PartialEq + Clone + Send + Sync + 'static,
    Fut: Future<Output = T> + Send + 'static,
{
    Resource::new_with_options(source, fetcher, false)
}

#[cfg(test)]
mod tests {
    use codee::{Decoder, Encoder};

    use super::Json;

    #[test]
    fn a_value_reads_back_as_written() {
        let value: Result<Vec<(u32, String)>, String> = Ok(vec![(7, "Holmes “said”".into())]);
        let text = <Json as Encoder<_>>::encode(&value).unwrap();
        let back: Result<Vec<(u32, String)>, String> = <Json as Decoder<_>>::decode(&text).unwrap();
        assert_eq!(back, value);
        assert!(<Json as Decoder<u32>>::decode("not json").is_err());
    }
}
