//! A decision tree inside a chapter (`{{tree <id>}}`): the same tree, with the same stored
//! answers, as on its own page.

use yew::prelude::*;

use crate::components::tree::runner::TreeRunner;
use crate::content::compiled::tree;

#[derive(Properties, PartialEq)]
pub struct TreeEmbedProps {
    pub id: AttrValue,
}

#[component]
pub fn TreeEmbed(props: &TreeEmbedProps) -> Html {
    let Some(found) = tree(&props.id) else {
        return Html::default();
    };
    html! {
        <aside class="tree-embed" aria-label={found.spec().title.clone()}>
            <p class="tree-embed-title">{ found.spec().title.clone() }</p>
            <TreeRunner id={props.id.clone()} />
        </aside>
    }
}
