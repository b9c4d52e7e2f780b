//! Runs a decision tree: one question at a time, back, restart, a breadcrumb of answers, the
//! result, and opening a share link (`#a=…`) from the address.

use guide_core::share;
use guide_core::tree::{Answer, Step};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::tree::breadcrumb::TreeBreadcrumb;
use crate::components::tree::history::ResultHistory;
use crate::components::tree::question::TreeQuestion;
use crate::components::tree::result::TreeResult;
use crate::content::compiled::tree;
use crate::hooks::tree_walk::use_tree_walk;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct TreeRunnerProps {
    pub id: AttrValue,
    /// Read a share link from the address (on the tree's own page, not when embedded).
    #[prop_or_default]
    pub open_share_link: bool,
}

#[component]
pub fn TreeRunner(props: &TreeRunnerProps) -> Html {
    match tree(&props.id) {
        Some(tree) => html! { <Walk tree={tree} open_share_link={props.open_share_link} /> },
        None => html! { <p>{ strings::TREE_UNAVAILABLE }</p> },
    }
}

#[derive(Properties, PartialEq)]
struct WalkProps {
    tree: &'static guide_core::tree::ValidTree,
    open_share_link: bool,
}

#[component]
fn Walk(props: &WalkProps) -> Html {
    let tree = props.tree;
    let walk = use_tree_walk(tree);
    let share_problem = use_state_eq(|| None::<String>);
    // Answers dropped by "back" or "change", so the question shows its earlier choice again.
    let undone = use_state_eq(Vec::<Answer>::new);
    {
        // Once, after mount: a share link in the address replaces the answers.
        let set = walk.set.clone();
        let current = walk.answers.clone();
        let share_problem = share_problem.clone();
        let hash = use_location()
            .map(|l| l.hash().to_string())
            .unwrap_or_default();
        let enabled = props.open_share_link;
        use_effect_with((), move |_| {
            if let Some(code) = hash.strip_prefix("#a=").filter(|_| enabled) {
                match share::decode(tree, code) {
                    Ok(answers) if answers != current => set.emit(answers),
                    Ok(_) => {}
                    Err(error) => share_problem.set(Some(error.to_string())),
                }
            }
        });
    }
    let step = tree.current(&walk.answers);
    let on_restart = {
        let set = walk.set.clone();
        let share_problem = share_problem.clone();
        let undone = undone.clone();
        Callback::from(move |()| {
            share_problem.set(None);
            undone.set(Vec::new());
            set.emit(tree.restart());
        })
    };
    // Goes back to an earlier point, remembering the answers given after it.
    let rewind = {
        let set = walk.set.clone();
        let answers = walk.answers.clone();
        let undone = undone.clone();
        Callback::from(move |shorter: Vec<Answer>| {
            undone.set(answers[shorter.len().min(answers.len())..].to_vec());
            set.emit(shorter);
        })
    };
    let on_revisit = {
        let answers = walk.answers.clone();
        let rewind = rewind.clone();
        Callback::from(move |question: String| {
            if let Some(shorter) = tree.revisit(&answers, &question) {
                rewind.emit(shorter);
            }
        })
    };
    let body = match step {
        Ok(Step::Ask {
            question,
            number,
            of_about,
        }) => {
            let on_answer = {
                let set = walk.set.clone();
                let answers = walk.answers.clone();
                Callback::from(move |option: String| {
                    if let Ok(next) = tree.answer(&answers, &option) {
                        set.emit(next);
                    }
                })
            };
            let on_back = {
                let answers = walk.answers.clone();
                let rewind = rewind.clone();
                Callback::from(move |()| rewind.emit(tree.back(&answers)))
            };
            let previous = undone
                .iter()
                .find(|a| a.question == question.id)
                .map(|a| a.option.clone());
            html! {
                <TreeQuestion key={question.id.clone()} tree_id={tree.id().to_string()} question={question.clone()} {previous}
                    {number} {of_about} can_go_back={!walk.answers.is_empty()}
                    reworded={walk.reworded.contains(&question.id)} {on_answer} {on_back} />
            }
        }
        Ok(Step::Done { .. }) => html! {
            <TreeResult tree={tree} answers={walk.answers.clone()} on_restart={on_restart.clone()} />
        },
        Err(_) => html! {
            <button type="button" onclick={on_restart.reform(|_| ())}>{ strings::TREE_RESTART }</button>
        },
    };
    html! {
        <div class="tree-runner">
            if let Some(problem) = (*share_problem).clone() {
                <p class="share-problem" role="alert" data-testid="share-error">
                    { strings::TREE_SHARE_ERROR }{ problem }{ strings::TREE_SHARE_ERROR_AFTER }
                </p>
            }
            { body }
            <TreeBreadcrumb tree={tree} answers={walk.answers.clone()} {on_revisit} />
            if !walk.answers.is_empty() {
                <p><button type="button" class="link-button" onclick={on_restart.reform(|_| ())}>{ strings::TREE_RESTART }</button></p>
            }
            <ResultHistory tree={tree} />
        </div>
    }
}
