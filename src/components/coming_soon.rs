//! An honest placeholder for a part of the guide that is not built yet.

use yew::prelude::*;

use crate::components::guide_link::GuideLink;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct ComingSoonProps {
    pub title: AttrValue,
    /// What this page will do, in one or two sentences.
    pub promise: AttrValue,
    /// A chapter that already covers the topic, if any.
    #[prop_or_default]
    pub chapter: Option<(AttrValue, AttrValue)>,
}

#[component]
pub fn ComingSoon(props: &ComingSoonProps) -> Html {
    html! {
        <article class="page coming-soon">
            <h1>{ props.title.clone() }</h1>
            <p class="badge">{ strings::COMING_SOON }</p>
            <p>{ props.promise.clone() }</p>
            if let Some((path, label)) = props.chapter.clone() {
                <p><GuideLink path={path}>{ label }</GuideLink></p>
            }
        </article>
    }
}
