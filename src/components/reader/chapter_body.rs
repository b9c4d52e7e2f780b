//! A chapter's text. A component of its own so that it is rendered once per chapter: changes to
//! the reader's state (progress, theme) do not re-render the document.

use yew::prelude::*;

use crate::content::chapter_text;
use crate::render::render_document;

#[derive(Properties, PartialEq)]
pub struct ChapterBodyProps {
    pub slug: AttrValue,
}

#[component]
pub fn ChapterBody(props: &ChapterBodyProps) -> Html {
    // The chapter page shows this only once the text is at hand.
    match chapter_text::cached(&props.slug) {
        Some(doc) => render_document(&doc, &guide_core::book::chapter_path(&props.slug)),
        None => Html::default(),
    }
}
