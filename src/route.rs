//! The routes of the guide (the contract other issues and tests rely on).

use guide_core::GuidePath;
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
            GuidePath::Home => Route::Home,
            GuidePath::Contents => Route::Contents,
            GuidePath::Chapter(slug) => Route::Chapter { slug },
            GuidePath::Readiness => Route::Readiness,
            GuidePath::Structure => Route::Structure,
            GuidePath::Search => Route::Search,
            GuidePath::Progress => Route::Progress,
        }
    }
}
