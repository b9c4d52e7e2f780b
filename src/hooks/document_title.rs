//! Keeps the document's title in step with the route after in-app navigation (the prerendered
//! page already carries the right title for the first load).

use yew::prelude::*;
use yew_router::prelude::*;

use crate::mode::use_mode;
use crate::page_meta::meta_for;

#[hook]
pub fn use_document_title() {
    let location = use_location();
    let path = location.map(|l| l.path().to_string()).unwrap_or_default();
    let navigator = use_navigator();
    let base = navigator
        .as_ref()
        .and_then(|n| n.basename().map(str::to_owned))
        .unwrap_or_default();
    let site = !use_mode().is_widget();
    use_effect_with((path, base, site), |(path, base, site)| {
        if !*site {
            return;
        }
        let relative = path.strip_prefix(base.as_str()).unwrap_or(path);
        let title = meta_for(relative).title;
        #[cfg(target_arch = "wasm32")]
        gloo::utils::document().set_title(&title);
        #[cfg(not(target_arch = "wasm32"))]
        let _ = title;
    });
}
