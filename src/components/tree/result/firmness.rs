//! How firm a result is: the answers one step away that would change it or one of its grouped
//! addenda (the target shape, the form to start in, the funding), and the "don't know" answers
//! with what the other answers would give. A borderline result says so before anything
//! else in this section, so nobody acts on a coin toss without checking.

use guide_core::report::Advice;
use yew::prelude::*;

use crate::strings::{self, REPORT_LABELS as LABELS};

pub fn view(advice: &Advice<'_>) -> Html {
    let borderline = !advice.changes.is_empty();
    let unknowns: Vec<_> = advice.telling_unknowns().collect();
    html! {
        <section class={classes!("result-firmness", borderline.then_some("borderline"))} data-testid="result-firmness"
            data-borderline={borderline.to_string()} aria-labelledby="result-firmness">
            <h3 id="result-firmness">{ LABELS.firmness }</h3>
            if borderline {
                <p class="notice" role="note">{ strings::RESULT_BORDERLINE }</p>
                <ul>
                    { for advice.changes.iter().map(|change| one_step("result-change", change.option, change.question,
                        &format!("{} ", LABELS.result_would_be), change.result)) }
                </ul>
            } else if advice.is_firm() {
                <p>{ LABELS.firm }</p>
            }
            if !advice.alternatives.is_empty() {
                <p>{ if borderline { strings::RESULT_ALTERNATIVES_TOO } else { strings::RESULT_ALTERNATIVES } }</p>
                <ul>
                    { for advice.alternatives.iter().map(|alternative| one_step("result-alternative", alternative.option,
                        alternative.question, &format!("{}: ", LABELS.instead_applies), alternative.title)) }
                </ul>
            }
            if !unknowns.is_empty() {
                <p>{ strings::RESULT_UNKNOWNS }</p>
                <ul>
                    { for unknowns.iter().map(|unknown| html! {
                        <li data-testid="result-unknown">
                            <span class="reason-question">{ unknown.question }</span>{ format!(": {} ", LABELS.unknown_gives) }
                            <strong>{ unknown.results.join("; ") }</strong>
                            if unknown.keeps_result { { format!(" ({})", strings::RESULT_UNKNOWN_KEEPS) } }
                            { "." }
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}

/// "Had you answered “option” (question), `then` **what**."
fn one_step(testid: &'static str, option: &str, question: &str, then: &str, what: &str) -> Html {
    html! {
        <li data-testid={testid}>
            { format!("{} “{option}” ({question}), {then}", LABELS.had_you_answered) }
            <strong>{ what.to_string() }</strong>{ "." }
        </li>
    }
}
