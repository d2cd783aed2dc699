//! The domain's integration tests, one binary: the segmenter on real chapters (`manuscripts`) and
//! the laws of the domain as property tests (`properties`). Proptest keeps the seeds of past
//! failures of `properties` in `tests/proptest-regressions/properties.txt`, where it looks for
//! them when a test binary has a `main.rs`, and replays them before any new case.

mod concurrent;
mod manuscripts;
mod properties;
