//! Integration tests: the real server on port 0 with a fresh database per test, driven over HTTP
//! exactly as the browser drives it (server functions at `/api/<name>`, JSON in and out).

// A failed unwrap is a failed test here, helpers included.
#![allow(clippy::unwrap_used)]

mod chapters;
mod helpers;
mod import;
mod pages;
mod plan_files;
mod plans;
mod projects;
mod pronunciations;
mod speaker_jobs;
// The LLM engine's stub chat-completions server, shared with `tests/llm`; not every helper is
// used here.
#[allow(dead_code)]
#[path = "../llm/stub.rs"]
mod stub;
mod voices;
