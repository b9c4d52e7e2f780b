//! The theme choice: follow the system, light or dark. Remembered with the reader's data.

use guide_core::progress::{Event, Theme};
use yew::events::Event as DomEvent;
use yew::prelude::*;

use crate::browser::clock::now;
use crate::state::{use_guide_state, Action};
use crate::strings;

const CHOICES: [(Theme, &str, &str); 3] = [
    (Theme::Auto, "auto", strings::THEME_AUTO),
    (Theme::Light, "light", strings::THEME_LIGHT),
    (Theme::Dark, "dark", strings::THEME_DARK),
];

#[component]
pub fn ThemeSwitch() -> Html {
    let state = use_guide_state();
    let current = state.progress.theme();
    let onchange = {
        let state = state.clone();
        Callback::from(move |event: DomEvent| {
            let value = event
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .map(|select| select.value())
                .unwrap_or_default();
            if let Some((theme, _, _)) = CHOICES.iter().find(|(_, key, _)| *key == value) {
                state.dispatch(Action::Apply(Event::ThemeChosen {
                    theme: *theme,
                    at: now(),
                }));
            }
        })
    };
    html! {
        <label class="theme-switch">
            <span>{ strings::THEME_LABEL }</span>
            <select {onchange} data-testid="theme-switch">
                { for CHOICES.iter().map(|(theme, key, label)| html! {
                    <option value={*key} selected={*theme == current}>{ *label }</option>
                }) }
            </select>
        </label>
    }
}
