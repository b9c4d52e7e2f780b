//! The items of a self-check, section by section: each a fieldset with the requirement in our own
//! words, the evidence that satisfies it, and labelled radios (not applicable only where the
//! standard allows it). Every answer is kept at once with the reader's data.

use std::collections::BTreeMap;

use guide_core::conformance::{Item, ValidCheck, Verdict};
use guide_core::progress::Event;
use yew::prelude::*;

use crate::browser::clock::now;
use crate::components::tree::question::learn_more;
use crate::state::{use_guide_state, Action};
use crate::strings::{self, CHECK_LABELS};

#[derive(Properties, PartialEq)]
pub struct CheckFormProps {
    pub check: &'static ValidCheck,
    pub answers: BTreeMap<String, Verdict>,
}

#[component]
pub fn CheckForm(props: &CheckFormProps) -> Html {
    let check = props.check;
    html! {
        <div class="check-form">
            { for check.spec().sections.iter().map(|section| html! {
                <section class="check-section" aria-labelledby={format!("section-{}", section.id)}>
                    <h2 id={format!("section-{}", section.id)}>{ format!("§{} {}", section.clause, section.title) }</h2>
                    <p class="meta">{ section.summary.clone() }</p>
                    { for section.items.iter().map(|item| html! {
                        <CheckItem key={item.id.clone()} {check} item={item.clone()} verdict={props.answers.get(&item.id).copied()} />
                    }) }
                </section>
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct CheckItemProps {
    check: &'static ValidCheck,
    item: Item,
    verdict: Option<Verdict>,
}

#[component]
fn CheckItem(props: &CheckItemProps) -> Html {
    let state = use_guide_state();
    let item = &props.item;
    let name = format!("{}-{}", props.check.id(), item.id);
    let verdicts = Verdict::ALL
        .into_iter()
        .filter(|v| *v != Verdict::NotApplicable || item.allows_not_applicable);
    html! {
        <fieldset class="check-item" data-testid="conformance-item" data-item={item.id.clone()}
            data-verdict={props.verdict.map(|v| CHECK_LABELS.verdict(v)).unwrap_or_default()}
            aria-describedby={format!("{name}-evidence")}>
            <legend><span class="ref">{ format!("§{}", item.clause) }</span>{ " " }{ item.statement.clone() }</legend>
            <p class="meta" id={format!("{name}-evidence")}><strong>{ strings::CHECK_EVIDENCE }</strong>{ " " }{ item.evidence.clone() }</p>
            <div class="verdicts">
                { for verdicts.map(|verdict| {
                    let id = format!("{name}-{}", verdict_key(verdict));
                    let onchange = {
                        let dispatcher = state.dispatcher();
                        let (check, item) = (props.check.id().to_string(), item.id.clone());
                        Callback::from(move |_: web_sys::Event| {
                            dispatcher.dispatch(Action::Apply(Event::CheckAnswered {
                                check: check.clone(),
                                item: item.clone(),
                                verdict,
                                at: now(),
                            }));
                        })
                    };
                    html! {
                        <span class="verdict">
                            <input type="radio" id={id.clone()} name={name.clone()} value={verdict_key(verdict)}
                                checked={props.verdict == Some(verdict)} {onchange} />
                            <label for={id}>{ CHECK_LABELS.verdict(verdict) }</label>
                        </span>
                    }
                }) }
            </div>
            if let Some(when) = item.not_applicable_when.as_ref().filter(|_| item.allows_not_applicable) {
                <p class="meta">{ format!("{} {when}", strings::CHECK_NA_WHEN) }</p>
            }
            <p class="no-print">{ learn_more(&item.learn_more) }</p>
        </fieldset>
    }
}

/// The stored form of a verdict, for radio values.
fn verdict_key(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Yes => "yes",
        Verdict::Partly => "partly",
        Verdict::No => "no",
        Verdict::NotApplicable => "n-a",
        Verdict::DontKnow => "dont-know",
    }
}
