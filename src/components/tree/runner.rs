//! Runs a decision tree: one question at a time, back, restart, a breadcrumb of answers, the
//! result, and a share link (`#a=…`) opened from the address.
//!
//! A share link is a colleague's walk, not the reader's: it is shown read-only, after the
//! reader's own data has loaded, with a choice to adopt it. Until the reader adopts it, it
//! changes neither their answers in progress nor their results history.

use guide_core::share::{self, ShareError};
use guide_core::tree::{Answer, Step, ValidTree};
use guide_core::{GuidePath, Page};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::tree::breadcrumb::TreeBreadcrumb;
use crate::components::tree::history::ResultHistory;
use crate::components::tree::question::TreeQuestion;
use crate::components::tree::result::TreeResult;
use crate::components::tree::shared::SharedWalk;
use crate::content::compiled::tree;
use crate::hooks::tree_walk::use_tree_walk;
use crate::route::Route;
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
        Some(tree) => html! { <TreeSession tree={tree} open_share_link={props.open_share_link} /> },
        None => html! { <p>{ strings::TREE_UNAVAILABLE }</p> },
    }
}

#[derive(Properties, PartialEq)]
struct TreeSessionProps {
    tree: &'static ValidTree,
    open_share_link: bool,
}

/// A share link read from the address.
#[derive(Clone, PartialEq)]
enum SharedLink {
    /// A walk that differs from the reader's own, shown read-only until adopted or dismissed.
    Walk(Vec<Answer>),
    Broken(ShareError),
}

#[component]
fn TreeSession(props: &TreeSessionProps) -> Html {
    let tree = props.tree;
    let walk = use_tree_walk(tree);
    let shared = use_state_eq(|| None::<SharedLink>);
    // Answers dropped by "back" or "change", so the question shows its earlier choice again.
    let undone = use_state_eq(Vec::<Answer>::new);
    let hash = use_location()
        .map(|l| l.hash().to_string())
        .unwrap_or_default();
    {
        // Once the reader's own data has loaded: a share link that differs from their walk is
        // shown beside it, read-only.
        let shared = shared.clone();
        let own = walk.answers.clone();
        let enabled = props.open_share_link && walk.loaded;
        use_effect_with((hash, enabled), move |(hash, enabled)| {
            if let Some(code) = hash.strip_prefix("#a=").filter(|_| *enabled) {
                shared.set(match share::decode(tree, code) {
                    Ok(answers) if answers == own => None,
                    Ok(answers) => Some(SharedLink::Walk(answers)),
                    Err(error) => Some(SharedLink::Broken(error)),
                });
            }
        });
    }
    let navigator = use_navigator();
    // Leaving the shared view takes the link out of the address, so a reload shows the reader's
    // own walk.
    let close_shared = {
        let shared = shared.clone();
        Callback::from(move |()| {
            shared.set(None);
            if let (Some(navigator), Some(page)) = (&navigator, Page::of_tree(tree.id())) {
                navigator.replace(&Route::from(GuidePath::Page(page)));
            }
        })
    };
    if let Some(SharedLink::Walk(answers)) = (*shared).clone() {
        let adopt = {
            let set = walk.set.clone();
            let close_shared = close_shared.clone();
            let answers = answers.clone();
            Callback::from(move |()| {
                set.emit(answers.clone());
                close_shared.emit(());
            })
        };
        return html! {
            <SharedWalk {tree} {answers} own_in_progress={!walk.answers.is_empty()}
                on_adopt={adopt} on_dismiss={close_shared} />
        };
    }
    let step = tree.current(&walk.answers);
    let on_restart = {
        let set = walk.set.clone();
        let shared = shared.clone();
        let undone = undone.clone();
        Callback::from(move |()| {
            shared.set(None);
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
    let carry = walk.carry.clone().map(|carry| {
        let set = walk.set.clone();
        let use_them = Callback::from(move |_| set.emit(carry.answers.clone()));
        html! {
            <aside class="carry-over" data-testid="carry-over" aria-labelledby="carry-title">
                <h2 id="carry-title">{ strings::CARRY_TITLE }</h2>
                <p>{ format!("{} {} {} “{}”.", carry.count, strings::CARRY_TEXT, strings::CARRY_IN, carry.from) }</p>
                <button type="button" data-testid="carry-over-use" onclick={use_them}>{ strings::CARRY_USE }</button>
            </aside>
        }
    });
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
                    {number} {of_about} can_go_back={!walk.answers.is_empty()} ready={walk.loaded}
                    reworded={walk.reworded.contains(&question.id)} {on_answer} {on_back} />
            }
        }
        Ok(Step::Done { .. }) => html! {
            <TreeResult tree={tree} answers={walk.answers.clone()} on_restart={Some(on_restart.clone())} />
        },
        Err(_) => html! {
            <button type="button" onclick={on_restart.reform(|_| ())}>{ strings::TREE_RESTART }</button>
        },
    };
    html! {
        <div class="tree-runner">
            if let Some(SharedLink::Broken(error)) = (*shared).clone() {
                <p class="share-problem" role="alert" data-testid="share-error">
                    { strings::TREE_SHARE_ERROR }{ strings::share_problem(&error) }{ strings::TREE_SHARE_ERROR_AFTER }
                </p>
            }
            { carry.unwrap_or_default() }
            { body }
            <TreeBreadcrumb tree={tree} answers={walk.answers.clone()} on_revisit={Some(on_revisit)} />
            if !walk.answers.is_empty() {
                <p><button type="button" class="link-button" onclick={on_restart.reform(|_| ())}>{ strings::TREE_RESTART }</button></p>
            }
            <ResultHistory tree={tree} />
        </div>
    }
}
