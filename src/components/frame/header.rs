//! The site header: the guide's name and the main navigation.

use guide_core::{GuidePath, Page};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::frame::guide_link::GuideLink;
use crate::components::reader::theme_switch::ThemeSwitch;
use crate::page_meta::nav_label;
use crate::route::Route;
use crate::strings;

/// Which navigation entry a route belongs to: a chapter belongs to the book.
fn section_of(route: &Route) -> Option<Page> {
    match route.guide_path()? {
        GuidePath::Page(page) => Some(page),
        GuidePath::Chapter(_) => Some(Page::Contents),
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
                    { for Page::ALL.iter().filter(|page| page.in_navigation()).map(|page| html! {
                        <li><GuideLink path={page.path()} current={Some(*page) == current}>{ nav_label(*page) }</GuideLink></li>
                    }) }
                </ul>
            </nav>
            <ThemeSwitch />
        </header>
    }
}
