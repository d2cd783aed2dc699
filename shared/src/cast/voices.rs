//! The voice catalogue: the voices an engine offers, read from what the engine itself reports
//! (`espeak-ng --voices`, Azure Speech's `voices/list` JSON). Parsing only; the server runs the
//! program and calls the service.

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::{
    cast::voice::VoiceEngine,
    text::language::{Gender, Language},
};

/// One voice an engine can read with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueVoice {
    /// The engine that offers it.
    pub engine: VoiceEngine,
    /// What goes into a cast member's [`Voice::voice_id`](crate::cast::voice::Voice::voice_id)
    /// (`en-gb`, `es-ES-ElviraNeural`).
    pub id: String,
    /// A readable name (`English (Great Britain)`, `Elvira`).
    pub name: String,
    /// The language tag it speaks (`en-gb`, `es-ES`).
    pub language: String,
    /// Its gender, when the engine says.
    pub gender: Option<Gender>,
    /// Speaking styles it supports (Azure `mstts:express-as`); empty for most voices.
    #[serde(default)]
    pub styles: Vec<String>,
}

impl CatalogueVoice {
    /// Whether it speaks `language` (any regional variant: `es-419` speaks Spanish; a
    /// multilingual voice, language `mul`, speaks every language).
    pub fn speaks(&self, language: Language) -> bool {
        self.language == MULTILINGUAL || Language::from_code(&self.language) == Some(language)
    }
}

/// The language of a voice that speaks many (ISO 639-2 `mul`): ElevenLabs' multilingual models.
pub const MULTILINGUAL: &str = "mul";

/// Why a voice list could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VoiceListError {
    /// The Azure answer is not the JSON list of voices expected.
    #[error("the voice list is not valid at line {line}, column {column}: {reason}")]
    Malformed {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What was wrong.
        reason: String,
    },
}

/// The voices listed by `espeak-ng --voices`, in its order.
///
/// Each line after the header reads `Pty Language Age/Gender VoiceName File Other-languages`,
/// with underscores for spaces in the name. The language column is what `espeak-ng -v` takes, so
/// it is the voice's id; a voice whose language an earlier line already used gets its file
/// (`sit/yue-Latn-jyutping`), which `-v` takes too. Lines without that shape are skipped.
pub fn parse_espeak_voices(output: &str) -> Vec<CatalogueVoice> {
    let mut voices: Vec<CatalogueVoice> = Vec::new();
    for line in output.lines() {
        let Some((mut voice, file)) = parse_espeak_line(line) else {
            continue;
        };
        if voices.iter().any(|seen| seen.id == voice.id) {
            match file {
                Some(file) if !voices.iter().any(|seen| seen.id == file) => voice.id = file,
                _ => continue,
            }
        }
        voices.push(voice);
    }
    voices
}

/// One voice line and its file column.
fn parse_espeak_line(line: &str) -> Option<(CatalogueVoice, Option<String>)> {
    let mut columns = line.split_whitespace();
    columns.next()?.parse::<u32>().ok()?;
    let language = columns.next()?;
    let (_age, gender) = columns.next()?.split_once('/')?;
    // An unknown gender prints as a space, so "--/" stands alone and the name still follows.
    let name = columns
        .next()
        .map(|name| name.replace('_', " ").trim().to_owned())
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| language.to_owned());
    let file = columns.next().map(ToOwned::to_owned);
    let voice = CatalogueVoice {
        engine: VoiceEngine::Espeak,
        id: language.to_owned(),
        name,
        language: language.to_owned(),
        gender: match gender {
            "M" | "m" => Some(Gender::Male),
            "F" | "f" => Some(Gender::Female),
            _ => None,
        },
        styles: Vec::new(),
    };
    Some((voice, file))
}

/// One entry of Azure's voice list; every field but `ShortName` and `Locale` may be missing.
#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct AzureVoice {
    short_name: String,
    locale: String,
    #[serde(default)]
    display_name: Option<String>,
    #[serde(default)]
    local_name: Option<String>,
    #[serde(default)]
    gender: Option<String>,
    #[serde(default)]
    style_list: Option<Vec<String>>,
}

/// The voices in the JSON answer of Azure Speech's `cognitiveservices/voices/list`, in its order.
///
/// # Errors
/// [`VoiceListError::Malformed`] when the text is not a JSON array of voices with at least
/// `ShortName` and `Locale`.
pub fn parse_azure_voices(json: &str) -> Result<Vec<CatalogueVoice>, VoiceListError> {
    let voices: Vec<AzureVoice> =
        serde_json::from_str(json).map_err(|err| VoiceListError::Malformed {
            line: err.line(),
            column: err.column(),
            reason: json_reason(&err),
        })?;
    Ok(voices
        .into_iter()
        .map(|voice| CatalogueVoice {
            engine: VoiceEngine::Azure,
            name: [voice.display_name, voice.local_name]
                .into_iter()
                .flatten()
                .find(|name| !name.trim().is_empty())
                .unwrap_or_else(|| voice.short_name.clone()),
            id: voice.short_name,
            language: voice.locale,
            gender: voice.gender.as_deref().and_then(azure_gender),
            styles: voice.style_list.unwrap_or_default(),
        })
        .collect())
}

/// ElevenLabs' `GET /v1/voices` answer: `{"voices": [...]}`.
#[derive(Deserialize)]
struct ElevenLabsList {
    voices: Vec<ElevenLabsVoice>,
}

/// One ElevenLabs voice; every field but `voice_id` may be missing.
#[derive(Deserialize)]
struct ElevenLabsVoice {
    voice_id: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    labels: std::collections::HashMap<String, String>,
}

/// The voices of ElevenLabs' `GET /v1/voices` answer. The multilingual models let every voice
/// speak every language, so a voice's language is [`MULTILINGUAL`] unless its labels name one.
///
/// # Errors
/// [`VoiceListError::Malformed`] when the text is not `{"voices": [...]}` with a `voice_id`
/// for each.
pub fn parse_elevenlabs_voices(json: &str) -> Result<Vec<CatalogueVoice>, VoiceListError> {
    let list: ElevenLabsList =
        serde_json::from_str(json).map_err(|err| VoiceListError::Malformed {
            line: err.line(),
            column: err.column(),
            reason: json_reason(&err),
        })?;
    Ok(list
        .voices
        .into_iter()
        .map(|voice| CatalogueVoice {
            engine: VoiceEngine::ElevenLabs,
            name: voice
                .name
                .filter(|name| !name.trim().is_empty())
                .unwrap_or_else(|| voice.voice_id.clone()),
            language: voice
                .labels
                .get("language")
                .filter(|code| !code.trim().is_empty())
                .cloned()
                .unwrap_or_else(|| MULTILINGUAL.to_owned()),
            gender: voice.labels.get("gender").and_then(|g| azure_gender(g)),
            id: voice.voice_id,
            styles: Vec::new(),
        })
        .collect())
}

/// A gender as Azure and ElevenLabs write it.
fn azure_gender(gender: &str) -> Option<Gender> {
    match gender.to_ascii_lowercase().as_str() {
        "female" => Some(Gender::Female),
        "male" => Some(Gender::Male),
        "neutral" => Some(Gender::Other),
        _ => None,
    }
}

/// A `serde_json` error's message without the " at line L column C" it ends with.
pub(crate) fn json_reason(err: &serde_json::Error) -> String {
    let message = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    message
        .strip_suffix(&suffix)
        .map_or_else(|| message.clone(), ToOwned::to_owned)
}
