//! W3C Pronunciation Lexicon Specification 1.0 files: [`export`] a map, [`import`] one back, all or
//! nothing. Fields PLS has no place for travel as extensions other processors ignore (see [`export`]).
//! Reading and writing go through `quick-xml`; no XML is assembled by hand.

mod parser;
#[cfg(test)]
mod tests;

use quick_xml::{
    events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event},
    Writer,
};
use serde::{Deserialize, Serialize};

use parser::Parser;

use super::{error::MapError, Entry, PronunciationMap, MAX_ENTRIES};

/// The PLS 1.0 namespace.
pub const PLS_NAMESPACE: &str = "http://www.w3.org/2005/01/pronunciation-lexicon";
/// The studio's namespace for the attributes PLS has no place for.
pub const STUDIO_NAMESPACE: &str = "urn:x-audiobook-studio:pls:1";
/// The phoneme alphabet of espeak-ng mnemonics (PLS allows `x-` alphabets).
pub const ESPEAK_ALPHABET: &str = "x-espeak";
/// Largest PLS file read, in bytes.
pub const MAX_PLS_BYTES: usize = 4 * 1024 * 1024;

/// Why a PLS file was refused; nothing of it is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum PlsError {
    /// The file is larger than [`MAX_PLS_BYTES`].
    #[error("the file is {bytes} bytes, over the limit of {max}")]
    TooLarge {
        /// Its size.
        bytes: usize,
        /// The limit.
        max: usize,
    },
    /// The XML is not well-formed.
    #[error("the file is not well-formed XML (near byte {position}): {reason}")]
    Malformed {
        /// Byte offset of the problem.
        position: u64,
        /// What the XML reader found.
        reason: String,
    },
    /// The document is not a PLS lexicon.
    #[error("the file is not a PLS lexicon: its root element is <{root}>")]
    NotLexicon {
        /// The root element's name.
        root: String,
    },
    /// The `<lexicon>` is not in the PLS namespace.
    #[error("the <lexicon> is not in the PLS namespace {PLS_NAMESPACE}")]
    WrongNamespace,
    /// The lexicon's version is not 1.0.
    #[error("PLS version “{version}” is not supported; only 1.0 is")]
    Version {
        /// The version found (empty when missing).
        version: String,
    },
    /// The lexicon has no `xml:lang`.
    #[error("the <lexicon> has no xml:lang")]
    NoLanguage,
    /// A phoneme's alphabet is neither `ipa` nor `x-espeak`.
    #[error("lexeme {lexeme}: the alphabet “{alphabet}” is not supported (only ipa and x-espeak)")]
    UnknownAlphabet {
        /// The 1-based lexeme number.
        lexeme: usize,
        /// The alphabet named.
        alphabet: String,
    },
    /// A lexeme has no grapheme.
    #[error("lexeme {lexeme} has no <grapheme>")]
    NoGrapheme {
        /// The 1-based lexeme number.
        lexeme: usize,
    },
    /// A lexeme has no IPA phoneme.
    #[error("lexeme {lexeme} has no IPA <phoneme>")]
    NoIpa {
        /// The 1-based lexeme number.
        lexeme: usize,
    },
    /// A studio attribute holds a value the studio never writes.
    #[error("lexeme {lexeme}: {attribute}=“{value}” is not valid")]
    BadAttribute {
        /// The 1-based lexeme number.
        lexeme: usize,
        /// The attribute's local name.
        attribute: String,
        /// Its value.
        value: String,
    },
    /// An element where only text may be.
    #[error("lexeme {lexeme}: <{element}> may not appear inside <{parent}>")]
    Unexpected {
        /// The 1-based lexeme number.
        lexeme: usize,
        /// The element found.
        element: String,
        /// The element it was found in.
        parent: String,
    },
    /// An entity reference other than XML's five and character references.
    #[error("the entity &{name}; is not defined")]
    UnknownEntity {
        /// Its name.
        name: String,
    },
    /// More than [`MAX_ENTRIES`] graphemes.
    #[error("the file has more than {max} graphemes")]
    TooMany {
        /// The limit.
        max: usize,
    },
    /// A lexeme gives an entry the map refuses.
    #[error("lexeme {lexeme}: {error}")]
    Entry {
        /// The 1-based lexeme number.
        lexeme: usize,
        /// The map's reason, naming the entry.
        error: MapError,
    },
}

/// The map as a PLS 1.0 document: `alphabet="ipa"`, `xml:lang` the most common locale of the
/// entries (`default_locale` when there is none), one `<lexeme>` per entry holding its
/// `<grapheme>`, its IPA `<phoneme>` and its respelling as `<alias>`. The rest is written so that
/// [`import`] gives back the same map: the espeak-ng string as a second `<phoneme
/// alphabet="x-espeak">`, and `studio:status`, `studio:case-sensitive` and (when it differs from
/// the lexicon's) `studio:locale` attributes in the [`STUDIO_NAMESPACE`].
pub fn export(map: &PronunciationMap, default_locale: &str) -> String {
    let language = lexicon_locale(map).unwrap_or(default_locale);
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    // Writing to a Vec cannot fail, so the results are dropped rather than unwrapped.
    let _ = write_lexicon(&mut writer, map, language);
    String::from_utf8(writer.into_inner()).unwrap_or_default()
}

/// Reads a PLS 1.0 document into a map, all or nothing. Each grapheme of a lexeme becomes an
/// entry with the lexeme's preferred (else first) IPA phoneme, `x-espeak` phoneme and alias.
/// A file from another tool gets the defaults: needs review, not case-sensitive, the lexicon's
/// `xml:lang`. Comments, `<meta>`, `<metadata>`, `<example>` and foreign elements are skipped.
///
/// # Errors
/// A [`PlsError`] naming the lexeme at fault where there is one.
pub fn import(text: &str) -> Result<PronunciationMap, PlsError> {
    if text.len() > MAX_PLS_BYTES {
        return Err(PlsError::TooLarge {
            bytes: text.len(),
            max: MAX_PLS_BYTES,
        });
    }
    let mut parser = Parser::new(text);
    let lexicon = parser.lexicon()?;
    let mut entries = Vec::new();
    let mut lexemes_of_entries = Vec::new();
    let mut number = 0;
    while let Some(lexeme) = parser.next_lexeme(number + 1, &lexicon)? {
        number += 1;
        for grapheme in lexeme.graphemes {
            if entries.len() == MAX_ENTRIES {
                return Err(PlsError::TooMany { max: MAX_ENTRIES });
            }
            entries.push(Entry {
                grapheme,
                ..lexeme.entry.clone()
            });
            lexemes_of_entries.push(number);
        }
    }
    parser.finish()?;
    PronunciationMap::new(entries).map_err(|error| {
        let entry = match &error {
            MapError::Entry { number, .. } => *number,
            MapError::Duplicate { second, .. } => *second,
            MapError::TooMany { .. } => 1,
        };
        let lexeme = lexemes_of_entries
            .get(entry.saturating_sub(1))
            .copied()
            .unwrap_or(1);
        PlsError::Entry { lexeme, error }
    })
}

/// The most common locale among the entries (the first of equals), if any.
fn lexicon_locale(map: &PronunciationMap) -> Option<&str> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for entry in map.entries() {
        match counts
            .iter_mut()
            .find(|(locale, _)| *locale == entry.locale)
        {
            Some((_, count)) => *count += 1,
            None => counts.push((&entry.locale, 1)),
        }
    }
    let best = counts.iter().map(|(_, count)| *count).max()?;
    counts
        .into_iter()
        .find(|(_, count)| *count == best)
        .map(|(locale, _)| locale)
}

fn write_lexicon(
    writer: &mut Writer<Vec<u8>>,
    map: &PronunciationMap,
    language: &str,
) -> std::io::Result<()> {
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let lexicon = BytesStart::new("lexicon").with_attributes([
        ("version", "1.0"),
        ("xmlns", PLS_NAMESPACE),
        ("xmlns:studio", STUDIO_NAMESPACE),
        ("alphabet", "ipa"),
        ("xml:lang", language),
    ]);
    writer.write_event(Event::Start(lexicon))?;
    writer.write_event(Event::Comment(BytesText::new(
        " Written by the audiobook studio. The x-espeak phonemes and the studio:* attributes carry what PLS 1.0 has no place for; other processors may ignore them. ",
    )))?;
    for entry in map.entries() {
        let mut lexeme = BytesStart::new("lexeme");
        lexeme.push_attribute(("studio:status", entry.status.as_str()));
        lexeme.push_attribute((
            "studio:case-sensitive",
            if entry.case_sensitive {
                "true"
            } else {
                "false"
            },
        ));
        if entry.locale != language {
            lexeme.push_attribute(("studio:locale", entry.locale.as_str()));
        }
        writer.write_event(Event::Start(lexeme))?;
        text_element(writer, BytesStart::new("grapheme"), &entry.grapheme)?;
        text_element(writer, BytesStart::new("phoneme"), &entry.ipa)?;
        if let Some(espeak) = &entry.espeak {
            let phoneme =
                BytesStart::new("phoneme").with_attributes([("alphabet", ESPEAK_ALPHABET)]);
            text_element(writer, phoneme, espeak)?;
        }
        if let Some(respelling) = &entry.respelling {
            text_element(writer, BytesStart::new("alias"), respelling)?;
        }
        writer.write_event(Event::End(BytesEnd::new("lexeme")))?;
    }
    writer.write_event(Event::End(BytesEnd::new("lexicon")))?;
    writer.get_mut().push(b'\n');
    Ok(())
}

fn text_element(
    writer: &mut Writer<Vec<u8>>,
    start: BytesStart<'_>,
    text: &str,
) -> std::io::Result<()> {
    let end = start.to_end().into_owned();
    writer.write_event(Event::Start(start))?;
    writer.write_event(Event::Text(BytesText::new(text)))?;
    writer.write_event(Event::End(end))
}
