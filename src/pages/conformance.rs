//! A self-check page: the check's introduction, the items to answer, and where the programme
//! stands. A share link (`#c=…`) opens someone else's answers read-only, beside the reader's own,
//! with a choice to use them.

use std::collections::BTreeMap;

use guide_core::conformance::{decode_answers, ValidCheck, Verdict};
use guide_core::progress::Event;
use guide_core::Page;
use yew::prelude::*;

use crate::components::frame::intro::PageIntro;
use yew_router::prelude::*;

use crate::browser::clock::now;
use crate::components::conformance::form::CheckForm;
use crate::components::conformance::result::CheckResult;
use crate::content::compiled::check;
use crate::route::Route;
use crate::state::{use_guide_state, Action};
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct ConformancePageProps {
    pub page: Page,
    /// Read a share link from the address (not in a widget).
    #[prop_or(true)]
    pub open_share_link: bool,
}

#[component]
pub fn ConformancePage(props: &ConformancePageProps) -> Html {
    match props.page.check().and_then(check) {
        Some(check) => {
            html! { <CheckSession {check} page={props.page} open_share_link={props.open_share_link} /> }
        }
        None => html! { <article class="page"><p>{ strings::CHECK_UNAVAILABLE }</p></article> },
    }
}

#[derive(Properties, PartialEq)]
struct CheckSessionProps {
    check: &'static ValidCheck,
    page: Page,
    open_share_link: bool,
}

#[component]
fn CheckSession(props: &CheckSessionProps) -> Html {
    let state = use_guide_state();
    let check = props.check;
    let answers = state.progress.check_answers(check.id());
    let shared = use_state_eq(|| None::<Result<BTreeMap<String, Verdict>, String>>);
    let hash = use_location()
        .map(|l| l.hash().to_string())
        .unwrap_or_default();
    {
        let shared = shared.clone();
        let enabled = props.open_share_link && state.loaded;
        use_effect_with((hash, enabled), move |(hash, enabled)| {
            if let Some(code) = hash.strip_prefix("#c=").filter(|_| *enabled) {
                shared.set(Some(decode_answers(check, code).map_err(|e| e.to_string())));
            }
        });
    }
    let navigator = use_navigator();
    let close = {
        let (shared, page) = (shared.clone(), props.page);
        Callback::from(move |_: MouseEvent| {
            shared.set(None);
            if let Some(navigator) = &navigator {
                navigator.replace(&Route::from(guide_core::GuidePath::Page(page)));
            }
        })
    };
    let spec = check.spec();
    let body = match (*shared).clone() {
        Some(Ok(theirs)) => {
            let adopt = {
                let (dispatcher, theirs, close) =
                    (state.dispatcher(), theirs.clone(), close.clone());
                Callback::from(move |event: MouseEvent| {
                    let at = now();
                    let mut events = vec![Event::CheckCleared {
                        check: check.id().to_string(),
                        at,
                    }];
                    events.extend(theirs.iter().map(|(item, verdict)| Event::CheckAnswered {
                        check: check.id().to_string(),
                        item: item.clone(),
                        verdict: *verdict,
                        at: at + 1,
                    }));
                    dispatcher.dispatch(Action::ApplyAll(events));
                    close.emit(event);
                })
            };
            html! {
                <section class="shared-walk" data-testid="conformance-shared" aria-labelledby="check-shared">
                    <h2 id="check-shared">{ strings::CHECK_SHARED_TITLE }</h2>
                    <p>{ strings::CHECK_SHARED_TEXT }</p>
                    <p class="notice-actions">
                        <button type="button" onclick={adopt}>{ strings::CHECK_SHARED_ADOPT }</button>
                        <button type="button" class="secondary" onclick={close.clone()}>{ strings::CHECK_SHARED_DISMISS }</button>
                    </p>
                    <CheckResult {check} answers={theirs} read_only=true />
                </section>
            }
        }
        other => html! {
            <>
                if let Some(Err(problem)) = other {
                    <p class="share-problem" role="alert" data-testid="conformance-share-error">{ format!("{} {problem}.", strings::CHECK_SHARE_ERROR) }</p>
                }
                <p class="check-progress" data-testid="conformance-progress" aria-live="polite">
                    { format!("{} {} {}", answers.len().min(check.item_count()), strings::CHECK_PROGRESS, check.item_count()) }
                </p>
                <CheckForm {check} answers={answers.clone()} />
                <CheckResult {check} {answers} />
            </>
        },
    };
    html! {
        <article class="page check-page">
            <h1>{ spec.title.clone() }</h1>
            <PageIntro text={spec.intro.clone()} />
            <p class="meta">{ format!("{} {}", strings::CHECK_SOURCE, spec.source) }</p>
            { body }
        </article>
    }
}
