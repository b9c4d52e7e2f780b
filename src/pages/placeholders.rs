//! Pages whose feature is not built yet. Each says so plainly and points to the chapter that
//! already covers its topic; none pretends to work.

use yew::prelude::*;

use crate::components::coming_soon::ComingSoon;

#[component]
pub fn ProgressPage() -> Html {
    html! {
        <ComingSoon
            title="Your data"
            promise="This page will show what the guide keeps in your browser (reading progress, answers, results), and let you export, import and erase it. Nothing is stored yet, and nothing ever leaves your device."
        />
    }
}
