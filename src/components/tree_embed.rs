//! A decision tree announced inside a chapter (`{{tree <id>}}`): a call to take it.

use yew::prelude::*;

use crate::components::guide_link::GuideLink;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct TreeEmbedProps {
    pub id: AttrValue,
}

#[component]
pub fn TreeEmbed(props: &TreeEmbedProps) -> Html {
    let name = match props.id.as_str() {
        "readiness" => strings::TREE_READINESS_NAME,
        "structure" => strings::TREE_STRUCTURE_NAME,
        _ => return Html::default(),
    };
    html! {
        <aside class="tree-embed" aria-label={name}>
            <p>{ strings::TREE_EMBED_TEXT }</p>
            <p><GuideLink path={format!("/{}/", props.id)} class="button">{ name }</GuideLink></p>
        </aside>
    }
}
