//! What stands where something fetched should be, when it could not be fetched: what is missing,
//! why, and a way to try again.

use yew::prelude::*;

use crate::strings;

#[derive(Properties, PartialEq)]
pub struct LoadFailedProps {
    /// What is missing, for the reader.
    pub message: &'static str,
    /// Why, as the network or the decoder said it.
    pub reason: AttrValue,
    pub retry: Callback<()>,
}

#[component]
pub fn LoadFailed(props: &LoadFailedProps) -> Html {
    html! {
        <div class="load-failed" role="alert">
            <p>{ props.message }</p>
            <p class="meta">{ props.reason.clone() }</p>
            <button type="button" onclick={props.retry.reform(|_| ())}>{ strings::TRY_AGAIN }</button>
        </div>
    }
}
