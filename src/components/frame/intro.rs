//! A page's introduction: a lead paragraph on the site; in a widget, folded behind one short line,
//! so that the first question is in view at once inside a host page.

use yew::prelude::*;

use crate::mode::use_mode;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct PageIntroProps {
    pub text: AttrValue,
    /// The line the intro folds behind in a widget.
    #[prop_or(AttrValue::Static(strings::INTRO_FOLD))]
    pub summary: AttrValue,
}

#[component]
pub fn PageIntro(props: &PageIntroProps) -> Html {
    if use_mode().is_widget() {
        html! {
            <details class="intro-fold" data-testid="intro-fold">
                <summary>{ props.summary.clone() }</summary>
                <p class="lead">{ props.text.clone() }</p>
            </details>
        }
    } else {
        html! { <p class="lead">{ props.text.clone() }</p> }
    }
}
