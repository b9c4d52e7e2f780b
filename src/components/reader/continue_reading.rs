//! "Continue where you left off": a link back to the last section read, once there is one.

use guide_core::ChapterInfo;
use yew::prelude::*;

use crate::components::frame::guide_link::GuideLink;
use crate::content::compiled::book;
use crate::state::use_guide_state;
use crate::strings;

#[component]
pub fn ContinueReading() -> Html {
    let state = use_guide_state();
    let Some((slug, section)) = state.progress.continue_place() else {
        return Html::default();
    };
    let Some(chapter) = book().chapter(slug) else {
        return Html::default();
    };
    let section_title = section.and_then(|id| {
        chapter
            .sections()
            .into_iter()
            .find(|s| s.id == id)
            .map(|s| s.title)
    });
    let label = match &section_title {
        Some(title) => format!("{} — {}", chapter.meta.title, title),
        None => chapter.meta.title.clone(),
    };
    html! {
        <section class="continue" aria-labelledby="continue-title">
            <h2 id="continue-title">{ strings::CONTINUE_TITLE }</h2>
            <p>
                <GuideLink path={chapter.path()} fragment={section.map(|s| AttrValue::from(s.to_string()))}
                    class="button" >
                    { label }
                </GuideLink>
            </p>
        </section>
    }
}
