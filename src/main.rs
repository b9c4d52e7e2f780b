//! The browser entry point.
//!
//! On the guide's own pages it hydrates the prerendered `#app` (or renders into it when empty);
//! on a chapter's page it first fetches the chapter's text, which the first render needs to
//! match the page.
//! In a host page (loaded by `embed.js`) there is no `#app`: it does nothing until `embed.js`
//! calls `mount_widget` for each `<ospo-guide>` element.

#[cfg(target_arch = "wasm32")]
mod browser {
    use ospo_guide::embed::{WidgetApp, WidgetAppProps};
    use ospo_guide::{App, AppProps};
    use wasm_bindgen::prelude::*;
    use yew::AppHandle;
    use yew_router::history::{AnyHistory, BrowserHistory};

    pub fn start() {
        ospo_guide::panic_screen::install();
        let document = gloo::utils::document();
        let Some(root) = document.get_element_by_id("app") else {
            return;
        };
        ospo_guide::panic_screen::watch_area(&root);
        if let Some(view) = root.get_attribute("data-embed-view") {
            // The iframe alternative: `embed/index.html?view=…`.
            let query = gloo::utils::window()
                .location()
                .search()
                .unwrap_or_default();
            let view = ospo_guide::pages::search::query_value(&query, "view").unwrap_or(view);
            let namespace = ospo_guide::pages::search::query_value(&query, "namespace")
                .unwrap_or_else(|| "default".into());
            let guide_url = guide_root(&document);
            ospo_guide::chapter_text::set_guide_root(&guide_url);
            let props = WidgetAppProps {
                view: view.into(),
                namespace: namespace.into(),
                guide_url: guide_url.into(),
            };
            yew::Renderer::<WidgetApp>::with_root_and_props(root, props).render();
            ospo_guide::embed::report_height_to_parent();
            return;
        }
        ospo_guide::chapter_text::set_guide_root(&guide_root(&document));
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
        match route {
            Some(guide_core::GuidePath::Chapter(slug))
                if ospo_guide::data::book().chapter(&slug).is_some() =>
            {
                wasm_bindgen_futures::spawn_local(async move {
                    match ospo_guide::chapter_text::load(&slug).await {
                        Ok(_) => {
                            renderer.hydrate();
                        }
                        // The prerendered page stays as it is: readable, with working links.
                        Err(error) => web_sys::console::warn_1(
                            &format!("the guide stays a static page: {}", error.0).into(),
                        ),
                    }
                });
            }
            _ => {
                renderer.hydrate();
            }
        }
    }

    /// Where the guide's files are: the page's `<base>`, ending with `/`.
    fn guide_root(document: &web_sys::Document) -> String {
        document
            .base_uri()
            .ok()
            .flatten()
            .unwrap_or_else(|| "/".into())
    }

    /// One mounted widget; `destroy` unmounts it and frees what it held.
    #[wasm_bindgen]
    pub struct Widget {
        handle: Option<AppHandle<WidgetApp>>,
    }

    #[wasm_bindgen]
    impl Widget {
        pub fn destroy(&mut self) {
            if let Some(handle) = self.handle.take() {
                handle.destroy();
            }
        }
    }

    /// Mounts the guide into `container` (inside the element's shadow root). `host` is the
    /// `<ospo-guide>` element: its `theme` attribute (`light`, `dark`, else the system's) is
    /// applied to it as `data-theme`, which the widget's stylesheet reads through `:host(...)`.
    #[wasm_bindgen]
    pub fn mount_widget(
        container: web_sys::Element,
        host: web_sys::Element,
        view: String,
        namespace: String,
        theme: String,
        guide_url: String,
    ) -> Widget {
        let theme = match theme.as_str() {
            "light" | "dark" => Some(theme),
            _ => None,
        };
        match theme {
            Some(theme) => {
                let _ = host.set_attribute("data-theme", &theme);
            }
            None => {
                let _ = host.remove_attribute("data-theme");
            }
        }
        ospo_guide::chapter_text::set_guide_root(&guide_url);
        let props = WidgetAppProps {
            view: view.into(),
            namespace: namespace.into(),
            guide_url: guide_url.into(),
        };
        ospo_guide::panic_screen::watch_area(&container);
        let handle = yew::Renderer::<WidgetApp>::with_root_and_props(container, props).render();
        Widget {
            handle: Some(handle),
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    browser::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("ospo-guide runs in the browser: build it with `trunk build` (see README.md).");
}
