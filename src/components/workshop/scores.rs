//! Everyone's scores on a tree's dimensions, with the median: where the group stands, and who sees
//! the organization differently.

use guide_core::tree::ValidTree;
use guide_core::workshop::{scores, Person};
use yew::prelude::*;

use crate::strings;

#[derive(Properties, PartialEq)]
pub struct WorkshopScoresProps {
    pub tree: &'static ValidTree,
    pub people: Vec<Person>,
}

#[component]
pub fn WorkshopScores(props: &WorkshopScoresProps) -> Html {
    let table = scores(props.tree, &props.people);
    if table.people.is_empty() || table.dimensions.is_empty() {
        return Html::default();
    }
    html! {
        <table class="workshop-scores" data-testid="workshop-scores">
            <caption>{ strings::WORKSHOP_SCORES }</caption>
            <thead>
                <tr>
                    <th scope="col">{ strings::WORKSHOP_PERSON }</th>
                    { for table.dimensions.iter().map(|(_, label, max)| html! {
                        <th scope="col">{ format!("{label} (/{max})") }</th>
                    }) }
                </tr>
            </thead>
            <tbody>
                { for table.people.iter().map(|person| html! {
                    <tr>
                        <th scope="row">{ person.name.clone() }</th>
                        { for person.values.iter().map(|v| html! { <td>{ *v }</td> }) }
                    </tr>
                }) }
                <tr class="total">
                    <th scope="row">{ strings::WORKSHOP_MEDIAN }</th>
                    { for table.median.iter().map(|m| html! { <td>{ format!("{m:.1}") }</td> }) }
                </tr>
            </tbody>
        </table>
    }
}
