//! The answers given so far, each with a button to go back and change it.

use guide_core::tree::{Answer, ValidTree};
use yew::prelude::*;

use crate::strings;

#[derive(Properties, PartialEq)]
pub struct TreeBreadcrumbProps {
    pub tree: &'static ValidTree,
    pub answers: Vec<Answer>,
    /// Reopen this question (its id), dropping the answers after it; `None` shows the answers
    /// read-only (someone else's shared walk).
    #[prop_or_default]
    pub on_revisit: Option<Callback<String>>,
}

#[component]
pub fn TreeBreadcrumb(props: &TreeBreadcrumbProps) -> Html {
    if props.answers.is_empty() {
        return Html::default();
    }
    html! {
        <details class="tree-breadcrumb">
            <summary>{ format!("{} ({})", strings::TREE_ANSWERS_LABEL, props.answers.len()) }</summary>
            <ol>
                { for props.answers.iter().filter_map(|answer| {
                    let question = props.tree.question(&answer.question)?;
                    let option = question.options.iter().find(|o| o.id == answer.option)?;
                    let on_revisit = props.on_revisit.clone();
                    let id = question.id.clone();
                    Some(html! {
                        <li>
                            <span class="crumb-question">{ question.text.clone() }</span>
                            { " " }<strong>{ option.label.clone() }</strong>{ " " }
                            if let Some(on_revisit) = on_revisit {
                                <button type="button" class="link-button" onclick={move |_| on_revisit.emit(id.clone())}
                                    aria-label={format!("{}: {}", strings::TREE_CHANGE_ANSWER, question.text)}>
                                    { strings::TREE_CHANGE_ANSWER }
                                </button>
                            }
                        </li>
                    })
                }) }
            </ol>
        </details>
    }
}
