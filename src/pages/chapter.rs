//! A chapter: its text, an outline that follows the reader, reading progress, previous / next
//! links and arrow-key navigation.

use guide_core::Chapter;
use yew::prelude::*;

use crate::components::chapter_body::ChapterBody;
use crate::components::guide_link::GuideLink;
use crate::components::read_toggle::ReadToggle;
use crate::components::reading_tracker::ReadingTracker;
use crate::data::book;
use crate::hooks::keyboard::use_shortcuts;
use crate::pages::not_found::NotFoundPage;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct ChapterPageProps {
    pub slug: AttrValue,
}

#[component]
pub fn ChapterPage(props: &ChapterPageProps) -> Html {
    let book = book();
    let article = use_node_ref();
    let (previous, next) = book.neighbours(&props.slug);
    use_shortcuts(previous.map(Chapter::path), next.map(Chapter::path));
    let Some(chapter) = book.chapter(&props.slug) else {
        return html! { <NotFoundPage /> };
    };
    html! {
        <div class="chapter-layout">
            <article class="page chapter" ref={article.clone()}>
                <header class="chapter-header">
                    <h1>{ chapter.meta.title.clone() }</h1>
                    <p class="lead">{ chapter.meta.summary.clone() }</p>
                    <p class="meta">
                        { format!("{} {} · {} {}", chapter.reading_minutes(), strings::READING_MINUTES, chapter.words, strings::WORDS) }
                    </p>
                    <ReadToggle slug={props.slug.clone()} />
                </header>
                <ChapterBody slug={props.slug.clone()} />
                <footer class="chapter-end">
                    <ReadToggle slug={props.slug.clone()} />
                </footer>
                <nav class="chapter-nav" aria-label={strings::CHAPTER_NAV_LABEL}>
                    { neighbour_link(previous, "previous", strings::PREVIOUS_CHAPTER) }
                    { neighbour_link(next, "next", strings::NEXT_CHAPTER) }
                </nav>
            </article>
            <ReadingTracker slug={props.slug.clone()} article={article} />
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
