//! Someone else's walk, opened from a share link: shown read-only beside the reader's own data,
//! with a choice to adopt it (which makes it the reader's walk and records its result) or to go
//! back to their own answers. Nothing here changes the reader's data until they adopt it.

use guide_core::tree::{Answer, ValidTree};
use yew::prelude::*;

use crate::components::tree::breadcrumb::TreeBreadcrumb;
use crate::components::tree::result::TreeResult;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct SharedWalkProps {
    pub tree: &'static ValidTree,
    pub answers: Vec<Answer>,
    /// Whether the reader has answers of their own in progress (which adopting replaces).
    pub own_in_progress: bool,
    pub on_adopt: Callback<()>,
    pub on_dismiss: Callback<()>,
}

#[component]
pub fn SharedWalk(props: &SharedWalkProps) -> Html {
    let finished = props.tree.outcome(&props.answers).is_some();
    let on_adopt = props.on_adopt.reform(|_| ());
    let on_dismiss = props.on_dismiss.reform(|_| ());
    html! {
        <div class="tree-runner shared-walk" data-testid="shared-walk">
            <section class="shared-banner" role="region" aria-labelledby="shared-title">
                <h2 id="shared-title">{ strings::SHARED_TITLE }</h2>
                <p>{ strings::SHARED_TEXT }</p>
                if props.own_in_progress { <p><strong>{ strings::SHARED_REPLACES_OWN }</strong></p> }
                <div class="tree-actions">
                    <button type="button" data-testid="shared-adopt" onclick={on_adopt}>{ strings::SHARED_ADOPT }</button>
                    <button type="button" class="secondary" data-testid="shared-dismiss" onclick={on_dismiss}>
                        { if props.own_in_progress { strings::SHARED_DISMISS_OWN } else { strings::SHARED_DISMISS } }
                    </button>
                </div>
            </section>
            if finished {
                <TreeResult tree={props.tree} answers={props.answers.clone()} />
            } else {
                <p>{ strings::SHARED_UNFINISHED }</p>
            }
            <TreeBreadcrumb tree={props.tree} answers={props.answers.clone()} />
        </div>
    }
}
