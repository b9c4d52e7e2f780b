//! Erasing everything the guide keeps, after an explicit confirmation.

use guide_core::progress::Event;
use yew::prelude::*;

use crate::browser::clock::now;
use crate::state::{use_guide_state, Action};
use crate::strings;

#[component]
pub fn DataErase() -> Html {
    let state = use_guide_state();
    let confirming = use_state_eq(|| false);
    let done = use_state_eq(|| false);
    let ask = {
        let confirming = confirming.clone();
        let done = done.clone();
        Callback::from(move |_| {
            done.set(false);
            confirming.set(true);
        })
    };
    let erase = {
        let confirming = confirming.clone();
        let done = done.clone();
        let state = state.clone();
        Callback::from(move |_| {
            state.dispatch(Action::Apply(Event::EraseAll { at: now() }));
            confirming.set(false);
            done.set(true);
        })
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(false))
    };
    html! {
        <section aria-labelledby="erase-title">
            <h2 id="erase-title">{ strings::ERASE_TITLE }</h2>
            <p>{ strings::ERASE_TEXT }</p>
            if *confirming {
                <div class="confirm" role="alertdialog" aria-labelledby="erase-confirm">
                    <p id="erase-confirm"><strong>{ strings::ERASE_CONFIRM }</strong></p>
                    <div class="tree-actions">
                        <button type="button" class="danger" onclick={erase} data-testid="progress-erase-confirm">{ strings::ERASE_YES }</button>
                        <button type="button" class="secondary" onclick={cancel}>{ strings::CANCEL }</button>
                    </div>
                </div>
            } else {
                <button type="button" class="danger" onclick={ask} data-testid="progress-erase">{ strings::ERASE_BUTTON }</button>
            }
            if *done { <p role="status">{ strings::ERASE_DONE }</p> }
        </section>
    }
}
