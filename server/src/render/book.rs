//! The book's delivery: each chapter's render state, the project's delivery settings (author,
//! pauses), and the audiobook job, which joins the chapters' stored MP3s between opening and
//! closing credits (read by the narrator, from the audio cache) into one M4B with a chapter
//! marker and title per chapter and the book's tags. Only chapters whose render is current and
//! passes ACX go in: the job refuses to start otherwise.

use std::collections::HashMap;

use app::{
    api::{PlanStore, ProjectStore, PronunciationStore, StoreError},
    error::{Busy, Refusal},
    model::{
        book_url, BookDelivery, BookInfo, ChapterDelivery, ChapterId, ChapterStatus,
        DeliverySettings, JobId, Principal, ProjectId, RenderState, Role, AUTHOR_MAX_CHARS,
    },
};
use sha2::{Digest, Sha256};
use shared::{
    delivery::timeline::Part,
    speech::{self, Dialect, Pronouncer, Utterance},
    Cast, CharacterId, Language, PronunciationMap,
};

use super::{
    book_job::{BookChapter, BookInput},
    fail,
    lines::{self, Line},
    ChapterRenders,
};
use crate::db::renders as rows;
use crate::speech::{key, EngineIdentity};
use crate::store::internal;

/// The credits the audiobook opens and closes with, in the book's language.
pub(super) fn credits(language: Language, title: &str, author: &str) -> (String, String) {
    let title = title.trim();
    let author = author.trim();
    match (language, author.is_empty()) {
        (Language::En, false) => (
            format!("{title}. Written by {author}. Read by synthetic voices."),
            format!(
                "You have been listening to {title}, written by {author}, read by synthetic \
                 voices. The End."
            ),
        ),
        (Language::En, true) => (
            format!("{title}. Read by synthetic voices."),
            format!("You have been listening to {title}, read by synthetic voices. The End."),
        ),
        (Language::Es, false) => (
            format!("{title}. Escrito por {author}. Leído por voces sintéticas."),
            format!(
                "Has escuchado {title}, escrito por {author}, leído por voces sintéticas. Fin."
            ),
        ),
        (Language::Es, true) => (
            format!("{title}. Leído por voces sintéticas."),
            format!("Has escuchado {title}, leído por voces sintéticas. Fin."),
        ),
    }
}

/// The opening and closing credits as clips of the narrator's voice.
pub(super) fn credit_lines(
    cast: &Cast,
    language: Language,
    map: &PronunciationMap,
    limits: &shared::EngineLimits,
    texts: (&str, &str),
    identities: &HashMap<shared::VoiceEngine, EngineIdentity>,
) -> Result<[Line; 2], StoreError> {
    let voice = cast
        .get(CharacterId::NARRATOR)
        .map(|c| c.voice.clone())
        .ok_or(StoreError::Refused(Refusal::InvalidCast(
            shared::CastError::NoNarrator,
        )))?;
    let identity = identities.get(&voice.engine).ok_or_else(|| {
        StoreError::Unavailable(app::error::Unavailable::Speech {
            engine: voice.engine,
            failure: app::error::SpeechFailure::NotConfigured,
        })
    })?;
    let locale = speech::voice_locale(&voice, language);
    let pronouncer = Pronouncer::new(map, &locale);
    let line = |text: &str| -> Result<Line, StoreError> {
        let rendering = speech::render(
            Utterance {
                text,
                voice: &voice,
                language,
            },
            Dialect::of(voice.engine),
            &pronouncer,
            limits,
        )
        .map_err(|err| StoreError::Refused(Refusal::Speech(err)))?;
        Ok(Line {
            part: Part::Title,
            key: key(identity, &voice, &rendering.document),
            voice: voice.clone(),
            document: rendering.document,
        })
    };
    Ok([line(texts.0)?, line(texts.1)?])
}

/// What a book is made of: the settings, the credits' clips and each chapter's render, hashed.
pub(super) fn book_digest(
    title: &str,
    author: &str,
    credits: &[Line; 2],
    chapters: &[BookChapter],
) -> String {
    let mut hash = Sha256::new();
    for part in [
        title,
        author,
        credits[0].key.as_str(),
        credits[1].key.as_str(),
    ] {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    for chapter in chapters {
        hash.update(chapter.title.as_bytes());
        hash.update([0]);
        hash.update(chapter.digest.as_bytes());
    }
    hex::encode(hash.finalize())
}

impl ChapterRenders {
    /// The project's author and pauses.
    pub(super) async fn settings(
        &self,
        project: ProjectId,
    ) -> Result<DeliverySettings, StoreError> {
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let (author, pauses) = rows::settings(&mut conn, project.0)
            .await
            .map_err(internal)?;
        Ok(DeliverySettings {
            author: author.unwrap_or_default(),
            pauses: pauses
                .and_then(|json| serde_json::from_str(&json).ok())
                .unwrap_or_default(),
        })
    }

    /// Saves the project's author and pauses (editors).
    ///
    /// # Errors
    /// `Refused` for pauses out of range or an author too long.
    pub(super) async fn save_settings_of(
        &self,
        who: &Principal,
        project: ProjectId,
        settings: DeliverySettings,
    ) -> Result<(), StoreError> {
        self.store.allow_project(who, project, Role::Editor).await?;
        settings
            .pauses
            .validate()
            .map_err(|err| StoreError::Refused(Refusal::Pause(err)))?;
        if settings.author.chars().count() > AUTHOR_MAX_CHARS {
            return Err(StoreError::Refused(Refusal::AuthorTooLong {
                max: AUTHOR_MAX_CHARS,
            }));
        }
        let pauses = serde_json::to_string(&settings.pauses).map_err(fail)?;
        let mut tx = self.db.begin_write().await.map_err(internal)?;
        rows::save_settings(&mut tx, project.0, settings.author.trim(), &pauses)
            .await
            .map_err(internal)?;
        tx.commit().await.map_err(internal)
    }

    /// Every chapter's render state, and what the audiobook would be made of now.
    pub(super) async fn delivery(
        &self,
        who: &Principal,
        project: ProjectId,
    ) -> Result<(BookDelivery, Option<BookInput>), StoreError> {
        let detail = self.store.project(who, project).await?;
        let settings = self.settings(project).await?;
        let map = self.store.pronunciations(who, project).await?.map;
        let identities = self.auditions.identities().await;
        let mut chapters = Vec::new();
        let mut parts = Vec::new();
        for summary in self.store.list_chapters(who, project).await? {
            let planned = matches!(
                summary.status,
                ChapterStatus::Planned | ChapterStatus::Complete
            );
            let mut conn = self.db.pool.acquire().await.map_err(internal)?;
            let row = rows::find(&mut conn, summary.id.0)
                .await
                .map_err(internal)?;
            drop(conn);
            let running = self.jobs.active(summary.id).await?.is_some();
            let state = match (&row, planned) {
                (_, false) => RenderState::NoPlan,
                _ if running => RenderState::Rendering,
                (None, true) => RenderState::NotRendered,
                (Some(row), true) => {
                    let plan = self.store.load_plan(who, summary.id).await?;
                    let current = lines::prepare(&plan, &map, &settings.pauses, &identities)
                        .is_ok_and(|now| now.digest(&settings.pauses) == row.digest);
                    let report = serde_json::from_str::<super::StoredReport>(&row.report_json)
                        .ok()
                        .map(|stored| stored.acx);
                    match (current, report) {
                        (false, _) => RenderState::Stale,
                        (true, Some(report)) if report.passes() => RenderState::Passes,
                        (true, Some(report)) => RenderState::Fails {
                            failures: report.findings.len(),
                        },
                        (true, None) => RenderState::Stale,
                    }
                }
            };
            if let (Some(row), RenderState::Passes) = (&row, state) {
                parts.push(BookChapter {
                    chapter: summary.id,
                    title: summary.title.clone(),
                    object_path: row.object_path.clone(),
                    duration_ms: row.duration_ms,
                    digest: row.digest.clone(),
                });
            }
            chapters.push(ChapterDelivery {
                chapter: summary.id,
                title: summary.title,
                state,
                seconds: row.map(|r| r.duration_ms as f64 / 1_000.0),
            });
        }
        let anchor = chapters.first().map(|c| c.chapter);
        let job = match anchor {
            Some(chapter) => self.books.active(chapter).await?,
            None => None,
        };
        let cast = Cast::new(detail.cast.clone()).map_err(fail)?;
        let texts = credits(detail.language, &detail.name, &settings.author);
        let credit_lines = credit_lines(
            &cast,
            detail.language,
            &map,
            &detail.limits,
            (&texts.0, &texts.1),
            &identities,
        );
        let mut conn = self.db.pool.acquire().await.map_err(internal)?;
        let stored = rows::find_book(&mut conn, project.0)
            .await
            .map_err(internal)?;
        drop(conn);
        let digest = credit_lines
            .as_ref()
            .ok()
            .map(|lines| book_digest(&detail.name, &settings.author, lines, &parts));
        let book = stored.map(|row| BookInfo {
            url: book_url(project),
            seconds: row.duration_ms as f64 / 1_000.0,
            bytes: u64::try_from(row.bytes).unwrap_or_default(),
            markers: usize::try_from(row.markers).unwrap_or_default(),
            stale: digest.as_deref() != Some(row.digest.as_str()),
            made_at: row.made_at,
        });
        let delivery = BookDelivery {
            project,
            name: detail.name.clone(),
            settings: settings.clone(),
            chapters,
            book,
            job,
        };
        let input = match (credit_lines, anchor) {
            (Ok(credits), Some(anchor)) if delivery.ready() => Some(BookInput {
                who: *who,
                project,
                anchor,
                language: detail.language,
                title: detail.name.clone(),
                author: settings.author,
                narrators: narrators(&cast),
                pauses: settings.pauses,
                credits,
                chapters: parts,
            }),
            _ => None,
        };
        Ok((delivery, input))
    }

    /// Starts building the audiobook.
    ///
    /// # Errors
    /// `Refused` (`NotRendered`) unless every planned chapter's render is current and passes
    /// ACX; `Busy` while one is being built.
    pub(super) async fn start_book_of(
        &self,
        who: &Principal,
        project: ProjectId,
    ) -> Result<JobId, StoreError> {
        self.store.allow_project(who, project, Role::Editor).await?;
        let (_, input) = self.delivery(who, project).await?;
        let input = input.ok_or(StoreError::Refused(Refusal::NotRendered))?;
        let anchor = input.anchor;
        let job = self
            .books
            .enqueue(project, anchor, &input, Busy::Book)
            .await?;
        tracing::info!(job = job.0, "audiobook queued");
        Ok(job)
    }

    /// The chapter a book's jobs are filed under (its first).
    pub(super) async fn anchor(
        &self,
        who: &Principal,
        project: ProjectId,
    ) -> Result<ChapterId, StoreError> {
        self.store
            .list_chapters(who, project)
            .await?
            .first()
            .map(|c| c.id)
            .ok_or(StoreError::NotFound)
    }
}

/// The cast's voices, each once and in cast order, as the audiobook names its narrators
/// ("espeak-ng en-gb, Azure Speech en-GB-RyanNeural").
fn narrators(cast: &Cast) -> String {
    let mut voices: Vec<String> = Vec::new();
    for character in cast.characters() {
        let voice = format!(
            "{} {}",
            app::i18n::engine_name(character.voice.engine),
            character.voice.voice_id
        );
        if !voices.contains(&voice) {
            voices.push(voice);
        }
    }
    voices.join(", ")
}
