//! The home page: what the guide is and the ways in.

use yew::prelude::*;

use crate::components::frame::guide_link::GuideLink;
use crate::components::reader::continue_reading::ContinueReading;
use crate::components::reader::reading_path::ReadingPath;
use crate::strings;

const WAYS_IN: [(&str, &str, &str); 4] = [
    ("/book/", strings::HOME_READ_TITLE, strings::HOME_READ_TEXT),
    (
        "/readiness/",
        strings::HOME_READINESS_TITLE,
        strings::HOME_READINESS_TEXT,
    ),
    (
        "/structure/",
        strings::HOME_STRUCTURE_TITLE,
        strings::HOME_STRUCTURE_TEXT,
    ),
    (
        "/search/",
        strings::HOME_SEARCH_TITLE,
        strings::HOME_SEARCH_TEXT,
    ),
];

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
                    { for WAYS_IN.iter().map(|(path, title, text)| html! {
                        <li class="card">
                            <h3><GuideLink path={*path}>{ *title }</GuideLink></h3>
                            <p>{ *text }</p>
                        </li>
                    }) }
                </ul>
            </section>
            <ReadingPath />
        </article>
    }
}
