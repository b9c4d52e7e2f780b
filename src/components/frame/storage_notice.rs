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
    let body = match notice {
        StorageNotice::Blocked => html! { <p>{ strings::NOTICE_BLOCKED }</p> },
        StorageNotice::Full => html! { <p>{ strings::NOTICE_FULL }</p> },
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
                    <p class="meta">{ format!("{} {reason}", strings::NOTICE_REASON) }</p>
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
