//! The contents: every chapter with its summary and reading time.

use yew::prelude::*;

use crate::components::guide_link::GuideLink;
use crate::data::book;
use crate::strings;

#[component]
pub fn ContentsPage() -> Html {
    let book = book();
    html! {
        <article class="page contents">
            <h1>{ strings::CONTENTS_TITLE }</h1>
            <p class="lead">{ strings::CONTENTS_INTRO }</p>
            <ol class="chapter-list">
                { for book.chapters.iter().map(|chapter| html! {
                    <li class="chapter-item">
                        <h2><GuideLink path={chapter.path()}>{ chapter.meta.title.clone() }</GuideLink></h2>
                        <p>{ chapter.meta.summary.clone() }</p>
                        <p class="meta">{ format!("{} {}", chapter.reading_minutes(), strings::READING_MINUTES) }</p>
                    </li>
                }) }
            </ol>
        </article>
    }
}
