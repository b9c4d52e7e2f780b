//! The recommended reading path for the audience the reader chose, with their progress along it.

use guide_core::progress::{ChapterStatus, Event};
use guide_core::Audience;
use guide_core::ChapterInfo;
use yew::prelude::*;

use crate::browser::clock::now;
use crate::components::frame::guide_link::GuideLink;
use crate::components::reader::audience_filter::AudienceFilter;
use crate::components::reader::read_toggle::{status_key, status_text};
use crate::content::compiled::book;
use crate::state::{use_guide_state, Action};
use crate::strings;

#[component]
pub fn ReadingPath() -> Html {
    let state = use_guide_state();
    let audience = state.progress.audience();
    let on_select = {
        let state = state.clone();
        Callback::from(move |audience: Option<Audience>| {
            state.dispatch(Action::Apply(Event::AudienceChosen {
                audience,
                at: now(),
            }))
        })
    };
    let path = audience.and_then(|a| book().path_for(a));
    html! {
        <section class="reading-path" aria-labelledby="path-title">
            <h2 id="path-title">{ strings::PATH_TITLE }</h2>
            <p>{ strings::PATH_INTRO }</p>
            <AudienceFilter selected={audience} {on_select} label={strings::PATH_QUESTION} />
            if let (Some(path), Some(audience)) = (path, audience) {
                { path_list(path, audience, &state.progress) }
            }
        </section>
    }
}

fn path_list(
    path: &guide_core::book::ReadingPath,
    audience: Audience,
    progress: &guide_core::progress::Progress,
) -> Html {
    let slugs: Vec<&str> = path.chapters.iter().map(String::as_str).collect();
    let (read, total) = progress.overall(&slugs);
    html! {
        <>
            <p class="meta" data-testid="path-progress">
                { format!("{}: {read} {} {total} {}", strings::audience_name(audience), strings::PATH_OF, strings::PATH_READ) }
            </p>
            <ol class="path-list">
                { for path.chapters.iter().filter_map(|slug| book().chapter(slug)).map(|chapter| {
                    let status: ChapterStatus = progress.status(&chapter.meta.slug);
                    html! {
                        <li>
                            <GuideLink path={chapter.path()}>{ chapter.meta.title.clone() }</GuideLink>
                            { " " }
                            <span class={classes!("status", status_key(status))}>{ status_text(status) }</span>
                        </li>
                    }
                }) }
            </ol>
            <p><GuideLink path="/book/about-this-guide/" fragment={path.section.clone()}>{ strings::PATH_WHY }</GuideLink></p>
        </>
    }
}
