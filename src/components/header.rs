//! The site header: the guide's name and the main navigation.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::guide_link::GuideLink;
use crate::components::theme_switch::ThemeSwitch;
use crate::route::Route;
use crate::strings;

const NAV_ITEMS: [(&str, &str); 6] = [
    ("/", strings::NAV_HOME),
    ("/book/", strings::NAV_BOOK),
    ("/readiness/", strings::NAV_READINESS),
    ("/structure/", strings::NAV_STRUCTURE),
    ("/search/", strings::NAV_SEARCH),
    ("/progress/", strings::NAV_PROGRESS),
];

/// Which navigation entry a route belongs to.
fn section_of(route: &Route) -> &'static str {
    match route {
        Route::Home => "/",
        Route::Contents | Route::Chapter { .. } => "/book/",
        Route::Readiness => "/readiness/",
        Route::Structure => "/structure/",
        Route::Search => "/search/",
        Route::Progress => "/progress/",
        Route::NotFound => "",
    }
}

#[component]
pub fn Header() -> Html {
    let route = use_route::<Route>().unwrap_or(Route::NotFound);
    let current = section_of(&route);
    html! {
        <header class="site-header">
            <GuideLink path="/" class="brand">
                <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                    <circle cx="16" cy="16" r="13" fill="none" stroke="currentColor" stroke-width="4" />
                    <circle cx="16" cy="16" r="4" fill="currentColor" />
                </svg>
                <span>{ strings::GUIDE_NAME }</span>
            </GuideLink>
            <nav aria-label={strings::NAV_LABEL}>
                <ul class="nav-list">
                    { for NAV_ITEMS.iter().map(|(path, label)| html! {
                        <li><GuideLink path={*path} current={*path == current}>{ *label }</GuideLink></li>
                    }) }
                </ul>
            </nav>
            <ThemeSwitch />
        </header>
    }
}
