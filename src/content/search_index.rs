//! The search index over the whole book. Built once per visit when the search page opens (before
//! the reader has typed anything): the chapters' text is fetched (see `chapter_text`), the index
//! is built, and every query after that only reads it.

use std::cell::OnceCell;
use std::rc::Rc;

use guide_core::search::{SearchHit, SearchIndex};

thread_local! {
    static INDEX: OnceCell<Rc<SearchIndex>> = const { OnceCell::new() };
}

/// The index, when it has been built (natively it is built on first use).
pub fn built() -> Option<Rc<SearchIndex>> {
    INDEX.with(|index| {
        #[cfg(not(target_arch = "wasm32"))]
        let _ = index
            .get_or_init(|| Rc::new(SearchIndex::build(crate::content::compiled::full_book())));
        index.get().cloned()
    })
}

/// Fetches every chapter's text and builds the index.
pub async fn build() -> Result<(), String> {
    if built().is_some() {
        return Ok(());
    }
    let book = crate::content::chapter_text::load_book()
        .await
        .map_err(|error| error.0)?;
    let index = Rc::new(SearchIndex::build(&book));
    // A few queries nobody sees (a phrase, a misspelling, a prefix), so that the browser has
    // compiled and optimised the search code (it compiles a wasm function when it first runs,
    // and optimises it once it is hot) before the reader's first query.
    for warm_up in [
        "open source programme office",
        "licence complience",
        "sponsor budg",
    ] {
        let _ = index.search(warm_up, 20);
    }
    INDEX.with(|cell| {
        let _ = cell.set(index);
    });
    Ok(())
}

/// Runs a query. In the browser each query is recorded as a User Timing measure named
/// `ospo-guide:search`, which the benchmark reads.
pub fn search(index: &SearchIndex, query: &str, limit: usize) -> Vec<SearchHit> {
    #[cfg(target_arch = "wasm32")]
    let performance = gloo::utils::window().performance();
    #[cfg(target_arch = "wasm32")]
    if let Some(performance) = &performance {
        let _ = performance.mark("ospo-guide:search-start");
    }
    let hits = index.search(query, limit);
    #[cfg(target_arch = "wasm32")]
    if let Some(performance) = &performance {
        let _ = performance.measure_with_start_mark("ospo-guide:search", "ospo-guide:search-start");
    }
    hits
}
