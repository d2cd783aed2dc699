//! Integration tests, one binary: the real server on port 0 with a fresh database per test, driven
//! over HTTP exactly as the browser drives it (server functions at `/api/<name>`, JSON in and out),
//! and the LLM engine against a stub chat-completions server (`llm_engine`).

// A failed unwrap is a failed test here, helpers included.
#![allow(clippy::unwrap_used)]

mod access;
mod accounts;
mod audio_store;
mod audit;
mod audition;
mod chapters;
mod cloud_speech;
mod colleagues;
mod contract;
mod helpers;
mod import;
mod llm_engine;
mod members;
mod pages;
mod plan_files;
mod plans;
mod projects;
mod pronunciations;
mod renders;
mod rest;
mod review_flags;
mod speaker_jobs;
mod tokens;
mod usage;
// The scripted chat-completions server of the LLM engine's tests and the speaker jobs' tests.
mod stub;
mod voices;
