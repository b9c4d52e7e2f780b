//! The browser entry point: hydrate the prerendered page, or render into an empty one.

#[cfg(target_arch = "wasm32")]
fn main() {
    use ospo_guide::{App, AppProps};
    use yew_router::history::{AnyHistory, BrowserHistory};

    let document = gloo::utils::document();
    let Some(root) = document.get_element_by_id("app") else {
        web_sys::console::error_1(&"OSPO Guide: no #app element to mount into".into());
        return;
    };
    let props = AppProps {
        history: AnyHistory::from(BrowserHistory::new()),
        basename: yew_router::utils::fetch_base_url().map(Into::into),
    };
    let prerendered = root.child_element_count() > 0;
    let renderer = yew::Renderer::<App>::with_root_and_props(root, props);
    if prerendered {
        renderer.hydrate();
    } else {
        renderer.render();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("ospo-guide runs in the browser: build it with `trunk build` (see README.md).");
}
