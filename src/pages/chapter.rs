//! A chapter: its text, an outline that follows the reader, reading progress, previous / next
//! links and arrow-key navigation. The heading comes from the book's index at once; the text is
//! the prerendered one on the page the app started on (see `content::adopted`), else fetched if it
//! is not at hand (see `chapter_text`), and the parts that follow the reader appear with it.

use guide_core::{ChapterInfo, ChapterOutline};
use yew::prelude::*;

use crate::components::frame::guide_link::{use_in_app_links, GuideLink};
use crate::components::frame::load_failed::LoadFailed;
use crate::components::reader::chapter_body::ChapterBody;
use crate::components::reader::read_toggle::ReadToggle;
use crate::components::reader::reading_tracker::ReadingTracker;
use crate::content::chapter_text::{self, ChapterText};
use crate::content::compiled::book;
use crate::hooks::fetched::{use_fetched, Fetched};
use crate::hooks::keyboard::use_shortcuts;
use crate::hooks::scroll_on_navigate::use_show_target_when;
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
    let in_app_links = use_in_app_links();
    let (previous, next) = book.neighbours(&props.slug);
    use_shortcuts(previous.map(ChapterInfo::path), next.map(ChapterInfo::path));
    let (text, retry) = use_fetched(props.slug.clone(), text_at_hand, load_text);
    // A section link followed before the text was there: go to the section once it is.
    use_show_target_when(matches!(text, Fetched::Ready(_)));
    let Some(chapter) = book.chapter(&props.slug) else {
        return html! { <NotFoundPage /> };
    };
    let text = match text {
        Fetched::Ready(text) => text,
        not_ready => {
            return html! {
                <div class="chapter-layout">
                    <article class="page chapter">
                        { chapter_header(chapter, &props.slug) }
                        { waiting(not_ready, retry) }
                    </article>
                </div>
            };
        }
    };
    let prefetch_neighbours = {
        let slugs: Vec<String> = [previous, next]
            .into_iter()
            .flatten()
            .map(|c| c.meta.slug.clone())
            .collect();
        Callback::from(move |_: Event| slugs.iter().for_each(|slug| chapter_text::prefetch(slug)))
    };
    html! {
        <div class="chapter-layout">
            <article class="page chapter" ref={article.clone()} onclick={in_app_links}>
                { chapter_header(chapter, &props.slug) }
                <ChapterBody slug={props.slug.clone()} {text} />
                <footer class="chapter-end">
                    <ReadToggle slug={props.slug.clone()} />
                </footer>
                <nav class="chapter-nav" aria-label={strings::CHAPTER_NAV_LABEL}
                    onpointerover={prefetch_neighbours.reform(Event::from)}
                    onfocusin={prefetch_neighbours.reform(Event::from)}>
                    { neighbour_link(previous, "previous", strings::PREVIOUS_CHAPTER) }
                    { neighbour_link(next, "next", strings::NEXT_CHAPTER) }
                </nav>
            </article>
            <ReadingTracker slug={props.slug.clone()} article={article} />
        </div>
    }
}

fn chapter_header(chapter: &ChapterOutline, slug: &AttrValue) -> Html {
    html! {
        <header class="chapter-header">
            <h1>{ chapter.meta.title.clone() }</h1>
            <p class="lead">{ chapter.meta.summary.clone() }</p>
            <p class="meta">
                { format!("{} {} · {} {}", chapter.reading_minutes(), strings::READING_MINUTES, chapter.words, strings::WORDS) }
            </p>
            <ReadToggle slug={slug.clone()} />
        </header>
    }
}

/// What stands in for the text while it is fetched, or when it could not be.
fn waiting(text: Fetched<ChapterText>, retry: Callback<()>) -> Html {
    match text {
        Fetched::Failed(reason) => html! {
            <LoadFailed message={strings::CHAPTER_LOAD_FAILED} reason={reason} retry={retry} />
        },
        _ => html! { <p class="loading" role="status">{ strings::CHAPTER_LOADING }</p> },
    }
}

fn text_at_hand(slug: &AttrValue) -> Option<ChapterText> {
    chapter_text::at_hand(slug)
}

async fn load_text(slug: AttrValue) -> Result<(), String> {
    chapter_text::load(&slug)
        .await
        .map(drop)
        .map_err(|error| error.0)
}

fn neighbour_link(
    chapter: Option<&ChapterOutline>,
    rel: &'static str,
    label: &'static str,
) -> Html {
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
