//! How a workshop's self-check answers spread over each item of one check, the items that split
//! people first: where the group does not agree whether a requirement is met is what to check
//! together, evidence in hand.

use guide_core::conformance::ValidCheck;
use guide_core::workshop::{check_spread, Agreement, Person};
use yew::prelude::*;

use super::spread_list::spread_list;
use crate::strings::{self, CHECK_LABELS};

#[derive(Properties, PartialEq)]
pub struct WorkshopCheckItemsProps {
    pub check: &'static ValidCheck,
    pub people: Vec<Person>,
}

#[component]
pub fn WorkshopCheckItems(props: &WorkshopCheckItemsProps) -> Html {
    let check = props.check;
    let rows = check_spread(check, &props.people);
    let split = rows
        .iter()
        .filter(|r| r.agreement == Agreement::Split)
        .count();
    let answered: Vec<&str> = props
        .people
        .iter()
        .filter(|p| p.checks.contains_key(check.id()))
        .map(|p| p.name.as_str())
        .collect();
    html! {
        <section class="workshop-tree" aria-labelledby={format!("workshop-{}", check.id())} data-testid="workshop-check"
            data-check={check.id().to_string()}>
            <h2 id={format!("workshop-{}", check.id())}>{ check.spec().title.clone() }</h2>
            <p>{ format!("{} {}.", strings::WORKSHOP_CHECK_ANSWERED_BY, answered.join(", ")) }</p>
            <p data-testid="workshop-item-split-count">{ format!("{} {split} {} {}.", strings::WORKSHOP_ITEMS_SPLIT, strings::PATH_OF, rows.len()) }</p>
            <ol class="workshop-rows">
                { for rows.iter().filter(|r| r.agreement != Agreement::Unanswered).map(|row| html! {
                    <li class={classes!("workshop-question", row.agreement.key())} data-testid="workshop-item"
                        data-item={row.item.clone()} data-agreement={row.agreement.key()}>
                        <p class="question-text">
                            <span class="meta">{ format!("{} {} · ", CHECK_LABELS.clause, row.clause) }</span>
                            { row.statement.clone() }
                            { " " }<span class="badge">{ match row.agreement {
                                Agreement::Split => strings::WORKSHOP_SPLIT,
                                Agreement::All | Agreement::Unanswered => strings::WORKSHOP_AGREE,
                            } }</span>
                        </p>
                        { spread_list(row.verdicts.iter().map(|(verdict, who)| (CHECK_LABELS.verdict(*verdict), who.as_slice()))) }
                    </li>
                }) }
            </ol>
        </section>
    }
}
