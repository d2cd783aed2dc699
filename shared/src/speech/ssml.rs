//! Writing the document of each [`Dialect`]. Text and Azure attributes are escaped with
//! quick-xml's escaper. espeak-ng reads attribute values without decoding entities (`ph="tS&apos;"`
//! reaches it as `tS&apos;`), so its `ph` and `alias` go in raw, inside double quotes, and a value
//! holding `"`, `&` or `<` is not used; its text has `[` and `]` turned into parentheses, which it
//! reads the same way, so book text can never switch it into phoneme mode with `[[`.

use std::fmt::Write as _;

use quick_xml::escape::escape;

use crate::speech::{pronouncer::Match, Applied, Dialect, Form, Utterance};

const SSML_NAMESPACE: &str = "http://www.w3.org/2001/10/synthesis";
const MSTTS_NAMESPACE: &str = "https://www.w3.org/2001/mstts";

/// A written document and what went into it.
pub(super) struct Written {
    pub document: String,
    pub applied: Vec<Applied>,
    pub unsaid: Vec<Match>,
    pub billable_chars: usize,
}

/// The document saying `utterance` in `dialect`, with `matches` (in text order, not overlapping).
pub(super) fn write(
    utterance: Utterance<'_>,
    locale: &str,
    dialect: Dialect,
    matches: &[Match],
) -> Written {
    let mut out = Body {
        document: String::with_capacity(utterance.text.len() * 2 + 256),
        applied: Vec::new(),
        unsaid: Vec::new(),
        dialect,
    };
    let voice = utterance.voice;
    let prosody = (voice.rate != 0 || voice.pitch != 0).then(|| {
        format!(
            r#"<prosody rate="{:+}%" pitch="{:+}%">"#,
            voice.rate, voice.pitch
        )
    });
    let mut content = 0..0;
    match dialect {
        Dialect::Plain => {
            out.body(utterance.text, matches);
            let billable_chars = out.document.chars().count();
            return out.finish(billable_chars);
        }
        Dialect::Azure => {
            let _ = write!(
                out.document,
                r#"<speak version="1.0" xmlns="{SSML_NAMESPACE}" xmlns:mstts="{MSTTS_NAMESPACE}" xml:lang="{}"><voice name="{}">"#,
                escape(locale),
                escape(voice.voice_id.as_str()),
            );
            content.start = out.document.len();
            let style = voice.style.as_deref().filter(|s| !s.trim().is_empty());
            if let Some(style) = style {
                let _ = write!(
                    out.document,
                    r#"<mstts:express-as style="{}" styledegree="{:.2}">"#,
                    escape(style),
                    voice.style_degree,
                );
            }
            out.document
                .push_str(prosody.as_deref().unwrap_or_default());
            out.body(utterance.text, matches);
            if prosody.is_some() {
                out.document.push_str("</prosody>");
            }
            if style.is_some() {
                out.document.push_str("</mstts:express-as>");
            }
            content.end = out.document.len();
            out.document.push_str("</voice></speak>");
        }
        Dialect::Espeak => {
            let _ = write!(
                out.document,
                r#"<speak version="1.0" xmlns="{SSML_NAMESPACE}" xml:lang="{}">"#,
                escape(locale),
            );
            content.start = out.document.len();
            out.document
                .push_str(prosody.as_deref().unwrap_or_default());
            out.body(utterance.text, matches);
            if prosody.is_some() {
                out.document.push_str("</prosody>");
            }
            content.end = out.document.len();
            out.document.push_str("</speak>");
        }
    }
    let billable_chars = match dialect {
        Dialect::Azure => out.document[content].chars().count(),
        _ => utterance.text.chars().count(),
    };
    out.finish(billable_chars)
}

struct Body {
    document: String,
    applied: Vec<Applied>,
    unsaid: Vec<Match>,
    dialect: Dialect,
}

impl Body {
    /// Writes `text` with each match in the dialect's best form.
    fn body(&mut self, text: &str, matches: &[Match]) {
        let mut at = 0;
        let mut chars_before = 0;
        for found in matches {
            self.text(&text[at..found.start]);
            chars_before += text[at..found.start].chars().count();
            let word = &text[found.start..found.end];
            let chars = word.chars().count();
            match self.entry(word, found) {
                Some(form) => self.applied.push(Applied {
                    start: chars_before,
                    end: chars_before + chars,
                    grapheme: found.entry.grapheme.clone(),
                    form,
                }),
                None => {
                    self.text(word);
                    self.unsaid.push(found.clone());
                }
            }
            chars_before += chars;
            at = found.end;
        }
        self.text(&text[at..]);
    }

    /// Writes one matched word in the dialect's best form for its entry; `None` (nothing written)
    /// when the dialect cannot say it.
    fn entry(&mut self, word: &str, found: &Match) -> Option<Form> {
        let entry = &found.entry;
        match self.dialect {
            Dialect::Azure => {
                let _ = write!(
                    self.document,
                    r#"<phoneme alphabet="ipa" ph="{}">{}</phoneme>"#,
                    escape(entry.ipa.as_str()),
                    escape(word),
                );
                Some(Form::Ipa)
            }
            Dialect::Espeak => {
                if let Some(ph) = entry.espeak.as_deref().filter(|v| raw_safe(v)) {
                    let _ = write!(self.document, r#"<phoneme alphabet="espeak" ph="{ph}"/>"#);
                    return Some(Form::Espeak);
                }
                let alias = entry.respelling.as_deref().filter(|v| raw_safe(v))?;
                let _ = write!(
                    self.document,
                    r#"<sub alias="{}">{}</sub>"#,
                    unbracket(alias),
                    escape(unbracket(word).as_str()),
                );
                Some(Form::Respelling)
            }
            Dialect::Plain => {
                let respelling = entry.respelling.as_deref()?;
                self.document.push_str(respelling);
                Some(Form::Respelling)
            }
        }
    }

    /// Writes plain text, escaped for the dialect.
    fn text(&mut self, text: &str) {
        match self.dialect {
            Dialect::Plain => self.document.push_str(text),
            Dialect::Azure => self.document.push_str(&escape(text)),
            Dialect::Espeak => self.document.push_str(&escape(unbracket(text).as_str())),
        }
    }

    fn finish(self, billable_chars: usize) -> Written {
        Written {
            document: self.document,
            applied: self.applied,
            unsaid: self.unsaid,
            billable_chars,
        }
    }
}

/// Whether a value can go into an espeak-ng attribute as it is.
fn raw_safe(value: &str) -> bool {
    !value.contains(['"', '&', '<', '[', ']'])
}

/// `[` and `]` as parentheses, which espeak-ng reads alike and which cannot open phoneme mode.
fn unbracket(text: &str) -> String {
    text.replace('[', "(").replace(']', ")")
}
