//! How a workshop's answers spread over each question of a tree, the questions that split people
//! first, with the group's choice beside each: the agenda of the meeting.

use std::collections::BTreeMap;

use guide_core::tree::ValidTree;
use guide_core::workshop::{spread, Agreement, Person};
use yew::prelude::*;

use super::spread_list::spread_list;
use crate::hooks::workshop_store::WorkshopAction;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct WorkshopQuestionsProps {
    pub tree: &'static ValidTree,
    pub people: Vec<Person>,
    /// The group's choices so far: question id → option id.
    pub choices: BTreeMap<String, String>,
    pub dispatch: Callback<WorkshopAction>,
}

#[component]
pub fn WorkshopQuestions(props: &WorkshopQuestionsProps) -> Html {
    let tree = props.tree;
    let rows = spread(tree, &props.people);
    let split = rows
        .iter()
        .filter(|r| r.agreement == Agreement::Split)
        .count();
    let take_majority = {
        let (dispatch, rows, choices) =
            (props.dispatch.clone(), rows.clone(), props.choices.clone());
        Callback::from(move |_: MouseEvent| {
            for row in rows.iter().filter(|r| !choices.contains_key(&r.question)) {
                if let Some(option) = &row.majority {
                    dispatch.emit(WorkshopAction::Choose {
                        tree: tree.id().to_string(),
                        question: row.question.clone(),
                        option: Some(option.clone()),
                    });
                }
            }
        })
    };
    html! {
        <section class="workshop-questions" aria-labelledby={format!("questions-{}", tree.id())}>
            <h3 id={format!("questions-{}", tree.id())}>{ strings::WORKSHOP_QUESTIONS }</h3>
            <p data-testid="workshop-split-count">{ format!("{split} {} {}.", strings::WORKSHOP_SPLIT_OF, rows.len()) }</p>
            <p class="no-print"><button type="button" onclick={take_majority}>{ strings::WORKSHOP_TAKE_MAJORITY }</button></p>
            <ol class="workshop-rows">
                { for rows.iter().map(|row| {
                    let select_id = format!("group-{}-{}", tree.id(), row.question);
                    let chosen = props.choices.get(&row.question).cloned();
                    let onchange = {
                        let question = row.question.clone();
                        props.dispatch.reform(move |e: Event| {
                            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                            WorkshopAction::Choose {
                                tree: tree.id().to_string(),
                                question: question.clone(),
                                option: (!value.is_empty()).then_some(value),
                            }
                        })
                    };
                    html! {
                        <li class={classes!("workshop-question", row.agreement.key())} data-testid="workshop-question"
                            data-question={row.question.clone()} data-agreement={row.agreement.key()}>
                            <p class="question-text">
                                { row.text.clone() }
                                { " " }<span class="badge">{ match row.agreement {
                                    Agreement::Split => strings::WORKSHOP_SPLIT,
                                    Agreement::All => strings::WORKSHOP_AGREE,
                                    Agreement::Unanswered => strings::WORKSHOP_UNANSWERED,
                                } }</span>
                            </p>
                            { spread_list(row.options.iter().map(|o| (o.label.as_str(), o.people.as_slice()))) }
                            if !row.changed.is_empty() {
                                <p class="meta" data-testid="workshop-changed">{ format!("{} {}", strings::WORKSHOP_CHANGED, row.changed.join(", ")) }</p>
                            }
                            <p class="group-choice">
                                <label for={select_id.clone()}>{ strings::WORKSHOP_GROUP_ANSWER }</label>{ " " }
                                <select id={select_id} {onchange} data-testid="workshop-choice">
                                    <option value="" selected={chosen.is_none()}>{ strings::WORKSHOP_UNDECIDED }</option>
                                    { for row.options.iter().map(|o| html! {
                                        <option value={o.option.clone()} selected={chosen.as_deref() == Some(o.option.as_str())}>
                                            { format!("{} ({})", o.label, o.people.len()) }
                                        </option>
                                    }) }
                                </select>
                            </p>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
