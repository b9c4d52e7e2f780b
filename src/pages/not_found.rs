//! The page for an address that leads nowhere, with a way back.

use yew::prelude::*;

use crate::components::frame::guide_link::GuideLink;
use crate::strings;

#[component]
pub fn NotFoundPage() -> Html {
    html! {
        <article class="page not-found">
            <h1>{ strings::NOT_FOUND_TITLE }</h1>
            <p>{ strings::NOT_FOUND_TEXT }</p>
            <ul>
                <li><GuideLink path="/book/">{ strings::NOT_FOUND_CONTENTS }</GuideLink></li>
                <li><GuideLink path="/">{ strings::NOT_FOUND_HOME }</GuideLink></li>
            </ul>
        </article>
    }
}
