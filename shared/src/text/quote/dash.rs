//! Spanish dash speech: a paragraph opening with a dash is speech, minus the narrator's incisos
//! (`—dijo él—`) and English tags written inside it without dashes; incisos are also cut out of
//! marked quotations.

use super::quotation::{Quotation, QuoteMark};
use crate::text::{language::Language, lexicon::is_speech_verb};

/// Cuts the narrator's incisos (`«Texto —pensó Augusto—; más»`) out of marked quotations. An
/// inciso opens with a dash after whitespace and before a lowercase letter, and must close with
/// another dash inside the same quotation; English dashes (`I—I`, `well — then`) do not match.
pub(super) fn split_incisos(paragraph: &str, spans: Vec<Quotation>) -> Vec<Quotation> {
    let mut out = Vec::with_capacity(spans.len());
    for quotation in spans {
        let mut start = quotation.bytes.start;
        let end = quotation.bytes.end;
        while let Some((open, resume)) = find_inciso(paragraph, start, end) {
            let piece_end = start + paragraph[start..open].trim_end().len();
            if piece_end > start {
                out.push(Quotation {
                    bytes: start..piece_end,
                    mark: quotation.mark,
                    closed: true,
                });
            }
            start = resume;
        }
        if start < end {
            out.push(Quotation {
                bytes: start..end,
                mark: quotation.mark,
                closed: quotation.closed,
            });
        }
    }
    out
}

/// The first inciso in `paragraph[start..end]`: the byte of its opening dash and the byte where
/// the quotation resumes after it.
fn find_inciso(paragraph: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let body = paragraph.get(start..end)?;
    let mut prev = None;
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let opens = matches!(c, '—' | '–')
            && prev.is_some_and(char::is_whitespace)
            && next.is_some_and(char::is_lowercase);
        prev = Some(c);
        if !opens {
            continue;
        }
        let after = i + c.len_utf8();
        let close = closing_dash(&body[after..])?;
        let resume = resume_after(body, after + close);
        return (resume < body.len()).then_some((start + i, start + resume));
    }
    None
}

/// The byte offset in `rest` of the dash that closes an inciso: after a non-space.
fn closing_dash(rest: &str) -> Option<usize> {
    let mut prev = None;
    for (i, c) in rest.char_indices() {
        if matches!(c, '—' | '–') && prev.is_some_and(|p: char| !p.is_whitespace()) {
            return Some(i);
        }
        if matches!(c, '»' | '”' | '"') {
            return None;
        }
        prev = Some(c);
    }
    None
}

/// Where speech resumes after the dash at byte `dash` of `body`: past the dash, the punctuation
/// that belongs to the inciso (`—dijo—, …`) and whitespace.
fn resume_after(body: &str, dash: usize) -> usize {
    let Some(rest) = body.get(dash..) else {
        return body.len();
    };
    let mut chars = rest.chars();
    chars.next();
    let kept = chars
        .as_str()
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':'));
    body.len() - kept.len()
}

/// Spanish dialogue: a paragraph that opens with a dash is speech, minus the narrator's incisos.
pub(super) fn dialogue_spans(paragraph: &str) -> Vec<Quotation> {
    let body = paragraph.trim_start();
    let lead = paragraph.len() - body.len();
    let mut chars = body.char_indices().peekable();
    // The opening dash, or a run of them (`-—`, an OCR slip): hyphens stand for raya only
    // when no true dash is among them.
    let opening: Vec<char> = body.chars().take_while(|&c| is_dash_char(c)).collect();
    if opening.is_empty() {
        return Vec::new();
    }
    let hyphens = opening.iter().all(|&c| c == '-');
    for _ in &opening {
        chars.next();
    }
    let mut spans = Vec::new();
    // Where the current stretch of speech started; `None` inside an inciso.
    let mut speech = Some(lead);
    // The end of an inline tag being skipped.
    let mut skip_until = 0;
    let mut prev = '-';
    // Where a run of dashes (`-—`, `--`, an OCR slip or a typed dash) started: it counts as one.
    let mut run_start = None;
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if lead + i < skip_until {
            prev = c;
            continue;
        }
        if is_dash_char(c) && next.is_some_and(is_dash_char) {
            run_start.get_or_insert(lead + i);
            continue;
        }
        let cut = run_start.take().unwrap_or(lead + i);
        let after = lead + i + c.len_utf8();
        if let (Some(start), true) = (speech, matches!(c, ',' | '!' | '?' | '.')) {
            if let Some(len) = inline_tag_len(&paragraph[after..]) {
                spans.push(start..after);
                skip_until = after + len;
                let rest = &paragraph[skip_until..];
                speech = Some(paragraph.len() - rest.trim_start().len());
                prev = c;
                continue;
            }
        }
        // Unspaced raya: `—¡Ya!—exclamó Pedro.—…`, `-Claro-dijo ella`: a dash glued to the
        // speech opens an inciso when a speech verb follows it.
        let glued_tag = speech.is_some()
            && !prev.is_whitespace()
            && is_dash_char(c)
            && tag_follows(&paragraph[after..]);
        // A bullet inside an inciso is an OCR slip for its closing dash (`—dijo ella ;• tienes`).
        let slip = speech.is_none() && c == '•';
        // The last dash of a run stands for the run.
        let dash = if cut < lead + i { '—' } else { c };
        if glued_tag || slip || is_dash(prev, dash, next, hyphens) {
            match speech {
                Some(start) if prev.is_whitespace() || glued_tag => {
                    let end = paragraph[..cut].trim_end().len();
                    spans.push(start..end);
                    speech = None;
                }
                None => {
                    speech = Some(resume_after(paragraph, lead + i));
                }
                Some(_) => {}
            }
        }
        prev = c;
    }
    if let Some(start) = speech {
        spans.push(start..paragraph.trim_end().len());
    }
    spans
        .into_iter()
        .filter(|span| span.start < span.end)
        .map(|bytes| Quotation {
            bytes,
            mark: QuoteMark::Dash,
            closed: true,
        })
        .collect()
}

/// Words that, right after a speech verb, show reported speech rather than a tag ("she said it
/// was fine").
const REPORTED: &[&str] = &[
    "that",
    "it",
    "you",
    "me",
    "him",
    "her",
    "them",
    "us",
    "so",
    "what",
    "how",
    "nothing",
    "something",
    "this",
    "if",
    "whether",
];

/// The length of an English tag written inside dash speech without dashes (`—Back to barracks! he
/// said sternly.`), when `rest` (the text after a sign ending a stretch of speech) opens with one:
/// a few words holding a speech verb with a capitalised or pronoun subject, up to the next sign.
fn inline_tag_len(rest: &str) -> Option<usize> {
    let body = rest.trim_start();
    let lead = rest.len() - body.len();
    if lead == 0 {
        return None;
    }
    let end = body
        .find([',', '.', ';', ':', '!', '?', '—', '–'])
        .unwrap_or(body.len());
    let words: Vec<&str> = body[..end].split_whitespace().collect();
    if words.is_empty() || words.len() > 8 {
        return None;
    }
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let verb = lower
        .iter()
        .take(4)
        .position(|w| is_speech_verb(w, Language::En))?;
    let capitalised = |w: &&str| w.starts_with(char::is_uppercase);
    let pronoun = |w: &str| matches!(w, "he" | "she" | "they" | "we");
    let after = &lower[verb + 1..];
    let subject = if verb == 0 {
        words
            .get(1)
            .is_some_and(|w| capitalised(w) || pronoun(&w.to_lowercase()))
            && after.len() <= 3
    } else {
        let before = &words[..verb];
        (before.iter().all(capitalised) || (verb == 1 && pronoun(&lower[0])))
            && after.len() <= 4
            && after
                .first()
                .is_none_or(|w| !REPORTED.contains(&w.as_str()))
    };
    let sign = body[end..].chars().next().map_or(0, char::len_utf8);
    subject.then_some(lead + end + sign)
}

fn is_dash_char(c: char) -> bool {
    matches!(c, '-' | '—' | '–')
}

/// Whether `rest`, the text right after a dash glued to speech, opens a narrator's tag: a
/// lowercase word, and a Spanish or English speech verb among its first three words (`—dijo`,
/// `—le contestó`, `—exclamó`).
fn tag_follows(rest: &str) -> bool {
    if !rest.starts_with(char::is_lowercase) {
        return false;
    }
    rest.split_whitespace().take(3).any(|word| {
        let word = word
            .trim_matches(|c: char| !c.is_alphabetic())
            .to_lowercase();
        is_speech_verb(&word, Language::Es) || is_speech_verb(&word, Language::En)
    })
}

/// Whether `c` is a dialogue dash. With hyphens, only a `-` that opens an inciso (after a space,
/// before a word) or closes one (after a word, before a space or a sign) counts, so hyphenated
/// words such as "claro-oscuro" do not.
fn is_dash(prev: char, c: char, next: Option<char>, hyphens: bool) -> bool {
    if !hyphens {
        return matches!(c, '—' | '–');
    }
    if !is_dash_char(c) {
        return false;
    }
    // `—dijo ella sonriendo,-tienes razón`: punctuation glued to the dash ends the inciso.
    if matches!(prev, ',' | '.' | ';' | ':') {
        return true;
    }
    let opens = prev.is_whitespace()
        && next.is_some_and(|n| n.is_alphabetic() || matches!(n, '¿' | '¡' | '«' | '“' | '"'));
    let closes = !prev.is_whitespace()
        && prev != '-'
        && next.is_none_or(|n| n.is_whitespace() || (!n.is_alphanumeric() && n != '-'));
    opens || closes
}
