//! The contents: every chapter with its summary and reading time.

use yew::prelude::*;

use guide_core::{Audience, ChapterInfo};

use crate::components::frame::guide_link::GuideLink;
use crate::components::reader::audience_filter::AudienceFilter;
use crate::components::reader::read_toggle::{status_key, status_text};
use crate::content::compiled::book;
use crate::state::use_guide_state;
use crate::strings;

#[component]
pub fn ContentsPage() -> Html {
    let book = book();
    let state = use_guide_state();
    let audience = use_state_eq(|| None::<Audience>);
    let on_select = {
        let audience = audience.clone();
        Callback::from(move |choice| audience.set(choice))
    };
    let shown = book
        .chapters
        .iter()
        .filter(|c| audience.is_none_or(|a| c.meta.audiences.contains(&a)));
    html! {
        <article class="page contents">
            <h1>{ strings::CONTENTS_TITLE }</h1>
            <p class="lead">{ strings::CONTENTS_INTRO }</p>
            <AudienceFilter selected={*audience} {on_select} />
            <ol class="chapter-list">
                { for shown.map(|chapter| html! {
                    <li class="chapter-item">
                        <h2><GuideLink path={chapter.path()}>{ chapter.meta.title.clone() }</GuideLink></h2>
                        <p>{ chapter.meta.summary.clone() }</p>
                        <p class="meta">
                            { format!("{} {} · ", chapter.reading_minutes(), strings::READING_MINUTES) }
                            <span class={classes!("status", status_key(state.progress.status(&chapter.meta.slug)))}>
                                { status_text(state.progress.status(&chapter.meta.slug)) }
                            </span>
                        </p>
                    </li>
                }) }
            </ol>
        </article>
    }
}
