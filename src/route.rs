//! The routes of the guide, one per page of `guide_core::Page` plus chapters and the not-found
//! page. The `#[at]` paths must match `Page::path` (a test checks it).

use guide_core::{GuidePath, Page};
use yew_router::Routable;

#[derive(Debug, Clone, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/book/")]
    Contents,
    #[at("/book/:slug/")]
    Chapter { slug: String },
    #[at("/readiness/")]
    Readiness,
    #[at("/structure/")]
    Structure,
    #[at("/plan/")]
    Plan,
    #[at("/workshop/")]
    Workshop,
    #[at("/conformance/5230/")]
    Check5230,
    #[at("/conformance/18974/")]
    Check18974,
    #[at("/search/")]
    Search,
    #[at("/progress/")]
    Progress,
    #[not_found]
    #[at("/404/")]
    NotFound,
}

impl From<GuidePath> for Route {
    fn from(path: GuidePath) -> Self {
        match path {
            GuidePath::Page(page) => match page {
                Page::Home => Route::Home,
                Page::Contents => Route::Contents,
                Page::Readiness => Route::Readiness,
                Page::Structure => Route::Structure,
                Page::Plan => Route::Plan,
                Page::Workshop => Route::Workshop,
                Page::Check5230 => Route::Check5230,
                Page::Check18974 => Route::Check18974,
                Page::Search => Route::Search,
                Page::Progress => Route::Progress,
            },
            GuidePath::Chapter(slug) => Route::Chapter { slug },
        }
    }
}

impl Route {
    /// The place in the guide this route shows (`None` for the not-found page).
    pub fn guide_path(&self) -> Option<GuidePath> {
        let page = match self {
            Route::Home => Page::Home,
            Route::Contents => Page::Contents,
            Route::Chapter { slug } => return Some(GuidePath::Chapter(slug.clone())),
            Route::Readiness => Page::Readiness,
            Route::Structure => Page::Structure,
            Route::Plan => Page::Plan,
            Route::Workshop => Page::Workshop,
            Route::Check5230 => Page::Check5230,
            Route::Check18974 => Page::Check18974,
            Route::Search => Page::Search,
            Route::Progress => Page::Progress,
            Route::NotFound => return None,
        };
        Some(GuidePath::Page(page))
    }
}
