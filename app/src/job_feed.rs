//! Server-Sent Events read with the browser's `EventSource` (hydrate build only; on the server
//! `open` refuses): `EventFeed` for any stream of JSON messages (a chapter's live state), and
//! `JobFeed` for a speaker job's events. The browser reconnects by itself after a network hiccup
//! and the server replays the current state, so only a closed feed is reported as lost.

#[cfg(not(feature = "hydrate"))]
use serde::de::DeserializeOwned;

use crate::model::SpeakerJobEvent;

/// What a feed reports: a message, or why it stopped before its last one.
pub type Delivery<T> = Result<T, FeedError>;

/// What a job feed reports: an event, or why it stopped before a final one.
pub type FeedMessage = Delivery<SpeakerJobEvent>;

/// Why a feed stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedError {
    /// The browser gave up on the connection (the stream is gone, or the server refused).
    Lost,
    /// A message was not what the feed carries.
    Unreadable(String),
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::wasm_bindgen::{closure::Closure, JsCast};
    use serde::de::DeserializeOwned;
    use web_sys::{EventSource, MessageEvent};

    use super::{Delivery, FeedError};

    /// An open feed; dropping it closes the connection.
    pub struct EventFeed {
        source: EventSource,
        _on_message: Closure<dyn FnMut(MessageEvent)>,
        _on_error: Closure<dyn FnMut(web_sys::Event)>,
    }

    impl EventFeed {
        /// Opens `url`; `deliver` gets each message read as a `T` or the reason the feed
        /// stopped. The connection is closed after a message `last` says is the last one, or
        /// one that is not a `T`.
        ///
        /// # Errors
        /// When the browser refuses the URL.
        pub fn open<T: DeserializeOwned + 'static>(
            url: &str,
            last: impl Fn(&T) -> bool + 'static,
            deliver: impl Fn(Delivery<T>) + 'static,
        ) -> Result<Self, String> {
            let source = EventSource::new(url).map_err(|err| format!("{err:?}"))?;
            let deliver = std::rc::Rc::new(deliver);
            let on_message = {
                let (source, deliver) = (source.clone(), deliver.clone());
                Closure::<dyn FnMut(MessageEvent)>::new(move |message: MessageEvent| {
                    let text = message.data().as_string().unwrap_or_default();
                    // From bytes, as every other answer is read (one decoder per type).
                    match serde_json::from_slice::<T>(text.as_bytes()) {
                        Ok(event) => {
                            if last(&event) {
                                source.close();
                            }
                            deliver(Ok(event));
                        }
                        Err(err) => {
                            source.close();
                            deliver(Err(FeedError::Unreadable(err.to_string())));
                        }
                    }
                })
            };
            let on_error = {
                let source = source.clone();
                Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
                    // While the browser retries, the state is CONNECTING; CLOSED means it gave up.
                    if source.ready_state() == EventSource::CLOSED {
                        deliver(Err(FeedError::Lost));
                    }
                })
            };
            source.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            Ok(Self {
                source,
                _on_message: on_message,
                _on_error: on_error,
            })
        }
    }

    impl Drop for EventFeed {
        fn drop(&mut self) {
            self.source.set_onmessage(None);
            self.source.set_onerror(None);
            self.source.close();
        }
    }
}

#[cfg(feature = "hydrate")]
pub use browser::EventFeed;

/// Where a page keeps its feed: the browser's `EventSource` stays on its one thread; the server's
/// stand-in is `Send`, so the page can be rendered and dropped on any worker thread.
#[cfg(feature = "hydrate")]
pub type FeedStorage = leptos::prelude::LocalStorage;
/// Where a page keeps its feed (see the hydrate build).
#[cfg(not(feature = "hydrate"))]
pub type FeedStorage = leptos::prelude::SyncStorage;

/// On the server there is nothing to listen with.
#[cfg(not(feature = "hydrate"))]
pub struct EventFeed;

#[cfg(not(feature = "hydrate"))]
impl EventFeed {
    /// Always refused: feeds are read in the browser.
    ///
    /// # Errors
    /// Always.
    pub fn open<T: DeserializeOwned + 'static>(
        _url: &str,
        _last: impl Fn(&T) -> bool + 'static,
        _deliver: impl Fn(Delivery<T>) + 'static,
    ) -> Result<Self, String> {
        Err("events are read in the browser".into())
    }
}

/// A speaker job's events.
pub type JobFeed = EventFeed;

/// Opens a speaker job's events at `url`; the feed ends after the final one.
///
/// # Errors
/// When the browser refuses the URL, or always on the server.
pub fn open_job_feed(
    url: &str,
    deliver: impl Fn(FeedMessage) + 'static,
) -> Result<JobFeed, String> {
    EventFeed::open(url, SpeakerJobEvent::is_final, deliver)
}
