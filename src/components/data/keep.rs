//! Asking the browser to keep the reader's data (see `browser::durable`): where it stands, and a
//! button to ask, on the site and in the installed app. Not in a widget: there the storage is the
//! host page's site's, not the guide's to ask about. Shown once the browser has answered, so the
//! prerendered page (and a browser that cannot say) shows nothing.

use yew::prelude::*;

use crate::browser::durable::{self, Durability};
use crate::mode::use_mode;
use crate::strings;

#[component]
pub fn DataKeep() -> Html {
    let widget = use_mode().is_widget();
    // Where the storage stands, and whether that is the answer to the reader's asking.
    let standing = use_state(|| None::<(Durability, bool)>);
    {
        let standing = standing.clone();
        use_effect_with(widget, move |widget| {
            if !widget {
                durable::check(Callback::from(move |found| {
                    standing.set(Some((found, false)))
                }));
            }
        });
    }
    // The button goes once the browser has answered: the answer takes the focus, so that a
    // keyboard reader stays where they were.
    let status = use_node_ref();
    {
        let status = status.clone();
        use_effect_with(*standing, move |standing| {
            if matches!(standing, Some((_, true))) {
                if let Some(status) = status.cast::<web_sys::HtmlElement>() {
                    let _ = status.focus();
                }
            }
        });
    }
    let on_ask = {
        let standing = standing.clone();
        Callback::from(move |_| {
            let standing = standing.clone();
            durable::request(Callback::from(move |answer| {
                standing.set(Some((answer, true)))
            }));
        })
    };
    let Some((durability, asked)) = *standing else {
        return Html::default();
    };
    let text = match (durability, asked) {
        (Durability::Kept, _) => strings::KEEP_KEPT,
        (Durability::MayBeCleared, false) => strings::KEEP_MAY_BE_CLEARED,
        (Durability::MayBeCleared, true) => strings::KEEP_DECLINED,
    };
    let kept = durability == Durability::Kept;
    html! {
        <section aria-labelledby="keep-title" data-testid="data-keep">
            <h2 id="keep-title">{ strings::KEEP_TITLE }</h2>
            <p role="status" tabindex="-1" ref={status} data-testid="keep-status" data-kept={kept.to_string()}>
                { text }{ " " }{ strings::KEEP_EXPORT_STILL }
            </p>
            if !kept && !asked {
                <button type="button" data-testid="keep-ask" onclick={on_ask}>{ strings::KEEP_BUTTON }</button>
            }
        </section>
    }
}
