//! The words of [`AppError`] and of the server's refusals, in English and Spanish: every
//! [`Refusal`], [`Busy`], [`Unavailable`], [`ImportError`] and [`JobFailure`] (the domain's errors
//! in Spanish are in `errors.rs`). Every variant is matched, so a new one
//! cannot ship unworded; `Display` of `AppError` and `ImportError` is the English, for logs.

use std::fmt;

use crate::{
    error::{AppError, Busy, Format, ImportError, Mismatch, Refusal, Transport, Unavailable},
    model::{JobFailure, Unusable},
};

use super::{errors::cast_error, Locale, EN, ES};

/// `err` as it travels over HTTP to a request in `locale`: a refusal or a busy answer worded in
/// that language (the page shows it as it is); every other error stays typed.
pub fn worded(err: AppError, locale: Locale) -> AppError {
    let texts = locale.texts();
    match err {
        AppError::Refused(refusal) => AppError::Refused(Refusal::Worded((texts.refusal)(&refusal))),
        AppError::Busy(busy) => AppError::Busy(Busy::Worded((texts.busy)(&busy))),
        other => other,
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&(EN.error)(self))
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&(EN.import_error)(self))
    }
}

/// An [`AppError`] in English.
pub(super) fn app_error_en(err: &AppError) -> String {
    match err {
        AppError::NotFound => "not found".to_owned(),
        AppError::Conflict { current_version } => format!(
            "this plan was changed elsewhere (now at version {current_version}); reload to see it"
        ),
        AppError::Invalid(err) => (EN.segment_error)(err),
        AppError::Cast(err) => super::errors_en::cast_error(err),
        AppError::Blocked(blockers) => format!(
            "the chapter cannot be completed yet: {}",
            blockers
                .iter()
                .map(|b| (EN.blocker)(b))
                .collect::<Vec<_>>()
                .join("; ")
        ),
        AppError::Refused(refusal) => refusal_en(refusal),
        AppError::Busy(busy) => busy_en(busy),
        AppError::BadRequest(detail) => format!("the request could not be read: {detail}"),
        AppError::Internal => "the server failed; try again".to_owned(),
        AppError::Transport(transport) => transport_en(transport),
    }
}

/// An [`AppError`] in Spanish.
pub(super) fn app_error_es(err: &AppError) -> String {
    match err {
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

fn transport_en(transport: &Transport) -> String {
    match transport {
        Transport::Status { status } => {
            format!("network or protocol error: the server answered {status}")
        }
        Transport::FileUnreadable => "the file could not be read".to_owned(),
        Transport::FileNotText => "the file is not text".to_owned(),
        Transport::NeedsBrowser => "files are read in the browser".to_owned(),
        Transport::Failed(detail) => format!("network or protocol error: {detail}"),
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

/// A [`Refusal`] in English.
pub(super) fn refusal_en(refusal: &Refusal) -> String {
    match refusal {
        Refusal::NoPlanToExport => {
            "this chapter has no plan to export yet; generate one first".to_owned()
        }
        Refusal::NoChapterToAdd => "no chapter to add".to_owned(),
        Refusal::ProjectNeedsName => "a project needs a name".to_owned(),
        Refusal::ProjectNameTooLong { max } => {
            format!("a project name has at most {max} characters")
        }
        Refusal::Chapter { title, error } => {
            format!("chapter \"{title}\": {}", (EN.segment_error)(error))
        }
        Refusal::PlanFile(err) => (EN.plan_file_error)(err),
        Refusal::Pronunciation(err) => (EN.map_error)(err),
        Refusal::Pls(err) => (EN.pls_error)(err),
        Refusal::Import(err) => import_en(err),
        Refusal::NoPlanYet => "this chapter has no plan yet; generate one first".to_owned(),
        Refusal::ChapterComplete => "this chapter is marked complete; reopen it first".to_owned(),
        Refusal::InvalidCast(err) => {
            format!(
                "the cast is not valid: {}",
                super::errors_en::cast_error(err)
            )
        }
        Refusal::Unavailable(service) => unavailable_en(service),
        Refusal::Worded(words) => words.clone(),
    }
}

/// A [`Refusal`] in Spanish.
pub(super) fn refusal_es(refusal: &Refusal) -> String {
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
                super::errors::cast_error(err)
            )
        }
        Refusal::Unavailable(service) => unavailable_es(service),
        Refusal::Worded(words) => words.clone(),
    }
}

/// A [`Busy`] in English.
pub(super) fn busy_en(busy: &Busy) -> String {
    match busy {
        Busy::SpeakerJob => "speakers are already being assigned to this chapter; wait for that \
                             run to finish or cancel it"
            .to_owned(),
        Busy::Worded(words) => words.clone(),
    }
}

/// A [`Busy`] in Spanish.
pub(super) fn busy_es(busy: &Busy) -> String {
    match busy {
        Busy::SpeakerJob => {
            "ya hay una asignación de hablantes en curso para este capítulo; espera a que termine \
             o cancélala"
                .to_owned()
        }
        Busy::Worded(words) => words.clone(),
    }
}

fn unavailable_en(service: &Unavailable) -> String {
    match service {
        Unavailable::NoLanguageModel => {
            "no language model is configured; the page assigns speakers with the rules".to_owned()
        }
        Unavailable::EspeakTimedOut { seconds } => {
            format!("espeak-ng did not list its voices within {seconds} s")
        }
        Unavailable::EspeakNotStarted => "espeak-ng could not be started".to_owned(),
        Unavailable::EspeakFailed => "espeak-ng could not list its voices".to_owned(),
        Unavailable::AzureUnreachable => {
            "Azure Speech could not be reached for its voice list".to_owned()
        }
        Unavailable::AzureRefusedKey { status } => format!(
            "Azure Speech refused the key ({status}); check STUDIO_AZURE_SPEECH_KEY and \
             STUDIO_AZURE_SPEECH_REGION"
        ),
        Unavailable::AzureFailed { status } => {
            format!("Azure Speech answered {status} when asked for its voices")
        }
        Unavailable::AzureTooLarge => {
            "Azure Speech's voice list is larger than expected".to_owned()
        }
        Unavailable::AzureUnreadable {
            line,
            column,
            detail,
        } => format!(
            "Azure Speech's voice list could not be read: the voice list is not valid at line \
             {line}, column {column}: {detail}"
        ),
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

/// A byte count for people: "52.4 MB" (MiB, as the limits are written).
fn megabytes(bytes: u64) -> String {
    // Precision is irrelevant here: the value is shown with one decimal.
    #[allow(clippy::cast_precision_loss)]
    let mb = bytes as f64 / (1024.0 * 1024.0);
    format!("{mb:.1} MB")
}

fn bytes(count: usize) -> String {
    megabytes(u64::try_from(count).unwrap_or(u64::MAX))
}

/// What a file of this format is, in English ("a Word document").
fn format_en(format: Format) -> &'static str {
    match format {
        Format::Text => "a plain-text file",
        Format::Markdown => "a Markdown text file",
        Format::Docx => "a Word document",
        Format::Epub => "an EPUB book",
    }
}

/// What a file of this format is, in Spanish.
fn format_es(format: Format) -> &'static str {
    match format {
        Format::Text => "un archivo de texto",
        Format::Markdown => "un archivo de texto Markdown",
        Format::Docx => "un documento de Word",
        Format::Epub => "un libro EPUB",
    }
}

fn mismatch_en(problem: &Mismatch) -> String {
    match problem {
        Mismatch::NotZip => "it is not a zip archive".to_owned(),
        Mismatch::MissingPart(part) => format!("it has no {part}"),
        Mismatch::WrongMimetype(found) => {
            format!("its mimetype is \"{found}\", not \"application/epub+zip\"")
        }
        Mismatch::NoRootfile => "META-INF/container.xml names no package document".to_owned(),
        Mismatch::LooksLike(format) => format!("it looks like {}", format_en(*format)),
        Mismatch::Binary { byte } => format!("it holds binary data (a NUL byte at byte {byte})"),
        Mismatch::NotUtf8 { byte } => {
            format!("it is not UTF-8 text (the first bad byte is at byte {byte}); save it as UTF-8")
        }
    }
}

fn mismatch_es(problem: &Mismatch) -> String {
    match problem {
        Mismatch::NotZip => "no es un archivo zip".to_owned(),
        Mismatch::MissingPart(part) => format!("le falta {part}"),
        Mismatch::WrongMimetype(found) => {
            format!("su mimetype es «{found}», no «application/epub+zip»")
        }
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

/// An [`ImportError`] in English.
pub(super) fn import_en(err: &ImportError) -> String {
    match err {
        ImportError::UnsupportedExtension(ext) if ext.is_empty() => {
            "This file has no extension; import a .txt, .md, .docx or .epub file".to_owned()
        }
        ImportError::UnsupportedExtension(ext) => format!(
            "Files ending in .{ext} cannot be imported; import a .txt, .md, .docx or .epub file"
        ),
        ImportError::TooLarge { bytes: size, max } => format!(
            "This file is {} but the largest accepted is {}",
            bytes(*size),
            bytes(*max)
        ),
        ImportError::NotWhatItSays { expected, problem } => format!(
            "This file says .{} but is not {}: {}",
            expected.extension(),
            format_en(*expected),
            mismatch_en(problem)
        ),
        ImportError::TooManyEntries { entries, max } => {
            format!("This archive holds {entries} files, more than the {max} a manuscript may have")
        }
        ImportError::UncompressedTooLarge { max } => format!(
            "This archive unpacks to more than {}, too much for a manuscript",
            megabytes(*max)
        ),
        ImportError::ZipBomb => "This archive expands far more than a document can (a zip \
                                 bomb?), so it was not read"
            .to_owned(),
        ImportError::NoSpine => "This EPUB has no reading order (its package document lacks a \
                                 spine or the spine is empty)"
            .to_owned(),
        ImportError::NoParagraphs => "This Word document contains no text".to_owned(),
        ImportError::NoText => "This file contains no text".to_owned(),
        ImportError::Malformed(detail) => format!("This file is damaged: {detail}"),
        ImportError::ChapterTooLarge {
            title,
            bytes: size,
            max,
        } => format!(
            "Chapter \"{title}\" is {}, over the limit of {} per chapter; split it in the source \
             file",
            bytes(*size),
            bytes(*max)
        ),
    }
}

/// An [`ImportError`] in Spanish.
pub(super) fn import_es(err: &ImportError) -> String {
    match err {
        ImportError::UnsupportedExtension(ext) if ext.is_empty() => {
            "Este archivo no tiene extensión; importa un archivo .txt, .md, .docx o .epub"
                .to_owned()
        }
        ImportError::UnsupportedExtension(ext) => format!(
            "Los archivos .{ext} no se pueden importar; importa un archivo .txt, .md, .docx o .epub"
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

/// A [`JobFailure`] in English.
pub(super) fn job_failure_en(failure: &JobFailure) -> String {
    match failure {
        JobFailure::Server => "the assignment failed on the server".to_owned(),
        JobFailure::Client { detail } => format!("could not set up the llm client: {detail}"),
        JobFailure::Refused { status, detail } => {
            format!("the llm service answered {status}: {detail}")
        }
        JobFailure::GaveUp { attempts, last } => {
            format!("the llm service failed {attempts} times; last: {last}")
        }
        JobFailure::Protocol { detail } => {
            format!("the llm service's answer is not a chat completion: {detail}")
        }
        JobFailure::Unusable { why } => {
            let why = match why {
                Unusable::CutOff => "cut off",
                Unusable::Refused => "refused or filtered",
                Unusable::NotJson => "not the JSON asked for",
            };
            format!(
                "none of the language model's answers could be used (they were {why}); no \
                 speaker was changed"
            )
        }
    }
}

/// A [`JobFailure`] in Spanish.
pub(super) fn job_failure_es(failure: &JobFailure) -> String {
    match failure {
        JobFailure::Server => "la asignación falló en el servidor".to_owned(),
        JobFailure::Client { detail } => {
            format!("no se pudo preparar el cliente del modelo de lenguaje: {detail}")
        }
        JobFailure::Refused { status, detail } => {
            format!("el servicio del modelo de lenguaje respondió {status}: {detail}")
        }
        JobFailure::GaveUp { attempts, last } => {
            format!("el servicio del modelo de lenguaje falló {attempts} veces; la última: {last}")
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

#[cfg(test)]
mod tests {
    use super::*;
    use shared::{
        plan::file::PlanFileError,
        pronunciation::{pls::PlsError, MapError},
        CastError, SegmentError, SegmentId,
    };

    /// One of every refusal, busy answer and service failure a producer can meet.
    fn every_refusal() -> Vec<AppError> {
        let refusals = [
            Refusal::NoPlanToExport,
            Refusal::NoChapterToAdd,
            Refusal::ProjectNeedsName,
            Refusal::ProjectNameTooLong { max: 200 },
            Refusal::Chapter {
                title: "Blank".into(),
                error: SegmentError::EmptyChapter,
            },
            Refusal::PlanFile(PlanFileError::Malformed {
                line: 3,
                column: 15,
                reason: "expected `:`".into(),
            }),
            Refusal::Pronunciation(MapError::TooMany { count: 9, max: 8 }),
            Refusal::Pls(PlsError::NoLanguage),
            Refusal::Import(ImportError::NoText),
            Refusal::NoPlanYet,
            Refusal::ChapterComplete,
            Refusal::InvalidCast(CastError::NoNarrator),
        ];
        let services = [
            Unavailable::NoLanguageModel,
            Unavailable::EspeakTimedOut { seconds: 10 },
            Unavailable::EspeakNotStarted,
            Unavailable::EspeakFailed,
            Unavailable::AzureUnreachable,
            Unavailable::AzureRefusedKey {
                status: "401 Unauthorized".into(),
            },
            Unavailable::AzureFailed {
                status: "503 Service Unavailable".into(),
            },
            Unavailable::AzureTooLarge,
            Unavailable::AzureUnreadable {
                line: 1,
                column: 2,
                detail: "expected value".into(),
            },
        ];
        refusals
            .into_iter()
            .chain(services.into_iter().map(Refusal::Unavailable))
            .map(AppError::Refused)
            .chain([AppError::Busy(Busy::SpeakerJob)])
            .collect()
    }

    fn every_import_error() -> Vec<ImportError> {
        let mismatches = [
            Mismatch::NotZip,
            Mismatch::MissingPart("word/document.xml".into()),
            Mismatch::WrongMimetype("text/plain".into()),
            Mismatch::NoRootfile,
            Mismatch::LooksLike(Format::Epub),
            Mismatch::Binary { byte: 3 },
            Mismatch::NotUtf8 { byte: 3 },
        ];
        let mut errors: Vec<_> = mismatches
            .into_iter()
            .map(|problem| ImportError::NotWhatItSays {
                expected: Format::Docx,
                problem,
            })
            .collect();
        errors.extend([
            ImportError::UnsupportedExtension(String::new()),
            ImportError::UnsupportedExtension("pdf".into()),
            ImportError::TooLarge { bytes: 9, max: 8 },
            ImportError::TooManyEntries { entries: 9, max: 8 },
            ImportError::UncompressedTooLarge { max: 8 },
            ImportError::ZipBomb,
            ImportError::NoSpine,
            ImportError::NoParagraphs,
            ImportError::NoText,
            ImportError::Malformed("word/document.xml, byte 4: unexpected end".into()),
            ImportError::ChapterTooLarge {
                title: "I".into(),
                bytes: 9,
                max: 8,
            },
        ]);
        errors
    }

    fn every_job_failure() -> Vec<JobFailure> {
        let mut failures = vec![
            JobFailure::Server,
            JobFailure::Client {
                detail: "no TLS".into(),
            },
            JobFailure::Refused {
                status: 401,
                detail: "Incorrect API key provided".into(),
            },
            JobFailure::GaveUp {
                attempts: 3,
                last: "503: busy".into(),
            },
            JobFailure::Protocol {
                detail: "missing field `choices`".into(),
            },
        ];
        failures.extend(
            [Unusable::CutOff, Unusable::Refused, Unusable::NotJson]
                .map(|why| JobFailure::Unusable { why }),
        );
        failures
    }

    /// Each wording is non-empty, differs between the languages, and differs from every other
    /// variant's in the same language.
    fn assert_worded_apart<T: fmt::Debug>(items: &[T], en: fn(&T) -> String, es: fn(&T) -> String) {
        let mut seen = std::collections::HashSet::new();
        for item in items {
            let (en, es) = (en(item), es(item));
            assert!(!en.is_empty() && !es.is_empty(), "{item:?}");
            assert_ne!(en, es, "{item:?} reads the same in both languages");
            assert!(seen.insert(en), "{item:?} reads like another in English");
            assert!(seen.insert(es), "{item:?} reads like another in Spanish");
        }
    }

    #[test]
    fn every_refusal_has_its_own_words_in_both_languages() {
        let page_made = [
            Transport::Status { status: 502 },
            Transport::FileUnreadable,
            Transport::FileNotText,
            Transport::NeedsBrowser,
        ];
        let mut errors = every_refusal();
        errors.extend(page_made.map(AppError::Transport));
        assert_worded_apart(&errors, EN.error, ES.error);
        assert_worded_apart(&every_import_error(), EN.import_error, ES.import_error);
        assert_worded_apart(&every_job_failure(), EN.job_failure, ES.job_failure);
    }

    #[test]
    fn a_refusal_travels_worded_in_the_language_of_the_request() {
        for err in every_refusal() {
            let spanish = worded(err.clone(), Locale::Es);
            assert_eq!((ES.error)(&spanish), (ES.error)(&err));
            let json = serde_json::to_value(&spanish).unwrap();
            let key = if err.status() == 409 {
                "Busy"
            } else {
                "Refused"
            };
            assert_eq!(json[key], (ES.error)(&err).as_str(), "{json}");
            let read: AppError = serde_json::from_value(json).unwrap();
            assert_eq!(read, spanish);
            assert_eq!(read.status(), err.status());
        }
        // Typed, as a page rendered on the server hands it to the browser.
        let typed = AppError::Refused(Refusal::ProjectNameTooLong { max: 200 });
        let json = serde_json::to_string(&typed).unwrap();
        assert_eq!(serde_json::from_str::<AppError>(&json).unwrap(), typed);
        assert_eq!(
            serde_json::to_value(worded(typed, Locale::En)).unwrap(),
            serde_json::json!({ "Refused": "a project name has at most 200 characters" })
        );
    }

    #[test]
    fn the_status_is_decided_by_the_error() {
        assert_eq!(AppError::Busy(Busy::SpeakerJob).status(), 409);
        assert_eq!(AppError::Refused(Refusal::NoPlanYet).status(), 422);
        assert_eq!(
            AppError::from(ImportError::TooLarge { bytes: 9, max: 8 }).status(),
            413
        );
        assert_eq!(AppError::from(ImportError::NoText).status(), 422);
    }

    #[test]
    fn app_errors_read_in_spanish() {
        assert_eq!(
            app_error_es(&AppError::Cast(CastError::StyleDegreeOutOfRange {
                value: 5.0
            })),
            "la intensidad de estilo 5 está fuera de 0,01–2"
        );
        assert_eq!(
            app_error_es(&AppError::Invalid(SegmentError::NoNextSegment {
                id: SegmentId(4)
            })),
            "el segmento 4 no tiene segmento siguiente"
        );
    }

    #[test]
    fn import_refusals_read_in_spanish() {
        assert_eq!(
            import_es(&ImportError::NotWhatItSays {
                expected: Format::Docx,
                problem: Mismatch::NotZip
            }),
            "Este archivo dice .docx pero no es un documento de Word: no es un archivo zip"
        );
        assert_eq!(
            import_es(&ImportError::UnsupportedExtension("pdf".into())),
            "Los archivos .pdf no se pueden importar; importa un archivo .txt, .md, .docx o .epub"
        );
    }
}
