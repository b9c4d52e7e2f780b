//! A chapter: its text rendered from the document tree, an outline, and previous / next links.

use guide_core::Chapter;
use yew::prelude::*;

use crate::components::guide_link::GuideLink;
use crate::data::book;
use crate::pages::not_found::NotFoundPage;
use crate::render::render_document;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct ChapterPageProps {
    pub slug: AttrValue,
}

#[component]
pub fn ChapterPage(props: &ChapterPageProps) -> Html {
    let book = book();
    let Some(chapter) = book.chapter(&props.slug) else {
        return html! { <NotFoundPage /> };
    };
    let (previous, next) = book.neighbours(&props.slug);
    let path = chapter.path();
    html! {
        <div class="chapter-layout">
            <article class="page chapter">
                <header class="chapter-header">
                    <h1>{ chapter.meta.title.clone() }</h1>
                    <p class="lead">{ chapter.meta.summary.clone() }</p>
                    <p class="meta">
                        { format!("{} {} · {} {}", chapter.reading_minutes(), strings::READING_MINUTES, chapter.words, strings::WORDS) }
                    </p>
                </header>
                { render_document(&chapter.doc, &path) }
                <nav class="chapter-nav" aria-label={strings::CHAPTER_NAV_LABEL}>
                    { neighbour_link(previous, "previous", strings::PREVIOUS_CHAPTER) }
                    { neighbour_link(next, "next", strings::NEXT_CHAPTER) }
                </nav>
            </article>
            <Outline chapter_slug={props.slug.clone()} />
        </div>
    }
}

fn neighbour_link(chapter: Option<&Chapter>, rel: &'static str, label: &'static str) -> Html {
    match chapter {
        Some(chapter) => html! {
            <GuideLink path={chapter.path()} class={classes!("neighbour", rel)}>
                <span class="neighbour-label">{ label }</span>
                <span class="neighbour-title">{ chapter.meta.title.clone() }</span>
            </GuideLink>
        },
        None => html! { <span class="neighbour-empty"></span> },
    }
}

#[derive(Properties, PartialEq)]
struct OutlineProps {
    chapter_slug: AttrValue,
}

#[component]
fn Outline(props: &OutlineProps) -> Html {
    let Some(chapter) = book().chapter(&props.chapter_slug) else {
        return Html::default();
    };
    let path = chapter.path();
    html! {
        <nav class="outline" aria-label={strings::OUTLINE_LABEL}>
            <h2 class="outline-title">{ strings::OUTLINE_LABEL }</h2>
            <ul>
                { for chapter.sections().into_iter().filter(|s| s.level == 2).map(|section| html! {
                    <li><GuideLink path={path.clone()} fragment={section.id.to_string()}>{ section.title }</GuideLink></li>
                }) }
            </ul>
        </nav>
    }
}
