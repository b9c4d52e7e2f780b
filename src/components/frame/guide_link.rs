//! A link to a place inside the guide that works in every mode.
//!
//! It renders a real `href` (prefixed with the deployment's base path) so that it works with
//! scripts off, in a new tab and for crawlers, and it navigates in-app on a plain click. Links in
//! HTML the app did not render itself (the chapter text a page was prerendered with, see
//! `content::adopted`) follow the same rule through [`use_in_app_links`].

use guide_core::GuidePath;
use yew::prelude::*;
use yew::TargetCast;
use yew_router::prelude::*;

use crate::browser::navigation::push_path;
use crate::mode::{use_mode, Mode};

#[derive(Properties, PartialEq, Clone)]
pub struct GuideLinkProps {
    /// A root-relative path, such as `/book/why-an-ospo/`, optionally with `?query`.
    pub path: AttrValue,
    #[prop_or_default]
    pub fragment: Option<AttrValue>,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub current: bool,
    #[prop_or_default]
    pub children: Html,
}

/// The `href` for a root-relative path under the router's base path.
pub fn full_href(basename: Option<&str>, path: &str, fragment: Option<&str>) -> String {
    let base = basename.unwrap_or("").trim_end_matches('/');
    match fragment {
        Some(fragment) => format!("{base}{path}#{fragment}"),
        None => format!("{base}{path}"),
    }
}

#[component]
pub fn GuideLink(props: &GuideLinkProps) -> Html {
    let navigator = use_navigator();
    // In a widget, the address a link shows (for a new tab) is the full guide's.
    let basename = match use_mode() {
        Mode::Widget { guide_url } => Some(guide_url.to_string()),
        Mode::Site => navigator
            .as_ref()
            .and_then(|n| n.basename().map(str::to_owned)),
    };
    let href = full_href(basename.as_deref(), &props.path, props.fragment.as_deref());
    let onclick = {
        let path = props.path.clone();
        let fragment = props.fragment.clone();
        Callback::from(move |event: MouseEvent| {
            if let Some(navigator) = navigator.as_ref() {
                follow_in_app(navigator, &event, &path, fragment.as_deref());
            }
        })
    };
    let aria_current = props.current.then_some(AttrValue::Static("page"));
    html! {
        <a {href} class={props.class.clone()} {onclick} aria-current={aria_current}>
            { props.children.clone() }
        </a>
    }
}

/// Follows a plain click (main button, no modifier key) on a link to a page of the guide in-app;
/// any other click, or a path that is not a page of the guide, is left to the browser.
fn follow_in_app(navigator: &Navigator, event: &MouseEvent, path: &str, fragment: Option<&str>) {
    let plain_click = event.button() == 0
        && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key());
    let route_path = path.split(['?', '#']).next().unwrap_or_default();
    if !plain_click || GuidePath::parse(route_path).is_none() {
        return;
    }
    event.prevent_default();
    match fragment {
        Some(fragment) => push_path(navigator, &format!("{path}#{fragment}")),
        None => push_path(navigator, path),
    }
}

/// A click handler for an element holding links the app did not render (the adopted chapter
/// text): a click on a link inside it that goes to a page of the guide, in the same window, is
/// followed in-app like a [`GuideLink`]'s. Clicks a `GuideLink` already followed are left alone.
#[hook]
pub fn use_in_app_links() -> Callback<MouseEvent> {
    let navigator = use_navigator();
    Callback::from(move |event: MouseEvent| {
        let Some(navigator) = navigator.as_ref() else {
            return;
        };
        if event.default_prevented() {
            return;
        }
        let Some(link) = event
            .target_dyn_into::<web_sys::Element>()
            .and_then(|target| target.closest("a[href]").ok().flatten())
        else {
            return;
        };
        let same_window = link.get_attribute("target").is_none() && !link.has_attribute("download");
        let document = gloo::utils::document();
        let base_uri = document.base_uri().ok().flatten().unwrap_or_default();
        let Some(url) = link
            .get_attribute("href")
            .and_then(|href| web_sys::Url::new_with_base(&href, &base_uri).ok())
        else {
            return;
        };
        let same_site = gloo::utils::window()
            .location()
            .origin()
            .is_ok_and(|origin| origin == url.origin());
        let base = navigator.basename().unwrap_or("").trim_end_matches('/');
        // Under the base path, on a segment boundary (`/guides/ospo/…`, not `/guides/osposearch/`).
        let pathname = url.pathname();
        let Some(path) = pathname
            .strip_prefix(base)
            .filter(|path| path.starts_with('/'))
            .map(str::to_owned)
        else {
            return;
        };
        if same_window && same_site {
            let hash = url.hash();
            let fragment = hash.strip_prefix('#').filter(|f| !f.is_empty());
            follow_in_app(
                navigator,
                &event,
                &format!("{path}{}", url.search()),
                fragment,
            );
        }
    })
}
