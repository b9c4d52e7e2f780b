//! Search: results while typing, `?q=` as a deep link, Escape to leave, and suggestions when
//! nothing matches. The query is read from the address in an effect, after hydration, so the
//! prerendered page and the first client render agree.

use guide_core::search::{SearchHit, SnippetPart};
use guide_core::ChapterInfo;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::browser::navigation::push_path;
use crate::components::frame::guide_link::GuideLink;
use crate::components::frame::load_failed::LoadFailed;
use crate::content::compiled::book;
use crate::content::search_index;
use crate::hooks::fetched::{use_fetched, Fetched};
use crate::strings;

/// How many results a query shows at most.
const RESULT_LIMIT: usize = 20;

#[component]
pub fn SearchPage() -> Html {
    let query = use_state_eq(String::new);
    let navigator = use_navigator();
    let input = use_node_ref();
    {
        // Once, after mount: take `?q=` from the address and focus the field.
        let query = query.clone();
        let input = input.clone();
        let location = use_location();
        use_effect_with((), move |_| {
            if let Some(q) = location.and_then(|l| crate::browser::url::query_param(l.query_str()))
            {
                query.set(q);
            }
            if let Some(field) = input.cast::<web_sys::HtmlInputElement>() {
                let _ = field.focus();
            }
        });
    }
    let oninput = {
        let query = query.clone();
        let navigator = navigator.clone();
        Callback::from(move |event: InputEvent| {
            let value = event
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .map(|field| field.value())
                .unwrap_or_default();
            if let Some(navigator) = navigator.as_ref() {
                let _ = navigator
                    .replace_with_query(&crate::route::Route::Search, &[("q", value.as_str())]);
            }
            query.set(value);
        })
    };
    let onkeydown = {
        let navigator = navigator.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.prevent_default();
                if let Some(navigator) = navigator.as_ref() {
                    push_path(navigator, "/");
                }
            }
        })
    };
    let (index, retry) = use_fetched((), |()| search_index::built(), |()| search_index::build());
    let hits = {
        let index = match &index {
            Fetched::Ready(index) => Some(index.clone()),
            _ => None,
        };
        use_memo(
            ((*query).clone(), index.is_some()),
            move |(query, _)| match index.filter(|_| !query.trim().is_empty()) {
                Some(index) => search_index::search(&index, query, RESULT_LIMIT),
                None => Vec::new(),
            },
        )
    };
    html! {
        <article class="page search">
            <h1>{ strings::SEARCH_TITLE }</h1>
            <form role="search" class="search-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <label for="search-input">{ strings::SEARCH_LABEL }</label>
                <input id="search-input" type="search" data-testid="search-input" ref={input}
                    value={(*query).clone()} {oninput} {onkeydown} autocomplete="off" spellcheck="false"
                    placeholder={strings::SEARCH_PLACEHOLDER} aria-describedby="search-hint" maxlength="200" />
                <p id="search-hint" class="meta">{ strings::SEARCH_HINT }</p>
            </form>
            <div aria-live="polite" class="search-results">
                { match index {
                    Fetched::Ready(_) => results(&query, &hits),
                    _ if query.trim().is_empty() => Html::default(),
                    Fetched::Loading => html! { <p class="loading" role="status">{ strings::SEARCH_PREPARING }</p> },
                    Fetched::Failed(reason) => html! {
                        <LoadFailed message={strings::SEARCH_LOAD_FAILED} reason={reason} retry={retry} />
                    },
                } }
            </div>
        </article>
    }
}

fn results(query: &str, hits: &[SearchHit]) -> Html {
    if query.trim().is_empty() {
        return Html::default();
    }
    if hits.is_empty() {
        return html! {
            <>
                <p class="no-results">{ format!("{} “{}”.", strings::SEARCH_NO_RESULTS, query.trim()) }</p>
                <p>{ strings::SEARCH_SUGGESTIONS }</p>
                <ul>
                    { for book().chapters.iter().take(4).map(|c| html! {
                        <li><GuideLink path={c.path()}>{ c.meta.title.clone() }</GuideLink></li>
                    }) }
                </ul>
            </>
        };
    }
    let count = if hits.len() == 1 {
        strings::SEARCH_RESULT_ONE
    } else {
        strings::SEARCH_RESULTS_COUNT
    };
    html! {
        <>
            <p class="meta">{ format!("{} {count}", hits.len()) }</p>
            <ol class="result-list">
                { for hits.iter().map(result) }
            </ol>
        </>
    }
}

fn result(hit: &SearchHit) -> Html {
    let section = hit
        .section_title
        .clone()
        .unwrap_or_else(|| strings::SEARCH_CHAPTER_OPENING.to_string());
    html! {
        <li class="result" data-testid="search-result">
            <GuideLink path={format!("/book/{}/", hit.slug)} fragment={hit.section_id.clone().map(AttrValue::from)}>
                <span class="result-chapter">{ hit.chapter_title.clone() }</span>
                <span class="result-section">{ section }</span>
            </GuideLink>
            <p class="snippet">
                { for hit.snippet.iter().map(|part| match part {
                    SnippetPart::Text(text) => html! { { text.clone() } },
                    SnippetPart::Match(text) => html! { <mark>{ text.clone() }</mark> },
                }) }
            </p>
        </li>
    }
}
