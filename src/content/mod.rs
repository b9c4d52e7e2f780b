//! The guide's content as the app reaches it: the book's index and the trees compiled in, each
//! chapter's text fetched when it is read, and the search index built from all of them.

pub mod chapter_text;
pub mod compiled;
pub mod search_index;
