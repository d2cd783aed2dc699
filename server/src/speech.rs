//! Auditions: the `Auditions` port on the real engines and the audio cache. A request becomes
//! the document `shared::speech` writes for the voice's engine, its [`ClipKey`] is looked up in
//! the [`AudioCache`], and only a miss reaches the engine. Engines sit behind [`SpeechEngine`],
//! one per [`VoiceEngine`].

pub mod azure;
pub mod bucket;
pub mod cache;
pub mod cloud;
pub mod elevenlabs;
pub mod espeak;
pub mod wav;

use std::{collections::HashMap, sync::Arc};

use app::{
    api::{Auditions, PlanStore, ProjectStore, PronunciationStore, StoreError, VoiceCatalogue},
    error::{Refusal, SpeechFailure, Unavailable, Work},
    model::{
        ChangeImpact, ChapterEstimate, ChapterStatus, ChapterSummary, Clip, Concordance, EntryUses,
        Occurrence, Principal, ProjectDetail, ProjectEstimate, ProjectId,
    },
};
use async_trait::async_trait;
use shared::{
    speech::{
        self,
        concordance::concordance,
        planner::{render_plan, tally_by_engine},
        ClipKey, ClipSource, Dialect, Pronouncer, Utterance,
    },
    Cast, CharacterId, PronunciationMap, Voice, VoiceEngine,
};

use crate::{store::SqlStore, usage::Usage};
pub use cache::AudioCache;

/// What identifies an engine's output beyond the request: its version (or model) and the audio
/// format it answers in. Part of every clip's key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngineIdentity {
    /// The engine's version or model.
    pub version: String,
    /// The audio format asked for.
    pub format: String,
}

/// A rendered clip's audio.
#[derive(Debug, Clone)]
pub struct Audio {
    /// The bytes, a complete WAV file.
    pub bytes: Vec<u8>,
    /// Its length in seconds.
    pub seconds: f64,
}

/// A text-to-speech engine.
#[async_trait]
pub trait SpeechEngine: Send + Sync + 'static {
    /// Which engine this is.
    fn engine(&self) -> VoiceEngine;

    /// Its version and output format.
    ///
    /// # Errors
    /// When the engine cannot be asked (espeak-ng not installed).
    async fn identity(&self) -> Result<EngineIdentity, SpeechFailure>;

    /// Renders `document` (in the engine's [`Dialect`]) with `voice`.
    ///
    /// # Errors
    /// What went wrong, as the page words it.
    async fn synthesize(&self, voice: &Voice, document: &str) -> Result<Audio, SpeechFailure>;
}

/// The `Auditions` port: project settings from the store, engines by name, the audio cache.
pub struct Auditioner {
    store: Arc<SqlStore>,
    catalogue: Arc<dyn VoiceCatalogue>,
    engines: HashMap<VoiceEngine, Arc<dyn SpeechEngine>>,
    cache: AudioCache,
    prices: Vec<(VoiceEngine, f64)>,
    usage: Usage,
}

impl Auditioner {
    /// Auditions with `engines` (at most one per [`VoiceEngine`]) and `cache`, each render
    /// counted by `usage`; the planner prices each engine's million billed characters at `prices`.
    pub fn new(
        store: Arc<SqlStore>,
        catalogue: Arc<dyn VoiceCatalogue>,
        engines: Vec<Arc<dyn SpeechEngine>>,
        cache: AudioCache,
        prices: Vec<(VoiceEngine, f64)>,
        usage: Usage,
    ) -> Self {
        Self {
            store,
            catalogue,
            engines: engines.into_iter().map(|e| (e.engine(), e)).collect(),
            cache,
            prices,
            usage,
        }
    }

    /// The clip of `text` said by `voice` with the project's pronunciations: from the cache, or
    /// rendered and cached.
    async fn say(
        &self,
        who: &Principal,
        detail: &ProjectDetail,
        voice: &Voice,
        text: &str,
    ) -> Result<Clip, StoreError> {
        let project = detail.id;
        self.check_style(voice).await?;
        let map = self.store.pronunciations(who, project).await?.map;
        let engine = self
            .engines
            .get(&voice.engine)
            .ok_or_else(|| unavailable(voice.engine, SpeechFailure::NotConfigured))?;
        let locale = speech::voice_locale(voice, detail.language);
        let rendering = speech::render(
            Utterance {
                text,
                voice,
                language: detail.language,
            },
            Dialect::of(voice.engine),
            &Pronouncer::new(&map, &locale),
            &detail.limits,
        )
        .map_err(|err| StoreError::Refused(Refusal::Speech(err)))?;
        let identity = engine
            .identity()
            .await
            .map_err(|failure| unavailable(voice.engine, failure))?;
        let key = key(&identity, voice, &rendering.document);
        let clip = |seconds, cached| Clip {
            url: format!("/audio/{}/{key}", project.0),
            key: key.clone(),
            engine: voice.engine,
            seconds,
            applied: rendering.applied.clone(),
            unsaid: rendering
                .unsaid
                .iter()
                .map(|m| m.entry.grapheme.clone())
                .collect(),
            cached,
        };
        if let Some(seconds) = self.cache.seconds(project, &key).await? {
            return Ok(clip(seconds, true));
        }
        // Only a render counts against the allowance: a cached clip is free.
        self.usage.spend(who, Work::Renders).await?;
        let audio = engine
            .synthesize(voice, &rendering.document)
            .await
            .map_err(|failure| unavailable(voice.engine, failure))?;
        self.cache
            .put(project, &key, audio.bytes, audio.seconds)
            .await?;
        tracing::info!(seconds = audio.seconds, "clip rendered");
        Ok(clip(audio.seconds, false))
    }

    /// What replacing `saved` by `draft` does to the planned segments, per engine: requests that
    /// change, cached clips that go stale, characters billed to render the changed ones.
    async fn impact(
        &self,
        who: &Principal,
        detail: &ProjectDetail,
        chapters: &[ChapterSummary],
        saved: &PronunciationMap,
        draft: &PronunciationMap,
    ) -> Result<Vec<(VoiceEngine, ChangeImpact)>, StoreError> {
        let cast = stored_cast(detail)?;
        let cached = self.cache.keys(detail.id).await?;
        let identities = self.identities().await;
        let mut impact: Vec<(VoiceEngine, ChangeImpact)> = Vec::new();
        for summary in chapters {
            if !matches!(
                summary.status,
                ChapterStatus::Planned | ChapterStatus::Complete
            ) {
                continue;
            }
            let plan = self.store.load_plan(who, summary.id).await?;
            let before = render_plan(
                &plan.segments,
                &cast,
                saved,
                detail.language,
                &detail.limits,
            );
            let after = render_plan(
                &plan.segments,
                &cast,
                draft,
                detail.language,
                &detail.limits,
            );
            for (old, new) in before.iter().zip(&after) {
                let (Ok(was), Ok(will)) = (&old.rendering, &new.rendering) else {
                    continue;
                };
                if was.document == will.document {
                    continue;
                }
                let engine = old.voice.engine;
                let stale = identities.get(&engine).is_some_and(|identity| {
                    cached.contains(key(identity, old.voice, &was.document).as_str())
                });
                let slot = match impact.iter().position(|(e, _)| *e == engine) {
                    Some(at) => &mut impact[at].1,
                    None => {
                        impact.push((engine, ChangeImpact::default()));
                        &mut impact.last_mut().expect("just pushed").1
                    }
                };
                slot.changed += 1;
                slot.stale += usize::from(stale);
                slot.billable_chars += will.billable_chars;
            }
        }
        Ok(impact)
    }

    /// Refuses a style the voice's engine lists and the voice lacks: Azure would ignore it and
    /// read neutrally, which a producer would only notice by ear. When the list cannot be had,
    /// the style is sent as it is.
    async fn check_style(&self, voice: &Voice) -> Result<(), StoreError> {
        let Some(style) = voice.style.as_deref() else {
            return Ok(());
        };
        let Ok(listed) = self.catalogue.voices(voice.engine).await else {
            return Ok(());
        };
        let Some(offered) = listed.iter().find(|v| v.id == voice.voice_id) else {
            return Ok(());
        };
        if offered.styles.iter().any(|s| s.eq_ignore_ascii_case(style)) {
            return Ok(());
        }
        Err(StoreError::Refused(Refusal::StyleNotOffered {
            voice: voice.voice_id.clone(),
            style: style.to_owned(),
            offered: offered.styles.clone(),
        }))
    }

    /// The version and format of each engine that can tell them (a missing one cannot render,
    /// so none of its clips can be cached).
    pub(crate) async fn identities(&self) -> HashMap<VoiceEngine, EngineIdentity> {
        let mut out = HashMap::new();
        for (engine, speech) in &self.engines {
            if let Ok(identity) = speech.identity().await {
                out.insert(*engine, identity);
            }
        }
        out
    }

    /// The audio cache, for the route that serves clips.
    pub fn cache(&self) -> &AudioCache {
        &self.cache
    }

    /// The engine for voices of `engine`, when this server has it.
    pub(crate) fn engine(&self, engine: VoiceEngine) -> Option<&Arc<dyn SpeechEngine>> {
        self.engines.get(&engine)
    }

    /// The allowances each render spends.
    pub(crate) fn usage(&self) -> &Usage {
        &self.usage
    }
}

/// A voice engine's failure as the port reports it.
fn unavailable(engine: VoiceEngine, failure: SpeechFailure) -> StoreError {
    StoreError::Unavailable(Unavailable::Speech { engine, failure })
}

#[async_trait]
impl Auditions for Auditioner {
    #[tracing::instrument(skip_all, fields(project = project.0, chars = text.chars().count()))]
    async fn audition(
        &self,
        who: &Principal,
        project: ProjectId,
        text: String,
        speaker: Option<CharacterId>,
    ) -> Result<Clip, StoreError> {
        let detail = self.store.project(who, project).await?;
        let speaker = speaker.unwrap_or_else(CharacterId::narrator);
        let character = detail
            .cast
            .iter()
            .find(|c| c.id == speaker)
            .ok_or(StoreError::Refused(Refusal::UnknownSpeaker))?;
        self.say(who, &detail, &character.voice, &text).await
    }

    #[tracing::instrument(skip_all, fields(project = project.0, engine = voice.engine.as_str()))]
    async fn try_voice(
        &self,
        who: &Principal,
        project: ProjectId,
        voice: Voice,
    ) -> Result<Clip, StoreError> {
        voice
            .validate()
            .map_err(|err| StoreError::Refused(Refusal::InvalidCast(err)))?;
        let detail = self.store.project(who, project).await?;
        let line = sample_line(detail.language);
        self.say(who, &detail, &voice, line).await
    }

    #[tracing::instrument(skip_all, fields(project = project.0, entries = draft.entries().len()))]
    async fn concordance(
        &self,
        who: &Principal,
        project: ProjectId,
        draft: PronunciationMap,
    ) -> Result<Concordance, StoreError> {
        let detail = self.store.project(who, project).await?;
        let saved = self.store.pronunciations(who, project).await?.map;
        let chapters = self.store.list_chapters(who, project).await?;
        let texts = self.store.chapter_texts(project).await?;
        let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
        let entries = concordance(&draft, &borrowed, CONCORDANCE_PLACES)
            .into_iter()
            .map(|uses| EntryUses {
                grapheme: uses.grapheme,
                locale: uses.locale,
                count: uses.count,
                places: uses
                    .places
                    .into_iter()
                    .filter_map(|place| {
                        let chapter = chapters.get(place.text)?;
                        Some(Occurrence {
                            chapter: chapter.id,
                            title: chapter.title.clone(),
                            at: place.start,
                            context: place.context,
                        })
                    })
                    .collect(),
            })
            .collect();
        let impact = if draft == saved {
            Vec::new()
        } else {
            self.impact(who, &detail, &chapters, &saved, &draft).await?
        };
        Ok(Concordance {
            entries,
            impact,
            prices: self.prices.clone(),
        })
    }

    #[tracing::instrument(skip_all, fields(project = project.0))]
    async fn estimate(
        &self,
        who: &Principal,
        project: ProjectId,
    ) -> Result<ProjectEstimate, StoreError> {
        let detail = self.store.project(who, project).await?;
        let map = self.store.pronunciations(who, project).await?.map;
        let cast = stored_cast(&detail)?;
        let cached = self.cache.keys(project).await?;
        let identities = self.identities().await;
        let mut chapters = Vec::new();
        for summary in self.store.list_chapters(who, project).await? {
            let planned = matches!(
                summary.status,
                ChapterStatus::Planned | ChapterStatus::Complete
            );
            let engines = if planned {
                let plan = self.store.load_plan(who, summary.id).await?;
                let rendered =
                    render_plan(&plan.segments, &cast, &map, detail.language, &detail.limits);
                tally_by_engine(&rendered, |one| {
                    let (Some(identity), Ok(rendering)) =
                        (identities.get(&one.voice.engine), &one.rendering)
                    else {
                        return false;
                    };
                    cached.contains(key(identity, one.voice, &rendering.document).as_str())
                })
            } else {
                Vec::new()
            };
            chapters.push(ChapterEstimate {
                chapter: summary.id,
                title: summary.title,
                planned,
                engines,
            });
        }
        Ok(ProjectEstimate {
            chapters,
            prices: self.prices.clone(),
        })
    }
}

/// The cache key of `document` said by `voice` on the engine `identity` describes.
pub(crate) fn key(identity: &EngineIdentity, voice: &Voice, document: &str) -> ClipKey {
    ClipKey::of(&ClipSource {
        engine: voice.engine.as_str(),
        engine_version: &identity.version,
        format: &identity.format,
        voice,
        document,
    })
}

/// The project's cast as the domain takes it (it was validated when saved).
fn stored_cast(detail: &ProjectDetail) -> Result<Cast, StoreError> {
    Cast::new(detail.cast.clone())
        .map_err(|err| StoreError::Internal(anyhow::anyhow!("a stored cast is invalid: {err}")))
}

/// How many places of each entry the concordance lists (all are counted).
const CONCORDANCE_PLACES: usize = 20;

/// What *Try voice* says: a public-domain line in the project's language, with a question and an
/// exclamation so the voice's intonation shows.
pub fn sample_line(language: shared::Language) -> &'static str {
    match language {
        shared::Language::En => {
            "It was the best of times, it was the worst of times. Are you quite sure? Then let us go at once!"
        }
        shared::Language::Es => {
            "En un lugar de la Mancha, de cuyo nombre no quiero acordarme, vivía un hidalgo. ¿Estás seguro? ¡Pues vamos ahora mismo!"
        }
    }
}
