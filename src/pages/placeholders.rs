//! Pages whose feature is not built yet. Each says so plainly and points to the chapter that
//! already covers its topic; none pretends to work.

use yew::prelude::*;

use crate::components::coming_soon::ComingSoon;

#[component]
pub fn ReadinessPage() -> Html {
    html! {
        <ComingSoon
            title="Is your organization ready for an OSPO?"
            promise="An interactive assessment of about fifteen questions will tell you what to do now, with scores on six dimensions. Until it is ready, the chapter on assessing readiness explains the same questions and results."
            chapter={Some((AttrValue::from("/book/assessing-readiness/"), AttrValue::from("Read: Assessing readiness")))}
        />
    }
}

#[component]
pub fn StructurePage() -> Html {
    html! {
        <ComingSoon
            title="Which OSPO structure fits your organization?"
            promise="An interactive advisor will recommend where your OSPO reports, its shape, size and funding, with the trade-offs. Until it is ready, the chapter on structure choices covers each option."
            chapter={Some((AttrValue::from("/book/structure-choices/"), AttrValue::from("Read: Structure choices")))}
        />
    }
}

#[component]
pub fn ProgressPage() -> Html {
    html! {
        <ComingSoon
            title="Your data"
            promise="This page will show what the guide keeps in your browser (reading progress, answers, results), and let you export, import and erase it. Nothing is stored yet, and nothing ever leaves your device."
        />
    }
}
