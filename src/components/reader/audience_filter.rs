//! A row of toggle buttons that picks one audience (or everyone).

use guide_core::Audience;
use yew::prelude::*;

use crate::strings;

#[derive(Properties, PartialEq)]
pub struct AudienceFilterProps {
    pub selected: Option<Audience>,
    pub on_select: Callback<Option<Audience>>,
    #[prop_or(AttrValue::Static(strings::FILTER_LABEL))]
    pub label: AttrValue,
}

#[component]
pub fn AudienceFilter(props: &AudienceFilterProps) -> Html {
    let button = |choice: Option<Audience>, text: &'static str| {
        let on_select = props.on_select.clone();
        let pressed = props.selected == choice;
        html! {
            <button type="button" class="filter-button" aria-pressed={pressed.to_string()}
                onclick={move |_| on_select.emit(choice)}>
                { text }
            </button>
        }
    };
    html! {
        <div class="audience-filter" role="group" aria-label={props.label.clone()}>
            <span class="filter-label" aria-hidden="true">{ props.label.clone() }{ ":" }</span>
            { button(None, strings::FILTER_ALL) }
            { for Audience::ALL.into_iter().map(|a| button(Some(a), strings::audience_short(a))) }
        </div>
    }
}
