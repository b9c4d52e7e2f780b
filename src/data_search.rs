//! The search index over the compiled book, built once on first use (in the browser, when the
//! reader first searches; it is small and fast to build, so nothing is shipped for it).

use std::sync::OnceLock;

use guide_core::search::SearchIndex;

use crate::data::book;

pub fn search_index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::build(book()))
}
