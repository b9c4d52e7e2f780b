//! The result of a decision tree: the recommendation and why, how firm it is, what applies to
//! this organization, the first 90 days, the trade-offs and risks, where it sits in the standards,
//! and ways to keep it. Everything shown comes from one `Advice` (see `guide_core::report`), the
//! same model the Markdown report renders.

mod actions;
mod firmness;
mod frameworks;
mod plan;

use std::rc::Rc;

use guide_core::report::{Advice, AdviceInput};
use guide_core::tree::{Answer, Confidence, Outcome, ValidTree};
use yew::prelude::*;

use crate::components::tree::question::learn_more;
use crate::components::tree::score_chart::ScoreChart;
use crate::content::compiled::crosswalk;
use crate::strings::{self, REPORT_LABELS as LABELS};

pub use plan::plan_list;

#[derive(Properties, PartialEq)]
pub struct TreeResultProps {
    pub tree: &'static ValidTree,
    pub answers: Vec<Answer>,
    /// Starting again; `None` for someone else's shared result, which is shown read-only.
    #[prop_or_default]
    pub on_restart: Option<Callback<()>>,
}

#[component]
pub fn TreeResult(props: &TreeResultProps) -> Html {
    let tree = props.tree;
    // The outcome and how firm it is (a replay of every neighbouring walk) are computed once per
    // set of answers, not on every render.
    let computed = use_memo(props.answers.clone(), move |answers| {
        Some((tree.outcome(answers)?, tree.confidence(answers)?))
    });
    let Some((outcome, confidence)) = computed.as_ref() else {
        return Html::default();
    };
    let input = AdviceInput {
        tree,
        outcome,
        confidence,
        crosswalk: crosswalk(),
    };
    let Some(advice) = input.advice() else {
        return Html::default();
    };
    html! {
        <section class="tree-result" data-testid="tree-result" data-result={advice.result.to_string()} aria-labelledby="result-title">
            <p class="result-kicker">{ strings::RESULT_KICKER }</p>
            <h2 id="result-title">{ advice.title }</h2>
            <p class="lead">{ advice.summary.clone() }</p>
            <p>{ advice.rationale.clone() }</p>
            <ScoreChart scores={advice.scores.to_vec()} total={advice.total} />
            { reasons(&advice) }
            { firmness::view(&advice) }
            { applies(&advice) }
            { plan::view(&advice) }
            { list(LABELS.trade_offs, &advice.trade_offs) }
            { list(LABELS.risks, &advice.risks) }
            { frameworks::view(&advice) }
            <p>{ learn_more(advice.learn_more) }</p>
            <actions::ResultActions {tree} answers={props.answers.clone()}
                computed={Rc::new((outcome.clone(), confidence.clone())) as Rc<(Outcome, Confidence)>}
                on_restart={props.on_restart.clone()} />
        </section>
    }
}

fn reasons(advice: &Advice<'_>) -> Html {
    html! {
        <>
            <h3>{ strings::RESULT_WHY }</h3>
            <ul class="rationale">
                { for advice.reasons.iter().map(|reason| html! {
                    <li class={classes!(reason.decisive.then_some("decisive"))}>
                        <span class="reason-question">{ reason.question_text.clone() }</span>
                        { " " }<strong>{ reason.option_label.clone() }</strong>
                        if reason.decisive { { " " }<span class="badge">{ LABELS.decisive }</span> }
                    </li>
                }) }
            </ul>
        </>
    }
}

/// The addenda that apply: rules, duties and circumstances of this organization.
fn applies(advice: &Advice<'_>) -> Html {
    if advice.applies.is_empty() {
        return Html::default();
    }
    html! {
        <section class="result-applies" data-testid="result-applies" aria-labelledby="result-applies">
            <h3 id="result-applies">{ LABELS.applies }</h3>
            { for advice.applies.iter().map(|note| html! {
                <div class="applies-note" data-testid="result-note" data-note={note.id.to_string()}>
                    <h4>{ note.title.clone() }</h4>
                    <p>{ note.text.clone() }</p>
                    if let Some(link) = note.learn_more { <p>{ learn_more(link) }</p> }
                </div>
            }) }
        </section>
    }
}

fn list(title: &'static str, items: &[String]) -> Html {
    if items.is_empty() {
        return Html::default();
    }
    html! {
        <>
            <h3>{ title }</h3>
            <ul>{ for items.iter().map(|item| html! { <li>{ item.clone() }</li> }) }</ul>
        </>
    }
}
