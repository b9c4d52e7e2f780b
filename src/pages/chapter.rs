//! A chapter: its text rendered from the document tree, an outline, and previous / next links.

use guide_core::Chapter;
use yew::prelude::*;

use crate::components::guide_link::GuideLink;
use crate::data::book;
use crate::hooks::keyboard::use_shortcuts;
use crate::hooks::reading_position::use_reading_position;
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
    let article = use_node_ref();
    let position = use_reading_position(article.clone(), props.slug.clone());
    use_shortcuts(previous.map(Chapter::path), next.map(Chapter::path));
    html! {
        <div class="chapter-layout">
            <progress class="reading-progress" max="1000" value={position.permille.to_string()}
                aria-label={strings::READING_PROGRESS}></progress>
            <article class="page chapter" ref={article}>
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
            <Outline chapter_slug={props.slug.clone()} current={position.section.clone()} />
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
    current: Option<String>,
}

#[component]
fn Outline(props: &OutlineProps) -> Html {
    let Some(chapter) = book().chapter(&props.chapter_slug) else {
        return Html::default();
    };
    let path = chapter.path();
    let current_h2 = current_top_section(chapter, props.current.as_deref());
    html! {
        <nav class="outline" aria-label={strings::OUTLINE_LABEL}>
            <h2 class="outline-title">{ strings::OUTLINE_LABEL }</h2>
            <ul>
                { for chapter.sections().into_iter().filter(|s| s.level == 2).map(|section| {
                    let current = current_h2.as_deref() == Some(section.id);
                    html! {
                        <li><GuideLink path={path.clone()} fragment={section.id.to_string()} current={current}>{ section.title }</GuideLink></li>
                    }
                }) }
            </ul>
        </nav>
    }
}

/// The level-2 section that contains `section` (which may be a level-3 heading).
fn current_top_section(chapter: &Chapter, section: Option<&str>) -> Option<String> {
    let section = section?;
    let mut top = None;
    for heading in chapter.sections() {
        if heading.level == 2 {
            top = Some(heading.id.to_string());
        }
        if heading.id == section {
            return top;
        }
    }
    None
}
