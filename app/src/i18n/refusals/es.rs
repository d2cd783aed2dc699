//! The server's refusals and the page's transport errors in Spanish.

use crate::{
    error::{
        AppError, Busy, Format, ImportError, Listing, Mismatch, Refusal, Transport, Unavailable,
    },
    model::{JobFailure, Unusable},
};

use super::{bytes, megabytes};
use crate::i18n::errors::cast_error;
use crate::i18n::ES;

/// An [`AppError`] in Spanish.
pub(in crate::i18n) fn app_error_es(err: &AppError) -> String {
    match err {
        AppError::Unauthorized => super::account::UNAUTHORIZED_ES.to_owned(),
        AppError::Forbidden => super::account::FORBIDDEN_ES.to_owned(),
        AppError::TooManyAttempts {
            retry_after_seconds,
        } => super::account::too_many_es(*retry_after_seconds),
        AppError::OverLimit {
            work,
            per_hour,
            retry_after_seconds,
        } => super::account::over_limit_es(*work, *per_hour, *retry_after_seconds),
        AppError::NotFound => "no existe (o no es tuyo)".to_owned(),
        AppError::Conflict { current_version } => format!(
            "otra persona cambió este plan (ahora en la versión {current_version}); recarga para \
             verlo"
        ),
        AppError::Invalid(err) => (ES.segment_error)(err),
        AppError::Cast(err) => cast_error(err),
        AppError::Blocked(blockers) => format!(
            "el capítulo aún no se puede terminar: {}",
            blockers
                .iter()
                .map(|b| (ES.blocker)(b))
                .collect::<Vec<_>>()
                .join("; ")
        ),
        AppError::Refused(refusal) => refusal_es(refusal),
        AppError::Busy(busy) => busy_es(busy),
        AppError::BadRequest(detail) => format!("no se pudo leer la petición: {detail}"),
        AppError::Internal => "el servidor falló; inténtalo de nuevo".to_owned(),
        AppError::Transport(transport) => transport_es(transport),
    }
}

fn transport_es(transport: &Transport) -> String {
    match transport {
        Transport::Status { status } => {
            format!("error de red o de protocolo: el servidor respondió {status}")
        }
        Transport::FileUnreadable => "no se pudo leer el archivo".to_owned(),
        Transport::FileNotText => "el archivo no es texto".to_owned(),
        Transport::NeedsBrowser => "los archivos se leen en el navegador".to_owned(),
        Transport::Failed(detail) => format!("error de red o de protocolo: {detail}"),
    }
}

/// A [`Refusal`] in Spanish.
pub(in crate::i18n) fn refusal_es(refusal: &Refusal) -> String {
    match refusal {
        Refusal::NoPlanToExport => {
            "este capítulo aún no tiene plan que exportar; genera uno primero".to_owned()
        }
        Refusal::NoChapterToAdd => "no hay ningún capítulo que añadir".to_owned(),
        Refusal::ProjectNeedsName => "un proyecto necesita un nombre".to_owned(),
        Refusal::ProjectNameTooLong { max } => {
            format!("el nombre de un proyecto tiene como máximo {max} caracteres")
        }
        Refusal::Chapter { title, error } => {
            format!("capítulo «{title}»: {}", (ES.segment_error)(error))
        }
        Refusal::PlanFile(err) => (ES.plan_file_error)(err),
        Refusal::Pronunciation(err) => (ES.map_error)(err),
        Refusal::Pls(err) => (ES.pls_error)(err),
        Refusal::Import(err) => import_es(err),
        Refusal::NoPlanYet => "este capítulo aún no tiene plan; genera uno primero".to_owned(),
        Refusal::ChapterComplete => {
            "este capítulo está marcado como terminado; reábrelo primero".to_owned()
        }
        Refusal::InvalidCast(err) => {
            format!(
                "el reparto no es válido: {}",
                crate::i18n::errors::cast_error(err)
            )
        }
        Refusal::Unavailable(service) => unavailable_es(service),
        Refusal::Speech(err) => super::speech::speech_error_es(err),
        Refusal::Account(refusal) => super::account::account_es(refusal),
        Refusal::UnknownSpeaker => {
            "el hablante de este segmento no está en el reparto; elige otro".to_owned()
        }
        Refusal::StyleNotOffered {
            voice,
            style,
            offered,
        } => {
            let offered = if offered.is_empty() {
                "no ofrece ninguno".to_owned()
            } else {
                format!("ofrece {}", offered.join(", "))
            };
            format!(
                "la voz {voice} no tiene el estilo «{style}» ({offered}); cámbialo en la página del reparto"
            )
        }
        Refusal::Unrenderable { row, why, .. } => super::speech::unrenderable_es(*row, why),
        Refusal::NotRendered => "antes de generar el audiolibro, cada capítulo con plan debe \
                                 estar renderizado, al día y dentro de las reglas de ACX"
            .to_owned(),
        Refusal::Pause(err) => format!(
            "la pausa «{}» debe durar de {} a {} ms, no {} ms",
            err.pause, err.min_ms, err.max_ms, err.ms
        ),
        Refusal::AuthorTooLong { max } => {
            format!("el nombre de un autor tiene como mucho {max} caracteres")
        }
        Refusal::Worded(words) => words.clone(),
    }
}

/// A [`Busy`] in Spanish.
pub(in crate::i18n) fn busy_es(busy: &Busy) -> String {
    match busy {
        Busy::SpeakerJob => {
            "ya hay una asignación de hablantes en curso para este capítulo; espera a que termine \
             o cancélala"
                .to_owned()
        }
        Busy::Book => {
            "ya se está generando el audiolibro; espera a que termine o cancélalo".to_owned()
        }
        Busy::Render => {
            "este capítulo ya se está renderizando; espera a que termine o cancélalo".to_owned()
        }
        Busy::Worded(words) => words.clone(),
    }
}

fn unavailable_es(service: &Unavailable) -> String {
    match service {
        Unavailable::NoLanguageModel => "no hay ningún modelo de lenguaje configurado; la página \
                                         asigna los hablantes con las reglas"
            .to_owned(),
        Unavailable::EspeakTimedOut { seconds } => {
            format!("espeak-ng no dio la lista de sus voces en {seconds} s")
        }
        Unavailable::EspeakNotStarted => "no se pudo iniciar espeak-ng".to_owned(),
        Unavailable::EspeakFailed => "espeak-ng no pudo dar la lista de sus voces".to_owned(),
        Unavailable::AzureUnreachable => {
            "no se pudo contactar con Azure Speech para pedir su lista de voces".to_owned()
        }
        Unavailable::AzureRefusedKey { status } => format!(
            "Azure Speech rechazó la clave ({status}); revisa STUDIO_AZURE_SPEECH_KEY y \
             STUDIO_AZURE_SPEECH_REGION"
        ),
        Unavailable::AzureFailed { status } => {
            format!("Azure Speech respondió {status} al pedirle sus voces")
        }
        Unavailable::AzureTooLarge => {
            "la lista de voces de Azure Speech es más grande de lo esperado".to_owned()
        }
        Unavailable::Speech { engine, failure } => super::speech::failure_es(*engine, failure),
        Unavailable::AzureUnreadable {
            line,
            column,
            detail,
        } => format!(
            "no se pudo leer la lista de voces de Azure Speech: no es válida en la línea {line}, \
             columna {column}: {detail}"
        ),
    }
}

/// What a file of this format is, in Spanish.
fn format_es(format: Format) -> &'static str {
    match format {
        Format::Text => "un archivo de texto",
        Format::Markdown => "un archivo de texto Markdown",
        Format::Docx => "un documento de Word",
        Format::Epub => "un libro EPUB",
        Format::Pdf => "un documento PDF",
    }
}

fn mismatch_es(problem: &Mismatch) -> String {
    match problem {
        Mismatch::NotZip => "no es un archivo zip".to_owned(),
        Mismatch::MissingPart(part) => format!("le falta {part}"),
        Mismatch::WrongMimetype(found) => {
            format!("su mimetype es «{found}», no «application/epub+zip»")
        }
        Mismatch::NotPdf => "no empieza por %PDF-, como todo PDF".to_owned(),
        Mismatch::NoRootfile => {
            "META-INF/container.xml no nombra ningún documento de paquete".to_owned()
        }
        Mismatch::LooksLike(format) => format!("parece {}", format_es(*format)),
        Mismatch::Binary { byte } => {
            format!("contiene datos binarios (un byte NUL en el byte {byte})")
        }
        Mismatch::NotUtf8 { byte } => format!(
            "no es texto UTF-8 (el primer byte erróneo está en el byte {byte}); guárdalo como UTF-8"
        ),
    }
}

/// An [`ImportError`] in Spanish.
pub(in crate::i18n) fn import_es(err: &ImportError) -> String {
    match err {
        ImportError::UnsupportedExtension(ext) if ext.is_empty() => {
            "Este archivo no tiene extensión; importa un archivo .txt, .md, .docx, .epub o .pdf"
                .to_owned()
        }
        ImportError::UnsupportedExtension(ext) => format!(
            "Los archivos .{ext} no se pueden importar; importa un archivo .txt, .md, .docx, .epub o .pdf"
        ),
        ImportError::TooLarge { bytes: size, max } => format!(
            "Este archivo ocupa {} y el máximo aceptado es {}",
            bytes(*size),
            bytes(*max)
        ),
        ImportError::NotWhatItSays { expected, problem } => format!(
            "Este archivo dice .{} pero no es {}: {}",
            expected.extension(),
            format_es(*expected),
            mismatch_es(problem)
        ),
        ImportError::TooManyEntries { entries, max } => format!(
            "Este archivo comprimido contiene {entries} archivos, más de los {max} que puede \
             tener un manuscrito"
        ),
        ImportError::UncompressedTooLarge { max } => format!(
            "Este archivo comprimido ocupa más de {} al descomprimirlo, demasiado para un \
             manuscrito",
            megabytes(*max)
        ),
        ImportError::ZipBomb => "Este archivo comprimido se expande mucho más de lo que puede un \
                                 documento (¿una bomba zip?), así que no se leyó"
            .to_owned(),
        ImportError::NoSpine => "Este EPUB no tiene orden de lectura (su documento de paquete no \
                                 tiene spine o está vacío)"
            .to_owned(),
        ImportError::NoParagraphs => "Este documento de Word no contiene texto".to_owned(),
        ImportError::NoText => "Este archivo no contiene texto".to_owned(),
        ImportError::Malformed(detail) => format!("Este archivo está dañado: {detail}"),
        ImportError::NoTextLayer { pages } => format!(
            "{} de este PDF no {} texto, solo imágenes (¿un escaneo?); pásalo antes por un OCR \
             o importa el manuscrito del que salió",
            if *pages == 1 {
                "La página".to_owned()
            } else {
                format!("Las {pages} páginas")
            },
            crate::i18n::plural::form(*pages, "contiene", "contienen")
        ),
        ImportError::PasswordProtected => "Este PDF solo se abre con contraseña; guarda una copia \
                                           sin ella e impórtala"
            .to_owned(),
        ImportError::NoPdfReader => "Este servidor no puede leer PDF: no tiene instalado su \
                                     lector de PDF (poppler-utils de Debian)"
            .to_owned(),
        ImportError::Encrypted => "Este libro está protegido con DRM (cifrado): solo puede leerlo \
                                   la aplicación con la que se compró; importa una copia sin DRM"
            .to_owned(),
        ImportError::MissingInBook {
            listed_in: Listing::ReadingOrder,
            target,
        } => format!(
            "El orden de lectura de este libro incluye «{target}», que no está en el archivo; el \
             libro está incompleto"
        ),
        ImportError::MissingInBook {
            listed_in: Listing::Contents,
            target,
        } => format!(
            "El índice de este libro apunta a «{target}», que no está en el libro; el libro está \
             dañado"
        ),
        ImportError::ChapterTooLarge {
            title,
            bytes: size,
            max,
        } => format!(
            "El capítulo «{title}» ocupa {}, más del límite de {} por capítulo; divídelo en el \
             archivo original",
            bytes(*size),
            bytes(*max)
        ),
    }
}

/// A [`JobFailure`] in Spanish.
pub(in crate::i18n) fn job_failure_es(failure: &JobFailure) -> String {
    match failure {
        JobFailure::Server => "la asignación falló en el servidor".to_owned(),
        JobFailure::Client { detail } => {
            format!("no se pudo preparar el cliente del modelo de lenguaje: {detail}")
        }
        JobFailure::Refused { status, detail } => {
            format!("el servicio del modelo de lenguaje respondió {status}: {detail}")
        }
        JobFailure::GaveUp { attempts, last } => {
            let attempts = usize::try_from(*attempts).unwrap_or(usize::MAX);
            let times = crate::i18n::plural::count(attempts, "vez", "veces");
            format!("el servicio del modelo de lenguaje falló {times}; la última: {last}")
        }
        JobFailure::Protocol { detail } => format!(
            "la respuesta del servicio del modelo de lenguaje no es una respuesta de chat: {detail}"
        ),
        JobFailure::Unusable { why } => {
            let why = match why {
                Unusable::CutOff => "estaban cortadas",
                Unusable::Refused => "fueron rechazadas o filtradas",
                Unusable::NotJson => "no eran el JSON pedido",
            };
            format!(
                "no se pudo usar ninguna respuesta del modelo de lenguaje ({why}); no se cambió \
                 ningún hablante"
            )
        }
    }
}
