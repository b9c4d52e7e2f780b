//! Follows how far the reader is into a chapter and which section is on screen, from scroll and
//! resize events (passive listeners, removed when the chapter changes or closes). Measuring reads
//! layout, so it happens at most once per frame, in an animation frame, where the browser lays the
//! page out anyway: never right after the chapter's text was put in, which would force an extra
//! layout before the first paint.

use yew::prelude::*;

/// Where the reader is in the current chapter.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReadingPosition {
    /// How much of the chapter has been on screen, in thousandths; 1000 at the end.
    pub permille: u16,
    /// The id of the section heading the reader is in, if past the first heading.
    pub section: Option<String>,
}

#[hook]
pub fn use_reading_position(article: NodeRef, slug: AttrValue) -> ReadingPosition {
    let position = use_state_eq(ReadingPosition::default);
    {
        let position = position.clone();
        use_effect_with(slug, move |_| {
            #[cfg(target_arch = "wasm32")]
            let listeners = {
                let frame = PerFrame::new(move || {
                    if let Some(found) = measure(&article) {
                        position.set(found);
                    }
                });
                frame.request();
                let window = gloo::utils::window();
                let on_scroll = std::rc::Rc::clone(&frame);
                let on_resize = std::rc::Rc::clone(&frame);
                (
                    [
                        // gloo's listeners are passive by default.
                        gloo::events::EventListener::new(&window, "scroll", move |_| {
                            on_scroll.request()
                        }),
                        gloo::events::EventListener::new(&window, "resize", move |_| {
                            on_resize.request()
                        }),
                    ],
                    frame,
                )
            };
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (article, position);
            move || {
                #[cfg(target_arch = "wasm32")]
                drop(listeners);
            }
        });
    }
    (*position).clone()
}

/// Runs a task in the next animation frame, once however often it is requested before then. The
/// pending frame is cancelled when this is dropped.
#[cfg(target_arch = "wasm32")]
struct PerFrame {
    pending: std::cell::Cell<Option<i32>>,
    callback: wasm_bindgen::closure::Closure<dyn FnMut(f64)>,
}

#[cfg(target_arch = "wasm32")]
impl PerFrame {
    fn new(mut task: impl FnMut() + 'static) -> std::rc::Rc<PerFrame> {
        std::rc::Rc::new_cyclic(|this: &std::rc::Weak<PerFrame>| {
            let this = this.clone();
            PerFrame {
                pending: std::cell::Cell::new(None),
                callback: wasm_bindgen::closure::Closure::new(move |_time: f64| {
                    if let Some(frame) = this.upgrade() {
                        frame.pending.set(None);
                    }
                    task();
                }),
            }
        })
    }

    fn request(&self) {
        use wasm_bindgen::JsCast;
        if self.pending.get().is_none() {
            let id = gloo::utils::window()
                .request_animation_frame(self.callback.as_ref().unchecked_ref())
                .ok();
            self.pending.set(id);
        }
    }
}

#[cfg(target_arch = "wasm32")]
impl Drop for PerFrame {
    fn drop(&mut self) {
        if let Some(id) = self.pending.take() {
            let _ = gloo::utils::window().cancel_animation_frame(id);
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn measure(article: &NodeRef) -> Option<ReadingPosition> {
    use wasm_bindgen::JsCast;
    let article = article.cast::<web_sys::Element>()?;
    let viewport = gloo::utils::window().inner_height().ok()?.as_f64()?;
    let rect = article.get_bounding_client_rect();
    let permille = if rect.bottom() <= viewport + 2.0 {
        1000
    } else if rect.height() <= 0.0 {
        0
    } else {
        (((viewport - rect.top()) / rect.height()).clamp(0.0, 1.0) * 1000.0) as u16
    };
    let headings = article.query_selector_all("h2[id], h3[id]").ok()?;
    let mut section = None;
    for index in 0..headings.length() {
        let Some(heading) = headings
            .item(index)
            .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        if heading.get_bounding_client_rect().top() < viewport * 0.3 {
            section = Some(heading.id());
        } else {
            break;
        }
    }
    Some(ReadingPosition { permille, section })
}
