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

#[wasm_bindgen_test]
fn the_panic_screen_replaces_the_guide_area_only() {
    let document = gloo::utils::document();
    let outside = document.create_element("p").expect("p");
    outside.set_text_content(Some("host content"));
    let area = document.create_element("div").expect("div");
    area.set_text_content(Some("guide content"));
    let body = document.body().expect("body");
    body.append_child(&outside).expect("appended");
    body.append_child(&area).expect("appended");
    ospo_guide::browser::panic_screen::show(&area, Some("blob:test"));
    let panel = area
        .query_selector("[data-testid=panic-screen]")
        .ok()
        .flatten()
        .expect("a panel");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    assert!(area
        .text_content()
        .unwrap_or_default()
        .contains("Reload the guide"));
    assert!(area
        .text_content()
        .unwrap_or_default()
        .contains("Download my data"));
    assert_eq!(outside.text_content().as_deref(), Some("host content"));
}

#[wasm_bindgen_test]
fn the_store_reports_full_storage_and_keeps_working() {
    use ospo_guide::browser::storage::{StorageProblem, Store};
    let (store, problem) = Store::open();
    assert_eq!(problem, None);
    assert!(store.is_persistent());
    // Fill local storage until the browser refuses.
    let chunk = "x".repeat(512 * 1024);
    let mut filled = 0;
    let full = loop {
        match store.set(&format!("ospo-guide:test-fill:{filled}"), &chunk) {
            Ok(()) => filled += 1,
            Err(problem) => break problem,
        }
        assert!(filled < 200, "local storage never filled up");
    };
    assert_eq!(full, StorageProblem::Full);
    for index in 0..filled {
        store.remove(&format!("ospo-guide:test-fill:{index}"));
    }
    assert_eq!(store.set("ospo-guide:test-after", "ok"), Ok(()));
    assert_eq!(store.get("ospo-guide:test-after").as_deref(), Some("ok"));
    store.remove("ospo-guide:test-after");
}

#[wasm_bindgen_test]
fn the_store_falls_back_to_memory_when_storage_is_blocked() {
    use ospo_guide::browser::storage::{StorageProblem, Store};
    use web_sys::js_sys::{Function, Object, Reflect};
    let window = gloo::utils::window();
    let descriptor = Object::new();
    let getter = Function::new_no_args("throw new DOMException('blocked', 'SecurityError')");
    Reflect::set(&descriptor, &"get".into(), &getter).expect("descriptor");
    Reflect::set(&descriptor, &"configurable".into(), &true.into()).expect("descriptor");
    Reflect::define_property(&window, &"localStorage".into(), &descriptor).expect("defined");
    let (store, problem) = Store::open();
    assert_eq!(problem, Some(StorageProblem::Blocked));
    assert!(!store.is_persistent());
    assert_eq!(store.set("ospo-guide:x:v2", "kept in memory"), Ok(()));
    assert_eq!(
        store.get("ospo-guide:x:v2").as_deref(),
        Some("kept in memory")
    );
    Reflect::delete_property(&window, &"localStorage".into()).expect("restored");
}
