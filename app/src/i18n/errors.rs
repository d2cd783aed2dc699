//! Spanish wording of the domain's errors and of what blocks a sign-off (English is in
//! `errors_en.rs`; `AppError` and the server's refusals are in `refusals.rs`, in both languages).
//! Every variant is matched here, so a new one cannot ship untranslated.

use shared::{
    plan::file::PlanFileError,
    pronunciation::{pls::PlsError, EntryError, EspeakError, IpaError, MapError},
    signoff::Blocker,
    CastError, SegmentError,
};

/// A [`SegmentError`] in Spanish.
pub(super) fn segment_error(err: &SegmentError) -> String {
    use SegmentError as E;
    match err {
        E::EmptyChapter => "el texto del capítulo está vacío".to_owned(),
        E::ChapterTooLarge { bytes, max_bytes } => {
            format!("el texto del capítulo ocupa {bytes} bytes, más del límite de {max_bytes}")
        }
        E::NotUtf8 { byte } => {
            format!("el texto del capítulo no es UTF-8 válido (primer byte erróneo en {byte})")
        }
        E::OffsetPastEnd { offset, len } => {
            format!("la posición {offset} está más allá del final ({len})")
        }
        E::OffsetInsideCharacter { offset } => {
            format!("la posición {offset} cae dentro de un carácter")
        }
        E::SplitLeavesEmptyHalf { id, offset } => {
            format!("dividir el segmento {id} en {offset} dejaría una mitad vacía")
        }
        E::SplitInsideEdit { id } => format!(
            "el segmento {id} no se puede dividir dentro de su texto editado; divídelo fuera de la edición"
        ),
        E::UnknownSegment { id } => format!("el segmento {id} no existe"),
        E::UnknownSpeaker { id, speaker } => {
            format!("el segmento {id} está asignado a «{speaker}», que no está en el reparto")
        }
        E::NoFlag { id } => format!("el segmento {id} no tiene marca de revisión"),
        E::EmptyComment { .. } => "el comentario está vacío; escribe algo primero".to_owned(),
        E::FlagTextTooLong { max } => {
            format!("una nota o un comentario puede tener como mucho {max} caracteres")
        }
        E::NoNextSegment { id } => format!("el segmento {id} no tiene segmento siguiente"),
        E::NoPreviousSegment { id } => format!("el segmento {id} no tiene segmento anterior"),
        E::LastSegment => "no se puede borrar el último segmento".to_owned(),
        E::EmptyPlan => "el plan no tiene segmentos".to_owned(),
        E::EmptyText { id } => format!("el segmento {id} no tiene texto"),
        E::OverByteLimit {
            id,
            bytes,
            max_bytes,
        } => format!(
            "el segmento {id} ocupa {bytes} bytes con el SSML, más del límite de {max_bytes}"
        ),
        E::OverAudioLimit {
            id,
            seconds,
            max_seconds,
        } => format!(
            "el segmento {id} tardaría {seconds} s en leerse, más del límite de {max_seconds} s"
        ),
        E::DuplicateId { id } => format!("el id de segmento {id} aparece dos veces"),
        E::InvertedRange { id, start, end } => {
            format!("el segmento {id} tiene un intervalo vacío o invertido {start}..{end}")
        }
        E::Overlap {
            id,
            start,
            previous_end,
        } => format!(
            "el segmento {id} empieza en {start}, antes de que termine el anterior en {previous_end}"
        ),
        E::OriginalMismatch { id, start, end } => format!(
            "el texto original del segmento {id} no coincide con el capítulo en {start}..{end}"
        ),
    }
}

/// A [`CastError`] in Spanish.
pub(super) fn cast_error(err: &CastError) -> String {
    use CastError as E;
    match err {
        E::EmptyName => "un personaje necesita un nombre con al menos una letra o cifra".to_owned(),
        E::DuplicateName { name } => {
            format!("el nombre «{name}» lo usa más de un personaje")
        }
        E::DuplicateId { id } => format!("el id «{id}» lo usa más de un personaje"),
        E::InvalidId { id } => format!("«{id}» no es un id de personaje válido"),
        E::NoNarrator => "el reparto no tiene narrador".to_owned(),
        E::UnknownCharacter { id } => format!("ningún personaje tiene el id «{id}»"),
        E::EmptyVoiceId => "una voz necesita un id de voz".to_owned(),
        E::StyleDegreeOutOfRange { value } => {
            format!("la intensidad de estilo {value} está fuera de 0,01–2")
        }
        E::RateOutOfRange { value } => {
            format!("la velocidad {value} % está fuera de −50 %–+100 %")
        }
        E::PitchOutOfRange { value } => format!("el tono {value} % está fuera de −50 %–+50 %"),
    }
}

/// Why a chapter cannot be completed, in Spanish.
pub(super) fn blocker(blocker: &Blocker) -> String {
    match blocker {
        Blocker::NoPlan => "el capítulo no tiene plan".to_owned(),
        Blocker::NoSpeaker { count: 1, first } => format!("el segmento {first} no tiene hablante"),
        Blocker::NoSpeaker { count, first } => {
            format!("{count} segmentos no tienen hablante (el primero: {first})")
        }
        Blocker::Stale { count: 1, first } => format!(
            "el texto del capítulo cambió: el segmento {first} ya no coincide con él; traslada el \
             plan al texto nuevo"
        ),
        Blocker::Stale { count, first } => format!(
            "el texto del capítulo cambió: {count} segmentos ya no coinciden con él (el primero: \
             {first}); traslada el plan al texto nuevo"
        ),
        Blocker::Contradicted { count: 1, first } => {
            format!("una acotación contradice el hablante del segmento {first}")
        }
        Blocker::Contradicted { count, first } => format!(
            "las acotaciones contradicen el hablante de {count} segmentos (el primero: {first})"
        ),
        Blocker::Flagged { count: 1, first } => {
            format!("el segmento {first} está marcado para revisión")
        }
        Blocker::Flagged { count, first } => {
            format!("{count} segmentos están marcados para revisión (el primero: {first})")
        }
    }
}

/// A refused pronunciation entry in Spanish, as a sentence of its own.
pub(super) fn entry_error(error: &EntryError) -> String {
    match error {
        EntryError::EmptyGrapheme => "La forma escrita está vacía".to_owned(),
        EntryError::Ipa(IpaError::Empty) => "El AFI está vacío".to_owned(),
        EntryError::Ipa(IpaError::NotIpa {
            symbol, position, ..
        }) => {
            format!("«{symbol}» en el carácter {position} no es un símbolo del AFI")
        }
        EntryError::Ipa(IpaError::LoneDiacritic { position, .. }) => {
            format!("El diacrítico del carácter {position} no tiene símbolo delante")
        }
        EntryError::Ipa(IpaError::TooLong { max, .. }) => {
            format!("El AFI tiene más de {max} caracteres")
        }
        EntryError::TooLong { max, .. } => format!("Un campo tiene más de {max} caracteres"),
        EntryError::ControlCharacter { .. } => {
            "Un campo contiene un carácter de control".to_owned()
        }
        EntryError::Espeak(EspeakError::Brackets) => {
            "Los fonemas de espeak-ng no pueden contener «[[» ni «]]»".to_owned()
        }
        EntryError::Espeak(_) => {
            "Los fonemas de espeak-ng solo admiten ASCII imprimible (200 como máximo)".to_owned()
        }
        EntryError::Locale { locale } => {
            format!("«{locale}» no es una variante como es, es-ES o en-GB")
        }
    }
}

/// A refused pronunciation map in Spanish.
pub(super) fn map_error(err: &MapError) -> String {
    match err {
        MapError::Entry {
            number,
            grapheme,
            error,
        } => format!(
            "entrada {number} («{grapheme}»): {}",
            entry_error(error)
        ),
        MapError::Duplicate {
            first,
            second,
            grapheme,
            locale,
        } => format!(
            "las entradas {first} y {second} dan las dos la pronunciación de «{grapheme}» en {locale}"
        ),
        MapError::TooMany { count, max } => {
            format!("el mapa tiene {count} entradas, más del límite de {max}")
        }
    }
}

/// A refused PLS file in Spanish.
pub(super) fn pls_error(err: &PlsError) -> String {
    match err {
        PlsError::TooLarge { bytes, max } => {
            format!("el archivo ocupa {bytes} bytes, más del límite de {max}")
        }
        PlsError::Malformed { position, reason } => {
            format!("el archivo no es XML bien formado (cerca del byte {position}): {reason}")
        }
        PlsError::NotLexicon { root } => {
            format!("el archivo no es un léxico PLS: su elemento raíz es <{root}>")
        }
        PlsError::WrongNamespace => format!(
            "el <lexicon> no está en el espacio de nombres PLS {}",
            shared::pronunciation::pls::PLS_NAMESPACE
        ),
        PlsError::Version { version } => {
            format!("la versión PLS «{version}» no se admite; solo la 1.0")
        }
        PlsError::NoLanguage => "el <lexicon> no tiene xml:lang".to_owned(),
        PlsError::UnknownAlphabet { lexeme, alphabet } => {
            format!("lexema {lexeme}: el alfabeto «{alphabet}» no se admite (solo ipa y x-espeak)")
        }
        PlsError::NoGrapheme { lexeme } => format!("el lexema {lexeme} no tiene <grapheme>"),
        PlsError::NoIpa { lexeme } => format!("el lexema {lexeme} no tiene <phoneme> en AFI"),
        PlsError::BadAttribute {
            lexeme,
            attribute,
            value,
        } => format!("lexema {lexeme}: {attribute}=«{value}» no es válido"),
        PlsError::Unexpected {
            lexeme,
            element,
            parent,
        } => format!("lexema {lexeme}: <{element}> no puede ir dentro de <{parent}>"),
        PlsError::UnknownEntity { name } => format!("la entidad &{name}; no está definida"),
        PlsError::TooMany { max } => format!("el archivo tiene más de {max} grafemas"),
        PlsError::Entry { lexeme, error } => format!("lexema {lexeme}: {}", map_error(error)),
    }
}

/// A refused plan file in Spanish (the JSON parser's own detail stays as it is).
pub(super) fn plan_file_error(err: &PlanFileError) -> String {
    match err {
        PlanFileError::Malformed {
            line,
            column,
            reason,
        } => format!(
            "el archivo de plan no es JSON válido (línea {line}, columna {column}): {reason}"
        ),
        PlanFileError::NotAPlan {
            line,
            column,
            reason,
        } => format!(
            "el archivo de plan no es una lista de segmentos de plan (línea {line}, columna {column}): {reason}"
        ),
        PlanFileError::Encode { reason } => format!("no se pudo escribir el plan: {reason}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pronunciation_refusals_read_in_spanish() {
        let err = PlsError::Version {
            version: "0.9".into(),
        };
        assert_eq!(
            pls_error(&err),
            "la versión PLS «0.9» no se admite; solo la 1.0"
        );
        let duplicate = MapError::Duplicate {
            first: 1,
            second: 2,
            grapheme: "HOLMES".into(),
            locale: "en".into(),
        };
        assert_eq!(
            map_error(&duplicate),
            "las entradas 1 y 2 dan las dos la pronunciación de «HOLMES» en en"
        );
    }

    #[test]
    fn domain_errors_read_in_spanish() {
        assert_eq!(
            segment_error(&SegmentError::LastSegment),
            "no se puede borrar el último segmento"
        );
    }
}
