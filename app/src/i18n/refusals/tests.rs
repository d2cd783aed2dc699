//! Every refusal has distinct, non-empty words in both languages, and round-trips over HTTP.

use super::*;
use crate::{
    error::{
        AppError, Busy, Format, ImportError, Listing, Mismatch, Refusal, Transport, Unavailable,
        Unrenderable,
    },
    i18n::ES,
    model::{JobFailure, Unusable},
};
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
        Refusal::NotRendered,
        Refusal::Unrenderable {
            segment: None,
            row: 0,
            why: Unrenderable::Text(shared::speech::SpeechError::TooLong {
                seconds: 40,
                max: 30,
            }),
        },
        Refusal::AuthorTooLong { max: 200 },
        Refusal::Pause(shared::delivery::timeline::PauseError {
            pause: "tail".into(),
            ms: 200,
            min_ms: 1_000,
            max_ms: 5_000,
        }),
        Refusal::Unrenderable {
            segment: Some(SegmentId(4)),
            row: 3,
            why: Unrenderable::NoSpeaker,
        },
        Refusal::Unrenderable {
            segment: Some(SegmentId(4)),
            row: 3,
            why: Unrenderable::UnknownSpeaker {
                speaker: "ghost".into(),
            },
        },
        Refusal::Unrenderable {
            segment: Some(SegmentId(4)),
            row: 3,
            why: Unrenderable::NoEngine {
                engine: shared::VoiceEngine::Azure,
            },
        },
        Refusal::Unrenderable {
            segment: Some(SegmentId(4)),
            row: 3,
            why: Unrenderable::Text(shared::speech::SpeechError::Empty),
        },
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
        .chain([
            AppError::Busy(Busy::SpeakerJob),
            AppError::Busy(Busy::Render),
            AppError::Busy(Busy::Book),
        ])
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
        Mismatch::NotPdf,
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
        ImportError::UnsupportedExtension("odt".into()),
        ImportError::TooLarge { bytes: 9, max: 8 },
        ImportError::TooManyEntries { entries: 9, max: 8 },
        ImportError::UncompressedTooLarge { max: 8 },
        ImportError::ZipBomb,
        ImportError::NoSpine,
        ImportError::Encrypted,
        ImportError::NoTextLayer { pages: 3 },
        ImportError::PasswordProtected,
        ImportError::NoPdfReader,
        ImportError::MissingInBook {
            listed_in: Listing::ReadingOrder,
            target: "OEBPS/c9.xhtml".into(),
        },
        ImportError::MissingInBook {
            listed_in: Listing::Contents,
            target: "OEBPS/c1.xhtml#ch3".into(),
        },
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
        import_es(&ImportError::UnsupportedExtension("odt".into())),
        "Los archivos .odt no se pueden importar; importa un archivo .txt, .md, .docx, .epub o .pdf"
    );
}
