//! Follows how far the reader is into a chapter and which section is on screen, from scroll and
//! resize events (passive listeners, removed when the chapter changes or closes).

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
                let measure = {
                    let position = position.clone();
                    move || {
                        if let Some(found) = measure(&article) {
                            position.set(found);
                        }
                    }
                };
                measure();
                let window = gloo::utils::window();
                let on_scroll = measure.clone();
                [
                    // gloo's listeners are passive by default.
                    gloo::events::EventListener::new(&window, "scroll", move |_| on_scroll()),
                    gloo::events::EventListener::new(&window, "resize", move |_| measure()),
                ]
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
