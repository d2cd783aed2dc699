//! espeak-ng, the default engine: one process per clip, SSML on stdin and WAV on stdout, with a
//! time limit and a bound on how many run at once.

use std::{process::Stdio, time::Duration};

use app::error::SpeechFailure;
use async_trait::async_trait;
use shared::{Voice, VoiceEngine};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    process::Command,
    sync::{OnceCell, Semaphore},
};

use super::{wav, Audio, EngineIdentity, SpeechEngine};

/// How long one clip may take (1,000 characters take about 60 ms).
const TIMEOUT: Duration = Duration::from_secs(30);

/// espeak-ng run as a program.
pub struct Espeak {
    program: String,
    processes: Semaphore,
    version: OnceCell<String>,
}

impl Espeak {
    /// `program` (a name on `PATH` or a path), at most `max_processes` at once.
    pub fn new(program: &str, max_processes: usize) -> Self {
        Self {
            program: program.to_owned(),
            processes: Semaphore::new(max_processes.max(1)),
            version: OnceCell::new(),
        }
    }

    fn command(&self) -> Command {
        let mut command = Command::new(&self.program);
        command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        command
    }
}

fn not_started(err: &std::io::Error) -> SpeechFailure {
    if err.kind() == std::io::ErrorKind::NotFound {
        SpeechFailure::NotInstalled
    } else {
        tracing::warn!(error = %err, "espeak-ng could not be started");
        SpeechFailure::Crashed
    }
}

/// Whether espeak-ng can take `id` as its `-v` argument as a voice name, never as an option.
fn plausible_voice(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+' | '/' | '.'))
        && !id.contains("..")
}

#[async_trait]
impl SpeechEngine for Espeak {
    fn engine(&self) -> VoiceEngine {
        VoiceEngine::Espeak
    }

    async fn identity(&self) -> Result<EngineIdentity, SpeechFailure> {
        let version = self
            .version
            .get_or_try_init(|| async {
                let output = self
                    .command()
                    .arg("--version")
                    .stdin(Stdio::null())
                    .output()
                    .await
                    .map_err(|err| not_started(&err))?;
                let text = String::from_utf8_lossy(&output.stdout);
                // "eSpeak NG text-to-speech: 1.51  Data at: …"
                Ok::<_, SpeechFailure>(
                    text.split("Data at")
                        .next()
                        .unwrap_or_default()
                        .trim()
                        .to_owned(),
                )
            })
            .await?;
        Ok(EngineIdentity {
            version: version.clone(),
            format: "wav".to_owned(),
        })
    }

    #[tracing::instrument(skip_all, fields(voice = %voice.voice_id, bytes = document.len()))]
    async fn synthesize(&self, voice: &Voice, document: &str) -> Result<Audio, SpeechFailure> {
        if !plausible_voice(&voice.voice_id) {
            return Err(SpeechFailure::UnknownVoice {
                voice: voice.voice_id.clone(),
            });
        }
        let _permit = self
            .processes
            .acquire()
            .await
            .map_err(|_| SpeechFailure::Crashed)?;
        let mut child = self
            .command()
            .args(["-v", &voice.voice_id, "-m", "--stdin", "--stdout"])
            .spawn()
            .map_err(|err| not_started(&err))?;
        let run = async {
            let mut stdin = child.stdin.take().ok_or(SpeechFailure::Crashed)?;
            let mut stdout = child.stdout.take().ok_or(SpeechFailure::Crashed)?;
            let mut stderr = child.stderr.take().ok_or(SpeechFailure::Crashed)?;
            let document = document.as_bytes().to_vec();
            // Written while the output is read, so a long clip cannot fill a pipe and stall both.
            let write = async move {
                let written = stdin.write_all(&document).await;
                drop(stdin);
                written
            };
            let mut audio = Vec::new();
            let mut errors = Vec::new();
            let (written, read, _) = tokio::join!(
                write,
                stdout.read_to_end(&mut audio),
                stderr.read_to_end(&mut errors)
            );
            let status = child.wait().await;
            Ok::<_, SpeechFailure>((written, read, status, audio, errors))
        };
        let (written, read, status, mut audio, errors) = tokio::time::timeout(TIMEOUT, run)
            .await
            .map_err(|_| SpeechFailure::TimedOut {
                seconds: TIMEOUT.as_secs(),
            })??;
        let errors = String::from_utf8_lossy(&errors);
        if errors.contains("voice does not exist") {
            return Err(SpeechFailure::UnknownVoice {
                voice: voice.voice_id.clone(),
            });
        }
        if written.is_err() || read.is_err() || !status.is_ok_and(|s| s.success()) {
            tracing::warn!(stderr = %errors.trim(), "espeak-ng failed");
            return Err(SpeechFailure::Crashed);
        }
        wav::fix_streamed_header(&mut audio).map_err(|_| SpeechFailure::BadAudio)?;
        let seconds = wav::check(&audio).map_err(|_| SpeechFailure::BadAudio)?;
        Ok(Audio {
            bytes: audio,
            seconds,
        })
    }
}

#[cfg(test)]
mod tests {
    use shared::{
        pronunciation::{Entry, PronunciationMap},
        speech::{render, Dialect, Pronouncer, Utterance},
        EngineLimits, Language,
    };

    use super::*;

    /// What espeak-ng says for the document of `text` with `map`, as its phoneme mnemonics.
    async fn phonemes(text: &str, map: &PronunciationMap) -> String {
        let voice = Voice::default_for(Language::En);
        let rendering = render(
            Utterance {
                text,
                voice: &voice,
                language: Language::En,
            },
            Dialect::Espeak,
            &Pronouncer::new(map, "en"),
            &EngineLimits::default(),
        )
        .unwrap();
        let mut child = Command::new("espeak-ng")
            .args(["-v", "en", "-m", "-q", "-x", "--stdin"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(rendering.document.as_bytes())
            .await
            .unwrap();
        drop(stdin);
        let output = child.wait_with_output().await.unwrap();
        String::from_utf8(output.stdout).unwrap()
    }

    #[tokio::test]
    async fn a_phoneme_entry_changes_what_espeak_ng_says() {
        let mut entry = Entry::new("Sherlock", "ˈʃɜːlɒk", "en");
        entry.espeak = Some("tS'3:lQk".into());
        let map = PronunciationMap::new(vec![entry]).unwrap();

        let plain = phonemes("Sherlock smiled.", &PronunciationMap::default()).await;
        let said = phonemes("Sherlock smiled.", &map).await;

        assert!(!plain.contains("tS'3:lQk"), "{plain}");
        assert!(said.contains("tS'3:lQk"), "{said}");
        // Book text in double brackets is read, never taken as phonemes.
        let bracketed = phonemes("He wrote [[tS'erlok]].", &PronunciationMap::default()).await;
        assert!(!bracketed.contains("tS'erlok"), "{bracketed}");
    }

    #[tokio::test]
    async fn a_clip_is_a_whole_wav_and_a_missing_voice_is_named() {
        let espeak = Espeak::new("espeak-ng", 2);
        let voice = Voice::default_for(Language::En);
        let document = r#"<speak version="1.0" xml:lang="en">Hello there.</speak>"#;
        let audio = espeak.synthesize(&voice, document).await.unwrap();
        let reader = hound::WavReader::new(std::io::Cursor::new(audio.bytes)).unwrap();
        let seconds = f64::from(reader.duration()) / f64::from(reader.spec().sample_rate);
        assert!((seconds - audio.seconds).abs() < 0.001);

        let nosuch = Voice {
            voice_id: "xx-nosuch".into(),
            ..voice.clone()
        };
        assert_eq!(
            espeak.synthesize(&nosuch, document).await.unwrap_err(),
            SpeechFailure::UnknownVoice {
                voice: "xx-nosuch".into()
            }
        );
        let absent = Espeak::new("/nonexistent/espeak-ng", 1);
        assert_eq!(absent.identity().await, Err(SpeechFailure::NotInstalled));
        assert_eq!(
            absent.synthesize(&voice, document).await.unwrap_err(),
            SpeechFailure::NotInstalled
        );
    }

    #[test]
    fn voice_names_cannot_pass_as_options_or_paths() {
        for ok in ["en-gb", "es+f3", "sit/yue-Latn-jyutping", "en-gb-x-rp"] {
            assert!(plausible_voice(ok), "{ok}");
        }
        for bad in [
            "",
            "--path=/tmp",
            "-w",
            "../../etc/passwd",
            "en gb",
            "voz;rm",
        ] {
            assert!(!plausible_voice(bad), "{bad}");
        }
    }
}
