//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounts, shows its heading and
//! navigates in-app; an answer given before the stored data is read never replaces the walk.

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
    // Put back exactly what was there, so that later tests in this page still have storage.
    let original = Reflect::get_own_property_descriptor(&window, &"localStorage".into())
        .expect("a descriptor");
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
    if original.is_undefined() {
        Reflect::delete_property(&window, &"localStorage".into()).expect("restored");
    } else {
        Reflect::define_property(&window, &"localStorage".into(), &original.unchecked_into())
            .expect("restored");
    }
}

/// Lets the pending microtasks run (Yew renders in one), but no timer: the stored data, read in a
/// task of its own after the first render, is still unread afterwards.
async fn microtasks() {
    for _ in 0..5 {
        let _ = wasm_bindgen_futures::JsFuture::from(web_sys::js_sys::Promise::resolve(
            &wasm_bindgen::JsValue::NULL,
        ))
        .await;
    }
}

/// A walk is kept whole, so an answer given to the page before the reader's stored walk has been
/// read would replace that walk: the buttons wait, and a submit that gets through is ignored.
#[wasm_bindgen_test]
async fn an_answer_before_the_stored_walk_is_read_does_not_replace_it() {
    use guide_core::progress::{encode, storage_key, Progress};
    let tree = ospo_guide::content::compiled::tree("readiness").expect("the readiness tree");
    let mut answers = Vec::new();
    for _ in 0..3 {
        let Ok(guide_core::tree::Step::Ask { question, .. }) = tree.current(&answers) else {
            panic!("the walk ended early");
        };
        let option = question.options.last().expect("options").id.clone();
        answers = tree.answer(&answers, &option).expect("an option");
    }
    let mut progress = Progress::default();
    for event in guide_core::walk::walk_events(tree, &[], &answers, 1_000) {
        progress.apply(event).expect("a valid event");
    }
    let key = storage_key("default").expect("a key");
    let storage = gloo::utils::window()
        .local_storage()
        .ok()
        .flatten()
        .expect("storage");
    let raw = encode(&progress, ospo_guide::content::compiled::CONTENT_VERSION).expect("encoded");
    storage.set_item(&key, &raw).expect("stored");

    let root = mount("/readiness/");
    // Yew renders in a task queued by `mount`; this timer is queued after it and before the one
    // the first render queues to read the stored data.
    gloo::timers::future::TimeoutFuture::new(0).await;
    let form: web_sys::HtmlFormElement = root
        .query_selector("form.tree-form")
        .ok()
        .flatten()
        .unwrap_or_else(|| {
            panic!(
                "no question shown: {}",
                root.inner_html().chars().take(600).collect::<String>()
            )
        })
        .dyn_into()
        .expect("a form");
    let option: web_sys::HtmlElement = root
        .query_selector("form.tree-form input[type=radio]")
        .ok()
        .flatten()
        .expect("an option")
        .dyn_into()
        .expect("an input");
    option.click();
    microtasks().await;
    // The button waits for the stored data (a native render test shows it); a submit that gets
    // through anyway must change nothing.
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    let submit = web_sys::Event::new_with_event_init_dict("submit", &init).expect("an event");
    form.dispatch_event(&submit).expect("dispatched");
    microtasks().await;

    // Once the stored walk is read, the page resumes it and storage still holds it.
    let resumed = || {
        root.query_selector(".tree-count")
            .ok()
            .flatten()
            .and_then(|p| p.text_content())
            .is_some_and(|text| text.contains(" 4 "))
    };
    assert!(
        wait_for(resumed, 100).await,
        "the walk did not resume at question 4"
    );
    let stored = storage.get_item(&key).ok().flatten().expect("still stored");
    let decoded = guide_core::progress::decode(&stored).expect("readable");
    assert_eq!(
        decoded.progress.answers("readiness").len(),
        3,
        "the stored walk was replaced"
    );
    storage.remove_item(&key).expect("cleaned up");
}
