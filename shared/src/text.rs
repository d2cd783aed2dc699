//! The text layer: what a chapter's words say before any plan exists — its language, paragraphs,
//! quotations and dialogue, and the word lists they rely on. Imports no other layer.

pub mod dialogue;
pub mod language;
pub(crate) mod lexicon;
pub(crate) mod paragraph;
pub mod quote;
