//! What a chapter's render says: the programme's steps (`shared::delivery::timeline::script`)
//! with, for the title and every spoken segment, the voice, the document its engine is sent and
//! the clip's cache key. Made before a render starts, so that a segment that cannot be rendered
//! is refused, named, before any engine is called; and again to tell whether a stored render is
//! stale (its digest differs).

use std::collections::HashMap;

use app::{
    api::StoreError,
    error::{Refusal, Unrenderable},
    model::ChapterPlan,
};
use sha2::{Digest, Sha256};
use shared::{
    delivery::timeline::{script, Part, Pauses, Step},
    speech::{self, ClipKey, Dialect, Pronouncer, SpeechError, Utterance},
    Cast, CharacterId, PronunciationMap, Voice, VoiceEngine,
};

use crate::speech::{key, EngineIdentity};

/// One clip of the programme.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct Line {
    /// The title or a segment.
    pub part: Part,
    /// Who says it.
    pub voice: Voice,
    /// What its engine is sent.
    pub document: String,
    /// Its key in the audio cache.
    pub key: ClipKey,
}

/// A chapter's programme ready to render.
#[derive(Debug, Clone)]
pub(crate) struct Prepared {
    /// The steps; each `Title` and `Speak` takes the next of `lines`.
    pub steps: Vec<Step>,
    /// The clips, in order.
    pub lines: Vec<Line>,
}

impl Prepared {
    /// What the programme is made of: the pauses and every clip's key, hashed. A stored render
    /// with another digest is stale.
    pub fn digest(&self, pauses: &Pauses) -> String {
        let mut hash = Sha256::new();
        hash.update(serde_json::to_vec(pauses).unwrap_or_default());
        for step in &self.steps {
            if let Step::Pause(ms) = step {
                hash.update(ms.to_le_bytes());
            }
        }
        for line in &self.lines {
            hash.update(line.key.as_str().as_bytes());
        }
        hex::encode(hash.finalize())
    }
}

/// The chapter's programme with every clip's document and key.
///
/// # Errors
/// `Refused`: no plan, an invalid cast, or the first segment that cannot be rendered, named.
pub(crate) fn prepare(
    plan: &ChapterPlan,
    map: &PronunciationMap,
    pauses: &Pauses,
    identities: &HashMap<VoiceEngine, EngineIdentity>,
) -> Result<Prepared, StoreError> {
    if !plan.has_plan() {
        return Err(StoreError::Refused(Refusal::NoPlanYet));
    }
    let cast = Cast::new(plan.cast.clone())
        .map_err(|err| StoreError::Refused(Refusal::InvalidCast(err)))?;
    let mut pronouncers: HashMap<String, Pronouncer> = HashMap::new();
    let mut say = |voice: &Voice, text: &str| -> Result<(String, ClipKey), Unrenderable> {
        let identity = identities
            .get(&voice.engine)
            .ok_or(Unrenderable::NoEngine {
                engine: voice.engine,
            })?;
        let locale = speech::voice_locale(voice, plan.language);
        let pronouncer = pronouncers
            .entry(locale.clone())
            .or_insert_with(|| Pronouncer::new(map, &locale));
        let rendering = speech::render(
            Utterance {
                text,
                voice,
                language: plan.language,
            },
            Dialect::of(voice.engine),
            pronouncer,
            &plan.limits,
        )
        .map_err(Unrenderable::Text)?;
        let key = key(identity, voice, &rendering.document);
        Ok((rendering.document, key))
    };
    let mut steps = Vec::new();
    let mut lines = Vec::new();
    for step in script(&plan.segments, pauses) {
        match step {
            Step::Pause(_) => steps.push(step),
            Step::Title => {
                let narrator = cast.get(CharacterId::NARRATOR).map(|c| c.voice.clone());
                let said = narrator.map(|voice| (say(&voice, &plan.title), voice));
                match said {
                    Some((Ok((document, key)), voice)) => {
                        steps.push(step);
                        lines.push(Line {
                            part: Part::Title,
                            voice,
                            document,
                            key,
                        });
                    }
                    // A title with nothing to say (or none) is not read; its pause stays.
                    Some((Err(Unrenderable::Text(SpeechError::Empty)), _)) | None => {}
                    Some((Err(why), _)) => return Err(unrenderable(plan, None, why)),
                }
            }
            Step::Speak(index) => {
                let segment = &plan.segments[index];
                let refuse = |why| unrenderable(plan, Some(index), why);
                let speaker = segment
                    .speaker
                    .as_deref()
                    .ok_or_else(|| refuse(Unrenderable::NoSpeaker))?;
                let character = cast.get(speaker).ok_or_else(|| {
                    refuse(Unrenderable::UnknownSpeaker {
                        speaker: speaker.to_owned(),
                    })
                })?;
                let (document, key) = say(&character.voice, &segment.text).map_err(refuse)?;
                steps.push(step);
                lines.push(Line {
                    part: Part::Segment(segment.id),
                    voice: character.voice.clone(),
                    document,
                    key,
                });
            }
        }
    }
    Ok(Prepared { steps, lines })
}

/// The refusal naming the segment at `index` (`None`: the title).
fn unrenderable(plan: &ChapterPlan, index: Option<usize>, why: Unrenderable) -> StoreError {
    StoreError::Refused(Refusal::Unrenderable {
        segment: index.and_then(|i| plan.segments.get(i)).map(|s| s.id),
        row: index.map_or(0, |i| i + 1),
        why,
    })
}
