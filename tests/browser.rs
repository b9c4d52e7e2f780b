//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounts, shows its heading and
//! navigates in-app.

#![cfg(target_arch = "wasm32")]

use ospo_guide::{memory_history_at, App, AppProps};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Yields to the browser until `condition` holds, at most `tries` turns of the event loop.
async fn wait_for(mut condition: impl FnMut() -> bool, tries: u32) -> bool {
    for _ in 0..tries {
        if condition() {
            return true;
        }
        gloo::timers::future::TimeoutFuture::new(0).await;
    }
    condition()
}

fn mount(path: &str) -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    let props = AppProps {
        history: memory_history_at(path, None),
        basename: None,
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    root
}

fn heading(root: &web_sys::Element) -> Option<String> {
    root.query_selector("h1")
        .ok()
        .flatten()
        .and_then(|h| h.text_content())
}

#[wasm_bindgen_test]
async fn the_app_mounts_and_shows_its_heading() {
    let root = mount("/");
    assert!(
        wait_for(|| heading(&root).is_some(), 50).await,
        "no heading appeared"
    );
    assert_eq!(heading(&root).as_deref(), Some("OSPO Guide"));
}

#[wasm_bindgen_test]
async fn a_click_on_a_link_navigates_in_app() {
    let root = mount("/");
    assert!(wait_for(|| heading(&root).is_some(), 50).await);
    let link: web_sys::HtmlElement = root
        .query_selector("nav a[href='/book/']")
        .ok()
        .flatten()
        .expect("a Book link")
        .dyn_into()
        .expect("an element");
    link.click();
    assert!(
        wait_for(|| heading(&root).as_deref() == Some("Contents"), 50).await,
        "the contents did not open: {:?}",
        heading(&root)
    );
}

use wasm_bindgen::JsCast;
