//! The site footer: what the guide promises about the reader's data.

use yew::prelude::*;

use crate::strings;

#[component]
pub fn Footer() -> Html {
    html! {
        <footer class="site-footer">
            <p>{ strings::FOOTER_PRIVACY }</p>
            <p>{ strings::GUIDE_NAME }{ ". " }{ strings::FOOTER_LICENSE }</p>
        </footer>
    }
}
