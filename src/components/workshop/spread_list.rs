//! Who gave which answer to one question or self-check item: a count, the answer and the names.

use yew::prelude::*;

/// One line per answer someone gave: `(answer, people)`; answers nobody gave are left out.
pub fn spread_list<'a>(answers: impl Iterator<Item = (&'a str, &'a [String])>) -> Html {
    html! {
        <ul class="spread">
            { for answers.filter(|(_, people)| !people.is_empty()).map(|(answer, people)| html! {
                <li>
                    <span class="count">{ people.len() }</span>{ " " }
                    <span>{ answer.to_string() }</span>
                    <span class="meta">{ format!(" — {}", people.join(", ")) }</span>
                </li>
            }) }
        </ul>
    }
}
