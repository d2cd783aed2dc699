//! One component per route. Pages own data: they create resources and pass plain values down.

mod chapter_page;
mod home_page;
mod not_found_page;
mod project_page;

pub use chapter_page::ChapterPage;
pub use home_page::HomePage;
pub use not_found_page::NotFoundPage;
pub use project_page::ProjectPage;
