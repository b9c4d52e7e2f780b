//! The book's index and the decision trees, compiled into the app by `build.rs` and decoded once
//! on first use. The chapters' text is not compiled in: see `chapter_text`.

use std::sync::OnceLock;

use guide_core::BookIndex;

/// The version of the content this build carries, stored with the reader's data and naming the
/// folder of the chapters' text files.
pub const CONTENT_VERSION: &str = env!("OSPO_CONTENT_VERSION");

const INDEX_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/book-index.json"));

/// The book's index: every chapter's metadata, length and headings, and the reading paths. The
/// build checked it, so a decoding failure is a build defect: it is logged and the guide shows an
/// empty book rather than a blank page.
pub fn book() -> &'static BookIndex {
    static BOOK: OnceLock<BookIndex> = OnceLock::new();
    BOOK.get_or_init(|| match serde_json::from_str(INDEX_JSON) {
        Ok(book) => book,
        Err(error) => {
            crate::browser::log::error(&format!("the compiled book index cannot be read: {error}"));
            BookIndex::default()
        }
    })
}

/// The whole book with every chapter's text, natively only: the prerenderer renders and writes
/// the chapters from it, and native render tests read it.
#[cfg(not(target_arch = "wasm32"))]
pub fn full_book() -> &'static guide_core::Book {
    static BOOK: OnceLock<guide_core::Book> = OnceLock::new();
    BOOK.get_or_init(|| {
        guide_core::Book::from_json(include_str!(concat!(env!("OUT_DIR"), "/book.json")))
            .unwrap_or_else(|error| {
                crate::browser::log::error(&format!("the compiled book cannot be read: {error}"));
                guide_core::Book::default()
            })
    })
}

const TREES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/trees.json"));

/// The decision trees, as the build compiled them (validated there; see
/// `guide_core::tree::CompiledTree`). A tree whose file is damaged is logged and left out.
pub fn trees() -> &'static [guide_core::tree::ValidTree] {
    static TREES: OnceLock<Vec<guide_core::tree::ValidTree>> = OnceLock::new();
    TREES.get_or_init(|| {
        let compiled: Vec<guide_core::tree::CompiledTree> = match serde_json::from_str(TREES_JSON) {
            Ok(compiled) => compiled,
            Err(error) => {
                crate::browser::log::error(&format!("the compiled trees cannot be read: {error}"));
                return Vec::new();
            }
        };
        compiled
            .into_iter()
            .filter_map(
                |tree| match guide_core::tree::ValidTree::from_compiled(tree) {
                    Ok(tree) => Some(tree),
                    Err(error) => {
                        crate::browser::log::error(&format!("a compiled tree is damaged: {error}"));
                        None
                    }
                },
            )
            .collect()
    })
}

/// The tree with this id.
pub fn tree(id: &str) -> Option<&'static guide_core::tree::ValidTree> {
    trees().iter().find(|t| t.id() == id)
}

const CROSSWALK_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/crosswalk.json"));

/// The frameworks and clauses that trees and self-checks are tagged with. The build checked every
/// tag against it; a decoding failure is logged and results show no framework references.
pub fn crosswalk() -> &'static guide_core::crosswalk::Crosswalk {
    static CROSSWALK: OnceLock<guide_core::crosswalk::Crosswalk> = OnceLock::new();
    CROSSWALK.get_or_init(|| {
        serde_json::from_str(CROSSWALK_JSON).unwrap_or_else(|error| {
            crate::browser::log::error(&format!("the compiled crosswalk cannot be read: {error}"));
            guide_core::crosswalk::Crosswalk::default()
        })
    })
}

const CHECKLISTS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/checklists.json"));

/// The book's checklists by chapter section, for the plan page.
pub fn checklists() -> &'static [guide_core::checklists::Checklist] {
    static LISTS: OnceLock<Vec<guide_core::checklists::Checklist>> = OnceLock::new();
    LISTS.get_or_init(|| {
        serde_json::from_str(CHECKLISTS_JSON).unwrap_or_else(|error| {
            crate::browser::log::error(&format!("the compiled checklists cannot be read: {error}"));
            Vec::new()
        })
    })
}

const CHECKS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/checks.json"));

/// The conformance self-checks, as the build validated them (against the whole book and the
/// crosswalk).
pub fn checks() -> &'static [guide_core::conformance::ValidCheck] {
    static CHECKS: OnceLock<Vec<guide_core::conformance::ValidCheck>> = OnceLock::new();
    CHECKS.get_or_init(|| {
        match serde_json::from_str::<Vec<guide_core::conformance::CheckSpec>>(CHECKS_JSON) {
            Ok(specs) => specs
                .into_iter()
                .map(guide_core::conformance::ValidCheck::validated_by_build)
                .collect(),
            Err(error) => {
                crate::browser::log::error(&format!("the compiled checks cannot be read: {error}"));
                Vec::new()
            }
        }
    })
}

/// The self-check with this id.
pub fn check(id: &str) -> Option<&'static guide_core::conformance::ValidCheck> {
    checks().iter().find(|c| c.id() == id)
}
