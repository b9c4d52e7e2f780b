//! Starting the guide in the browser.
//!
//! On the guide's own pages it hydrates the prerendered `#app` (or renders into it when empty); on
//! a chapter's page it adopts the prerendered text as it is (`content::adopted`), so nothing is
//! fetched before hydrating. On the iframe page (`embed/`, marked `data-embed-view`) it renders the widget view named
//! in the address. In a host page (loaded by `embed.js`) there is no `#app`: nothing happens until
//! `embed.js` calls [`mount_widget`](crate::embed::mount_widget) for each `<ospo-guide>` element.

use yew_router::history::{AnyHistory, BrowserHistory};

use crate::embed::{WidgetApp, WidgetAppProps};
use crate::{App, AppProps};

/// Starts the guide on the page that loaded it: the panic screen at once (a host page may mount
/// a widget right after loading the app), the rest in a task after the app's instantiation, so
/// that neither keeps the reader's input waiting for long.
pub fn start() {
    crate::browser::panic_screen::install();
    // A page with `<ospo-guide>` elements is a host page that loaded the app through `embed.js`:
    // its `#app`, if it has one, is the host's own and is left alone.
    let host_page = gloo::utils::document()
        .query_selector("ospo-guide")
        .ok()
        .flatten()
        .is_some();
    if !host_page {
        crate::browser::tasks::later(start_on_page);
    }
}

fn start_on_page() {
    let document = gloo::utils::document();
    let Some(root) = document.get_element_by_id("app") else {
        return;
    };
    crate::browser::panic_screen::watch_area(&root);
    if let Some(view) = root.get_attribute("data-embed-view") {
        // The iframe alternative: `embed/index.html?view=…`.
        let query = gloo::utils::window()
            .location()
            .search()
            .unwrap_or_default();
        let view = crate::browser::url::query_value(&query, "view").unwrap_or(view);
        let namespace = crate::browser::url::query_value(&query, "namespace")
            .unwrap_or_else(|| "default".into());
        let guide_url = guide_root(&document);
        crate::content::chapter_text::set_guide_root(&guide_url);
        let props = WidgetAppProps {
            view: view.into(),
            namespace: namespace.into(),
            guide_url: guide_url.into(),
        };
        yew::Renderer::<WidgetApp>::with_root_and_props(root, props).render();
        crate::embed::report_height_to_parent();
        return;
    }
    crate::content::chapter_text::set_guide_root(&guide_root(&document));
    let basename = yew_router::utils::fetch_base_url();
    let props = AppProps {
        history: AnyHistory::from(BrowserHistory::new()),
        basename: basename.clone().map(Into::into),
    };
    let prerendered = root.child_element_count() > 0;
    let renderer = yew::Renderer::<App>::with_root_and_props(root, props);
    if !prerendered {
        renderer.render();
        return;
    }
    let pathname = gloo::utils::window()
        .location()
        .pathname()
        .unwrap_or_default();
    let route = pathname
        .strip_prefix(basename.as_deref().unwrap_or(""))
        .and_then(guide_core::GuidePath::parse);
    if let Some(guide_core::GuidePath::Chapter(slug)) = route {
        crate::content::adopted::adopt_page(&slug);
    }
    wasm_bindgen_futures::spawn_local(async move {
        // Starting the app and hydrating the page are separate tasks, so that neither keeps the
        // reader's input waiting for long (the benchmark's total blocking time).
        crate::browser::tasks::next_task().await;
        renderer.hydrate();
    });
}

/// Where the guide's files are: the page's `<base>`, ending with `/`.
fn guide_root(document: &web_sys::Document) -> String {
    document
        .base_uri()
        .ok()
        .flatten()
        .unwrap_or_else(|| "/".into())
}
