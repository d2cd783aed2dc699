//! The engine ports: the voices each engine offers, auditions from the audio cache, and speaker
//! assignment by the language model as background jobs.

use async_trait::async_trait;
use shared::{CatalogueVoice, VoiceEngine};

use super::StoreError;
use crate::model::{
    BookDelivery, ChapterId, ChapterRender, Clip, Concordance, DeliverySettings, JobId, Principal,
    ProjectEstimate, ProjectId, RenderAll, SpeakerEngine,
};

/// The voices each engine offers.
#[async_trait]
pub trait VoiceCatalogue: Send + Sync + 'static {
    /// The voices of `engine`, as the engine lists them. Empty when the engine is not available
    /// here (espeak-ng not installed, Azure Speech not configured).
    ///
    /// # Errors
    /// `Unavailable` when the engine is configured but did not answer; `Internal` otherwise.
    async fn voices(&self, engine: VoiceEngine) -> Result<Vec<CatalogueVoice>, StoreError>;
}

/// Auditions: a segment's words rendered in a cast member's voice with the project's
/// pronunciations, from the audio cache when the same clip was rendered before.
#[async_trait]
pub trait Auditions: Send + Sync + 'static {
    /// The clip of `text` (a segment's current words, saved or not) said by `speaker` (the
    /// narrator when `None`) with the project's voices and pronunciations.
    ///
    /// # Errors
    /// `NotFound` for an unknown project; `Refused` for a speaker not in the cast or a text the
    /// engine cannot take; `Unavailable` when the voice's engine is missing or fails.
    async fn audition(
        &self,
        who: &Principal,
        project: ProjectId,
        text: String,
        speaker: Option<shared::CharacterId>,
    ) -> Result<Clip, StoreError>;

    /// A sample line in the project's language said by `voice` (a cast member's settings, saved
    /// or not) with the project's pronunciations: *Try voice* on the cast page.
    ///
    /// # Errors
    /// As [`Auditions::audition`]; `Refused` for settings out of bounds.
    async fn try_voice(
        &self,
        who: &Principal,
        project: ProjectId,
        voice: shared::Voice,
    ) -> Result<Clip, StoreError>;

    /// Where each entry of `map` (the page's draft, saved or not) occurs in the project's
    /// chapters, and, against the saved map, how many planned segments it would change per
    /// engine, how many cached clips it would make stale and what rendering them again bills.
    ///
    /// # Errors
    /// `NotFound` for an unknown project.
    async fn concordance(
        &self,
        who: &Principal,
        project: ProjectId,
        map: shared::PronunciationMap,
    ) -> Result<Concordance, StoreError>;

    /// The planner's figures: every planned segment of every chapter written as an audition
    /// would send it, tallied per engine (minutes, characters, billed characters, clips cached
    /// and to render), with the configured prices.
    ///
    /// # Errors
    /// `NotFound` for an unknown project.
    async fn estimate(
        &self,
        who: &Principal,
        project: ProjectId,
    ) -> Result<ProjectEstimate, StoreError>;
}

/// Speaker assignment by the server's language model, run as background jobs whose progress the
/// page reads as Server-Sent Events ([`JobId::events_url`]).
#[async_trait]
pub trait SpeakerJobs: Send + Sync + 'static {
    /// The engine that assigns speakers: the rules in the page, or the configured model.
    fn engine(&self) -> SpeakerEngine;

    /// Starts assigning speakers to the chapter's stored plan with the project's cast; at most
    /// one job runs per chapter.
    ///
    /// # Errors
    /// `NotFound` when the chapter is not in the project; `Unavailable` when no model is
    /// configured; `Refused` when the chapter has no plan or the cast is invalid; `Busy` while
    /// another job runs for the chapter.
    async fn start(
        &self,
        who: &Principal,
        project: ProjectId,
        chapter: ChapterId,
    ) -> Result<JobId, StoreError>;

    /// Cancels a job: its requests to the model stop and it ends with `Cancelled`. Cancelling a
    /// job that already ended changes nothing.
    ///
    /// # Errors
    /// `NotFound` when the job is not the chapter's (or is long gone).
    async fn cancel(
        &self,
        who: &Principal,
        project: ProjectId,
        chapter: ChapterId,
        job: JobId,
    ) -> Result<(), StoreError>;
}

/// Chapter renders: every segment's clip from the cache or its engine, joined with pauses and
/// room tone, mastered, encoded as MP3 and checked against the ACX rules, as a background job
/// whose progress the page reads as Server-Sent Events ([`JobId::render_events_url`]).
#[async_trait]
pub trait Renders: Send + Sync + 'static {
    /// Starts rendering the chapter's stored plan; at most one render runs per chapter.
    ///
    /// # Errors
    /// `NotFound` when the chapter is not the project's; `Forbidden` below editor; `Refused`
    /// without a plan, or naming the first segment that cannot be rendered (no speaker, a speaker
    /// not in the cast, an engine not set up, a text the engine cannot take), before any engine
    /// is called; `Busy` while a render runs for the chapter.
    async fn start(
        &self,
        who: &Principal,
        project: ProjectId,
        chapter: ChapterId,
    ) -> Result<JobId, StoreError>;

    /// Cancels a render job; it stops before its next clip and stores nothing.
    ///
    /// # Errors
    /// `NotFound` when the job is not the chapter's.
    async fn cancel(
        &self,
        who: &Principal,
        project: ProjectId,
        chapter: ChapterId,
        job: JobId,
    ) -> Result<(), StoreError>;

    /// The chapter's stored render with its ACX report, whether edits made it stale, and the
    /// job under way.
    ///
    /// # Errors
    /// `NotFound` when the chapter is not the project's.
    async fn state(
        &self,
        who: &Principal,
        project: ProjectId,
        chapter: ChapterId,
    ) -> Result<ChapterRender, StoreError>;

    /// The book's delivery: settings, every chapter's render state, the audiobook and its job.
    ///
    /// # Errors
    /// `NotFound` for another organisation's project.
    async fn book(&self, who: &Principal, project: ProjectId) -> Result<BookDelivery, StoreError>;

    /// Saves the book's author and pauses.
    ///
    /// # Errors
    /// `Forbidden` below editor; `Refused` for a pause out of range or an author too long.
    async fn save_settings(
        &self,
        who: &Principal,
        project: ProjectId,
        settings: DeliverySettings,
    ) -> Result<(), StoreError>;

    /// Starts building the audiobook from the chapters' renders.
    ///
    /// # Errors
    /// `Refused` (`NotRendered`) unless every planned chapter's render is current and passes
    /// ACX; `Busy` while one is being built.
    async fn start_book(&self, who: &Principal, project: ProjectId) -> Result<JobId, StoreError>;

    /// Starts a render of every planned chapter not rendered yet or stale.
    ///
    /// # Errors
    /// `Forbidden` below editor; `NotFound` for another organisation's project.
    async fn render_all(
        &self,
        who: &Principal,
        project: ProjectId,
    ) -> Result<RenderAll, StoreError>;

    /// Cancels the audiobook's build.
    ///
    /// # Errors
    /// `NotFound` when the job is not the project's.
    async fn cancel_book(
        &self,
        who: &Principal,
        project: ProjectId,
        job: JobId,
    ) -> Result<(), StoreError>;
}
