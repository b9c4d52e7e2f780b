//! The workshop page: colleagues' answers brought together in the lead's browser, the questions
//! that split them, everyone's scores, a group walk that gives a group result with its plan, and
//! the self-check items their answers split on.

use guide_core::report::iso_date;
use guide_core::workshop::group_walk;
use yew::prelude::*;

use crate::browser::clipboard::print_page;
use crate::browser::clock::now;
use crate::browser::download::download;
use crate::components::tree::result::TreeResult;
use crate::components::workshop::check_items::WorkshopCheckItems;
use crate::components::workshop::import::WorkshopImport;
use crate::components::workshop::people::WorkshopPeople;
use crate::components::workshop::questions::WorkshopQuestions;
use crate::components::workshop::scores::WorkshopScores;
use crate::content::compiled::{checks, trees};
use crate::hooks::workshop_store::{use_workshop_store, WorkshopAction};
use crate::strings;

#[component]
pub fn WorkshopPage() -> Html {
    let store = use_workshop_store();
    let state = store.state.clone();
    let dispatch = Callback::from(move |action: WorkshopAction| state.dispatch(action));
    let workshop = &store.state.workshop;
    let on_save = {
        let text = workshop.to_file();
        Callback::from(move |_: MouseEvent| {
            download(
                &format!("ospo-workshop-{}.json", iso_date(now())),
                "application/json",
                &text,
            );
        })
    };
    let on_clear = dispatch.reform(|_: MouseEvent| WorkshopAction::Clear);
    html! {
        <article class="page workshop-page">
            <h1>{ strings::WORKSHOP_TITLE }</h1>
            <p class="lead">{ strings::WORKSHOP_INTRO }</p>
            if let Some((raw, reason)) = store.state.unreadable.clone() {
                <div class="storage-notice" role="alert" data-testid="workshop-unreadable">
                    <p>{ format!("{} {reason}.", strings::WORKSHOP_STORED_UNREADABLE) }</p>
                    <p class="notice-actions">
                        <button type="button" onclick={Callback::from(move |_: MouseEvent| {
                            download("ospo-workshop-kept.json", "application/json", &raw);
                        })}>{ strings::WORKSHOP_DOWNLOAD_KEPT }</button>
                        <button type="button" class="secondary" onclick={on_clear.clone()}>{ strings::WORKSHOP_START_FRESH }</button>
                    </p>
                </div>
            }
            if store.unsaved {
                <p class="notice" role="status">{ strings::WORKSHOP_UNSAVED }</p>
            }
            if store.state.refused > 0 {
                <p class="share-problem" role="alert">{ format!("{} {} {}", store.state.refused, strings::WORKSHOP_FULL, guide_core::workshop::MAX_PEOPLE) }</p>
            }
            <WorkshopImport dispatch={dispatch.clone()} />
            <WorkshopPeople people={workshop.people.clone()} dispatch={dispatch.clone()} />
            { for trees().iter().filter(|tree| workshop.people.iter().any(|p| p.answers.contains_key(tree.id()))).map(|tree| {
                let choices = workshop.group.get(tree.id()).cloned().unwrap_or_default();
                let (answers, next) = group_walk(tree, &choices);
                html! {
                    <section class="workshop-tree" aria-labelledby={format!("workshop-{}", tree.id())}>
                        <h2 id={format!("workshop-{}", tree.id())}>{ tree.spec().title.clone() }</h2>
                        <WorkshopScores {tree} people={workshop.people.clone()} />
                        <WorkshopQuestions {tree} people={workshop.people.clone()} choices={choices.clone()} dispatch={dispatch.clone()} />
                        <h3>{ strings::WORKSHOP_GROUP_RESULT }</h3>
                        if let Some(question) = next {
                            <p data-testid="workshop-pending">{ format!("{} “{}”", strings::WORKSHOP_NEXT_DECISION, question.text) }</p>
                        } else {
                            <div data-testid="workshop-result" class="workshop-result">
                                <TreeResult {tree} {answers} />
                            </div>
                        }
                    </section>
                }
            }) }
            { for checks().iter().filter(|check| workshop.people.iter().any(|p| p.checks.contains_key(check.id()))).map(|check| html! {
                <WorkshopCheckItems {check} people={workshop.people.clone()} />
            }) }
            if !workshop.people.is_empty() {
                <div class="result-actions no-print">
                    <button type="button" onclick={on_save} data-testid="workshop-save">{ strings::WORKSHOP_SAVE }</button>
                    <button type="button" onclick={Callback::from(|_| print_page())}>{ strings::WORKSHOP_PRINT }</button>
                    <button type="button" class="secondary" onclick={on_clear}>{ strings::WORKSHOP_CLEAR }</button>
                </div>
            }
        </article>
    }
}
