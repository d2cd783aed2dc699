//! `JobFeed`: a speaker job's Server-Sent Events, read with the browser's `EventSource` (hydrate
//! build only; on the server `open` refuses). The browser reconnects by itself after a network
//! hiccup and the server replays the current state, so only a closed feed is reported as lost.

use crate::model::SpeakerJobEvent;

/// What a feed reports: an event, or why it stopped before a final one.
pub type FeedMessage = Result<SpeakerJobEvent, FeedError>;

/// Why a feed stopped before its final event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedError {
    /// The browser gave up on the connection (the job is gone, or the server refused).
    Lost,
    /// A message was not a job event.
    Unreadable(String),
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::wasm_bindgen::{closure::Closure, JsCast};
    use web_sys::{EventSource, MessageEvent};

    use super::{FeedError, FeedMessage};

    /// An open feed; dropping it closes the connection.
    pub struct JobFeed {
        source: EventSource,
        _on_message: Closure<dyn FnMut(MessageEvent)>,
        _on_error: Closure<dyn FnMut(web_sys::Event)>,
    }

    impl JobFeed {
        /// Opens `url`; `deliver` gets each event (the connection is closed after a final one)
        /// or the reason the feed stopped.
        ///
        /// # Errors
        /// When the browser refuses the URL.
        pub fn open(url: &str, deliver: impl Fn(FeedMessage) + 'static) -> Result<Self, String> {
            let source = EventSource::new(url).map_err(|err| format!("{err:?}"))?;
            let deliver = std::rc::Rc::new(deliver);
            let on_message = {
                let (source, deliver) = (source.clone(), deliver.clone());
                Closure::<dyn FnMut(MessageEvent)>::new(move |message: MessageEvent| {
                    let text = message.data().as_string().unwrap_or_default();
                    match serde_json::from_str::<crate::model::SpeakerJobEvent>(&text) {
                        Ok(event) => {
                            if event.is_final() {
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
                    // While the browser retries, the state is CONNECTING; CLOSED means it gave up
                    // (the job is gone, or the server refused).
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

    impl Drop for JobFeed {
        fn drop(&mut self) {
            self.source.set_onmessage(None);
            self.source.set_onerror(None);
            self.source.close();
        }
    }
}

#[cfg(feature = "hydrate")]
pub use browser::JobFeed;

/// Where a page keeps its feed: the browser's `EventSource` stays on its one thread; the server's
/// stand-in is `Send`, so the page can be rendered and dropped on any worker thread.
#[cfg(feature = "hydrate")]
pub type FeedStorage = leptos::prelude::LocalStorage;
/// Where a page keeps its feed (see the hydrate build).
#[cfg(not(feature = "hydrate"))]
pub type FeedStorage = leptos::prelude::SyncStorage;

/// On the server there is nothing to listen with.
#[cfg(not(feature = "hydrate"))]
pub struct JobFeed;

#[cfg(not(feature = "hydrate"))]
impl JobFeed {
    /// Always refused: feeds are read in the browser.
    ///
    /// # Errors
    /// Always.
    pub fn open(_url: &str, _deliver: impl Fn(FeedMessage) + 'static) -> Result<Self, String> {
        Err("job progress is read in the browser".into())
    }
}
