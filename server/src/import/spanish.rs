//! The import's refusals in Spanish, for a producer whose page is in Spanish. Every variant is
//! matched, so a new refusal cannot ship with an English-only message.

use super::{megabytes, Format, ImportError, Mismatch};

/// What a file of this format is, in Spanish.
fn description(format: Format) -> &'static str {
    match format {
        Format::Text => "un archivo de texto",
        Format::Markdown => "un archivo de texto Markdown",
        Format::Docx => "un documento de Word",
        Format::Epub => "un libro EPUB",
    }
}

fn mismatch(problem: &Mismatch) -> String {
    match problem {
        Mismatch::NotZip => "no es un archivo zip".to_owned(),
        Mismatch::MissingPart(part) => format!("le falta {part}"),
        Mismatch::WrongMimetype(found) => {
            format!("su mimetype es «{found}», no «application/epub+zip»")
        }
        Mismatch::NoRootfile => {
            "META-INF/container.xml no nombra ningún documento de paquete".to_owned()
        }
        Mismatch::LooksLike(format) => format!("parece {}", description(*format)),
        Mismatch::Binary { byte } => {
            format!("contiene datos binarios (un byte NUL en el byte {byte})")
        }
        Mismatch::NotUtf8 { byte } => format!(
            "no es texto UTF-8 (el primer byte erróneo está en el byte {byte}); guárdalo como UTF-8"
        ),
    }
}

/// `err` in Spanish.
pub fn message(err: &ImportError) -> String {
    match err {
        ImportError::UnsupportedExtension(ext) if ext.is_empty() => {
            "Este archivo no tiene extensión; importa un archivo .txt, .md, .docx o .epub".to_owned()
        }
        ImportError::UnsupportedExtension(ext) => format!(
            "Los archivos .{ext} no se pueden importar; importa un archivo .txt, .md, .docx o .epub"
        ),
        ImportError::TooLarge { bytes, max } => format!(
            "Este archivo ocupa {} y el máximo aceptado es {}",
            megabytes(*bytes as u64),
            megabytes(*max as u64)
        ),
        ImportError::NotWhatItSays { expected, problem } => format!(
            "Este archivo dice .{} pero no es {}: {}",
            expected.extension(),
            description(*expected),
            mismatch(problem)
        ),
        ImportError::TooManyEntries { entries, max } => format!(
            "Este archivo comprimido contiene {entries} archivos, más de los {max} que puede tener un manuscrito"
        ),
        ImportError::UncompressedTooLarge { max } => format!(
            "Este archivo comprimido ocupa más de {} al descomprimirlo, demasiado para un manuscrito",
            megabytes(*max)
        ),
        ImportError::ZipBomb => "Este archivo comprimido se expande mucho más de lo que puede un documento (¿una bomba zip?), así que no se leyó".to_owned(),
        ImportError::NoSpine => "Este EPUB no tiene orden de lectura (su documento de paquete no tiene spine o está vacío)".to_owned(),
        ImportError::NoParagraphs => "Este documento de Word no contiene texto".to_owned(),
        ImportError::NoText => "Este archivo no contiene texto".to_owned(),
        ImportError::Malformed(detail) => format!("Este archivo está dañado: {detail}"),
        ImportError::ChapterTooLarge { title, bytes, max } => format!(
            "El capítulo «{title}» ocupa {}, más del límite de {} por capítulo; divídelo en el archivo original",
            megabytes(*bytes as u64),
            megabytes(*max as u64)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_read_in_spanish() {
        assert_eq!(
            message(&ImportError::NotWhatItSays {
                expected: Format::Docx,
                problem: Mismatch::NotZip
            }),
            "Este archivo dice .docx pero no es un documento de Word: no es un archivo zip"
        );
        assert_eq!(
            message(&ImportError::UnsupportedExtension("pdf".into())),
            "Los archivos .pdf no se pueden importar; importa un archivo .txt, .md, .docx o .epub"
        );
    }
}
