//! The guide as a widget inside someone else's page (`<ospo-guide view="…">`, see `embed.js`).
//!
//! It renders into a shadow root with its own stylesheet, keeps its navigation in memory (the
//! host's address and history are never touched), keeps its data under its own namespace, and
//! registers no service worker and no document-wide listener.

use guide_core::{GuidePath, Page};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::{memory_history_at, switch};
use crate::components::frame::app_status::AppStatus;
use crate::components::frame::guide_link::GuideLink;
use crate::components::frame::state_provider::StateProvider;
use crate::components::frame::storage_notice::StorageNoticeBanner;
use crate::mode::Mode;
use crate::route::Route;
use crate::strings;

#[derive(Properties, PartialEq, Clone)]
pub struct WidgetAppProps {
    /// The `view` attribute: `home`, `book`, `chapter:<slug>`, `readiness`, `structure`, `search`.
    pub view: AttrValue,
    pub namespace: AttrValue,
    /// Where the full guide lives, ending with `/`.
    pub guide_url: AttrValue,
}

#[component]
pub fn WidgetApp(props: &WidgetAppProps) -> Html {
    let start = GuidePath::from_widget_view(&props.view);
    let history = use_memo(props.view.clone(), |view| {
        let page = GuidePath::from_widget_view(view).unwrap_or(GuidePath::Page(Page::Home));
        memory_history_at(&page.to_path(), None)
    });
    let mode = Mode::Widget {
        guide_url: props.guide_url.clone(),
    };
    html! {
        <ContextProvider<Mode> context={mode}>
            <StateProvider namespace={props.namespace.clone()}>
                <Router history={(*history).clone()}>
                    <section class="widget-root" aria-label={strings::GUIDE_NAME}>
                        if start.is_none() {
                            <p class="storage-notice" role="status">{ format!("{} “{}”.", strings::WIDGET_UNKNOWN_VIEW, props.view) }</p>
                        }
                        <WidgetBar guide_url={props.guide_url.clone()} />
                        <AppStatus offline_capable={false} />
                        <StorageNoticeBanner />
                        <div class="widget-main">
                            <Switch<Route> render={switch} />
                        </div>
                    </section>
                </Router>
            </StateProvider>
        </ContextProvider<Mode>>
    }
}

#[derive(Properties, PartialEq)]
struct WidgetBarProps {
    guide_url: AttrValue,
}

/// The widget's own small header: the guide's name, a way home, and the full guide in a new tab.
#[component]
fn WidgetBar(props: &WidgetBarProps) -> Html {
    let here = use_route::<Route>().unwrap_or(Route::Home);
    html! {
        <nav class="widget-bar" aria-label={strings::WIDGET_NAV}>
            <span class="brand">{ strings::GUIDE_NAME }</span>
            if here != Route::Home {
                <GuideLink path="/">{ strings::NAV_HOME }</GuideLink>
            }
            <GuideLink path="/book/">{ strings::NAV_BOOK }</GuideLink>
            <a href={props.guide_url.clone()} target="_blank" rel="noopener noreferrer" class="widget-full">
                { strings::WIDGET_OPEN_FULL }<span class="visually-hidden">{ strings::WIDGET_NEW_TAB }</span>
            </a>
        </nav>
    }
}

/// In the iframe alternative, tells the parent page how tall the content is whenever it changes,
/// as `{ type: "ospo-guide:height", height }`.
#[cfg(target_arch = "wasm32")]
pub fn report_height_to_parent() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let window = gloo::utils::window();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let Some(body) = gloo::utils::document().body() else {
        return;
    };
    let send = move || {
        let height = gloo::utils::document()
            .document_element()
            .map_or(0, |root| root.scroll_height());
        let message = web_sys::js_sys::Object::new();
        let _ =
            web_sys::js_sys::Reflect::set(&message, &"type".into(), &"ospo-guide:height".into());
        let _ = web_sys::js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, "*");
    };
    let on_resize = Closure::<dyn FnMut()>::new(send);
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    on_resize.forget();
}

#[cfg(target_arch = "wasm32")]
pub use exports::{mount_widget, Widget};

/// What `embed.js` calls: one mount per `<ospo-guide>` element, and its teardown.
#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;
    use yew::AppHandle;

    use super::{WidgetApp, WidgetAppProps};

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
        crate::content::chapter_text::set_guide_root(&guide_url);
        let props = WidgetAppProps {
            view: view.into(),
            namespace: namespace.into(),
            guide_url: guide_url.into(),
        };
        crate::browser::panic_screen::watch_area(&container);
        let handle = yew::Renderer::<WidgetApp>::with_root_and_props(container, props).render();
        Widget {
            handle: Some(handle),
        }
    }
}
