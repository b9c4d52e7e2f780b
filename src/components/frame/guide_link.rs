//! A link to a place inside the guide that works in every mode.
//!
//! It renders a real `href` (prefixed with the deployment's base path) so that it works with
//! scripts off, in a new tab and for crawlers, and it navigates in-app on a plain click.

use guide_core::GuidePath;
use yew::prelude::*;
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
            let plain_click = event.button() == 0
                && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key());
            let route_path = path.split(['?', '#']).next().unwrap_or_default();
            let (Some(navigator), true) = (navigator.as_ref(), plain_click) else {
                return;
            };
            if GuidePath::parse(route_path).is_none() {
                return;
            }
            event.prevent_default();
            match fragment.as_deref() {
                Some(fragment) => push_path(navigator, &format!("{path}#{fragment}")),
                None => push_path(navigator, &path),
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
