//! In-app navigation to a root-relative path (with `?query` and `#fragment`). A chapter whose text
//! is not at hand yet is fetched first, for a short while at most, so that the page changes once.

use guide_core::GuidePath;
use yew_router::prelude::*;

use crate::route::Route;

fn route_path_to_location(target: GuidePath, query: Option<&str>) -> String {
    let mut location = Route::from(target).to_path();
    if let Some(query) = query {
        location.push('?');
        location.push_str(query);
    }
    location
}

/// How long a link to a chapter whose text is not at hand waits for it before it navigates anyway
/// (and the chapter page says it is loading).
#[cfg(target_arch = "wasm32")]
const TEXT_GRACE_MS: u32 = 300;

/// Navigates in-app to a root-relative path (with optional `?query` and `#fragment`). A chapter
/// whose text is not at hand yet is fetched first (for a short while at most), so that the page
/// changes once, to the whole chapter, rather than to a loading note and then the text.
pub fn push_path(navigator: &Navigator, path: &str) {
    let (path, fragment) = match path.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (path, None),
    };
    let (route_path, query) = match path.split_once('?') {
        Some((route_path, query)) => (route_path, Some(query)),
        None => (path, None),
    };
    if let Some(target) = GuidePath::parse(route_path) {
        let mut location = route_path_to_location(target.clone(), query);
        if let Some(fragment) = fragment {
            location.push('#');
            location.push_str(fragment);
        }
        let ticket = next_navigation();
        match target {
            GuidePath::Chapter(slug) if text_missing(&slug) => {
                push_when_text_ready(navigator.clone(), location, slug, ticket);
            }
            _ => navigator.push(&RawPath(location)),
        }
    }
}

thread_local! {
    /// The number of the latest navigation: a deferred one that has been overtaken is dropped.
    static LATEST_NAVIGATION: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

fn next_navigation() -> u64 {
    LATEST_NAVIGATION.with(|latest| {
        latest.set(latest.get() + 1);
        latest.get()
    })
}

fn text_missing(slug: &str) -> bool {
    crate::content::compiled::book().chapter(slug).is_some()
        && crate::content::chapter_text::at_hand(slug).is_none()
}

/// Pushes `location` when the chapter's text has arrived (or failed), or after the grace period,
/// whichever comes first, unless another navigation came after it.
fn push_when_text_ready(navigator: Navigator, location: String, slug: String, ticket: u64) {
    #[cfg(target_arch = "wasm32")]
    {
        use std::cell::Cell;
        use std::rc::Rc;
        let pushed = Rc::new(Cell::new(false));
        let push = {
            let pushed = Rc::clone(&pushed);
            move || {
                let latest = LATEST_NAVIGATION.with(Cell::get) == ticket;
                if latest && !pushed.replace(true) {
                    navigator.push(&RawPath(location.clone()));
                }
            }
        };
        let push_later = push.clone();
        gloo::timers::callback::Timeout::new(TEXT_GRACE_MS, push_later).forget();
        wasm_bindgen_futures::spawn_local(async move {
            let _ = crate::content::chapter_text::load(&slug).await;
            push();
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (slug, ticket);
        navigator.push(&RawPath(location));
    }
}

/// A location string pushed as-is (path, query and fragment), for links the router's typed
/// routes cannot express.
#[derive(Debug, Clone, PartialEq)]
struct RawPath(String);

impl Routable for RawPath {
    fn from_path(_path: &str, _params: &std::collections::HashMap<&str, &str>) -> Option<Self> {
        None
    }

    fn to_path(&self) -> String {
        self.0.clone()
    }

    fn routes() -> Vec<&'static str> {
        Vec::new()
    }

    fn not_found_route() -> Option<Self> {
        None
    }

    fn recognize(_pathname: &str) -> Option<Self> {
        None
    }
}
