//! The dev sets as the scorer (`score_attribution.py`) writes them, read by `attribution_dev` and
//! `narrator_dev`: one JSON file per excerpt, with its text, characters and gold quotations.

use std::{fs, io, path::PathBuf};

use serde::Deserialize;

/// One excerpt.
#[derive(Deserialize)]
pub struct Gold {
    /// Its text.
    pub text: String,
    /// Its language (`"en"`, `"es"`); English when absent, as in LitBank.
    #[serde(default)]
    pub language: Option<String>,
    /// Its characters.
    pub characters: Vec<GoldCharacter>,
    /// Its quotations with their speakers.
    pub quotes: Vec<GoldQuote>,
}

/// A gold character.
#[derive(Deserialize)]
pub struct GoldCharacter {
    /// Its id, as quotations name it.
    pub id: String,
    /// Its name (`_`-prefixed for groups and the unknowable).
    pub name: String,
    /// Its other names.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A gold quotation (character offsets).
#[derive(Deserialize)]
pub struct GoldQuote {
    /// Its first character.
    pub start: usize,
    /// Past its last character.
    pub end: usize,
    /// The id of its speaker.
    pub speaker: String,
    /// The gold type (`explicit`, `anaphoric`, `implicit`), where the set gives one; only
    /// `attribution_dev` reports by it.
    #[serde(default, rename = "type")]
    #[allow(dead_code)]
    pub kind: Option<String>,
}

/// The excerpt files of the dev set in `dir`, in name order (its `manifest.json` left out).
pub fn gold_files(dir: &str) -> io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter(|p| p.file_name().is_some_and(|n| n != "manifest.json"))
        .collect();
    files.sort();
    Ok(files)
}
