//! The UI's two languages. Every string the page shows is a field of [`Texts`], so a string
//! missing from one language is a compile error, not an English word in a Spanish page.
//!
//! The locale is chosen on the server from the `lang` cookie, else the browser's
//! `Accept-Language`; it is written into `<html lang>`, which the browser reads when hydrating,
//! so both render the same words. [`LanguageSwitch`] changes it and remembers it in the cookie.

mod account;
mod audit;
mod delivery;
mod en;
mod errors;
mod errors_en;
mod es;
pub mod plural;
mod reference;
mod refusals;
mod render;
mod shortcuts;
mod team;
mod texts;

pub use account::{account_texts, AccountTexts};
pub use audit::{audit_entry, moment};
pub use delivery::{delivery_texts, DeliveryTexts};
pub use en::EN;
pub use es::ES;
pub use reference::{reference_texts, ReferenceTexts};
pub use render::{clock, render_texts, RenderTexts};
pub use shortcuts::{shortcut_texts, ShortcutTexts};
pub use team::{team_texts, TeamTexts};
pub use texts::Texts;

pub use refusals::worded;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Locale {
    /// English.
    #[default]
    En,
    /// Spanish.
    Es,
}

impl Locale {
    /// The BCP 47 code.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
        }
    }

    /// The locale of a code such as `es-MX`, if supported.
    pub fn from_code(code: &str) -> Option<Self> {
        match code
            .trim()
            .split(['-', '_'])
            .next()?
            .to_ascii_lowercase()
            .as_str()
        {
            "en" => Some(Locale::En),
            "es" => Some(Locale::Es),
            _ => None,
        }
    }

    /// The first supported language of an `Accept-Language` header (weights are in order in
    /// practice; `q` values are ignored).
    pub fn from_accept_language(header: &str) -> Option<Self> {
        header
            .split(',')
            .filter_map(|part| part.split(';').next())
            .find_map(Self::from_code)
    }

    /// The locale named by a `Cookie` header's `lang` entry.
    pub fn from_cookie(header: &str) -> Option<Self> {
        header
            .split(';')
            .filter_map(|pair| pair.trim().strip_prefix("lang="))
            .find_map(Self::from_code)
    }

    /// The locale of a request: its `lang` cookie, else its `Accept-Language`, else English.
    #[cfg(feature = "ssr")]
    pub fn from_headers(headers: &http::HeaderMap) -> Self {
        let header = |name| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
        };
        Self::from_cookie(header(http::header::COOKIE))
            .or_else(|| Self::from_accept_language(header(http::header::ACCEPT_LANGUAGE)))
            .unwrap_or_default()
    }

    /// This language's strings.
    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::En => &EN,
            Locale::Es => &ES,
        }
    }
}

/// The page's current language, provided by [`crate::App`].
pub fn use_locale() -> RwSignal<Locale> {
    use_context::<RwSignal<Locale>>().unwrap_or_else(|| RwSignal::new(Locale::default()))
}

/// The strings of the page's language. A switch reloads the page, so this is read once.
pub fn t() -> &'static Texts {
    use_locale().get_untracked().texts()
}

/// The account pages' strings in the page's language.
pub fn ta() -> &'static AccountTexts {
    account_texts(use_locale().get_untracked())
}

/// The API reference page's strings in the page's language.
pub fn tr() -> &'static ReferenceTexts {
    reference_texts(use_locale().get_untracked())
}

/// The keyboard shortcuts overlay's strings in the page's language.
pub fn ts() -> &'static ShortcutTexts {
    shortcut_texts(use_locale().get_untracked())
}

/// The strings of working together on a chapter, in the page's language.
pub fn tt() -> &'static TeamTexts {
    team_texts(use_locale().get_untracked())
}

/// The locale the page starts in: on the server from the request, in the browser from the
/// `<html lang>` the server wrote.
pub fn initial_locale() -> Locale {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .map(|parts| Locale::from_headers(&parts.headers))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        document()
            .document_element()
            .and_then(|html| html.get_attribute("lang"))
            .and_then(|lang| Locale::from_code(&lang))
            .unwrap_or_default()
    }
}

/// English / Español: remembered in a cookie for a year, then the page reloads in the new
/// language (rendered by the server, like every first load). Not offered on the chapter page,
/// where a reload could race an autosave.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let choose = move |ev| {
        if let Some(chosen) = Locale::from_code(&event_target_value(&ev)) {
            remember(chosen);
        }
    };
    view! {
        <label class="language-switch">
            {t().language}
            " "
            <select on:change=choose>
                <option value="en" selected=locale == Locale::En>
                    "English"
                </option>
                <option value="es" selected=locale == Locale::Es>
                    "Español"
                </option>
            </select>
        </label>
    }
}

fn remember(locale: Locale) {
    use leptos::wasm_bindgen::JsCast;
    if let Ok(doc) = document().dyn_into::<web_sys::HtmlDocument>() {
        let _ = doc.set_cookie(&format!(
            "lang={}; path=/; max-age=31536000; samesite=lax",
            locale.code()
        ));
    }
    let _ = window().location().reload();
}

/// `n` with `separator` between groups of three digits (`12,345` / `12.345`).
pub(crate) fn group_digits(n: usize, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// The engine's name as producers know it.
pub fn engine_name(engine: shared::VoiceEngine) -> &'static str {
    match engine {
        shared::VoiceEngine::Espeak => "espeak-ng",
        shared::VoiceEngine::Azure => "Azure Speech",
        shared::VoiceEngine::ElevenLabs => "ElevenLabs",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ChapterStatus;

    #[test]
    fn the_locale_comes_from_the_cookie_then_the_browser() {
        assert_eq!(Locale::from_cookie("a=1; lang=es"), Some(Locale::Es));
        assert_eq!(Locale::from_cookie("a=1"), None);
        assert_eq!(
            Locale::from_accept_language("fr-FR,fr;q=0.9,es-MX;q=0.8,en;q=0.5"),
            Some(Locale::Es)
        );
        assert_eq!(Locale::from_accept_language("de"), None);
        assert_eq!(Locale::from_code("EN-gb"), Some(Locale::En));
    }

    #[test]
    fn both_languages_differ_where_words_are_shown() {
        assert_ne!(EN.projects, ES.projects);
        assert_ne!((EN.summary)(3, 1), (ES.summary)(3, 1));
        assert_ne!(
            (EN.status)(ChapterStatus::Complete),
            (ES.status)(ChapterStatus::Complete)
        );
    }

    #[test]
    fn a_count_of_one_reads_in_the_singular_in_both_languages() {
        assert_eq!((EN.summary)(1, 4), "1 segment · version 4");
        assert_eq!((EN.summary)(2, 4), "2 segments · version 4");
        assert_eq!((ES.summary)(1, 4), "1 segmento · versión 4");
        assert_eq!((EN.add_chapters)(1), "Add 1 chapter");
        assert_eq!((ES.add_chapters)(1), "Añadir 1 capítulo");
        assert_eq!((EN.cast_link)(1), "Cast (1 voice)");
        assert_eq!((ES.cast_link)(3), "Reparto (3 voces)");
        assert_eq!(
            (EN.reimport_done)(0, 1, 1),
            "0 chapters added, 1 replaced; 1 plan needs carrying over to its new text."
        );
        assert_eq!(
            (ES.reimport_done)(1, 0, 0),
            "1 capítulo añadido, 0 sustituidos; 0 planes deben trasladarse a su texto nuevo."
        );
        assert!((ES.stats)(1, 1, 0.1, 0.4, true).starts_with("1 palabra · 1 carácter ·"));
        let stale = shared::signoff::Blocker::Stale {
            count: 1,
            first: shared::plan::segment::SegmentId(3),
        };
        assert!((EN.blocker)(&stale).contains("segment 3 no longer matches it"));
        assert!((ES.blocker)(&stale).contains("el segmento 3 ya no coincide"));
        assert_eq!((render_texts(Locale::En).passed)(1, 1), "1 segment passed.");
        assert_eq!(
            (render_texts(Locale::Es).flags)(1, 0),
            "Marcas: 1 abierta, 0 verificadas."
        );
        assert_eq!(
            (delivery_texts(Locale::Es).started)(1, ""),
            "Iniciado 1 renderizado."
        );
    }

    #[test]
    fn digits_are_grouped_by_three() {
        assert_eq!(group_digits(0, ','), "0");
        assert_eq!(group_digits(999, ','), "999");
        assert_eq!(group_digits(1_000, ','), "1,000");
        assert_eq!(group_digits(1_234_567, '.'), "1.234.567");
    }
}
