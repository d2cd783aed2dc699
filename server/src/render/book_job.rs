//! The audiobook job: the opening and closing credits read by the narrator (from the audio cache
//! or the engine), mastered like a chapter, and every chapter's stored MP3 joined by ffmpeg into
//! one M4B (AAC) with a chapter marker and title per chapter and the book's tags; stored in place
//! of the book before only once whole.

use std::{fmt::Write as _, sync::Arc};

use app::model::{
    book_url, BookEvent, BookInfo, BookStage, ChapterId, Principal, ProjectId, RenderFailure,
};
use async_trait::async_trait;
use object_store::{path::Path as ObjectPath, ObjectStoreExt, PutPayload};
use serde::{Deserialize, Serialize};
use shared::delivery::{
    master,
    timeline::{Assembler, Pauses},
    SAMPLE_RATE,
};
use tokio_util::sync::CancellationToken;

use super::{
    audio,
    book::book_digest,
    ffmpeg::{Ffmpeg, Tags},
    lines::Line,
    steps::{encoder, fetch_clip, server, Stop},
};
use crate::db::{now_millis, renders as rows, Db};
use crate::jobs::{JobKind, Publisher};
use crate::speech::Auditioner;

/// A chapter as it goes into the book.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct BookChapter {
    pub chapter: ChapterId,
    pub title: String,
    pub object_path: String,
    pub duration_ms: i64,
    pub digest: String,
}

/// What an audiobook job reads: the book as it was when it was asked for.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct BookInput {
    pub who: Principal,
    pub project: ProjectId,
    /// The chapter the job is filed under (the book's first).
    pub anchor: ChapterId,
    pub language: shared::Language,
    pub title: String,
    pub author: String,
    /// The cast's voices, as the audiobook's narrators.
    pub narrators: String,
    pub pauses: Pauses,
    /// The opening and closing credits.
    pub credits: [Line; 2],
    pub chapters: Vec<BookChapter>,
}

/// The job kind.
pub(crate) struct BookJob {
    db: Db,
    auditions: Arc<Auditioner>,
    ffmpeg: Ffmpeg,
}

impl BookJob {
    pub(crate) fn new(db: Db, auditions: Arc<Auditioner>, ffmpeg: Ffmpeg) -> Self {
        Self {
            db,
            auditions,
            ffmpeg,
        }
    }
}

#[async_trait]
impl JobKind for BookJob {
    const KIND: &'static str = "book";
    type Input = BookInput;
    type Event = BookEvent;

    async fn run(
        &self,
        input: BookInput,
        progress: Publisher<BookEvent>,
        cancel: CancellationToken,
    ) -> BookEvent {
        match self.build(&input, &progress, &cancel).await {
            Ok(book) => BookEvent::Done { book },
            Err(Stop::Cancelled) => BookEvent::Cancelled,
            Err(Stop::Failed(reason)) => {
                tracing::warn!(?reason, "audiobook failed");
                BookEvent::Failed {
                    reason,
                    message: None,
                }
            }
        }
    }

    fn is_final(event: &BookEvent) -> bool {
        event.is_final()
    }

    fn cancelled() -> BookEvent {
        BookEvent::Cancelled
    }

    fn failed() -> BookEvent {
        BookEvent::Failed {
            reason: RenderFailure::Server,
            message: None,
        }
    }
}

impl BookJob {
    async fn build(
        &self,
        input: &BookInput,
        progress: &Publisher<BookEvent>,
        cancel: &CancellationToken,
    ) -> Result<BookInfo, Stop> {
        progress.publish(BookEvent::Progress {
            stage: BookStage::Credits,
        });
        let folder = tempfile::tempdir().map_err(|_| Stop::Failed(RenderFailure::Storage))?;
        let mut files = Vec::new();
        let mut markers: Vec<(String, i64)> = Vec::new();
        let [opening, closing] = &input.credits;
        let (opening_title, closing_title) = credit_titles(input.language);
        let (file, ms) = self
            .credit(input, opening, folder.path(), "opening")
            .await?;
        files.push(file);
        markers.push((opening_title, ms));
        let objects = self.auditions.cache().objects();
        for (n, chapter) in input.chapters.iter().enumerate() {
            if cancel.is_cancelled() {
                return Err(Stop::Cancelled);
            }
            let bytes = objects
                .get(&ObjectPath::from(chapter.object_path.as_str()))
                .await
                .map_err(server)?
                .bytes()
                .await
                .map_err(server)?;
            let file = folder.path().join(format!("{n:04}.mp3"));
            tokio::fs::write(&file, &bytes)
                .await
                .map_err(|_| Stop::Failed(RenderFailure::Storage))?;
            files.push(file);
            markers.push((chapter.title.clone(), chapter.duration_ms));
        }
        let (file, ms) = self
            .credit(input, closing, folder.path(), "closing")
            .await?;
        files.push(file);
        markers.push((closing_title, ms));
        if cancel.is_cancelled() {
            return Err(Stop::Cancelled);
        }
        progress.publish(BookEvent::Progress {
            stage: BookStage::Encoding,
        });
        let list = folder.path().join("chapters.txt");
        let mut listed = String::new();
        for file in &files {
            let _ = writeln!(
                listed,
                "file '{}'",
                file.display().to_string().replace('\'', "'\\''")
            );
        }
        let metadata = folder.path().join("metadata.txt");
        let tags = Tags {
            title: input.title.clone(),
            artist: input.author.clone(),
            album: input.title.clone(),
            track: None,
            narrators: input.narrators.clone(),
        };
        let out = folder.path().join("book.m4b");
        tokio::fs::write(&list, listed)
            .await
            .map_err(|_| Stop::Failed(RenderFailure::Storage))?;
        tokio::fs::write(&metadata, ffmetadata(&tags, &markers))
            .await
            .map_err(|_| Stop::Failed(RenderFailure::Storage))?;
        self.ffmpeg
            .m4b(&list, &metadata, &out)
            .await
            .map_err(encoder)?;
        let bytes = tokio::fs::read(&out)
            .await
            .map_err(|_| Stop::Failed(RenderFailure::Storage))?;
        if cancel.is_cancelled() {
            return Err(Stop::Cancelled);
        }
        self.store(input, bytes, &markers).await
    }

    /// Reads a credit, masters it with the chapters' head and tail of room tone and encodes it
    /// like a chapter; its file and length in milliseconds.
    async fn credit(
        &self,
        input: &BookInput,
        line: &Line,
        folder: &std::path::Path,
        name: &str,
    ) -> Result<(std::path::PathBuf, i64), Stop> {
        let (wav, _) = fetch_clip(&self.auditions, &input.who, input.project, line).await?;
        let samples = tokio::task::spawn_blocking(move || audio::samples(&wav))
            .await
            .map_err(server)?
            .map_err(server)?;
        let (head, tail) = (input.pauses.head_ms, input.pauses.tail_ms);
        let programme = tokio::task::spawn_blocking(move || {
            let mut joined = Assembler::new(SAMPLE_RATE);
            joined.pause(head);
            joined.clip(line_part(), &samples);
            joined.pause(tail);
            let (mut samples, _) = joined.finish();
            master::master(&mut samples, SAMPLE_RATE, &master::Mastering::default());
            samples
        })
        .await
        .map_err(server)?;
        let ms = i64::try_from(programme.len() as u64 * 1_000 / u64::from(SAMPLE_RATE))
            .unwrap_or_default();
        let file = folder.join(format!("{name}.mp3"));
        self.ffmpeg
            .encode_mp3(programme, &Tags::default(), &file)
            .await
            .map_err(encoder)?;
        Ok((file, ms))
    }

    /// Stores the M4B and the row that makes it the project's audiobook; deletes the one before.
    async fn store(
        &self,
        input: &BookInput,
        bytes: Vec<u8>,
        markers: &[(String, i64)],
    ) -> Result<BookInfo, Stop> {
        let digest = book_digest(&input.title, &input.author, &input.credits, &input.chapters);
        let path = format!(
            "{}/book/{}.m4b",
            input.project.0,
            digest.get(..16).unwrap_or(&digest)
        );
        let size = bytes.len();
        let objects = self.auditions.cache().objects();
        objects
            .put(&ObjectPath::from(path.as_str()), PutPayload::from(bytes))
            .await
            .map_err(|err| {
                tracing::error!(error = %err, "the audiobook could not be stored");
                Stop::Failed(RenderFailure::Storage)
            })?;
        let duration_ms: i64 = markers.iter().map(|(_, ms)| ms).sum();
        let row = rows::BookRow {
            project_id: input.project.0,
            digest,
            object_path: path,
            duration_ms,
            bytes: i64::try_from(size).unwrap_or(i64::MAX),
            markers: i64::try_from(markers.len()).unwrap_or(i64::MAX),
            made_at: now_millis(),
        };
        let mut tx = self.db.begin_write().await.map_err(server)?;
        let replaced = rows::replace_book(&mut tx, &row).await.map_err(server)?;
        tx.commit().await.map_err(server)?;
        if let Some(old) = replaced {
            if let Err(err) = objects.delete(&ObjectPath::from(old)).await {
                tracing::warn!(error = %err, "a replaced audiobook could not be deleted");
            }
        }
        tracing::info!(bytes = size, markers = markers.len(), "audiobook stored");
        Ok(BookInfo {
            url: book_url(input.project),
            seconds: duration_ms as f64 / 1_000.0,
            bytes: size as u64,
            markers: markers.len(),
            stale: false,
            made_at: row.made_at,
        })
    }
}

fn line_part() -> shared::delivery::timeline::Part {
    shared::delivery::timeline::Part::Title
}

/// The markers of the credits, in the book's language.
fn credit_titles(language: shared::Language) -> (String, String) {
    let (opening, closing) = match language {
        shared::Language::En => ("Opening credits", "Closing credits"),
        shared::Language::Es => ("Créditos iniciales", "Créditos finales"),
    };
    (opening.to_owned(), closing.to_owned())
}

/// ffmpeg's metadata file: the book's tags, then one chapter per marker (milliseconds).
pub(crate) fn ffmetadata(tags: &Tags, markers: &[(String, i64)]) -> String {
    let mut out = String::from(";FFMETADATA1\n");
    let _ = writeln!(out, "title={}", escape(&tags.title));
    let _ = writeln!(out, "album={}", escape(&tags.album));
    let _ = writeln!(out, "artist={}", escape(&tags.artist));
    let _ = writeln!(out, "album_artist={}", escape(&tags.artist));
    if !tags.narrators.is_empty() {
        let _ = writeln!(out, "composer={}", escape(&tags.narrators));
    }
    out.push_str("genre=Audiobook\n");
    let mut start = 0;
    for (title, ms) in markers {
        let end = start + ms;
        let _ = write!(
            out,
            "\n[CHAPTER]\nTIMEBASE=1/1000\nSTART={start}\nEND={end}\ntitle={}\n",
            escape(title)
        );
        start = end;
    }
    out
}

/// A value of ffmpeg's metadata file: `=`, `;`, `#`, `\` and line breaks escaped.
fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if matches!(c, '=' | ';' | '#' | '\\' | '\n') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_metadata_file_marks_each_chapter_where_the_one_before_ends() {
        let tags = Tags {
            title: "The Hound; a tale".into(),
            artist: "A. C. Doyle".into(),
            album: "The Hound; a tale".into(),
            track: None,
            narrators: "espeak-ng en-gb".into(),
        };
        let markers = [
            ("Opening credits".to_owned(), 4_000),
            ("Chapter 1 = Mr. Holmes".to_owned(), 600_000),
            ("Closing credits".to_owned(), 5_500),
        ];

        let text = ffmetadata(&tags, &markers);

        assert!(text.starts_with(";FFMETADATA1\ntitle=The Hound\\; a tale\n"));
        assert!(text.contains("\ncomposer=espeak-ng en-gb\n"));
        assert!(text.contains("START=4000\nEND=604000\ntitle=Chapter 1 \\= Mr. Holmes\n"));
        assert!(text.contains("START=604000\nEND=609500\ntitle=Closing credits\n"));
        assert_eq!(text.matches("[CHAPTER]").count(), 3);
    }
}
