//! Each chapter's text, kept out of the app so that a page downloads only the chapter it shows.
//!
//! The prerenderer writes every chapter's document tree to `data/<content version>/<slug>.json`
//! beside the pages; the app fetches a chapter's file when the chapter is shown (before hydrating
//! a prerendered chapter, so that the first render matches the page) and keeps it for the rest of
//! the visit. The content version is in the path, so an app only ever reads the text it was
//! built with. Natively (the prerenderer, render tests) every text is at hand.

use std::rc::Rc;

use guide_core::{Book, Document};

use crate::data::CONTENT_VERSION;

/// The file of a chapter's text, relative to the guide's root.
pub fn text_path(slug: &str) -> String {
    format!("data/{CONTENT_VERSION}/{slug}.json")
}

/// Why a chapter's text is not there.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError(pub String);

/// A chapter's text when it is already at hand (loaded earlier in this visit, or native).
pub fn cached(slug: &str) -> Option<Rc<Document>> {
    imp::cached(slug)
}

/// Where the guide's files are (ending with `/`): the page's base on the guide's own pages, the
/// guide's address in a host page.
pub fn set_guide_root(url: &str) {
    imp::set_guide_root(url);
}

/// The chapter's text, fetched if it is not at hand yet.
pub async fn load(slug: &str) -> Result<Rc<Document>, LoadError> {
    imp::start(slug).await
}

/// Fetches a chapter's text in the background, so that following a link to it is instant: when
/// the reader shows an intent (points at or focuses the link to it, nears the end of the chapter
/// before it). Failures are left for the chapter page to report if the reader goes there.
pub fn prefetch(slug: &str) {
    #[cfg(target_arch = "wasm32")]
    if cached(slug).is_none() && imp::begin_prefetch(slug) {
        let slug = slug.to_string();
        wasm_bindgen_futures::spawn_local(async move {
            let _ = load(&slug).await;
            imp::end_prefetch(&slug);
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = slug;
}

/// The whole book, every chapter's text fetched at once (for search).
pub async fn load_book() -> Result<Book, LoadError> {
    let index = crate::data::book();
    // Start every fetch before awaiting any, so that they travel together.
    let pending: Vec<_> = index
        .chapters
        .iter()
        .map(|c| (c.meta.slug.clone(), imp::start(&c.meta.slug)))
        .collect();
    let mut docs = std::collections::HashMap::new();
    for (slug, fetch) in pending {
        docs.insert(slug, fetch.await?);
    }
    Book::assemble(index, |slug| docs.get(slug).map(|doc| (**doc).clone()))
        .ok_or_else(|| LoadError("a chapter is missing".into()))
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::future::Future;
    use std::rc::Rc;

    use guide_core::Document;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    use super::{text_path, LoadError};

    thread_local! {
        static LOADED: RefCell<HashMap<String, Rc<Document>>> = RefCell::new(HashMap::new());
        static ROOT: RefCell<String> = const { RefCell::new(String::new()) };
        static PREFETCHING: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    }

    /// Notes a prefetch of `slug`; false when one is already under way.
    pub fn begin_prefetch(slug: &str) -> bool {
        PREFETCHING.with(|pending| {
            let mut pending = pending.borrow_mut();
            let new = !pending.iter().any(|s| s == slug);
            if new {
                pending.push(slug.to_string());
            }
            new
        })
    }

    pub fn end_prefetch(slug: &str) {
        PREFETCHING.with(|pending| pending.borrow_mut().retain(|s| s != slug));
    }

    pub fn cached(slug: &str) -> Option<Rc<Document>> {
        LOADED.with(|loaded| loaded.borrow().get(slug).cloned())
    }

    pub fn set_guide_root(url: &str) {
        ROOT.with(|root| *root.borrow_mut() = url.to_string());
    }

    /// Starts the request now; the returned future finishes it and keeps the result.
    pub fn start(slug: &str) -> impl Future<Output = Result<Rc<Document>, LoadError>> {
        let slug = slug.to_string();
        let cached = cached(&slug);
        let url = ROOT.with(|root| format!("{}{}", root.borrow(), text_path(&slug)));
        let request = cached
            .is_none()
            .then(|| JsFuture::from(gloo::utils::window().fetch_with_str(&url)));
        async move {
            let Some(request) = request else {
                return cached.ok_or_else(|| LoadError("unreachable".into()));
            };
            let failed = |what: &str| LoadError(format!("{what} ({url})"));
            let response: web_sys::Response = request
                .await
                .map_err(|_| failed("the network request failed"))?
                .dyn_into()
                .map_err(|_| failed("the answer was not a response"))?;
            if !response.ok() {
                return Err(failed(&format!(
                    "the server answered {}",
                    response.status()
                )));
            }
            let text = JsFuture::from(response.text().map_err(|_| failed("unreadable answer"))?)
                .await
                .ok()
                .and_then(|text| text.as_string())
                .ok_or_else(|| failed("unreadable answer"))?;
            let doc: Document = serde_json::from_str(&text)
                .map_err(|error| failed(&format!("the text could not be read: {error}")))?;
            let doc = Rc::new(doc);
            LOADED.with(|loaded| loaded.borrow_mut().insert(slug, Rc::clone(&doc)));
            Ok(doc)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use std::future::Future;
    use std::rc::Rc;

    use guide_core::Document;

    use super::LoadError;

    pub fn cached(slug: &str) -> Option<Rc<Document>> {
        crate::data::full_book()
            .chapter(slug)
            .map(|chapter| Rc::new(chapter.doc.clone()))
    }

    pub fn set_guide_root(_url: &str) {}

    pub fn start(slug: &str) -> impl Future<Output = Result<Rc<Document>, LoadError>> {
        let doc = cached(slug).ok_or_else(|| LoadError(format!("no chapter “{slug}”")));
        std::future::ready(doc)
    }
}
