//! The site header: the guide's name and the main navigation.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::frame::guide_link::GuideLink;
use crate::components::reader::theme_switch::ThemeSwitch;
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
    // On narrow screens the navigation folds into a menu (only once scripts run: without them it
    // stays open). It closes again after each navigation.
    let open = use_state_eq(|| false);
    {
        let open = open.clone();
        use_effect_with(route.clone(), move |_| open.set(false));
    }
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    html! {
        <header class="site-header">
            <GuideLink path="/" class="brand">
                <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                    <circle cx="16" cy="16" r="13" fill="none" stroke="currentColor" stroke-width="4" />
                    <circle cx="16" cy="16" r="4" fill="currentColor" />
                </svg>
                <span>{ strings::GUIDE_NAME }</span>
            </GuideLink>
            <button type="button" class="menu-button" aria-expanded={open.to_string()} aria-controls="main-nav" onclick={toggle}>
                { strings::MENU }
            </button>
            <nav aria-label={strings::NAV_LABEL} id="main-nav" class={classes!("main-nav", (!*open).then_some("folded"))}>
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
