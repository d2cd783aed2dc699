//! The ports: what the server functions need from storage (`PlanStore`, `ProjectStore`,
//! `PronunciationStore`) and from the engines (`engines`), declared here and implemented by the
//! `server` crate. One store method is one use case and one transaction.

mod context;
mod engines;
mod error;

pub use context::{request_extension, set_status, use_port, use_principal};
pub use engines::{Auditions, Renders, SpeakerJobs, VoiceCatalogue};
pub use error::StoreError;

use crate::model::Version;

use async_trait::async_trait;
use shared::{
    attribution::propose::ProposedCharacter, Cast, ChapterText, Language, PronunciationMap, Segment,
};

use crate::model::{
    ChapterId, ChapterPlan, ChapterSummary, Principal, ProjectDetail, ProjectId,
    ProjectPronunciations, ProjectSummary,
};

/// Storage of projects, chapters and chapter plans.
#[async_trait]
pub trait PlanStore: Send + Sync + 'static {
    /// Every project, by name.
    async fn list_projects(&self, who: &Principal) -> Result<Vec<ProjectSummary>, StoreError>;

    /// Adds a chapter at the end of a project.
    ///
    /// # Errors
    /// `NotFound` for an unknown project.
    async fn add_chapter(
        &self,
        who: &Principal,
        project: ProjectId,
        title: String,
        text: ChapterText,
    ) -> Result<ChapterId, StoreError>;

    /// The chapters of a project in book order, with their status.
    ///
    /// # Errors
    /// `NotFound` for an unknown project.
    async fn list_chapters(
        &self,
        who: &Principal,
        project: ProjectId,
    ) -> Result<Vec<ChapterSummary>, StoreError>;

    /// A chapter's text and stored plan (no segments when none was generated).
    ///
    /// # Errors
    /// `NotFound` for an unknown chapter.
    async fn load_plan(
        &self,
        who: &Principal,
        chapter: ChapterId,
    ) -> Result<ChapterPlan, StoreError>;

    /// Segments the chapter with the project's limits and stores the result as a new version,
    /// replacing any plan stored at `expected_version`.
    ///
    /// # Errors
    /// `NotFound`; `Conflict` when the stored version is not `expected_version`.
    async fn generate_plan(
        &self,
        who: &Principal,
        chapter: ChapterId,
        expected_version: Version,
    ) -> Result<ChapterPlan, StoreError>;

    /// Replaces the plan stored at `expected_version` by `segments`, after validating every
    /// segment against the chapter text; returns the new version.
    ///
    /// # Errors
    /// `NotFound`; `Conflict` for a stale version; `Rule` with the first invalid segment.
    async fn save_plan(
        &self,
        who: &Principal,
        chapter: ChapterId,
        expected_version: Version,
        segments: Vec<Segment>,
    ) -> Result<Version, StoreError>;

    /// Applies `changes`, made by a page on the plan at version `base`, to the stored plan, with
    /// `shared`'s code: a colleague's save since `base` is kept when it touched other segments.
    /// Returns the new version and the colleague's changes the page lacks.
    ///
    /// # Errors
    /// `NotFound`; `Conflict` when a change touches a segment someone changed since `base`;
    /// `Rule` when the result does not validate.
    async fn save_changes(
        &self,
        who: &Principal,
        chapter: ChapterId,
        base: Version,
        changes: Vec<shared::plan::change::Change>,
    ) -> Result<crate::model::PlanChanges, StoreError>;

    /// The changes stored after version `since`, for a page catching up with its colleagues.
    ///
    /// # Errors
    /// `NotFound` for an unknown chapter.
    async fn changes_since(
        &self,
        who: &Principal,
        chapter: ChapterId,
        since: Version,
    ) -> Result<crate::model::PlanChanges, StoreError>;

    /// Notes the segment `who` is on in the chapter (none: none selected), for colleagues' pages.
    ///
    /// # Errors
    /// `NotFound` for an unknown chapter.
    async fn show_place(
        &self,
        who: &Principal,
        chapter: ChapterId,
        segment: Option<shared::SegmentId>,
    ) -> Result<(), StoreError>;

    /// Carries out `action` on segment `segment`'s review flag, signed with `who`'s name and the
    /// server's clock, as a change colleagues' pages pull in; viewers may. Returns the new version.
    ///
    /// # Errors
    /// `NotFound`; `Rule` for an unknown segment, a missing flag or an empty or long text;
    /// `Refused` when the chapter has no plan or is signed off.
    async fn review_flag(
        &self,
        who: &Principal,
        chapter: ChapterId,
        segment: shared::SegmentId,
        action: shared::plan::review::FlagAction,
    ) -> Result<Version, StoreError>;

    /// Replaces the plan stored at `expected_version` by segments read from a desktop plan file:
    /// each `voice` naming a cast member by id, name or alias becomes that member's id, a
    /// hand-locked speaker stored for the same segment is kept, then the plan is validated and
    /// written exactly as [`PlanStore::save_plan`] does; returns the new version.
    ///
    /// # Errors
    /// `NotFound`; `Conflict` for a stale version; `Rule` with the first invalid segment or the
    /// first voice nobody in the cast answers to.
    async fn import_plan(
        &self,
        who: &Principal,
        chapter: ChapterId,
        expected_version: Version,
        segments: Vec<Segment>,
    ) -> Result<Version, StoreError>;

    /// Marks a planned chapter complete, or reopens it. Completing needs every segment to have
    /// a speaker and none to be flagged ([`shared::signoff::blockers`]).
    ///
    /// # Errors
    /// `NotFound` for an unknown chapter or one with no plan; `Blocked` with what stops it.
    async fn set_complete(
        &self,
        who: &Principal,
        chapter: ChapterId,
        complete: bool,
    ) -> Result<(), StoreError>;
}

/// Storage of projects: their settings, cast and imported chapters.
#[async_trait]
pub trait ProjectStore: Send + Sync + 'static {
    /// The project's latest changes (of one chapter, when given), newest first.
    ///
    /// # Errors
    /// `NotFound` for an unknown project.
    async fn audit_log(
        &self,
        who: &Principal,
        project: ProjectId,
        chapter: Option<ChapterId>,
    ) -> Result<Vec<crate::model::AuditEvent>, StoreError>;

    /// Creates an empty project with default limits and a narrator-only cast.
    async fn create_project(
        &self,
        who: &Principal,
        name: String,
        language: Language,
    ) -> Result<ProjectId, StoreError>;

    /// A project with its settings and cast.
    ///
    /// # Errors
    /// `NotFound` for an unknown project.
    async fn project(
        &self,
        who: &Principal,
        project: ProjectId,
    ) -> Result<ProjectDetail, StoreError>;

    /// Renames a project.
    ///
    /// # Errors
    /// `NotFound` for an unknown project.
    async fn rename_project(
        &self,
        who: &Principal,
        project: ProjectId,
        name: String,
    ) -> Result<(), StoreError>;

    /// Deletes a project with every chapter and plan.
    ///
    /// # Errors
    /// `NotFound` for an unknown project.
    async fn delete_project(&self, who: &Principal, project: ProjectId) -> Result<(), StoreError>;

    /// Replaces the cast stored at `expected_version`; returns the new version.
    ///
    /// # Errors
    /// `NotFound`; `Conflict` when someone saved the cast since.
    async fn save_cast(
        &self,
        who: &Principal,
        project: ProjectId,
        expected_version: Version,
        cast: Cast,
    ) -> Result<Version, StoreError>;

    /// The characters the project's chapters suggest that its cast lacks (names near speech
    /// verbs, with aliases and likely gender), most evident first.
    ///
    /// # Errors
    /// `NotFound` for an unknown project.
    async fn propose_cast(
        &self,
        who: &Principal,
        project: ProjectId,
    ) -> Result<Vec<ProposedCharacter>, StoreError>;

    /// Replaces a chapter's text (a re-import). Its plan, if any, is kept as it is, gets a new
    /// version and is no longer complete; returns how many of its segments no longer match the
    /// new text (the page offers to carry the plan over).
    ///
    /// # Errors
    /// `NotFound` for an unknown chapter.
    async fn replace_chapter_text(
        &self,
        who: &Principal,
        chapter: ChapterId,
        text: ChapterText,
    ) -> Result<usize, StoreError>;

    /// Adds chapters at the end of a project, all or none.
    ///
    /// # Errors
    /// `NotFound` for an unknown project.
    async fn add_chapters(
        &self,
        who: &Principal,
        project: ProjectId,
        chapters: Vec<(String, ChapterText)>,
    ) -> Result<Vec<ChapterId>, StoreError>;
}

/// Storage of a project's pronunciation map, saved whole with its own version.
#[async_trait]
pub trait PronunciationStore: Send + Sync + 'static {
    /// The project's pronunciation map and its version (0 and empty before the first save).
    ///
    /// # Errors
    /// `NotFound` for an unknown project.
    async fn pronunciations(
        &self,
        who: &Principal,
        project: ProjectId,
    ) -> Result<ProjectPronunciations, StoreError>;

    /// Replaces the map stored at `expected_version`; returns the new version.
    ///
    /// # Errors
    /// `NotFound`; `Conflict` when someone saved the map since.
    async fn save_pronunciations(
        &self,
        who: &Principal,
        project: ProjectId,
        expected_version: Version,
        map: PronunciationMap,
    ) -> Result<Version, StoreError>;

    /// Merges `imported` into the map stored at `expected_version`
    /// ([`PronunciationMap::merge`]: an imported entry replaces the stored one for the same
    /// word and locale, the others are added) and stores the result, all or nothing.
    ///
    /// # Errors
    /// `NotFound`; `Conflict` for a stale version; `Refused` when the result is too large.
    async fn import_pronunciations(
        &self,
        who: &Principal,
        project: ProjectId,
        expected_version: Version,
        imported: PronunciationMap,
    ) -> Result<ProjectPronunciations, StoreError>;
}
