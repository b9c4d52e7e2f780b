//! The first 90 days: the result's steps and those of the addenda that apply, by window, each
//! with its owner and the sign that it is done. Steps the answers show are already in place are
//! ticked, not dropped, so the reader sees the whole plan.

use guide_core::report::Advice;
use guide_core::tree::{PlanItem, Window};
use yew::prelude::*;

use crate::components::tree::question::learn_more;
use crate::strings::{self, REPORT_LABELS as LABELS};

pub fn view(advice: &Advice<'_>) -> Html {
    if advice.plan.is_empty() {
        return Html::default();
    }
    html! {
        <section class="result-plan" data-testid="result-plan" aria-labelledby="result-plan">
            <h3 id="result-plan">{ LABELS.plan }</h3>
            <p class="meta">{ strings::PLAN_HINT }</p>
            { for advice.plan.iter().map(|(window, items)| plan_list(*window, items)) }
        </section>
    }
}

/// One window of a plan with its steps.
pub fn plan_list(window: Window, items: &[&PlanItem]) -> Html {
    html! {
        <>
            <h4>{ LABELS.window(window) }</h4>
            <ol class="plan-steps">
                { for items.iter().map(|item| html! {
                    <li class={classes!(item.done.then_some("done"))} data-testid="plan-step"
                        data-step={item.step.clone()} data-done={item.done.to_string()}>
                        <p class="plan-text">
                            if item.done { <span class="badge">{ strings::PLAN_DONE }</span>{ " " } }
                            { item.text.clone() }
                            if let Some(link) = &item.link { { " " }{ learn_more(link) } }
                        </p>
                        <p class="plan-meta">
                            <span>{ format!("{}: {}", LABELS.owner, item.owner) }</span>
                            <span>{ format!("{}: {}", LABELS.done_when, item.done_when) }</span>
                        </p>
                    </li>
                }) }
            </ol>
        </>
    }
}
