//! The words of a chapter's render and its ACX report, in English and Spanish.

use shared::delivery::{acx::Rule, exceptions::ExceptionKind};

use super::{
    plural::{count, form},
    Locale,
};
use crate::model::{RenderFailure, RenderStage};

/// The render panel's words in one language.
#[allow(missing_docs)]
pub struct RenderTexts {
    pub heading: &'static str,
    pub not_rendered: &'static str,
    /// Seconds long, megabytes, plan version.
    pub rendered: fn(f64, f64, i64) -> String,
    pub stale: &'static str,
    pub render: &'static str,
    pub render_again: &'static str,
    pub render_hint: &'static str,
    pub cancel: &'static str,
    pub download: &'static str,
    pub stage: fn(RenderStage) -> &'static str,
    /// Clips done, of, rendered by an engine, seconds of audio, seconds left.
    pub progress: fn(usize, usize, usize, f64, Option<f64>) -> String,
    /// Rendered by an engine, from the cache.
    pub clips: fn(usize, usize) -> String,
    pub cancelled: &'static str,
    pub lost: &'static str,
    pub failed: fn(&str) -> String,
    pub failure: fn(&RenderFailure) -> String,
    pub acx: &'static str,
    pub acx_passes: &'static str,
    pub acx_fails: fn(usize) -> String,
    pub rule: fn(Rule) -> &'static str,
    pub measured: &'static str,
    pub allowed: &'static str,
    pub where_: &'static str,
    pub go_to: fn(usize) -> String,
    pub pass: &'static str,
    pub fail: &'static str,
    pub none: &'static str,
    pub review: &'static str,
    /// Segments that passed the automatic checks, of those checked.
    pub passed: fn(usize, usize) -> String,
    /// Flags open, verified.
    pub flags: fn(usize, usize) -> String,
    pub exception: fn(&ExceptionKind) -> String,
    pub listen: &'static str,
    pub flag: &'static str,
}

/// The render panel's words in `locale`.
pub fn render_texts(locale: Locale) -> &'static RenderTexts {
    match locale {
        Locale::En => &EN,
        Locale::Es => &ES,
    }
}

/// `m:ss`, or `h:mm:ss` from an hour.
pub fn clock(seconds: f64) -> String {
    let total = seconds.max(0.0).round() as u64;
    let (h, m, s) = (total / 3_600, total / 60 % 60, total % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

fn megabytes(bytes: f64) -> f64 {
    bytes / 1_048_576.0
}

/// English.
pub const EN: RenderTexts = RenderTexts {
    heading: "Audio",
    not_rendered: "Not rendered yet.",
    rendered: |seconds, bytes, version| {
        format!(
            "Rendered from plan version {version}: {} long, {:.1} MB.",
            clock(seconds),
            megabytes(bytes)
        )
    },
    stale: "The plan, cast, pronunciations or pauses changed since: render again to hear them (only the changed segments are sent to an engine).",
    render: "Render chapter",
    render_again: "Render again",
    render_hint: "Every segment in its speaker's voice, joined with pauses and room tone, mastered, encoded as MP3 and checked against the ACX rules. Clips already heard come from the cache.",
    cancel: "Cancel render",
    download: "Download MP3",
    stage: |stage| match stage {
        RenderStage::Clips => "Rendering clips",
        RenderStage::Mastering => "Mastering",
        RenderStage::Encoding => "Encoding MP3",
        RenderStage::Checking => "Checking against ACX",
    },
    progress: |done, total, sent, seconds, left| {
        let left = left.map_or(String::new(), |left| format!(" · about {} left", clock(left)));
        format!(
            "{done} of {} ({sent} sent to an engine) · {} of audio{left}",
            count(total, "clip", "clips"),
            clock(seconds)
        )
    },
    clips: |sent, cached| {
        let clips = count(sent, "clip", "clips");
        format!("{clips} rendered by an engine, {cached} from the cache.")
    },
    cancelled: "The render was cancelled; nothing was stored. The clips it made are cached.",
    lost: "the connection to the server was lost; reload to see the render's state",
    failed: |reason| format!("The render stopped: {reason}. The clips it made are cached: render again to resume."),
    failure: failure_en,
    acx: "ACX check",
    acx_passes: "Meets every ACX audio rule.",
    acx_fails: |n| {
        let rules = count(n, "ACX rule", "ACX rules");
        format!("Fails {rules}: it cannot be delivered until fixed.")
    },
    rule: |rule| match rule {
        Rule::Loudness => "Loudness (RMS)",
        Rule::Peak => "Peak",
        Rule::NoiseFloor => "Noise floor",
        Rule::DigitalSilence => "Digital silence",
        Rule::SampleRate => "Sample rate",
        Rule::Bitrate => "Bitrate",
        Rule::Length => "Length",
    },
    measured: "Measured",
    allowed: "Allowed",
    where_: "Where",
    go_to: |row| format!("Go to segment {row}"),
    pass: "passes",
    fail: "fails",
    none: "none",
    review: "Automatic checks",
    passed: |passed, checked| {
        let segments = count(checked, "segment", "segments");
        if passed == checked {
            return format!("{}{segments} passed.", form(checked, "", "All "));
        }
        let share = passed * 100 / checked.max(1);
        format!("{passed} of {segments} passed ({share} %): listen to these.")
    },
    flags: |open, verified| format!("Flags: {open} open, {verified} verified."),
    exception: |kind| match kind {
        ExceptionKind::TooLong { ratio } => format!(
            "the clip lasts {ratio:.1}× what its text predicts (a repetition, a hang, a misread?)"
        ),
        ExceptionKind::TooShort { ratio } => format!(
            "the clip lasts only {ratio:.1}× what its text predicts (a skipped passage?)"
        ),
        ExceptionKind::Acx { rule } => format!("the ACX failure “{}” is here", (EN.rule)(*rule)),
        ExceptionKind::SpeakerChanged { was } => {
            format!("its speaker changed since the render, which read it as “{was}”")
        }
    },
    listen: "Go to it",
    flag: "Flag for review",
};

/// Spanish.
pub const ES: RenderTexts = RenderTexts {
    heading: "Audio",
    not_rendered: "Aún no se ha renderizado.",
    rendered: |seconds, bytes, version| {
        format!(
            "Renderizado de la versión {version} del plan: dura {}, {:.1} MB.",
            clock(seconds),
            megabytes(bytes)
        )
    },
    stale: "El plan, el reparto, las pronunciaciones o las pausas han cambiado desde entonces: vuelve a renderizar para oírlos (solo los segmentos cambiados se envían a un motor).",
    render: "Renderizar capítulo",
    render_again: "Volver a renderizar",
    render_hint: "Cada segmento con la voz de su hablante, unidos con pausas y tono de sala, masterizados, codificados en MP3 y comprobados con las reglas de ACX. Los clips ya oídos salen de la caché.",
    cancel: "Cancelar el renderizado",
    download: "Descargar MP3",
    stage: |stage| match stage {
        RenderStage::Clips => "Renderizando clips",
        RenderStage::Mastering => "Masterizando",
        RenderStage::Encoding => "Codificando el MP3",
        RenderStage::Checking => "Comprobando con ACX",
    },
    progress: |done, total, sent, seconds, left| {
        let left = left.map_or(String::new(), |left| format!(" · quedan unos {}", clock(left)));
        format!(
            "{done} de {} ({sent} {} a un motor) · {} de audio{left}",
            count(total, "clip", "clips"),
            form(sent, "enviado", "enviados"),
            clock(seconds)
        )
    },
    clips: |sent, cached| {
        let clips = count(sent, "clip renderizado", "clips renderizados");
        format!("{clips} por un motor, {cached} de la caché.")
    },
    cancelled: "Se canceló el renderizado; no se guardó nada. Los clips que hizo quedan en la caché.",
    lost: "se perdió la conexión con el servidor; recarga para ver el estado del renderizado",
    failed: |reason| format!("El renderizado se detuvo: {reason}. Los clips que hizo quedan en la caché: vuelve a renderizar para continuar."),
    failure: failure_es,
    acx: "Comprobación ACX",
    acx_passes: "Cumple todas las reglas de audio de ACX.",
    acx_fails: |n| {
        format!(
            "Incumple {}: no se puede entregar hasta {}.",
            count(n, "regla de ACX", "reglas de ACX"),
            form(n, "corregirla", "corregirlas")
        )
    },
    rule: |rule| match rule {
        Rule::Loudness => "Sonoridad (RMS)",
        Rule::Peak => "Pico",
        Rule::NoiseFloor => "Ruido de fondo",
        Rule::DigitalSilence => "Silencio digital",
        Rule::SampleRate => "Frecuencia de muestreo",
        Rule::Bitrate => "Tasa de bits",
        Rule::Length => "Duración",
    },
    measured: "Medido",
    allowed: "Permitido",
    where_: "Dónde",
    go_to: |row| format!("Ir al segmento {row}"),
    pass: "cumple",
    fail: "incumple",
    none: "ninguno",
    review: "Comprobaciones automáticas",
    passed: |passed, checked| {
        let segments = count(checked, "segmento", "segmentos");
        if passed == checked {
            let (all, verb) = (form(checked, "", "Los "), form(checked, "las superó", "las superaron"));
            return format!("{all}{segments} {verb}.");
        }
        let share = passed * 100 / checked.max(1);
        let verb = form(passed, "las superó", "las superaron");
        format!("{passed} de {segments} {verb} ({share} %): escucha estos.")
    },
    flags: |open, verified| {
        format!(
            "Marcas: {open} {}, {verified} {}.",
            form(open, "abierta", "abiertas"),
            form(verified, "verificada", "verificadas")
        )
    },
    exception: |kind| match kind {
        ExceptionKind::TooLong { ratio } => format!(
            "el clip dura {ratio:.1}× lo que predice su texto (¿una repetición, un bloqueo, un error de lectura?)"
        ),
        ExceptionKind::TooShort { ratio } => format!(
            "el clip dura solo {ratio:.1}× lo que predice su texto (¿un pasaje omitido?)"
        ),
        ExceptionKind::Acx { rule } => format!("aquí está el fallo ACX «{}»", (ES.rule)(*rule)),
        ExceptionKind::SpeakerChanged { was } => {
            format!("su hablante cambió tras el renderizado, que lo leyó como «{was}»")
        }
    },
    listen: "Ir a él",
    flag: "Marcar para revisar",
};

fn failure_en(failure: &RenderFailure) -> String {
    match failure {
        RenderFailure::Speech {
            engine, failure, ..
        } => super::refusals::speech_failure_en(*engine, failure),
        RenderFailure::OverLimit {
            per_hour,
            retry_after_seconds,
        } => super::refusals::account::over_limit_en(
            crate::error::Work::Renders,
            *per_hour,
            *retry_after_seconds,
        ),
        RenderFailure::Encoder { detail } => format!("the MP3 encoder failed ({detail})"),
        RenderFailure::Storage => "the audio could not be stored (is the disk full?)".to_owned(),
        RenderFailure::Server => "the render failed on the server".to_owned(),
    }
}

fn failure_es(failure: &RenderFailure) -> String {
    match failure {
        RenderFailure::Speech {
            engine, failure, ..
        } => super::refusals::speech_failure_es(*engine, failure),
        RenderFailure::OverLimit {
            per_hour,
            retry_after_seconds,
        } => super::refusals::account::over_limit_es(
            crate::error::Work::Renders,
            *per_hour,
            *retry_after_seconds,
        ),
        RenderFailure::Encoder { detail } => format!("falló el codificador de MP3 ({detail})"),
        RenderFailure::Storage => "no se pudo guardar el audio (¿está lleno el disco?)".to_owned(),
        RenderFailure::Server => "el renderizado falló en el servidor".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_a_clock() {
        assert_eq!(clock(0.0), "0:00");
        assert_eq!(clock(75.4), "1:15");
        assert_eq!(clock(3_725.0), "1:02:05");
    }

    #[test]
    fn every_failure_is_worded_in_both_languages() {
        let failures = [
            RenderFailure::Speech {
                segment: None,
                engine: shared::VoiceEngine::Espeak,
                failure: crate::error::SpeechFailure::Crashed,
            },
            RenderFailure::OverLimit {
                per_hour: 600,
                retry_after_seconds: 60,
            },
            RenderFailure::Encoder {
                detail: "exit 1".into(),
            },
            RenderFailure::Storage,
            RenderFailure::Server,
        ];
        for failure in &failures {
            let (en, es) = ((EN.failure)(failure), (ES.failure)(failure));
            assert!(!en.is_empty() && !es.is_empty() && en != es, "{failure:?}");
        }
    }
}
