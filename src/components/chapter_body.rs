//! A chapter's text. A component of its own so that it is rendered once per chapter: changes to
//! the reader's state (progress, theme) do not re-render the document.

use yew::prelude::*;

use crate::data::book;
use crate::render::render_document;

#[derive(Properties, PartialEq)]
pub struct ChapterBodyProps {
    pub slug: AttrValue,
}

#[component]
pub fn ChapterBody(props: &ChapterBodyProps) -> Html {
    match book().chapter(&props.slug) {
        Some(chapter) => render_document(&chapter.doc, &chapter.path()),
        None => Html::default(),
    }
}
