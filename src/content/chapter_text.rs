//! Each chapter's text, kept out of the app so that a page downloads only the chapter it shows.
//!
//! The prerenderer writes every chapter's document tree to `data/<content version>/<slug>.json`
//! beside the pages; the app fetches a chapter's file when the chapter is shown (except the
//! chapter a prerendered page starts with: see `adopted`) and keeps it for the rest of the visit. The content version is in the path, so an app only ever reads the text it was
//! built with. Natively (the prerenderer, render tests) every text is at hand.

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::rc::Rc;

use guide_core::{Book, Document};

use crate::content::adopted::{self, AdoptedText};
use crate::content::compiled::CONTENT_VERSION;

/// The file of a chapter's text, relative to the guide's root.
pub fn text_path(slug: &str) -> String {
    format!("data/{CONTENT_VERSION}/{slug}.json")
}

/// Why a chapter's text is not there.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError(pub String);

thread_local! {
    /// The texts at hand for the rest of the visit.
    static LOADED: RefCell<HashMap<String, Rc<Document>>> = RefCell::new(HashMap::new());
    /// Where the guide's files are, ending with `/`.
    static ROOT: RefCell<String> = const { RefCell::new(String::new()) };
    /// The chapters being fetched ahead of the reader, so that one is not fetched twice at once.
    static PREFETCHING: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// A chapter's text as the page has it.
#[derive(Debug, Clone)]
pub enum ChapterText {
    /// Fetched (or, natively, compiled in): rendered from the document tree.
    Fetched(Rc<Document>),
    /// Prerendered into the page the app started on, and kept as it is (`content::adopted`).
    Adopted(Rc<AdoptedText>),
}

impl PartialEq for ChapterText {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Fetched(a), Self::Fetched(b)) => Rc::ptr_eq(a, b),
            (Self::Adopted(a), Self::Adopted(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// A chapter's text if the page can show it without waiting: the prerendered text while the page
/// holds it, else the text fetched earlier in this visit.
pub fn at_hand(slug: &str) -> Option<ChapterText> {
    adopted::for_slug(slug)
        .map(ChapterText::Adopted)
        .or_else(|| cached(slug).map(ChapterText::Fetched))
}

/// A chapter's document tree when it is already at hand: fetched earlier in this visit, or natively, where
/// every text is taken from the whole book.
pub fn cached(slug: &str) -> Option<Rc<Document>> {
    if let Some(doc) = LOADED.with(|loaded| loaded.borrow().get(slug).cloned()) {
        return Some(doc);
    }
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(chapter) = crate::content::compiled::full_book().chapter(slug) {
        return Some(keep(slug, chapter.doc.clone()));
    }
    None
}

fn keep(slug: &str, doc: Document) -> Rc<Document> {
    let doc = Rc::new(doc);
    LOADED.with(|loaded| {
        loaded
            .borrow_mut()
            .insert(slug.to_string(), Rc::clone(&doc))
    });
    doc
}

/// Where the guide's files are (ending with `/`): the page's base on the guide's own pages, the
/// guide's address in a host page.
pub fn set_guide_root(url: &str) {
    ROOT.with(|root| *root.borrow_mut() = url.to_string());
}

/// The chapter's text, fetched if it is not at hand yet.
pub async fn load(slug: &str) -> Result<Rc<Document>, LoadError> {
    start(slug).await
}

/// Starts fetching now (unless the text is at hand); the returned future finishes it and keeps
/// the text.
fn start(slug: &str) -> impl Future<Output = Result<Rc<Document>, LoadError>> {
    let slug = slug.to_string();
    let found = cached(&slug).ok_or_else(|| {
        let url = ROOT.with(|root| format!("{}{}", root.borrow(), text_path(&slug)));
        fetch(url)
    });
    async move {
        match found {
            Ok(doc) => Ok(doc),
            Err(fetching) => Ok(keep(&slug, fetching.await?)),
        }
    }
}

/// Fetches a chapter's text in the background, so that following a link to it is instant: when
/// the reader shows an intent (points at or focuses the link to it, nears the end of the chapter
/// before it). Failures are left for the chapter page to report if the reader goes there.
pub fn prefetch(slug: &str) {
    if cached(slug).is_some() {
        return;
    }
    let already = PREFETCHING.with(|pending| {
        let mut pending = pending.borrow_mut();
        let already = pending.iter().any(|s| s == slug);
        if !already {
            pending.push(slug.to_string());
        }
        already
    });
    if !already {
        let slug = slug.to_string();
        let done = async move {
            let _ = load(&slug).await;
            PREFETCHING.with(|pending| pending.borrow_mut().retain(|s| *s != slug));
        };
        #[cfg(target_arch = "wasm32")]
        wasm_bindgen_futures::spawn_local(done);
        #[cfg(not(target_arch = "wasm32"))]
        drop(done);
    }
}

/// The whole book, every chapter's text fetched at once (for search).
pub async fn load_book() -> Result<Book, LoadError> {
    let index = crate::content::compiled::book();
    // Start every fetch before awaiting any, so that they travel together.
    let pending: Vec<_> = index
        .chapters
        .iter()
        .map(|c| (c.meta.slug.clone(), start(&c.meta.slug)))
        .collect();
    let mut docs = HashMap::new();
    for (slug, fetch) in pending {
        docs.insert(slug, fetch.await?);
    }
    Book::assemble(index, |slug| docs.get(slug).map(|doc| (**doc).clone()))
        .ok_or_else(|| LoadError("a chapter is missing".into()))
}

/// Requests `url` now; the future reads the answer as a document tree.
#[cfg(target_arch = "wasm32")]
fn fetch(url: String) -> impl Future<Output = Result<Document, LoadError>> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let request = JsFuture::from(gloo::utils::window().fetch_with_str(&url));
    async move {
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
        serde_json::from_str(&text)
            .map_err(|error| failed(&format!("the text could not be read: {error}")))
    }
}

/// Natively every text is at hand (see [`cached`]); what is not, does not exist.
#[cfg(not(target_arch = "wasm32"))]
fn fetch(url: String) -> impl Future<Output = Result<Document, LoadError>> {
    std::future::ready(Err(LoadError(format!("no such chapter ({url})"))))
}
