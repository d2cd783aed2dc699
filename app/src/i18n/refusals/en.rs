//! The server's refusals and the page's transport errors in English.

use crate::{
    error::{
        AppError, Busy, Format, ImportError, Listing, Mismatch, Refusal, Transport, Unavailable,
    },
    model::{JobFailure, Unusable},
};

use super::{bytes, megabytes};
use crate::i18n::EN;

/// An [`AppError`] in English.
pub(in crate::i18n) fn app_error_en(err: &AppError) -> String {
    match err {
        AppError::Unauthorized => super::account::UNAUTHORIZED_EN.to_owned(),
        AppError::Forbidden => super::account::FORBIDDEN_EN.to_owned(),
        AppError::TooManyAttempts {
            retry_after_seconds,
        } => super::account::too_many_en(*retry_after_seconds),
        AppError::OverLimit {
            work,
            per_hour,
            retry_after_seconds,
        } => super::account::over_limit_en(*work, *per_hour, *retry_after_seconds),
        AppError::NotFound => "not found".to_owned(),
        AppError::Conflict { current_version } => format!(
            "this plan was changed elsewhere (now at version {current_version}); reload to see it"
        ),
        AppError::Invalid(err) => (EN.segment_error)(err),
        AppError::Cast(err) => crate::i18n::errors_en::cast_error(err),
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

/// A [`Refusal`] in English.
pub(in crate::i18n) fn refusal_en(refusal: &Refusal) -> String {
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
                crate::i18n::errors_en::cast_error(err)
            )
        }
        Refusal::Unavailable(service) => unavailable_en(service),
        Refusal::Speech(err) => super::speech::speech_error_en(err),
        Refusal::Account(refusal) => super::account::account_en(refusal),
        Refusal::UnknownSpeaker => {
            "this segment's speaker is not in the cast; choose another".to_owned()
        }
        Refusal::StyleNotOffered {
            voice,
            style,
            offered,
        } => {
            let offered = if offered.is_empty() {
                "it offers none".to_owned()
            } else {
                format!("it offers {}", offered.join(", "))
            };
            format!(
                "the voice {voice} has no style “{style}” ({offered}); change it on the cast page"
            )
        }
        Refusal::Unrenderable { row, why, .. } => super::speech::unrenderable_en(*row, why),
        Refusal::NotRendered => "every planned chapter must be rendered, current and within the \
                                 ACX rules before the audiobook is built"
            .to_owned(),
        Refusal::Pause(err) => format!(
            "the {} pause must last {} to {} ms, not {} ms",
            err.pause, err.min_ms, err.max_ms, err.ms
        ),
        Refusal::AuthorTooLong { max } => format!("an author's name has at most {max} characters"),
        Refusal::Worded(words) => words.clone(),
    }
}

/// A [`Busy`] in English.
pub(in crate::i18n) fn busy_en(busy: &Busy) -> String {
    match busy {
        Busy::SpeakerJob => "speakers are already being assigned to this chapter; wait for that \
                             run to finish or cancel it"
            .to_owned(),
        Busy::Book => {
            "the audiobook is already being built; wait for it to finish or cancel it".to_owned()
        }
        Busy::Render => "this chapter is already being rendered; wait for that render to finish \
                         or cancel it"
            .to_owned(),
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
        Unavailable::Speech { engine, failure } => super::speech::failure_en(*engine, failure),
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

/// What a file of this format is, in English ("a Word document").
fn format_en(format: Format) -> &'static str {
    match format {
        Format::Text => "a plain-text file",
        Format::Markdown => "a Markdown text file",
        Format::Docx => "a Word document",
        Format::Epub => "an EPUB book",
        Format::Pdf => "a PDF document",
    }
}

fn mismatch_en(problem: &Mismatch) -> String {
    match problem {
        Mismatch::NotZip => "it is not a zip archive".to_owned(),
        Mismatch::MissingPart(part) => format!("it has no {part}"),
        Mismatch::WrongMimetype(found) => {
            format!("its mimetype is \"{found}\", not \"application/epub+zip\"")
        }
        Mismatch::NotPdf => "it does not start with %PDF-, as every PDF does".to_owned(),
        Mismatch::NoRootfile => "META-INF/container.xml names no package document".to_owned(),
        Mismatch::LooksLike(format) => format!("it looks like {}", format_en(*format)),
        Mismatch::Binary { byte } => format!("it holds binary data (a NUL byte at byte {byte})"),
        Mismatch::NotUtf8 { byte } => {
            format!("it is not UTF-8 text (the first bad byte is at byte {byte}); save it as UTF-8")
        }
    }
}

/// An [`ImportError`] in English.
pub(in crate::i18n) fn import_en(err: &ImportError) -> String {
    match err {
        ImportError::UnsupportedExtension(ext) if ext.is_empty() => {
            "This file has no extension; import a .txt, .md, .docx, .epub or .pdf file".to_owned()
        }
        ImportError::UnsupportedExtension(ext) => format!(
            "Files ending in .{ext} cannot be imported; import a .txt, .md, .docx, .epub or .pdf file"
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
        ImportError::NoTextLayer { pages } => format!(
            "This PDF's {} {} no text, only images (a scan?); run it through OCR first, or \
             import the manuscript it was made from",
            crate::i18n::plural::count(*pages, "page", "pages"),
            crate::i18n::plural::form(*pages, "holds", "hold")
        ),
        ImportError::PasswordProtected => "This PDF opens only with a password; save a copy \
                                           without one and import that"
            .to_owned(),
        ImportError::NoPdfReader => "This server cannot read PDFs: its PDF reader (Debian's \
                                     poppler-utils) is not installed"
            .to_owned(),
        ImportError::Encrypted => "This book is locked with DRM (encrypted), so only the app it \
                                   was bought for can read it; import a copy without DRM"
            .to_owned(),
        ImportError::MissingInBook {
            listed_in: Listing::ReadingOrder,
            target,
        } => format!(
            "This book's reading order lists \"{target}\", which is not in the file; the book \
             is incomplete"
        ),
        ImportError::MissingInBook {
            listed_in: Listing::Contents,
            target,
        } => format!(
            "This book's table of contents points to \"{target}\", which is not in the book; \
             the book is damaged"
        ),
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

/// A [`JobFailure`] in English.
pub(in crate::i18n) fn job_failure_en(failure: &JobFailure) -> String {
    match failure {
        JobFailure::Server => "the assignment failed on the server".to_owned(),
        JobFailure::Client { detail } => format!("could not set up the llm client: {detail}"),
        JobFailure::Refused { status, detail } => {
            format!("the llm service answered {status}: {detail}")
        }
        JobFailure::GaveUp { attempts, last } => {
            let attempts = usize::try_from(*attempts).unwrap_or(usize::MAX);
            let times = crate::i18n::plural::count(attempts, "time", "times");
            format!("the llm service failed {times}; last: {last}")
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
