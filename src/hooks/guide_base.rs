//! The guide's absolute address (origin and base path, such as `https://example.org/guide`), for
//! links that leave the page: share links, and book links in reports and exported plans. Read from
//! the browser in an effect, so it is empty in the first render and in prerendered pages.

use yew::prelude::*;
use yew_router::prelude::*;

#[hook]
pub fn use_guide_base() -> String {
    let origin = use_state(String::new);
    {
        let origin = origin.clone();
        use_effect_with((), move |_| {
            #[cfg(target_arch = "wasm32")]
            if let Ok(found) = gloo::utils::window().location().origin() {
                origin.set(found);
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = origin;
        });
    }
    let basename = use_navigator()
        .and_then(|n| n.basename().map(str::to_owned))
        .unwrap_or_default();
    format!("{}{}", *origin, basename.trim_end_matches('/'))
}
