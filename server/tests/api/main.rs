//! Integration tests: the real server on port 0 with a fresh database per test, driven over HTTP
//! exactly as the browser drives it (server functions at `/api/<name>`, JSON in and out).

mod chapters;
mod helpers;
mod pages;
mod plans;
