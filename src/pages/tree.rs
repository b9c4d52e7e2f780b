//! The page of a decision tree (`/readiness/`, `/structure/`): its title and intro, the walk, and a
//! link to the chapter that explains how it decides.

use guide_core::Page;
use yew::prelude::*;

use crate::components::frame::intro::PageIntro;

use crate::components::tree::question::learn_more;
use crate::components::tree::runner::TreeRunner;
use crate::content::compiled::tree;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct TreePageProps {
    /// A page that runs a tree (see `Page::tree`).
    pub page: Page,
}

#[component]
pub fn TreePage(props: &TreePageProps) -> Html {
    let Some(found) = props.page.tree().and_then(tree) else {
        return html! { <article class="page"><h1>{ strings::TREE_UNAVAILABLE }</h1></article> };
    };
    let spec = found.spec();
    html! {
        <article class="page tree-page">
            <h1>{ spec.title.clone() }</h1>
            <PageIntro text={spec.intro.clone()} />
            <p class="meta">{ strings::TREE_PRIVACY }{ " " }{ learn_more(&spec.chapter) }</p>
            <TreeRunner id={spec.id.clone()} open_share_link={true} />
        </article>
    }
}
