//! The chapter as the rules see it: words (runs of letters and digits, lowercased once) and the
//! mentions of cast members among them, found by matching names and aliases word by word.

use std::{collections::HashMap, ops::Range};

use crate::text::{
    language::Language,
    lexicon::{self, ABBREVIATIONS},
};

/// A word of the chapter.
#[derive(Debug, Clone)]
pub(super) struct Token {
    /// Byte range in the chapter.
    pub(super) bytes: Range<usize>,
    /// The word in lowercase.
    pub(super) lower: String,
}

/// A cast member named in the chapter.
#[derive(Debug, Clone)]
pub(super) struct Mention {
    /// Token indices of the name.
    pub(super) tokens: Range<usize>,
    /// Byte range of the name.
    pub(super) bytes: Range<usize>,
    /// Who is named (an index into the speaker table).
    pub(super) who: usize,
    /// Whether the name is inside dialogue.
    pub(super) in_quote: bool,
}

/// The words and mentions of a chapter.
#[derive(Debug)]
pub(super) struct Doc<'a> {
    pub(super) text: &'a str,
    pub(super) language: Language,
    pub(super) tokens: Vec<Token>,
    /// Mentions in order.
    pub(super) mentions: Vec<Mention>,
    /// For each token, the mention starting at it.
    starts: HashMap<usize, usize>,
    /// For each token, the mention ending at it (its last token).
    ends: HashMap<usize, usize>,
    /// For each lowercase word of a cast name (titles and particles aside), who has it; a word
    /// two people share is kept with both.
    name_words: HashMap<String, Vec<usize>>,
}

/// Words of names that say nothing on their own about who is meant, besides honorifics and the
/// fillers of descriptive names ("old Cotter"): foreign particles and possessives.
const WEAK_NAME_WORDS: &[&str] = &["van", "von", "his", "her", "my", "our", "their", "your"];

/// Whether `word` is written in capitals: two letters or more, none lowercase.
fn is_capitals(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() > 1 && !word.chars().any(char::is_lowercase)
}

/// Whether `token` of `text` is written with a capital first letter.
pub(super) fn word_capitalised(text: &str, token: &Token) -> bool {
    text.get(token.bytes.clone())
        .is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// The words of `text`: maximal runs of letters and digits.
pub(super) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(from)) => {
                tokens.push(token(text, from..i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        tokens.push(token(text, from..text.len()));
    }
    tokens
}

fn token(text: &str, bytes: Range<usize>) -> Token {
    let lower = text.get(bytes.clone()).unwrap_or_default().to_lowercase();
    Token { bytes, lower }
}

/// A name to look for: its words and whose it is.
#[derive(Debug)]
struct Name {
    words: Vec<String>,
    who: usize,
}

impl<'a> Doc<'a> {
    /// Tokenises `text` and finds the mentions of `names` (pairs of a name and an index into the
    /// speaker table); longer names win over shorter ones at the same word.
    pub(super) fn new(text: &'a str, language: Language, names: &[(&str, usize)]) -> Self {
        let tokens = tokenize(text);
        let mut index: HashMap<String, Vec<Name>> = HashMap::new();
        for &(name, who) in names {
            let words: Vec<String> = tokenize(name)
                .into_iter()
                .filter_map(|t| name.get(t.bytes).map(str::to_owned))
                .collect();
            if let Some(first) = words.first() {
                index
                    .entry(first.to_lowercase())
                    .or_default()
                    .push(Name { words, who });
            }
        }
        for names in index.values_mut() {
            names.sort_by_key(|name| std::cmp::Reverse(name.words.len()));
        }
        let mut name_words: HashMap<String, Vec<usize>> = HashMap::new();
        for &(name, who) in names {
            for token in tokenize(name) {
                let word = token.lower;
                if word.chars().count() > 1
                    && !WEAK_NAME_WORDS.contains(&word.as_str())
                    && !lexicon::names_nobody(&word)
                {
                    let owners = name_words.entry(word).or_default();
                    if !owners.contains(&who) {
                        owners.push(who);
                    }
                }
            }
        }
        let mut doc = Self {
            text,
            language,
            tokens,
            mentions: Vec::new(),
            starts: HashMap::new(),
            ends: HashMap::new(),
            name_words,
        };
        doc.find_mentions(&index);
        doc
    }

    fn find_mentions(&mut self, index: &HashMap<String, Vec<Name>>) {
        let mut i = 0;
        while let Some(token) = self.tokens.get(i) {
            let found = index
                .get(&token.lower)
                .and_then(|names| names.iter().find(|name| self.matches(i, name)));
            let Some(name) = found else {
                i += 1;
                continue;
            };
            let end = i + name.words.len();
            let bytes = token.bytes.start..self.tokens[end - 1].bytes.end;
            self.starts.insert(i, self.mentions.len());
            self.ends.insert(end - 1, self.mentions.len());
            self.mentions.push(Mention {
                tokens: i..end,
                bytes,
                who: name.who,
                in_quote: false,
            });
            i = end;
        }
    }

    /// Whether `name` is written at token `at`. A one-word capitalised name must match its case
    /// ("Will" is not "will"); otherwise the first word may differ in case ("The Old Man"), a
    /// lowercase word of the name matches any case, and a name of several words matches when
    /// either side is in capitals ("JONATHAN HARKER" in the cast, "Jonathan Harker" in the text).
    fn matches(&self, at: usize, name: &Name) -> bool {
        let Some(tokens) = self.tokens.get(at..at + name.words.len()) else {
            return false;
        };
        let several = name.words.len() > 1;
        tokens
            .iter()
            .zip(&name.words)
            .enumerate()
            .all(|(k, (token, word))| {
                let written = self.text.get(token.bytes.clone()).unwrap_or_default();
                let lowercase_word = !word.chars().any(char::is_uppercase);
                let capitals = several && (is_capitals(word) || is_capitals(written));
                written == word
                    || ((lowercase_word || (k == 0 && several) || capitals)
                        && token.lower == word.to_lowercase())
            })
    }

    /// Marks the mentions inside any of `quotes` (byte ranges, in order).
    pub(super) fn mark_quoted(&mut self, quotes: &[Range<usize>]) {
        for mention in &mut self.mentions {
            let at = quotes.partition_point(|q| q.end <= mention.bytes.start);
            mention.in_quote = quotes
                .get(at)
                .is_some_and(|q| q.start <= mention.bytes.start);
        }
    }

    /// Token indices of the words inside `bytes`.
    pub(super) fn tokens_in(&self, bytes: &Range<usize>) -> Range<usize> {
        let start = self.tokens.partition_point(|t| t.bytes.start < bytes.start);
        let end = self.tokens.partition_point(|t| t.bytes.end <= bytes.end);
        start..end.max(start)
    }

    /// The mention starting at token `at`.
    pub(super) fn mention_starting(&self, at: usize) -> Option<&Mention> {
        self.starts.get(&at).and_then(|&m| self.mentions.get(m))
    }

    /// The mention whose last word is token `at`.
    pub(super) fn mention_ending(&self, at: usize) -> Option<&Mention> {
        self.ends.get(&at).and_then(|&m| self.mentions.get(m))
    }

    /// The one cast member with the word at token `at` in a name ("parson" in "Parson Tringham",
    /// "uncle" in "Uncle John"), if exactly one has it.
    pub(super) fn name_word_owner(&self, at: usize) -> Option<usize> {
        match self.name_words.get(self.word(at))?.as_slice() {
            [who] => Some(*who),
            _ => None,
        }
    }

    /// The lowercase word at token `at`, or "".
    pub(super) fn word(&self, at: usize) -> &str {
        self.tokens.get(at).map_or("", |t| t.lower.as_str())
    }

    /// The text between token `at` and the next one (to the end of the text after the last).
    pub(super) fn gap_after(&self, at: usize) -> &str {
        let Some(token) = self.tokens.get(at) else {
            return "";
        };
        let end = self
            .tokens
            .get(at + 1)
            .map_or(self.text.len(), |next| next.bytes.start);
        self.text.get(token.bytes.end..end).unwrap_or_default()
    }

    /// The text between the previous token and token `at` (from the start of the text for the first).
    pub(super) fn gap_before(&self, at: usize) -> &str {
        let Some(token) = self.tokens.get(at) else {
            return "";
        };
        let start = at
            .checked_sub(1)
            .and_then(|p| self.tokens.get(p))
            .map_or(0, |prev| prev.bytes.end);
        self.text.get(start..token.bytes.start).unwrap_or_default()
    }

    /// Whether a clause ends right after token `at`: a sentence or clause sign (not the period of
    /// an abbreviation such as "Mr.") or a quotation mark or dash.
    pub(super) fn clause_ends_after(&self, at: usize) -> bool {
        let gap = self.gap_after(at);
        if gap.contains(['!', '?', ';', ':', '“', '”', '"', '«', '»', '—', '–'])
            || gap.contains("--")
        {
            return true;
        }
        gap.contains('.') && !self.is_abbreviation(at)
    }

    fn is_abbreviation(&self, at: usize) -> bool {
        let word = self.word(at);
        let short = word.chars().count() == 1;
        short || ABBREVIATIONS.contains(&word)
    }
}
