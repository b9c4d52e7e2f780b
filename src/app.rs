//! The application: the router, the page frame and the route table.
//!
//! `App` runs in the browser with the real history; `ServerApp` renders the same frame for a given
//! path natively, for prerendering and render tests.

use guide_core::Page;
use yew::prelude::*;
use yew_router::history::{AnyHistory, History, MemoryHistory};
use yew_router::prelude::*;

use crate::components::frame::app_status::AppStatus;
use crate::components::frame::footer::Footer;
use crate::components::frame::header::Header;
use crate::components::frame::state_provider::StateProvider;
use crate::components::frame::storage_notice::StorageNoticeBanner;
use crate::hooks::document_title::use_document_title;
use crate::hooks::ready_marker::use_ready_marker;
use crate::hooks::scroll_on_navigate::use_scroll_on_navigate;
use crate::pages::chapter::ChapterPage;
use crate::pages::conformance::ConformancePage;
use crate::pages::contents::ContentsPage;
use crate::pages::home::HomePage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::plan::PlanPage;
use crate::pages::progress::ProgressPage;
use crate::pages::search::SearchPage;
use crate::pages::tree::TreePage;
use crate::pages::workshop::WorkshopPage;
use crate::route::Route;
use crate::strings;

pub fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <HomePage /> },
        Route::Contents => html! { <ContentsPage /> },
        // An unknown chapter is the not-found page itself, as `404.html` was prerendered, so that
        // the page a host serves for any missing address hydrates.
        Route::Chapter { slug } if crate::content::compiled::book().chapter(&slug).is_none() => {
            html! { <NotFoundPage /> }
        }
        Route::Chapter { slug } => html! { <ChapterPage slug={slug} /> },
        Route::Readiness => html! { <TreePage page={Page::Readiness} /> },
        Route::Structure => html! { <TreePage page={Page::Structure} /> },
        Route::Plan => html! { <PlanPage /> },
        Route::Workshop => html! { <WorkshopPage /> },
        Route::Check5230 => html! { <ConformancePage page={Page::Check5230} /> },
        Route::Check18974 => html! { <ConformancePage page={Page::Check18974} /> },
        Route::Search => html! { <SearchPage /> },
        Route::Progress => html! { <ProgressPage /> },
        Route::NotFound => html! { <NotFoundPage /> },
    }
}

/// The page frame shared by every route.
#[component]
pub fn Shell() -> Html {
    use_ready_marker();
    use_document_title();
    use_scroll_on_navigate();
    // With a <base href>, a bare "#main" would point at the site root: use the page's own path.
    let here = use_location()
        .map(|l| l.path().to_string())
        .unwrap_or_default();
    html! {
        <div class="shell">
            <a class="skip-link" href={format!("{here}#main")}>{ strings::SKIP_LINK }</a>
            <Header />
            <AppStatus offline_capable={true} />
            <StorageNoticeBanner />
            <main id="main" tabindex="-1">
                <Switch<Route> render={switch} />
            </main>
            <Footer />
        </div>
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The browser's history on the site, an in-memory one when prerendering or embedded.
    pub history: AnyHistory,
    /// The deployment's base path, such as `/guides/ospo`, if any.
    #[prop_or_default]
    pub basename: Option<AttrValue>,
}

/// The guide. The browser and the prerenderer render this same tree, so hydration matches.
#[component]
pub fn App(props: &AppProps) -> Html {
    html! {
        <StateProvider>
            <Router history={props.history.clone()} basename={props.basename.clone()}>
                <Shell />
            </Router>
        </StateProvider>
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct ServerAppProps {
    /// The route to render, root-relative (`/book/why-an-ospo/`).
    pub path: AttrValue,
    /// The deployment's base path, such as `/guides/ospo`, if any.
    #[prop_or_default]
    pub basename: Option<AttrValue>,
}

/// The history a native render of `path` starts from.
pub fn memory_history_at(path: &str, basename: Option<&str>) -> AnyHistory {
    let history = MemoryHistory::new();
    let base = basename.unwrap_or("").trim_end_matches('/');
    history.push(format!("{base}{path}"));
    AnyHistory::from(history)
}

/// The guide rendered natively for one path (render tests).
#[component]
pub fn ServerApp(props: &ServerAppProps) -> Html {
    let history = use_memo(props.clone(), |props| {
        memory_history_at(&props.path, props.basename.as_deref())
    });
    html! { <App history={(*history).clone()} basename={props.basename.clone()} /> }
}
