//! Refusals of the voice engines and of texts they cannot take, in English and Spanish.

use shared::{speech::SpeechError, VoiceEngine};

use crate::error::{SpeechFailure, Unrenderable};

use crate::i18n::engine_name;

/// What the server needs to be told for this engine, as its settings name it.
fn key_settings(engine: VoiceEngine) -> &'static str {
    match engine {
        VoiceEngine::Espeak => "STUDIO_ESPEAK",
        VoiceEngine::Azure => "STUDIO_AZURE_SPEECH_KEY and STUDIO_AZURE_SPEECH_REGION",
        VoiceEngine::ElevenLabs => "STUDIO_ELEVENLABS_API_KEY",
    }
}

/// A failed render, in English.
pub(in crate::i18n) fn failure_en(engine: VoiceEngine, failure: &SpeechFailure) -> String {
    let name = engine_name(engine);
    match failure {
        SpeechFailure::NotInstalled => {
            format!("{name} is not installed on the server; the studio's setup command installs it")
        }
        SpeechFailure::NotConfigured => format!(
            "{name} is not configured on this server; set {} or choose another voice",
            key_settings(engine)
        ),
        SpeechFailure::TimedOut { seconds } => {
            format!("{name} did not answer within {seconds} s; try again")
        }
        SpeechFailure::UnknownVoice { voice } => {
            format!("{name} has no voice “{voice}”; choose one of its voices on the cast page")
        }
        SpeechFailure::Crashed => format!("{name} failed to render this text"),
        SpeechFailure::Unreachable => format!("{name} could not be reached; try again later"),
        SpeechFailure::RefusedKey { status } => format!(
            "{name} refused the key ({status}); check {}",
            key_settings(engine)
        ),
        SpeechFailure::RateLimited => {
            format!("{name} is receiving too many requests from this key; wait a moment")
        }
        SpeechFailure::Rejected { status } => format!(
            "{name} refused the request ({status}): check the voice, its style and the \
             pronunciations used"
        ),
        SpeechFailure::Failed { status } => {
            format!("{name} failed ({status}); try again later")
        }
        SpeechFailure::BadAudio => format!("{name} sent back audio the studio cannot read"),
        SpeechFailure::UnreadableAnswer => {
            format!("{name} answered with something the studio cannot read; try again later")
        }
    }
}

/// A failed render, in Spanish.
pub(in crate::i18n) fn failure_es(engine: VoiceEngine, failure: &SpeechFailure) -> String {
    let name = engine_name(engine);
    match failure {
        SpeechFailure::NotInstalled => format!(
            "{name} no está instalado en el servidor; la orden de instalación del estudio lo \
             instala"
        ),
        SpeechFailure::NotConfigured => format!(
            "{name} no está configurado en este servidor; define {} o elige otra voz",
            key_settings(engine).replace(" and ", " y ")
        ),
        SpeechFailure::TimedOut { seconds } => {
            format!("{name} no respondió en {seconds} s; inténtalo de nuevo")
        }
        SpeechFailure::UnknownVoice { voice } => format!(
            "{name} no tiene ninguna voz «{voice}»; elige una de sus voces en la página del reparto"
        ),
        SpeechFailure::Crashed => format!("{name} no pudo leer este texto"),
        SpeechFailure::Unreachable => {
            format!("no se pudo contactar con {name}; inténtalo más tarde")
        }
        SpeechFailure::RefusedKey { status } => format!(
            "{name} rechazó la clave ({status}); revisa {}",
            key_settings(engine).replace(" and ", " y ")
        ),
        SpeechFailure::RateLimited => {
            format!("{name} recibe demasiadas peticiones con esta clave; espera un momento")
        }
        SpeechFailure::Rejected { status } => format!(
            "{name} rechazó la petición ({status}): revisa la voz, su estilo y las \
             pronunciaciones usadas"
        ),
        SpeechFailure::Failed { status } => {
            format!("{name} falló ({status}); inténtalo más tarde")
        }
        SpeechFailure::BadAudio => format!("{name} devolvió un audio que el estudio no puede leer"),
        SpeechFailure::UnreadableAnswer => {
            format!("{name} respondió algo que el estudio no puede leer; inténtalo más tarde")
        }
    }
}

/// A text the engine cannot take, in English.
pub(in crate::i18n) fn speech_error_en(err: &SpeechError) -> String {
    match err {
        SpeechError::Empty => "there is nothing to say in this segment".to_owned(),
        SpeechError::TooManyBytes { bytes, max } => format!(
            "this segment makes a request of {bytes} bytes, over the project's limit of {max}; \
             split it first"
        ),
        SpeechError::TooLong { seconds, max } => format!(
            "this segment would last about {seconds} s, over the project's limit of {max} s; \
             split it first"
        ),
    }
}

/// A text the engine cannot take, in Spanish.
pub(in crate::i18n) fn speech_error_es(err: &SpeechError) -> String {
    match err {
        SpeechError::Empty => "no hay nada que decir en este segmento".to_owned(),
        SpeechError::TooManyBytes { bytes, max } => format!(
            "este segmento da una petición de {bytes} bytes, por encima del límite del proyecto \
             ({max}); divídelo primero"
        ),
        SpeechError::TooLong { seconds, max } => format!(
            "este segmento duraría unos {seconds} s, por encima del límite del proyecto ({max} \
             s); divídelo primero"
        ),
    }
}

/// Why a segment stops its chapter's render, in English.
pub(in crate::i18n) fn unrenderable_en(row: usize, why: &Unrenderable) -> String {
    let reason = match why {
        Unrenderable::NoSpeaker => "it has no speaker; assign one first".to_owned(),
        Unrenderable::UnknownSpeaker { speaker } => {
            format!("its speaker “{speaker}” is not in the cast; choose another")
        }
        Unrenderable::NoEngine { engine } => format!(
            "its voice needs {}, which is not set up on this server; set {} or choose another \
             voice",
            engine_name(*engine),
            key_settings(*engine)
        ),
        Unrenderable::Text(err) => speech_error_en(err),
    };
    if row == 0 {
        return format!("the chapter's title cannot be rendered: {reason}");
    }
    format!("segment {row} cannot be rendered: {reason}")
}

/// Why a segment stops its chapter's render, in Spanish.
pub(in crate::i18n) fn unrenderable_es(row: usize, why: &Unrenderable) -> String {
    let reason = match why {
        Unrenderable::NoSpeaker => "no tiene hablante; asígnale uno primero".to_owned(),
        Unrenderable::UnknownSpeaker { speaker } => {
            format!("su hablante «{speaker}» no está en el reparto; elige otro")
        }
        Unrenderable::NoEngine { engine } => format!(
            "su voz necesita {}, que no está configurado en este servidor; define {} o elige \
             otra voz",
            engine_name(*engine),
            key_settings(*engine).replace(" and ", " y ")
        ),
        Unrenderable::Text(err) => speech_error_es(err),
    };
    if row == 0 {
        return format!("el título del capítulo no se puede renderizar: {reason}");
    }
    format!("el segmento {row} no se puede renderizar: {reason}")
}
