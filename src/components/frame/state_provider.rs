//! Holds the reader's state for everything inside it, loads and saves it (per namespace), and on
//! the site applies the chosen theme to the document. (A widget's theme is its `theme` attribute,
//! set on its own element; it never changes the host's document.)

#[cfg(target_arch = "wasm32")]
use guide_core::progress::Theme;
use yew::prelude::*;

use crate::hooks::persistence::use_persistence;
use crate::mode::use_mode;
use crate::state::GuideState;

/// The namespace the reader's data is kept under, for the parts that read storage directly (the
/// list of kept copies on "Your data").
#[derive(Debug, Clone, PartialEq)]
pub struct Namespace(pub AttrValue);

#[derive(Properties, PartialEq)]
pub struct StateProviderProps {
    /// Keeps this reader's data apart from other guides on the same origin.
    #[prop_or(AttrValue::Static("default"))]
    pub namespace: AttrValue,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn StateProvider(props: &StateProviderProps) -> Html {
    let state = use_reducer(GuideState::default);
    use_persistence(state.clone(), props.namespace.clone());
    let theme = state.progress.theme();
    let site = !use_mode().is_widget();
    use_effect_with((theme, site), |(theme, site)| {
        #[cfg(target_arch = "wasm32")]
        if *site {
            if let Some(element) = gloo::utils::document().document_element() {
                let _ = match theme {
                    Theme::Auto => element.remove_attribute("data-theme"),
                    Theme::Light => element.set_attribute("data-theme", "light"),
                    Theme::Dark => element.set_attribute("data-theme", "dark"),
                };
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (theme, site);
    });
    html! {
        <ContextProvider<crate::state::StateHandle> context={state}>
            <ContextProvider<Namespace> context={Namespace(props.namespace.clone())}>
                { props.children.clone() }
            </ContextProvider<Namespace>>
        </ContextProvider<crate::state::StateHandle>>
    }
}
