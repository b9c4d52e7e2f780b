//! One question of a decision tree: a fieldset of labelled radio buttons, a hint on how to find
//! the answer out, why it is asked with a link to the book, and the buttons to go on or back.

use guide_core::tree::Question;
use yew::prelude::*;

use crate::components::frame::guide_link::GuideLink;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct TreeQuestionProps {
    pub tree_id: AttrValue,
    pub question: Question,
    pub number: usize,
    pub of_about: usize,
    /// The option chosen before, when the reader revisits the question.
    #[prop_or_default]
    pub previous: Option<String>,
    pub can_go_back: bool,
    /// Whether the reader's stored data has been read: until then an answer would be given to a
    /// walk that is not yet the reader's own, so the buttons wait (as they are when prerendered).
    pub ready: bool,
    pub reworded: bool,
    pub on_answer: Callback<String>,
    pub on_back: Callback<()>,
}

#[component]
pub fn TreeQuestion(props: &TreeQuestionProps) -> Html {
    let chosen = use_state_eq(|| props.previous.clone());
    let question = &props.question;
    let ends = chosen
        .as_ref()
        .and_then(|id| question.options.iter().find(|o| &o.id == id))
        .is_some_and(|o| o.next.is_none());
    let onsubmit = {
        let chosen = chosen.clone();
        let on_answer = props.on_answer.clone();
        let ready = props.ready;
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if let (Some(option), true) = ((*chosen).clone(), ready) {
                on_answer.emit(option);
            }
        })
    };
    let on_back = props.on_back.clone();
    let name = format!("{}-{}", props.tree_id, question.id);
    html! {
        <form class="tree-form" {onsubmit}>
            <p class="tree-count" aria-live="polite">
                { format!("{} {} {} {}", strings::TREE_QUESTION, props.number, strings::TREE_OF_ABOUT, props.of_about) }
            </p>
            <fieldset data-testid="tree-question" class="tree-question"
                aria-describedby={question.hint.as_ref().map(|_| format!("{name}-hint"))}>
                <legend>{ question.text.clone() }</legend>
                if let Some(hint) = &question.hint {
                    <p class="tree-hint" id={format!("{name}-hint")}><strong>{ strings::TREE_HINT }</strong>{ " " }{ hint.clone() }</p>
                }
                if props.reworded {
                    <p class="reworded" role="note">{ strings::TREE_REWORDED }</p>
                }
                { for question.options.iter().map(|option| {
                    let id = format!("{name}-{}", option.id);
                    let checked = chosen.as_deref() == Some(option.id.as_str());
                    let onchange = {
                        let chosen = chosen.clone();
                        let value = option.id.clone();
                        Callback::from(move |_: Event| chosen.set(Some(value.clone())))
                    };
                    html! {
                        <div class="tree-option">
                            <input type="radio" id={id.clone()} name={name.clone()} value={option.id.clone()} {checked} {onchange} />
                            <label for={id}>{ option.label.clone() }</label>
                        </div>
                    }
                }) }
            </fieldset>
            <details class="tree-why">
                <summary>{ strings::TREE_WHY }</summary>
                <p>{ question.why.clone() }</p>
                <p>{ learn_more(&question.learn_more) }</p>
            </details>
            <div class="tree-actions">
                <button type="button" class="secondary" data-testid="tree-back" disabled={!props.can_go_back || !props.ready}
                    onclick={move |_| on_back.emit(())}>{ strings::TREE_BACK }</button>
                <button type="submit" disabled={chosen.is_none() || !props.ready}>
                    { if ends { strings::TREE_SEE_RESULT } else { strings::TREE_NEXT } }
                </button>
            </div>
        </form>
    }
}

/// A "read more" link to a root-relative location: a book section ("Read more in the book") or
/// a tool of the guide (named by its page, such as "Open the ISO/IEC 5230 check").
pub fn learn_more(link: &str) -> Html {
    let (path, fragment) = match link.split_once('#') {
        Some((path, fragment)) => (
            path.to_string(),
            Some(AttrValue::from(fragment.to_string())),
        ),
        None => (link.to_string(), None),
    };
    let label = match guide_core::GuidePath::parse(&path) {
        Some(guide_core::GuidePath::Page(page)) => {
            format!(
                "{} {}",
                strings::OPEN_TOOL,
                crate::page_meta::nav_label(page)
            )
        }
        _ => strings::TREE_LEARN_MORE.to_string(),
    };
    html! { <GuideLink path={path} fragment={fragment}>{ label }</GuideLink> }
}
