//! The on-page outline of a chapter, marking the section being read.

use guide_core::{ChapterInfo, ChapterOutline};
use yew::prelude::*;

use crate::components::frame::guide_link::GuideLink;
use crate::content::compiled::book;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct OutlineProps {
    pub slug: AttrValue,
    /// The heading id the reader is in (level 2 or 3).
    pub current: Option<String>,
}

#[component]
pub fn Outline(props: &OutlineProps) -> Html {
    let Some(chapter) = book().chapter(&props.slug) else {
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
fn current_top_section(chapter: &ChapterOutline, section: Option<&str>) -> Option<String> {
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
