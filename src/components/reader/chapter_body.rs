//! A chapter's text. A component of its own so that it is rendered once per chapter: changes to
//! the reader's state (progress, theme) do not re-render the document.

use std::rc::Rc;

use guide_core::Document;
use yew::prelude::*;

use crate::components::tree::embed::TreeEmbed;
use crate::content::adopted::{self, AdoptedText};
use crate::render::render_document;

/// A chapter's text as the page has it.
#[derive(Debug, Clone)]
pub enum ChapterText {
    /// Fetched (or, natively, compiled in): rendered from the document tree.
    Fetched(Rc<Document>),
    /// Prerendered into the page the app started on, and kept as it is (`content::adopted`).
    Adopted(Rc<AdoptedText>),
}

impl PartialEq for ChapterText {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Fetched(a), Self::Fetched(b)) => Rc::ptr_eq(a, b),
            (Self::Adopted(a), Self::Adopted(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

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
            ChapterText::Adopted(text) => Some(text.slug.clone()),
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
    text.texts
        .iter()
        .enumerate()
        .map(|(at, html)| {
            let tree = text
                .trees
                .get(at)
                .map(|id| html! { <TreeEmbed id={id.clone()} /> });
            html! {
                <>
                    { Html::from_html_unchecked(html.clone()) }
                    { for tree }
                </>
            }
        })
        .collect()
}
