//! The page of a decision tree (`/readiness/`, `/structure/`).

use yew::prelude::*;

use crate::components::tree::question::learn_more;
use crate::components::tree::runner::TreeRunner;
use crate::content::compiled::tree;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct TreePageProps {
    pub id: AttrValue,
    /// The chapter behind the tree.
    pub chapter: AttrValue,
}

#[component]
pub fn TreePage(props: &TreePageProps) -> Html {
    let Some(found) = tree(&props.id) else {
        return html! { <article class="page"><h1>{ strings::TREE_UNAVAILABLE }</h1></article> };
    };
    html! {
        <article class="page tree-page">
            <h1>{ found.spec().title.clone() }</h1>
            <p class="lead">{ found.spec().intro.clone() }</p>
            <p class="meta">{ strings::TREE_PRIVACY }{ " " }{ learn_more(&props.chapter) }</p>
            <TreeRunner id={props.id.clone()} open_share_link={true} />
        </article>
    }
}
