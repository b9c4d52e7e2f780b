//! Tells the reader when their data is not being saved, and why, with what they can do about it.

use yew::prelude::*;

use crate::browser::download::download;
use crate::state::{use_guide_state, Action, StorageNotice};
use crate::strings;

#[component]
pub fn StorageNoticeBanner() -> Html {
    let state = use_guide_state();
    let Some(notice) = state.notice.clone() else {
        return Html::default();
    };
    let dismiss = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Notice(None)))
    };
    let body = match notice {
        StorageNotice::Blocked => html! { <p>{ strings::NOTICE_BLOCKED }</p> },
        StorageNotice::Full => html! { <p>{ strings::NOTICE_FULL }</p> },
        StorageNotice::TooLarge(error) => html! {
            <>
                <p>{ strings::NOTICE_TOO_LARGE }</p>
                <p class="meta">{ format!("{} {}", strings::NOTICE_REASON, strings::save_problem(&error)) }</p>
            </>
        },
        StorageNotice::Refused(error) => html! {
            <>
                <p>{ format!("{} {}", strings::NOTICE_REFUSED, strings::refused_change(&error)) }</p>
                <p>{ strings::NOTICE_REFUSED_WHAT_TO_DO }</p>
                <p class="notice-actions">
                    <button type="button" class="secondary" onclick={dismiss}>{ strings::NOTICE_DISMISS }</button>
                </p>
            </>
        },
        StorageNotice::Kept { reason, raw } => {
            let on_download = Callback::from(move |_| {
                download("ospo-guide-kept-data.json", "application/json", &raw);
            });
            let on_fresh = {
                let state = state.clone();
                Callback::from(move |_| state.dispatch(Action::StartFresh))
            };
            html! {
                <>
                    <p>{ strings::NOTICE_KEPT }</p>
                    <p class="meta">{ format!("{} {}", strings::NOTICE_REASON, strings::decode_problem(&reason)) }</p>
                    <p class="notice-actions">
                        <button type="button" onclick={on_download}>{ strings::NOTICE_DOWNLOAD }</button>
                        <button type="button" class="secondary" onclick={on_fresh}>{ strings::NOTICE_START_FRESH }</button>
                    </p>
                </>
            }
        }
    };
    html! {
        <section class="storage-notice" data-testid="storage-notice" role="status" aria-label={strings::NOTICE_LABEL}>
            { body }
        </section>
    }
}
