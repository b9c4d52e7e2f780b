//! The people in a workshop: each name (editable), the file it came from, their result in each
//! tree as their answers give it today, and a flag where they answered an earlier version.

use guide_core::workshop::Person;
use yew::prelude::*;

use crate::content::compiled::trees;
use crate::hooks::workshop_store::WorkshopAction;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct WorkshopPeopleProps {
    pub people: Vec<Person>,
    pub dispatch: Callback<WorkshopAction>,
}

/// What a person's answers to one tree give today: its result's title, or how far they got.
fn standing(person: &Person, tree: &guide_core::tree::ValidTree) -> Option<(String, bool)> {
    let given = person.answers.get(tree.id())?;
    let walk = tree.valid_prefix(given);
    let changed = walk.len() < given.len()
        || walk.iter().any(|a| {
            a.question_hash != 0
                && tree
                    .question(&a.question)
                    .is_some_and(|q| guide_core::tree::question_hash(&q.text) != a.question_hash)
        });
    let text = match tree
        .outcome(&walk)
        .and_then(|o| tree.result_title(&o.result).map(str::to_string))
    {
        Some(title) => title,
        None => format!(
            "{} ({} {})",
            strings::WORKSHOP_UNFINISHED,
            walk.len(),
            strings::WORKSHOP_ANSWERS
        ),
    };
    Some((text, changed))
}

#[component]
pub fn WorkshopPeople(props: &WorkshopPeopleProps) -> Html {
    html! {
        <section class="workshop-people" aria-labelledby="workshop-people">
            <h2 id="workshop-people">{ format!("{} ({})", strings::WORKSHOP_PEOPLE, props.people.len()) }</h2>
            if props.people.is_empty() {
                <p>{ strings::WORKSHOP_NOBODY }</p>
            }
            <ul class="workshop-person-list">
                { for props.people.iter().enumerate().map(|(index, person)| {
                    let on_name = props.dispatch.reform(move |e: Event| WorkshopAction::Rename {
                        index,
                        name: e.target_unchecked_into::<web_sys::HtmlInputElement>().value(),
                    });
                    let on_remove = props.dispatch.reform(move |_: MouseEvent| WorkshopAction::Remove(index));
                    let id = format!("person-{index}");
                    html! {
                        <li data-testid="workshop-person" class="workshop-person">
                            <label for={id.clone()} class="visually-hidden">{ format!("{} {}", strings::WORKSHOP_NAME_OF, index + 1) }</label>
                            <input id={id} type="text" maxlength="60" value={person.name.clone()} onchange={on_name} />
                            <span class="meta">{ format!("{} {}", strings::WORKSHOP_FROM, person.source) }</span>
                            <ul class="person-results">
                                { for trees().iter().filter_map(|tree| {
                                    let (text, changed) = standing(person, tree)?;
                                    Some(html! {
                                        <li>
                                            { format!("{}: ", tree.spec().title) }<strong>{ text }</strong>
                                            if changed { { " " }<span class="badge" data-testid="workshop-older">{ strings::WORKSHOP_OLDER }</span> }
                                        </li>
                                    })
                                }) }
                            </ul>
                            <button type="button" class="link-button no-print" onclick={on_remove}
                                aria-label={format!("{} {}", strings::WORKSHOP_REMOVE, person.name)}>{ strings::WORKSHOP_REMOVE }</button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
