//! Unit tests of the LLM engine's pure parts: chunking, prompt and schema, reading replies,
//! retry delays, the rate limiter and the client's parsing. The HTTP behaviour is tested against
//! a stub server in `server/tests/api/llm_engine.rs`.

use std::{
    ops::Range,
    time::{Duration, Instant},
};

use proptest::prelude::*;
use shared::{text::language::Gender, Cast, Character, CharacterId, Language};

use super::{
    anchor_spans,
    answer::{read_reply, Verdict},
    chunk::{estimate_tokens, plan_chunks, ChunkSizes},
    client::{ChatReply, RetryPolicy},
    limiter::RateLimiter,
    prompt::Prompt,
    TokenUsage, Unresolved,
};
use app::model::ProjectId;

/// Paragraph ranges for paragraphs of the given lengths, separated by blank lines.
fn paragraphs_of(lengths: &[usize]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    for &len in lengths {
        out.push(at..at + len);
        at += len + 2;
    }
    out
}

fn cast() -> Cast {
    let mut holmes = Character::named("Sherlock Holmes", Language::En).unwrap();
    holmes.id = CharacterId("holmes".to_owned());
    holmes.aliases = vec!["Holmes".to_owned(), "Mr. Holmes".to_owned()];
    holmes.gender = Gender::Male;
    let mut watson = Character::named("John Watson", Language::En).unwrap();
    watson.id = CharacterId("watson".to_owned());
    watson.aliases = vec!["Watson".to_owned()];
    watson.gender = Gender::Male;
    Cast::new(vec![Character::narrator(Language::En), holmes, watson]).unwrap()
}

fn tokens(paragraphs: &[Range<usize>], range: Range<usize>) -> usize {
    paragraphs[range]
        .iter()
        .map(|p| estimate_tokens(p.len()))
        .sum()
}

/// Checks the chunk plan's promises for any input.
fn check_plan(lengths: &[usize], quote_paragraphs: &[usize], sizes: &ChunkSizes) {
    let paragraphs = paragraphs_of(lengths);
    let chunks = plan_chunks(&paragraphs, quote_paragraphs, sizes);
    if paragraphs.is_empty() {
        assert!(chunks.is_empty());
        return;
    }
    assert_eq!(chunks.first().unwrap().paragraphs.start, 0);
    assert_eq!(chunks.last().unwrap().paragraphs.end, paragraphs.len());
    for chunk in &chunks {
        assert!(!chunk.paragraphs.is_empty());
        // Boundaries are paragraph boundaries.
        assert_eq!(chunk.chars.start, paragraphs[chunk.paragraphs.start].start);
        assert_eq!(chunk.chars.end, paragraphs[chunk.paragraphs.end - 1].end);
        // Within the limits unless a single paragraph exceeds them.
        if chunk.paragraphs.len() > 1 {
            assert!(tokens(&paragraphs, chunk.paragraphs.clone()) <= sizes.max_tokens);
            assert!(chunk.quotes.len() <= sizes.max_quotes);
        }
        for &q in &chunk.decides {
            assert!(
                chunk.quotes.contains(&q),
                "a chunk decides only its own quotes"
            );
        }
    }
    for pair in chunks.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(
            b.paragraphs.start > a.paragraphs.start,
            "chunks move forward"
        );
        assert!(b.paragraphs.end > a.paragraphs.end, "each chunk adds text");
        assert!(
            b.paragraphs.start <= a.paragraphs.end,
            "no paragraph is skipped"
        );
        if b.paragraphs.start < a.paragraphs.end {
            assert!(
                tokens(&paragraphs, b.paragraphs.start..a.paragraphs.end) <= sizes.overlap_tokens
            );
        }
    }
    let mut decided: Vec<usize> = chunks.iter().flat_map(|c| c.decides.clone()).collect();
    decided.sort_unstable();
    assert_eq!(
        decided,
        (0..quote_paragraphs.len()).collect::<Vec<_>>(),
        "each quote decided once"
    );
}

#[test]
fn a_long_chapter_makes_several_overlapping_chunks_cut_at_paragraphs() {
    // 60 paragraphs of 100 tokens, a quotation in every other one.
    let lengths = vec![400; 60];
    let quotes: Vec<usize> = (0..60).step_by(2).collect();
    let sizes = ChunkSizes {
        max_tokens: 1_000,
        overlap_tokens: 250,
        max_quotes: 80,
    };
    let paragraphs = paragraphs_of(&lengths);
    let chunks = plan_chunks(&paragraphs, &quotes, &sizes);
    assert!(chunks.len() >= 7, "{} chunks", chunks.len());
    // 10 paragraphs per chunk, the last 2 shared with the next one.
    assert_eq!(chunks[0].paragraphs, 0..10);
    assert_eq!(chunks[1].paragraphs, 8..18);
    check_plan(&lengths, &quotes, &sizes);
    // A quotation in the middle of chunk 1 only is chunk 1's; the first and last are decided by
    // the first and last chunks.
    let owner = |q: usize| chunks.iter().position(|c| c.decides.contains(&q)).unwrap();
    assert_eq!(owner(quotes.iter().position(|&p| p == 12).unwrap()), 1);
    assert_eq!(owner(0), 0);
    assert_eq!(owner(quotes.len() - 1), chunks.len() - 1);
}

#[test]
fn quotations_in_an_overlap_go_to_the_chunk_where_they_are_most_central() {
    // Paragraphs of 100 tokens; chunk 0 = 0..10, chunk 1 = 6..16 with overlap 400.
    let lengths = vec![400; 16];
    let quotes = vec![6, 7, 8, 9];
    let sizes = ChunkSizes {
        max_tokens: 1_000,
        overlap_tokens: 400,
        max_quotes: 80,
    };
    let chunks = plan_chunks(&paragraphs_of(&lengths), &quotes, &sizes);
    assert_eq!(chunks[0].paragraphs, 0..10);
    assert_eq!(chunks[1].paragraphs, 6..16);
    // Paragraph 6: 300 tokens after it in chunk 0, none before it in chunk 1 → chunk 0.
    // Paragraph 9: none after it in chunk 0, 300 before it in chunk 1 → chunk 1.
    assert_eq!(chunks[0].decides, vec![0, 1]);
    assert_eq!(chunks[1].decides, vec![2, 3]);
}

#[test]
fn a_paragraph_longer_than_a_chunk_is_a_chunk_of_its_own() {
    let lengths = [400, 40_000, 400, 400];
    let quotes = [0, 1, 1, 3];
    let sizes = ChunkSizes {
        max_tokens: 1_000,
        overlap_tokens: 250,
        max_quotes: 80,
    };
    let chunks = plan_chunks(&paragraphs_of(&lengths), &quotes, &sizes);
    assert!(chunks.iter().any(|c| c.paragraphs == (1..2)));
    check_plan(&lengths, &quotes, &sizes);
}

#[test]
fn the_quote_limit_cuts_chunks_of_rapid_dialogue() {
    let lengths = vec![40; 50];
    let quotes: Vec<usize> = (0..50).collect();
    let sizes = ChunkSizes {
        max_tokens: 4_000,
        overlap_tokens: 1_000,
        max_quotes: 10,
    };
    let chunks = plan_chunks(&paragraphs_of(&lengths), &quotes, &sizes);
    // 10 quotations per chunk, 2 of them shared with the next: 0..10, 8..18, ..., 40..50.
    assert_eq!(chunks.len(), 6);
    assert_eq!(chunks[1].paragraphs, 8..18);
    assert!(chunks.iter().all(|c| c.quotes.len() <= 10));
    check_plan(&lengths, &quotes, &sizes);
}

#[test]
fn a_short_chapter_is_one_chunk_and_an_empty_one_none() {
    let chunks = plan_chunks(&paragraphs_of(&[100, 100]), &[0, 1], &ChunkSizes::default());
    assert_eq!(chunks.len(), 1);
    assert_eq!(chunks[0].decides, vec![0, 1]);
    assert!(plan_chunks(&[], &[], &ChunkSizes::default()).is_empty());
}

proptest! {
    #[test]
    fn any_chapter_is_covered_and_each_quote_decided_once(
        lengths in prop::collection::vec(1usize..3_000, 0..80),
        quote_seed in prop::collection::vec(0usize..1_000, 0..120),
        max_tokens in 50usize..1_500,
        overlap in 0usize..600,
        max_quotes in 1usize..20,
    ) {
        let mut quotes: Vec<usize> = if lengths.is_empty() {
            Vec::new()
        } else {
            quote_seed.iter().map(|s| s % lengths.len()).collect()
        };
        quotes.sort_unstable();
        let sizes = ChunkSizes { max_tokens, overlap_tokens: overlap, max_quotes };
        check_plan(&lengths, &quotes, &sizes);
    }
}

const TEXT: &str = "“Where to?” asked Watson.\n\n\
“To Baker Street,” said Holmes. “Now — ¿qué?”\n\n\
The cab rolled on.\n\n\
“You know my methods,” said he.";

#[test]
fn the_prompt_marks_quotations_lists_the_cast_and_the_known_speakers() {
    let cast = cast();
    let spans = shared::text::dialogue::detect(TEXT);
    let paragraphs = shared::text::dialogue::paragraphs(TEXT);
    assert_eq!(spans.len(), 4);
    let prompt = Prompt::new(TEXT, &paragraphs, &spans, &cast, Language::En);
    let chunks = plan_chunks(
        &paragraphs,
        &spans.iter().map(|s| s.paragraph).collect::<Vec<_>>(),
        &ChunkSizes::default(),
    );
    let holmes = CharacterId("holmes".to_owned());
    let built = prompt.chunk(&chunks[0], &[1, 2], &[(0, &holmes)]);
    assert_eq!(built.labels, vec!["Q02", "Q03"]);
    assert!(
        built.user.contains("|Q01|“Where to?”|/Q01| asked Watson."),
        "{}",
        built.user
    );
    assert!(
        built.user.contains("|Q03|“Now — ¿qué?”|/Q03|"),
        "{}",
        built.user
    );
    assert!(built
        .user
        .contains("- holmes: Sherlock Holmes; also called Holmes, Mr. Holmes; male"));
    assert!(built.user.contains("- Q01: holmes"));
    assert!(built
        .user
        .contains("Not to answer here (decided with another part of the text): Q04"));
    assert!(built.user.contains("Answer: Q02, Q03"));
    assert_eq!(built.schema["required"], serde_json::json!(["Q02", "Q03"]));
    assert_eq!(
        built.schema["additionalProperties"],
        serde_json::json!(false)
    );
    assert_eq!(
        built.schema["$defs"]["speaker"]["enum"],
        serde_json::json!(["narrator", "holmes", "watson", "unresolved"])
    );
    assert_eq!(built.schema["properties"]["Q02"]["$ref"], "#/$defs/speaker");
    assert_eq!(built.unresolved, "unresolved");
}

#[test]
fn a_cast_member_called_unresolved_moves_the_sentinel() {
    let mut odd = Character::named("Unresolved", Language::En).unwrap();
    odd.aliases.clear();
    let cast = Cast::new(vec![Character::narrator(Language::En), odd]).unwrap();
    let spans = shared::text::dialogue::detect(TEXT);
    let paragraphs = shared::text::dialogue::paragraphs(TEXT);
    let prompt = Prompt::new(TEXT, &paragraphs, &spans, &cast, Language::En);
    let chunks = plan_chunks(&paragraphs, &[0, 1, 1, 3], &ChunkSizes::default());
    let built = prompt.chunk(&chunks[0], &[0], &[]);
    assert_eq!(built.unresolved, "_unresolved");
    assert_eq!(
        built.schema["$defs"]["speaker"]["enum"],
        serde_json::json!(["narrator", "unresolved", "_unresolved"])
    );
}

fn reply(content: &str, finish: &str) -> ChatReply {
    ChatReply {
        content: Some(content.to_owned()),
        refusal: None,
        finish_reason: Some(finish.to_owned()),
        usage: TokenUsage {
            prompt_tokens: 100,
            completion_tokens: 20,
            requests: 0,
        },
    }
}

fn labels(n: usize) -> Vec<String> {
    (1..=n).map(|i| format!("Q{i:02}")).collect()
}

#[test]
fn a_good_reply_gives_cast_ids_and_unresolved() {
    let read = read_reply(
        &reply(
            r#"{"Q01": "watson", "Q02": "holmes", "Q03": "unresolved"}"#,
            "stop",
        ),
        &[0, 1, 2],
        &labels(3),
        &cast(),
        "unresolved",
    );
    assert_eq!(
        read.verdicts,
        vec![
            (0, Verdict::Speaker(CharacterId("watson".to_owned()))),
            (1, Verdict::Speaker(CharacterId("holmes".to_owned()))),
            (2, Verdict::Unresolved(Unresolved::ModelUnsure)),
        ]
    );
    assert!(read.issues.is_empty());
}

#[test]
fn a_fenced_reply_is_read() {
    let read = read_reply(
        &reply("```json\n{\"Q01\": \"holmes\"}\n```", "stop"),
        &[0],
        &labels(1),
        &cast(),
        "unresolved",
    );
    assert_eq!(
        read.verdicts,
        vec![(0, Verdict::Speaker(CharacterId("holmes".to_owned())))]
    );
}

#[test]
fn unknown_ids_names_and_missing_answers_are_unresolved() {
    let read = read_reply(
        &reply(
            r#"{"Q01": "moriarty", "Q02": "Sherlock Holmes", "Q04": 7, "Q09": "holmes"}"#,
            "stop",
        ),
        &[0, 1, 2, 3],
        &labels(4),
        &cast(),
        "unresolved",
    );
    let verdicts: Vec<Verdict> = read.verdicts.into_iter().map(|(_, v)| v).collect();
    assert_eq!(
        verdicts,
        vec![
            Verdict::Unresolved(Unresolved::UnknownId {
                answered: "moriarty".to_owned()
            }),
            Verdict::Unresolved(Unresolved::UnknownId {
                answered: "Sherlock Holmes".to_owned()
            }),
            Verdict::Unresolved(Unresolved::NotAnswered),
            Verdict::Unresolved(Unresolved::NotAnswered),
        ]
    );
    assert_eq!(read.issues.len(), 4);
}

#[test]
fn a_cut_off_reply_is_discarded_even_when_it_parses() {
    for content in [
        r#"{"Q01": "holmes", "Q02": "wat"#,
        r#"{"Q01": "holmes", "Q02": "watson"}"#,
    ] {
        let read = read_reply(
            &reply(content, "length"),
            &[0, 1],
            &labels(2),
            &cast(),
            "unresolved",
        );
        assert!(read
            .verdicts
            .iter()
            .all(|(_, v)| *v == Verdict::Unresolved(Unresolved::CutOff)));
        assert_eq!(read.issues.len(), 1);
        assert_eq!(read.issues[0].0, Unresolved::CutOff);
    }
}

#[test]
fn non_json_a_json_array_and_a_refusal_leave_the_chunk_unresolved() {
    for (content, why) in [
        ("Holmes says the first line.", Unresolved::NotJson),
        (r#"["holmes", "watson"]"#, Unresolved::NotJson),
        ("", Unresolved::NotJson),
    ] {
        let read = read_reply(
            &reply(content, "stop"),
            &[0, 1],
            &labels(2),
            &cast(),
            "unresolved",
        );
        assert!(
            read.verdicts
                .iter()
                .all(|(_, v)| *v == Verdict::Unresolved(why.clone())),
            "{content}"
        );
    }
    let mut refused = reply("", "stop");
    refused.refusal = Some("I can't help with that.".to_owned());
    let read = read_reply(&refused, &[0], &labels(1), &cast(), "unresolved");
    assert_eq!(
        read.verdicts,
        vec![(0, Verdict::Unresolved(Unresolved::Refused))]
    );
    let filtered = reply(r#"{"Q01": "holmes"}"#, "content_filter");
    let read = read_reply(&filtered, &[0], &labels(1), &cast(), "unresolved");
    assert_eq!(
        read.verdicts,
        vec![(0, Verdict::Unresolved(Unresolved::Refused))]
    );
}

#[test]
fn retry_delays_double_and_honour_retry_after_up_to_the_cap() {
    let policy = RetryPolicy::default();
    assert_eq!(policy.delay(1, None), Duration::from_secs(1));
    assert_eq!(policy.delay(2, None), Duration::from_secs(2));
    assert_eq!(policy.delay(3, None), Duration::from_secs(4));
    assert_eq!(
        policy.delay(1, Some(Duration::from_secs(7))),
        Duration::from_secs(7)
    );
    assert_eq!(
        policy.delay(1, Some(Duration::from_secs(600))),
        Duration::from_secs(60)
    );
    assert_eq!(policy.delay(40, None), Duration::from_secs(60));
}

#[test]
fn the_rate_limiter_spaces_each_project_on_its_own() {
    let limiter = RateLimiter::per_minute(30);
    assert_eq!(limiter.interval(), Duration::from_secs(2));
    let now = Instant::now();
    let (a, b) = (ProjectId(1), ProjectId(2));
    assert_eq!(limiter.reserve(a, now), Duration::ZERO);
    assert_eq!(limiter.reserve(a, now), Duration::from_secs(2));
    assert_eq!(limiter.reserve(a, now), Duration::from_secs(4));
    assert_eq!(limiter.reserve(b, now), Duration::ZERO);
    // Once the reserved slots have passed, a request goes at once.
    assert_eq!(
        limiter.reserve(a, now + Duration::from_secs(10)),
        Duration::ZERO
    );
    assert_eq!(
        limiter.reserve(a, now + Duration::from_secs(11)),
        Duration::from_secs(1)
    );
}

#[test]
fn anchors_go_to_the_span_they_overlap_most() {
    let spans = shared::text::dialogue::detect(TEXT);
    let second = spans[1].span.clone();
    let anchors = vec![
        (
            second.start..second.end + 3,
            CharacterId("watson".to_owned()),
        ),
        (900..950, CharacterId("holmes".to_owned())),
    ];
    let anchored = anchor_spans(&spans, &anchors);
    assert_eq!(
        anchored,
        vec![None, Some(CharacterId("watson".to_owned())), None, None]
    );
}

#[test]
fn error_bodies_and_retry_after_headers_are_read() {
    use super::client::error_message;
    use crate::retry::retry_after;
    let (message, code) = error_message(
        r#"{"error":{"message":"bad schema","type":"invalid_request_error","code":"invalid_schema"}}"#,
    );
    assert_eq!(message, "bad schema");
    assert_eq!(code.as_deref(), Some("invalid_schema"));
    let (message, code) =
        error_message(r#"{"error":{"message":"blocked","code":"content_filter"}}"#);
    assert_eq!(
        (message.as_str(), code.as_deref()),
        ("blocked", Some("content_filter"))
    );
    assert_eq!(error_message("<html>502</html>").0, "<html>502</html>");
    assert_eq!(error_message("").0, "(empty body)");
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("retry-after", "3".parse().unwrap());
    assert_eq!(retry_after(&headers), Some(Duration::from_secs(3)));
    headers.insert("retry-after-ms", "1500".parse().unwrap());
    assert_eq!(retry_after(&headers), Some(Duration::from_millis(1500)));
    let mut date = reqwest::header::HeaderMap::new();
    date.insert(
        "retry-after",
        "Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap(),
    );
    assert_eq!(retry_after(&date), None);
}
