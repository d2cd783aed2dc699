//! Why a voice engine could not render a clip: data only, worded in `i18n`.

use serde::{Deserialize, Serialize};

/// What went wrong with a text-to-speech engine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SpeechFailure {
    /// The engine's program is not installed on the server (espeak-ng).
    NotInstalled,
    /// The engine needs a key the server was not given.
    NotConfigured,
    /// The engine did not answer within `seconds`.
    TimedOut {
        /// The time it was given.
        seconds: u64,
    },
    /// The engine has no voice of this name.
    UnknownVoice {
        /// The voice asked for.
        voice: String,
    },
    /// The engine's program failed or produced no audio.
    Crashed,
    /// The engine's service could not be reached.
    Unreachable,
    /// The service refused the key (401, 403).
    RefusedKey {
        /// The HTTP status.
        status: u16,
    },
    /// The service is rate-limiting this key (429), still after the retries allowed.
    RateLimited,
    /// The service refused the request itself (400: an unknown voice, SSML it cannot read).
    Rejected {
        /// The HTTP status.
        status: u16,
    },
    /// The service failed (5xx), still after the retries allowed.
    Failed {
        /// The HTTP status.
        status: u16,
    },
    /// The audio that came back is not a clip the studio can read.
    BadAudio,
    /// The service's answer (a voice list) is not what the studio expects.
    UnreadableAnswer,
}

/// Why a segment stops its chapter from being rendered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Unrenderable {
    /// It has no speaker.
    NoSpeaker,
    /// Its speaker is not in the cast.
    UnknownSpeaker {
        /// The speaker it names.
        speaker: String,
    },
    /// Its voice's engine is not set up on this server.
    NoEngine {
        /// The engine.
        engine: shared::VoiceEngine,
    },
    /// Its text cannot be sent to the engine as it is.
    Text(shared::speech::SpeechError),
}
