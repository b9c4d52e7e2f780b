//! A chapter's text. A component of its own so that it is rendered once per chapter: changes to
//! the reader's state (progress, theme) do not re-render the document.

use yew::prelude::*;

use crate::components::tree::embed::TreeEmbed;
use crate::content::adopted::{self, AdoptedText};
use crate::content::chapter_text::ChapterText;
use crate::render::render_document;

#[derive(Properties, PartialEq)]
pub struct ChapterBodyProps {
    pub slug: AttrValue,
    pub text: ChapterText,
}

#[component]
pub fn ChapterBody(props: &ChapterBodyProps) -> Html {
    // Once this text leaves the page, the page no longer holds the prerendered one.
    use_effect_with(props.text.clone(), |text| {
        let adopted = match text {
            ChapterText::Adopted(text) => Some(text.slug().to_owned()),
            ChapterText::Fetched(_) => None,
        };
        move || {
            if let Some(slug) = adopted {
                adopted::release(&slug);
            }
        }
    });
    match &props.text {
        ChapterText::Fetched(doc) => {
            render_document(doc, &guide_core::book::chapter_path(&props.slug))
        }
        ChapterText::Adopted(text) => adopted_text(text),
    }
}

/// The prerendered stretches as raw nodes, with the trees between them as components.
fn adopted_text(text: &AdoptedText) -> Html {
    text.stretches()
        .map(|(html, tree)| {
            let tree = tree.map(|id| html! { <TreeEmbed id={id.clone()} /> });
            html! {
                <>
                    // In the browser always empty (`adopted::adopt_page`): Yew keeps the page's
                    // own nodes and parses nothing. Natively, the prerendered HTML of `render`.
                    { Html::from_html_unchecked(html.clone()) }
                    { for tree }
                </>
            }
        })
        .collect()
}
