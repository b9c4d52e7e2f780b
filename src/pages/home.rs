//! The home page: what the guide is and the ways in.

use guide_core::Page;
use yew::prelude::*;

use crate::components::frame::guide_link::GuideLink;
use crate::components::reader::continue_reading::ContinueReading;
use crate::components::reader::reading_path::ReadingPath;
use crate::page_meta::card;
use crate::strings;

#[component]
pub fn HomePage() -> Html {
    html! {
        <article class="page home">
            <h1>{ strings::GUIDE_NAME }</h1>
            <p class="lead">{ strings::HOME_LEAD }</p>
            <ContinueReading />
            <section aria-labelledby="ways-in">
                <h2 id="ways-in">{ strings::HOME_WAYS_IN }</h2>
                <ul class="cards">
                    { for Page::ALL.iter().filter(|page| page.is_way_in()).map(|page| {
                        let (title, text) = card(*page);
                        html! {
                            <li class="card">
                                <h3><GuideLink path={page.path()}>{ title }</GuideLink></h3>
                                <p>{ text }</p>
                            </li>
                        }
                    }) }
                </ul>
            </section>
            <ReadingPath />
        </article>
    }
}
