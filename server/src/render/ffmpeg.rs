//! Encoding and decoding with Debian's `ffmpeg`, started as a process per file: a mastered
//! programme (mono 32-bit float samples on its standard input) becomes a constant-bitrate MP3
//! with its tags, and an MP3 is decoded back to samples so that the ACX check measures what a
//! listener hears. The MP3 is written to a file, not a pipe, so that ffmpeg can go back and write
//! the LAME header players read the exact length from.

use std::{path::Path, process::Stdio};

use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    process::Command,
};

use shared::delivery::SAMPLE_RATE;

/// The bitrate of every MP3, ACX's minimum.
pub const MP3_KBPS: u32 = 192;

/// The longest one ffmpeg run may take (a whole book's M4B on a slow machine) before it is killed.
const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30 * 60);

/// Samples written to ffmpeg at a time, so the programme is never copied whole as bytes.
const CHUNK: usize = 1 << 16;

/// Why ffmpeg could not do its part.
#[derive(Debug, thiserror::Error)]
pub enum EncoderError {
    /// The program could not be started (not installed).
    #[error("ffmpeg could not be started ({0}); the studio's setup command installs it")]
    NotInstalled(String),
    /// It ran and failed.
    #[error("ffmpeg failed: {0}")]
    Failed(String),
    /// Its output could not be written or read (a full disk).
    #[error("the encoder's file could not be written or read: {0}")]
    Io(#[from] std::io::Error),
}

/// What an MP3's ID3 tags say.
#[derive(Debug, Clone, Default)]
pub struct Tags {
    /// The chapter's title.
    pub title: String,
    /// The author.
    pub artist: String,
    /// The book.
    pub album: String,
    /// The chapter's number, and how many the book has.
    pub track: Option<(usize, usize)>,
    /// Who reads it (the `composer` tag, which audiobook players show as the narrator).
    pub narrators: String,
}

/// The ffmpeg program to start.
#[derive(Debug, Clone)]
pub struct Ffmpeg {
    program: String,
}

impl Ffmpeg {
    /// `program`, found on `PATH` when it has no slash.
    pub fn new(program: impl Into<String>) -> Self {
        Self {
            program: program.into(),
        }
    }

    fn command(&self) -> Command {
        let mut command = Command::new(&self.program);
        command
            .args(["-hide_banner", "-loglevel", "error", "-y"])
            .kill_on_drop(true)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        command
    }

    /// Encodes mono samples at [`SAMPLE_RATE`] into `out` as a constant 192 kbps MP3.
    ///
    /// # Errors
    /// When ffmpeg is missing or fails, or the file cannot be written.
    pub async fn encode_mp3(
        &self,
        samples: Vec<f32>,
        tags: &Tags,
        out: &Path,
    ) -> Result<(), EncoderError> {
        let mut command = self.command();
        command
            .args(["-f", "f32le", "-ar", &SAMPLE_RATE.to_string(), "-ac", "1"])
            .args(["-i", "pipe:0", "-c:a", "libmp3lame"])
            .args([
                "-b:a",
                &format!("{MP3_KBPS}k"),
                "-ar",
                &SAMPLE_RATE.to_string(),
            ])
            .args(["-id3v2_version", "3", "-write_xing", "1"]);
        for (key, value) in [
            ("title", tags.title.as_str()),
            ("artist", tags.artist.as_str()),
            ("album", tags.album.as_str()),
        ] {
            command.args(["-metadata", &format!("{key}={value}")]);
        }
        if !tags.narrators.is_empty() {
            command.args(["-metadata", &format!("composer={}", tags.narrators)]);
        }
        if let Some((number, of)) = tags.track {
            command.args(["-metadata", &format!("track={number}/{of}")]);
        }
        command.args(["-f", "mp3"]).arg(out);
        self.run(command, Some(samples)).await.map(drop)
    }

    /// Joins the audio files a concat `list` names into an M4B at `out`: mono AAC at 64 kbps,
    /// with the tags and chapter markers of the ffmetadata file `metadata`.
    ///
    /// # Errors
    /// When ffmpeg is missing or fails, or the file cannot be written.
    pub async fn m4b(&self, list: &Path, metadata: &Path, out: &Path) -> Result<(), EncoderError> {
        let mut command = self.command();
        command
            .args(["-f", "concat", "-safe", "0", "-i"])
            .arg(list)
            .arg("-i")
            .arg(metadata)
            .args(["-map", "0:a", "-map_metadata", "1", "-map_chapters", "1"])
            .args([
                "-c:a",
                "aac",
                "-b:a",
                "64k",
                "-ac",
                "1",
                "-ar",
                &SAMPLE_RATE.to_string(),
            ])
            .args(["-movflags", "+faststart", "-f", "mp4"])
            .arg(out);
        self.run(command, None).await.map(drop)
    }

    /// Decodes an audio file to mono samples at [`SAMPLE_RATE`].
    ///
    /// # Errors
    /// When ffmpeg is missing or cannot read it.
    pub async fn decode(&self, file: &Path) -> Result<Vec<f32>, EncoderError> {
        let mut command = self.command();
        command.arg("-i").arg(file).args([
            "-f",
            "f32le",
            "-ac",
            "1",
            "-ar",
            &SAMPLE_RATE.to_string(),
            "pipe:1",
        ]);
        let bytes = self.run(command, None).await?;
        Ok(bytes
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect())
    }

    /// Runs `command` with `samples` (32-bit floats) on its standard input, answering its
    /// standard output; killed after [`TIMEOUT`].
    async fn run(
        &self,
        command: Command,
        samples: Option<Vec<f32>>,
    ) -> Result<Vec<u8>, EncoderError> {
        tokio::time::timeout(TIMEOUT, self.run_to_end(command, samples))
            .await
            .map_err(|_| {
                EncoderError::Failed(format!("no answer within {} s", TIMEOUT.as_secs()))
            })?
    }

    async fn run_to_end(
        &self,
        mut command: Command,
        samples: Option<Vec<f32>>,
    ) -> Result<Vec<u8>, EncoderError> {
        if samples.is_none() {
            command.stdin(Stdio::null());
        }
        let mut child = command
            .spawn()
            .map_err(|err| EncoderError::NotInstalled(err.to_string()))?;
        let stdin = child.stdin.take();
        let (Some(mut stdout), Some(mut stderr)) = (child.stdout.take(), child.stderr.take())
        else {
            return Err(EncoderError::Failed("no pipes".to_owned()));
        };
        // Written while the output is read, so that neither pipe fills and stalls the other.
        let write = async move {
            let (Some(mut stdin), Some(samples)) = (stdin, samples) else {
                return Ok(());
            };
            let mut bytes = Vec::with_capacity(CHUNK * 4);
            for chunk in samples.chunks(CHUNK) {
                bytes.clear();
                bytes.extend(chunk.iter().flat_map(|s| s.to_le_bytes()));
                stdin.write_all(&bytes).await?;
            }
            drop(stdin);
            Ok::<(), std::io::Error>(())
        };
        let mut output = Vec::new();
        let mut errors = Vec::new();
        let (written, read, _) = tokio::join!(
            write,
            stdout.read_to_end(&mut output),
            stderr.read_to_end(&mut errors)
        );
        let status = child.wait().await?;
        let errors = String::from_utf8_lossy(&errors).trim().to_owned();
        if !status.success() {
            return Err(EncoderError::Failed(if errors.is_empty() {
                status.to_string()
            } else {
                errors
            }));
        }
        written?;
        read?;
        Ok(output)
    }
}
