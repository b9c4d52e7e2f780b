//! The guide's content as the app reaches it: the book's index and the trees compiled in, each
//! chapter's text fetched when it is read (or adopted from the prerendered page the app started
//! on), and the search index built from all of them.

pub mod adopted;
pub mod chapter_text;
pub mod compiled;
pub mod search_index;
