//! The words of the delivery page (the book's audio: settings, chapters' render states, the
//! audiobook), in English and Spanish.

use super::{
    clock,
    plural::{count, form},
    Locale,
};
use crate::model::{BookStage, RenderState};

/// The delivery page's words in one language.
#[allow(missing_docs)]
pub struct DeliveryTexts {
    pub link: &'static str,
    pub title: fn(&str) -> String,
    pub intro: &'static str,
    pub settings: &'static str,
    pub author: &'static str,
    pub pauses: &'static str,
    /// A pause's label by its name (`head`, `title`, …).
    pub pause: fn(&str) -> &'static str,
    pub milliseconds: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub chapters: &'static str,
    pub chapter: &'static str,
    pub audio: &'static str,
    pub length: &'static str,
    pub state: fn(RenderState) -> String,
    pub audiobook: &'static str,
    pub not_built: &'static str,
    /// Length, megabytes, chapter markers.
    pub built: fn(f64, f64, usize) -> String,
    pub book_stale: &'static str,
    pub build: &'static str,
    pub build_hint: &'static str,
    pub not_ready: &'static str,
    pub cancel: &'static str,
    pub stage: fn(BookStage) -> &'static str,
    pub download: &'static str,
    pub cancelled: &'static str,
    pub failed: fn(&str) -> String,
    pub cost: &'static str,
    pub render_every: &'static str,
    pub render_every_hint: &'static str,
    /// Renders started, the chapters refused with why (may be empty).
    pub started: fn(usize, &str) -> String,
}

/// The delivery page's words in `locale`.
pub fn delivery_texts(locale: Locale) -> &'static DeliveryTexts {
    match locale {
        Locale::En => &EN,
        Locale::Es => &ES,
    }
}

fn megabytes(bytes: f64) -> f64 {
    bytes / 1_048_576.0
}

/// English.
pub const EN: DeliveryTexts = DeliveryTexts {
    link: "Delivery",
    title: |name| format!("Delivery: {name}"),
    intro: "Each chapter rendered, checked against ACX, then the whole book as one M4B with a chapter marker per chapter and opening and closing credits.",
    settings: "Book details and pauses",
    author: "Author",
    pauses: "Pauses (milliseconds)",
    pause: |name| match name {
        "head" => "Room tone before the title",
        "title" => "After the title",
        "phrase" => "Inside a sentence",
        "sentence" => "Between sentences",
        "turn" => "Between two characters' lines",
        "paragraph" => "Between paragraphs",
        "scene" => "At a scene break",
        _ => "Room tone after the last line",
    },
    milliseconds: "ms",
    save: "Save details",
    saved: "Saved. Renders made before use the old pauses: they show as stale.",
    chapters: "Chapters",
    chapter: "Chapter",
    audio: "Audio",
    length: "Length",
    state: |state| match state {
        RenderState::NoPlan => "no plan yet".to_owned(),
        RenderState::NotRendered => "not rendered".to_owned(),
        RenderState::Rendering => "rendering…".to_owned(),
        RenderState::Stale => "stale: changed since its render".to_owned(),
        RenderState::Passes => "✓ passes ACX".to_owned(),
        RenderState::Fails { failures } => {
            format!("✗ fails {}", count(failures, "ACX rule", "ACX rules"))
        }
    },
    audiobook: "Audiobook (M4B)",
    not_built: "Not built yet.",
    built: |seconds, bytes, markers| {
        format!(
            "Built: {} long, {:.1} MB, {} (credits included).",
            clock(seconds),
            megabytes(bytes),
            count(markers, "chapter marker", "chapter markers")
        )
    },
    book_stale: "A chapter or a detail changed since it was built: build it again.",
    build: "Build audiobook",
    build_hint: "Joins every chapter's render between opening and closing credits read by the narrator, as AAC with the book's title, author and a marker per chapter.",
    not_ready: "Every planned chapter must be rendered, current and within the ACX rules first.",
    cancel: "Cancel",
    stage: |stage| match stage {
        BookStage::Credits => "Reading the credits…",
        BookStage::Encoding => "Encoding the audiobook…",
    },
    download: "Download M4B",
    cancelled: "The build was cancelled; nothing was stored.",
    failed: |reason| format!("The build stopped: {reason}."),
    cost: "What rendering the book costs",
    render_every: "Render every chapter",
    render_every_hint: "Every planned chapter not rendered yet or stale; each chapter's page follows its progress.",
    started: |started, refused| {
        let renders = count(started, "render", "renders");
        if refused.is_empty() {
            format!("Started {renders}.")
        } else {
            format!("Started {renders}. Not rendered: {refused}.")
        }
    },
};

/// Spanish.
pub const ES: DeliveryTexts = DeliveryTexts {
    link: "Entrega",
    title: |name| format!("Entrega: {name}"),
    intro: "Cada capítulo renderizado y comprobado con ACX, y después el libro entero en un M4B con una marca por capítulo y créditos de apertura y cierre.",
    settings: "Datos del libro y pausas",
    author: "Autor",
    pauses: "Pausas (milisegundos)",
    pause: |name| match name {
        "head" => "Tono de sala antes del título",
        "title" => "Tras el título",
        "phrase" => "Dentro de una frase",
        "sentence" => "Entre frases",
        "turn" => "Entre réplicas de dos personajes",
        "paragraph" => "Entre párrafos",
        "scene" => "En un cambio de escena",
        _ => "Tono de sala tras la última línea",
    },
    milliseconds: "ms",
    save: "Guardar datos",
    saved: "Guardado. Los renderizados anteriores usan las pausas antiguas: aparecen como desfasados.",
    chapters: "Capítulos",
    chapter: "Capítulo",
    audio: "Audio",
    length: "Duración",
    state: |state| match state {
        RenderState::NoPlan => "sin plan aún".to_owned(),
        RenderState::NotRendered => "sin renderizar".to_owned(),
        RenderState::Rendering => "renderizando…".to_owned(),
        RenderState::Stale => "desfasado: cambió tras renderizarse".to_owned(),
        RenderState::Passes => "✓ cumple ACX".to_owned(),
        RenderState::Fails { failures } => {
            format!("✗ incumple {} de ACX", count(failures, "regla", "reglas"))
        }
    },
    audiobook: "Audiolibro (M4B)",
    not_built: "Aún no se ha generado.",
    built: |seconds, bytes, markers| {
        format!(
            "Generado: dura {}, {:.1} MB, {} (con los créditos).",
            clock(seconds),
            megabytes(bytes),
            count(markers, "marca de capítulo", "marcas de capítulo")
        )
    },
    book_stale: "Un capítulo o un dato cambió desde que se generó: vuelve a generarlo.",
    build: "Generar audiolibro",
    build_hint: "Une el renderizado de cada capítulo entre créditos de apertura y cierre leídos por el narrador, en AAC con el título, el autor y una marca por capítulo.",
    not_ready: "Antes, cada capítulo con plan debe estar renderizado, al día y dentro de las reglas de ACX.",
    cancel: "Cancelar",
    stage: |stage| match stage {
        BookStage::Credits => "Leyendo los créditos…",
        BookStage::Encoding => "Codificando el audiolibro…",
    },
    download: "Descargar M4B",
    cancelled: "Se canceló la generación; no se guardó nada.",
    failed: |reason| format!("La generación se detuvo: {reason}."),
    cost: "Lo que cuesta renderizar el libro",
    render_every: "Renderizar todos los capítulos",
    render_every_hint: "Cada capítulo con plan sin renderizar o desfasado; la página de cada capítulo sigue su progreso.",
    started: |started, refused| {
        let started_word = form(started, "Iniciado", "Iniciados");
        let renders = count(started, "renderizado", "renderizados");
        if refused.is_empty() {
            format!("{started_word} {renders}.")
        } else {
            format!("{started_word} {renders}. Sin renderizar: {refused}.")
        }
    },
};
