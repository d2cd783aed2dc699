//! A PDF's text layer, read by `pdftotext` from Debian's `poppler-utils`: poppler is the reference
//! free PDF text extractor (reading order, fonts' Unicode maps, ligatures, encrypted files), kept
//! up by the distribution, and installs from the registries this project may use; the Rust PDF
//! crates read text in content-stream order and miss fonts' Unicode maps on many real files.
//!
//! The PDF goes in on stdin and its lines with their boxes (`-bbox-layout` XHTML, UTF-8) come out
//! on stdout; a reader that runs past its deadline is killed.

use std::{
    io::{Read, Write},
    process::{Command, Stdio},
    thread,
    time::{Duration, Instant},
};

use crate::import::{ImportError, TextLayer};

/// `pdftotext` as the import's [`TextLayer`].
#[derive(Debug, Clone)]
pub struct Pdftotext {
    /// The program to run.
    pub program: String,
    /// How long one PDF may take.
    pub deadline: Duration,
}

impl Default for Pdftotext {
    fn default() -> Self {
        Self {
            program: "pdftotext".to_owned(),
            deadline: Duration::from_secs(120),
        }
    }
}

impl TextLayer for Pdftotext {
    fn read(&self, pdf: &[u8]) -> Result<String, ImportError> {
        let mut child = Command::new(&self.program)
            .args(["-bbox-layout", "-enc", "UTF-8", "-", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|error| match error.kind() {
                std::io::ErrorKind::NotFound => ImportError::NoPdfReader,
                _ => ImportError::Malformed(format!("pdftotext: {error}")),
            })?;
        let (Some(mut stdin), Some(mut stdout), Some(mut stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            return Err(ImportError::Malformed("pdftotext: no pipes".to_owned()));
        };
        // Writing and reading in threads of their own: neither pipe can fill up and block.
        let input = pdf.to_vec();
        let writer = thread::spawn(move || stdin.write_all(&input));
        let reader = thread::spawn(move || {
            let mut text = Vec::new();
            stdout.read_to_end(&mut text).map(|_| text)
        });
        let errors = thread::spawn(move || {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text);
            text
        });
        let started = Instant::now();
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) if started.elapsed() > self.deadline => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(ImportError::Malformed(format!(
                        "pdftotext: still reading after {} s",
                        self.deadline.as_secs()
                    )));
                }
                Ok(None) => thread::sleep(Duration::from_millis(5)),
                Err(error) => return Err(ImportError::Malformed(format!("pdftotext: {error}"))),
            }
        };
        // A reader that stopped early closes its stdin: that write error says nothing new.
        let _ = writer.join();
        let text = reader.join().ok().and_then(Result::ok).unwrap_or_default();
        let errors = errors.join().unwrap_or_default();
        if status.success() {
            return Ok(String::from_utf8_lossy(&text).into_owned());
        }
        if errors.contains("Incorrect password") {
            return Err(ImportError::PasswordProtected);
        }
        let detail = errors
            .lines()
            .rev()
            .find(|line| !line.trim().is_empty())
            .unwrap_or("unreadable");
        Err(ImportError::Malformed(format!("pdftotext: {detail}")))
    }
}
