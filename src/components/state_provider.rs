//! Holds the reader's state for everything inside it, loads and saves it (per namespace), and
//! applies the chosen theme to `theme_root` (the document on the site, the widget's host inside a
//! page).

#[cfg(target_arch = "wasm32")]
use guide_core::progress::Theme;
use yew::prelude::*;

use crate::hooks::persistence::use_persistence;
use crate::state::GuideState;

#[derive(Properties, PartialEq)]
pub struct StateProviderProps {
    /// Keeps this reader's data apart from other guides on the same origin.
    #[prop_or(AttrValue::Static("default"))]
    pub namespace: AttrValue,
    /// Where `data-theme` is set; `None` means the document's root element.
    #[prop_or_default]
    pub theme_root: Option<NodeRef>,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn StateProvider(props: &StateProviderProps) -> Html {
    let state = use_reducer(GuideState::default);
    use_persistence(state.clone(), props.namespace.clone());
    let theme = state.progress.theme();
    use_effect_with((theme, props.theme_root.clone()), |(theme, root)| {
        #[cfg(target_arch = "wasm32")]
        {
            let element = match root {
                Some(node) => node.cast::<web_sys::Element>(),
                None => gloo::utils::document().document_element(),
            };
            if let Some(element) = element {
                let _ = match theme {
                    Theme::Auto => element.remove_attribute("data-theme"),
                    Theme::Light => element.set_attribute("data-theme", "light"),
                    Theme::Dark => element.set_attribute("data-theme", "dark"),
                };
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (theme, root);
    });
    html! {
        <ContextProvider<crate::state::StateHandle> context={state}>
            { props.children.clone() }
        </ContextProvider<crate::state::StateHandle>>
    }
}
