//! Reading a PLS document with `quick-xml`'s namespace-aware reader: the `<lexicon>` and its
//! attributes, then one `<lexeme>` at a time. Never panics; every refusal is a `PlsError`.

use std::borrow::Cow;

use quick_xml::{
    events::{attributes::Attribute, BytesRef, BytesStart, Event},
    name::ResolveResult,
    NsReader, XmlVersion,
};

use super::{PlsError, ESPEAK_ALPHABET, PLS_NAMESPACE, STUDIO_NAMESPACE};
use crate::pronunciation::{Entry, Status};

/// What the `<lexicon>` element says for its lexemes.
pub(super) struct Lexicon {
    language: String,
    alphabet: Option<String>,
}

/// One lexeme: its graphemes and what every entry made from it shares.
pub(super) struct Lexeme {
    pub(super) graphemes: Vec<String>,
    pub(super) entry: Entry,
}

/// A phoneme or alias candidate: its text and whether it is marked `prefer="true"`.
#[derive(Default)]
struct Choice {
    text: Option<String>,
    preferred: bool,
}

impl Choice {
    /// Keeps `text` if it is the first, or the first preferred one.
    fn offer(&mut self, text: String, preferred: bool) {
        if self.text.is_none() || (preferred && !self.preferred) {
            self.text = Some(text);
            self.preferred = preferred;
        }
    }
}

/// What a studio extension attribute or a known PLS attribute is called.
enum Name {
    Pls(String),
    Studio(String),
    Other,
}

pub(super) struct Parser<'i> {
    reader: NsReader<&'i [u8]>,
}

impl<'i> Parser<'i> {
    pub(super) fn new(text: &'i str) -> Self {
        let mut reader = NsReader::from_str(text);
        reader.config_mut().trim_text(false);
        Self { reader }
    }

    fn malformed(&self, reason: impl ToString) -> PlsError {
        PlsError::Malformed {
            position: self.reader.error_position(),
            reason: reason.to_string(),
        }
    }

    /// Reads up to the root element and checks it.
    pub(super) fn lexicon(&mut self) -> Result<Lexicon, PlsError> {
        loop {
            let (namespace, event) = self.read()?;
            match event {
                Event::Start(start) => {
                    let local = start.local_name().as_ref().to_owned();
                    if local != "lexicon" {
                        return Err(PlsError::NotLexicon { root: local });
                    }
                    if namespace != Some(PLS_NAMESPACE.to_owned()) {
                        return Err(PlsError::WrongNamespace);
                    }
                    return self.lexicon_attributes(&start);
                }
                Event::Empty(start) => {
                    let local = start.local_name().as_ref().to_owned();
                    return Err(if local == "lexicon" {
                        self.malformed("the <lexicon> is empty and closed at once")
                    } else {
                        PlsError::NotLexicon { root: local }
                    });
                }
                Event::Eof => return Err(self.malformed("the document has no root element")),
                Event::Text(text) if !is_blank(&text.xml10_content()) => {
                    return Err(self.malformed("text before the root element"))
                }
                _ => {}
            }
        }
    }

    fn lexicon_attributes(&self, start: &BytesStart<'_>) -> Result<Lexicon, PlsError> {
        let mut version = None;
        let mut language = None;
        let mut alphabet = None;
        for attribute in start.attributes() {
            let attribute = attribute.map_err(|err| self.malformed(err))?;
            let value = self.value(&attribute)?;
            match attribute.key.0 {
                "version" => version = Some(value),
                "xml:lang" => language = Some(value),
                "alphabet" => alphabet = Some(value),
                _ => {}
            }
        }
        if version.as_deref() != Some("1.0") {
            return Err(PlsError::Version {
                version: version.unwrap_or_default(),
            });
        }
        Ok(Lexicon {
            language: language
                .map(|l| l.trim().to_owned())
                .filter(|l| !l.is_empty())
                .ok_or(PlsError::NoLanguage)?,
            alphabet,
        })
    }

    /// The next lexeme, or `None` at `</lexicon>`.
    pub(super) fn next_lexeme(
        &mut self,
        number: usize,
        lexicon: &Lexicon,
    ) -> Result<Option<Lexeme>, PlsError> {
        loop {
            let (namespace, event) = self.read()?;
            match event {
                Event::End(_) => return Ok(None),
                Event::Start(start)
                    if is_pls(&namespace) && start.local_name().as_ref() == "lexeme" =>
                {
                    let entry = self.lexeme_attributes(number, lexicon, &start)?;
                    return self.lexeme_children(number, lexicon, entry).map(Some);
                }
                Event::Empty(start)
                    if is_pls(&namespace) && start.local_name().as_ref() == "lexeme" =>
                {
                    return Err(PlsError::NoGrapheme { lexeme: number })
                }
                Event::Start(start) => self.skip(&start)?,
                Event::Eof => return Err(self.malformed("the document ends inside <lexicon>")),
                Event::GeneralRef(reference) => {
                    resolve_reference(&reference)?;
                }
                _ => {}
            }
        }
    }

    fn lexeme_attributes(
        &self,
        number: usize,
        lexicon: &Lexicon,
        start: &BytesStart<'_>,
    ) -> Result<Entry, PlsError> {
        let mut entry = Entry::new("", "", &lexicon.language);
        for attribute in start.attributes() {
            let attribute = attribute.map_err(|err| self.malformed(err))?;
            let Name::Studio(name) = self.attribute_name(attribute.key) else {
                continue;
            };
            let value = self.value(&attribute)?;
            let bad = || PlsError::BadAttribute {
                lexeme: number,
                attribute: name.clone(),
                value: value.clone(),
            };
            match name.as_str() {
                "status" => entry.status = Status::parse(&value).ok_or_else(bad)?,
                "case-sensitive" => {
                    entry.case_sensitive = match value.as_str() {
                        "true" => true,
                        "false" => false,
                        _ => return Err(bad()),
                    }
                }
                "locale" => entry.locale = value.clone(),
                _ => {}
            }
        }
        Ok(entry)
    }

    /// Reads a lexeme's children up to `</lexeme>`, filling `entry`'s pronunciations.
    fn lexeme_children(
        &mut self,
        number: usize,
        lexicon: &Lexicon,
        mut entry: Entry,
    ) -> Result<Lexeme, PlsError> {
        let mut graphemes = Vec::new();
        let (mut ipa, mut espeak, mut alias) =
            (Choice::default(), Choice::default(), Choice::default());
        loop {
            let (namespace, event) = self.read()?;
            let (start, empty) = match event {
                Event::End(_) => break,
                Event::Start(start) => (start, false),
                Event::Empty(start) => (start, true),
                Event::Eof => return Err(self.malformed("the document ends inside <lexeme>")),
                Event::GeneralRef(reference) => {
                    resolve_reference(&reference)?;
                    continue;
                }
                _ => continue,
            };
            let local = start.local_name().as_ref().to_owned();
            if !is_pls(&namespace) || !matches!(local.as_str(), "grapheme" | "phoneme" | "alias") {
                if !empty {
                    self.skip(&start)?;
                }
                continue;
            }
            let (alphabet, preferred) = self.phoneme_attributes(&start)?;
            let text = if empty {
                String::new()
            } else {
                self.text_of(number, &local)?
            };
            match local.as_str() {
                "grapheme" => graphemes.push(text),
                "alias" => alias.offer(text, preferred),
                _ => match alphabet.or_else(|| lexicon.alphabet.clone()).as_deref() {
                    Some("ipa") => ipa.offer(text, preferred),
                    Some(ESPEAK_ALPHABET) => espeak.offer(text, preferred),
                    other => {
                        return Err(PlsError::UnknownAlphabet {
                            lexeme: number,
                            alphabet: other.unwrap_or_default().to_owned(),
                        })
                    }
                },
            }
        }
        if graphemes.is_empty() {
            return Err(PlsError::NoGrapheme { lexeme: number });
        }
        entry.ipa = ipa.text.ok_or(PlsError::NoIpa { lexeme: number })?;
        entry.espeak = espeak.text;
        entry.respelling = alias.text;
        Ok(Lexeme { graphemes, entry })
    }

    /// A phoneme's or alias's `alphabet` and whether `prefer="true"`.
    fn phoneme_attributes(
        &self,
        start: &BytesStart<'_>,
    ) -> Result<(Option<String>, bool), PlsError> {
        let mut alphabet = None;
        let mut preferred = false;
        for attribute in start.attributes() {
            let attribute = attribute.map_err(|err| self.malformed(err))?;
            if let Name::Pls(name) = self.attribute_name(attribute.key) {
                let value = self.value(&attribute)?;
                match name.as_str() {
                    "alphabet" => alphabet = Some(value.trim().to_owned()),
                    "prefer" => preferred = value.trim() == "true",
                    _ => {}
                }
            }
        }
        Ok((alphabet, preferred))
    }

    /// The text of a `<grapheme>`, `<phoneme>` or `<alias>` up to its end tag, trimmed.
    fn text_of(&mut self, number: usize, parent: &str) -> Result<String, PlsError> {
        let mut text = String::new();
        loop {
            let (_, event) = self.read()?;
            match event {
                Event::Text(part) => text.push_str(&part.xml10_content()),
                Event::CData(part) => text.push_str(&part.xml10_content()),
                Event::GeneralRef(reference) => text.push(resolve_reference(&reference)?),
                Event::End(_) => return Ok(text.trim().to_owned()),
                Event::Start(start) | Event::Empty(start) => {
                    return Err(PlsError::Unexpected {
                        lexeme: number,
                        element: start.local_name().as_ref().to_owned(),
                        parent: parent.to_owned(),
                    })
                }
                Event::Eof => return Err(self.malformed("the document ends inside an element")),
                _ => {}
            }
        }
    }

    /// After `</lexicon>`: only comments, processing instructions and blanks may follow.
    pub(super) fn finish(&mut self) -> Result<(), PlsError> {
        loop {
            let (_, event) = self.read()?;
            match event {
                Event::Eof => return Ok(()),
                Event::Start(_) | Event::Empty(_) => {
                    return Err(self.malformed("a second root element"))
                }
                Event::Text(text) if !is_blank(&text.xml10_content()) => {
                    return Err(self.malformed("text after the root element"))
                }
                Event::GeneralRef(_) => return Err(self.malformed("text after the root element")),
                _ => {}
            }
        }
    }

    /// Skips an element and everything in it.
    fn skip(&mut self, start: &BytesStart<'_>) -> Result<(), PlsError> {
        let end = start.to_end().into_owned();
        self.reader
            .read_to_end(end.name())
            .map(|_| ())
            .map_err(|err| self.malformed(err))
    }

    /// The next event with the namespace of its element, if bound.
    fn read(&mut self) -> Result<(Option<String>, Event<'i>), PlsError> {
        let read = self.reader.read_resolved_event().map(|(namespace, event)| {
            let namespace = match namespace {
                ResolveResult::Bound(namespace) => Ok(Some(namespace.0.to_owned())),
                ResolveResult::Unbound => Ok(None),
                ResolveResult::Unknown(prefix) => Err(prefix),
            };
            (namespace, event)
        });
        match read {
            Ok((Ok(namespace), event)) => Ok((namespace, event)),
            Ok((Err(prefix), _)) => {
                Err(self.malformed(format!("the prefix {prefix}: is not declared")))
            }
            Err(err) => Err(self.malformed(err)),
        }
    }

    fn attribute_name(&self, key: quick_xml::name::QName<'_>) -> Name {
        match self.reader.resolver().resolve_attribute(key) {
            (ResolveResult::Unbound, local) => Name::Pls(local.as_ref().to_owned()),
            (ResolveResult::Bound(namespace), local) if namespace.0 == STUDIO_NAMESPACE => {
                Name::Studio(local.as_ref().to_owned())
            }
            _ => Name::Other,
        }
    }

    /// An attribute's value with its references resolved.
    fn value(&self, attribute: &Attribute<'_>) -> Result<String, PlsError> {
        attribute
            .normalized_value(XmlVersion::Implicit1_0)
            .map(Cow::into_owned)
            .map_err(|err| self.malformed(err))
    }
}

fn is_pls(namespace: &Option<String>) -> bool {
    namespace.as_deref() == Some(PLS_NAMESPACE)
}

fn is_blank(text: &str) -> bool {
    text.chars().all(|c| matches!(c, ' ' | '\t' | '\r' | '\n'))
}

/// The character a reference stands for: XML's five entities and character references only.
fn resolve_reference(reference: &BytesRef<'_>) -> Result<char, PlsError> {
    let unknown = || PlsError::UnknownEntity {
        name: reference.as_ref().to_owned(),
    };
    if reference.is_char_ref() {
        return reference
            .resolve_char_ref()
            .ok()
            .flatten()
            .ok_or_else(unknown);
    }
    match reference.as_ref() {
        "lt" => Ok('<'),
        "gt" => Ok('>'),
        "amp" => Ok('&'),
        "apos" => Ok('\''),
        "quot" => Ok('"'),
        _ => Err(unknown()),
    }
}
