//! XML helpers shared by the DOCX and EPUB readers: decoding a document's bytes to text, a
//! lenient `quick-xml` reader, attribute look-up by local name, and entity references (XML's five
//! plus the HTML entities that real EPUBs use).

use std::borrow::Cow;

use quick_xml::{
    events::{BytesRef, BytesStart, Event},
    Reader,
};

use super::ImportError;

/// A document's bytes as text: UTF-8 (a BOM is dropped) or UTF-16 with a BOM; a document that is
/// not valid UTF-8 is read as Latin-1, so that an old EPUB in ISO-8859-1 still reads.
pub(crate) fn decode_document(bytes: &[u8]) -> Cow<'_, str> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_document(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Cow::Owned(decode_utf16(rest, u16::from_le_bytes));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Cow::Owned(decode_utf16(rest, u16::from_be_bytes));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => Cow::Owned(bytes.iter().map(|&byte| char::from(byte)).collect()),
    }
}

/// UTF-16 in the given byte order; unpaired surrogates become U+FFFD, an odd last byte is dropped.
pub(crate) fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// A reader that accepts the sloppy markup of real files: end tags need not match, stray `&` is
/// text. Entity references arrive as `Event::GeneralRef` and go through [`push_reference`].
pub(crate) fn reader(text: &str) -> Reader<&[u8]> {
    let mut reader = Reader::from_str(text);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    config.allow_dangling_amp = true;
    config.expand_empty_elements = false;
    config.trim_text(false);
    reader
}

/// A reader for documents that must be well-formed (EPUB content documents, as reading systems
/// read them): end tags must match their start tags; a stray `&` is still text.
pub(crate) fn well_formed_reader(text: &str) -> Reader<&[u8]> {
    let mut reader = Reader::from_str(text);
    let config = reader.config_mut();
    config.check_end_names = true;
    config.allow_dangling_amp = true;
    config.trim_text(false);
    reader
}

/// The next event of the archive entry `part`, or its XML error as [`malformed`] words it.
pub(crate) fn next_event<'i>(
    reader: &mut Reader<&'i [u8]>,
    part: &str,
) -> Result<Event<'i>, ImportError> {
    reader
        .read_event()
        .map_err(|error| malformed(part, reader, &error))
}

/// An XML error in the archive entry `part`: the entry, the byte and the parser's own words.
pub(crate) fn malformed(
    part: &str,
    reader: &Reader<&[u8]>,
    error: &quick_xml::Error,
) -> ImportError {
    ImportError::Malformed(format!("{part}, byte {}: {error}", reader.error_position()))
}

/// The local part of an element name (`w:p` → `p`).
pub(crate) fn local_name<'a>(element: &'a BytesStart<'_>) -> &'a str {
    let name = element.name().0;
    name.rsplit(':').next().unwrap_or(name)
}

/// The local part of an end tag's name.
pub(crate) fn local_end_name(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name).trim()
}

/// The value of the first attribute whose local name is `name` (any prefix), with its entity
/// references decoded. Attributes that do not parse are skipped.
pub(crate) fn attribute(element: &BytesStart<'_>, name: &str) -> Option<String> {
    attribute_where(element, |key| {
        key.rsplit(':')
            .next()
            .unwrap_or(key)
            .eq_ignore_ascii_case(name)
    })
}

/// The value of the attribute whose full name is `name` (`epub:type`), entity references decoded.
pub(crate) fn attribute_exact(element: &BytesStart<'_>, name: &str) -> Option<String> {
    attribute_where(element, |key| key.eq_ignore_ascii_case(name))
}

fn attribute_where(element: &BytesStart<'_>, wanted: impl Fn(&str) -> bool) -> Option<String> {
    let mut attributes = element.html_attributes();
    attributes.with_checks(false);
    attributes
        .flatten()
        .find(|attribute| wanted(attribute.key.0))
        .map(|attribute| decode_entities(&attribute.value).into_owned())
}

/// Appends what an entity reference stands for; an unknown name is kept as written.
pub(crate) fn push_reference(out: &mut String, reference: &BytesRef<'_>) {
    if reference.is_char_ref() {
        match reference.resolve_char_ref() {
            Ok(Some(c)) => out.push(c),
            _ => out.push(char::REPLACEMENT_CHARACTER),
        }
        return;
    }
    let name: &str = reference;
    match named_entity(name) {
        Some(c) => out.push(c),
        None => {
            out.push('&');
            out.push_str(name);
            out.push(';');
        }
    }
}

/// `text` with its entity references (`&amp;`, `&#233;`, `&nbsp;`) decoded; unknown or broken
/// references are kept as written.
pub(crate) fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let after = rest.get(amp + 1..).unwrap_or("");
        let decoded = after
            .find(';')
            .filter(|&end| end <= 32)
            .and_then(|end| Some((end, reference_char(after.get(..end)?)?)));
        match decoded {
            Some((end, c)) => {
                out.push(c);
                rest = after.get(end + 1..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character a reference body (`amp`, `#233`, `#xE9`) stands for.
fn reference_char(body: &str) -> Option<char> {
    if let Some(number) = body.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code);
    }
    named_entity(body)
}

/// Latin-1 entity names for U+00A0 to U+00FF, in code point order.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// The other named entities worth knowing in books: XML's five, typography, a few symbols.
const OTHERS: [(&str, char); 51] = [
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Yuml", 'Ÿ'),
    ("fnof", 'ƒ'),
    ("circ", 'ˆ'),
    ("tilde", '˜'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("hairsp", '\u{200A}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("horbar", '―'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("bull", '•'),
    ("hellip", '…'),
    ("permil", '‰'),
    ("prime", '′'),
    ("Prime", '″'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("oline", '‾'),
    ("frasl", '⁄'),
    ("euro", '€'),
    ("trade", '™'),
    ("minus", '−'),
    ("larr", '←'),
    ("rarr", '→'),
    ("uarr", '↑'),
    ("darr", '↓'),
    ("star", '☆'),
    ("check", '✓'),
    ("numsp", '\u{2007}'),
];

/// The character a named entity stands for (names are case-sensitive, as in HTML).
pub(crate) fn named_entity(name: &str) -> Option<char> {
    if let Some(index) = LATIN1.iter().position(|&known| known == name) {
        return u32::try_from(index)
            .ok()
            .and_then(|index| char::from_u32(0xA0 + index));
    }
    OTHERS
        .iter()
        .find(|(known, _)| *known == name)
        .map(|&(_, c)| c)
}
