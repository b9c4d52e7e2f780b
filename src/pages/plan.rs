//! The plan page: the reader's latest results' 90-day steps (and the self-check gaps they added),
//! to tick, give owners and due dates, and take to a tracker.

use guide_core::plan::{assemble, Forge, PlanEntry, Section, Source};
use guide_core::report::iso_date;
use guide_core::tree::Outcome;
use guide_core::walk::latest_outcome;
use guide_core::workshop::group_walk;
use guide_core::Page;
use yew::prelude::*;

use crate::components::frame::intro::PageIntro;

use crate::components::frame::guide_link::GuideLink;
use crate::components::plan::exports::PlanExports;
use crate::components::plan::step::PlanStep;
use crate::content::compiled::{checklists, checks, trees};
use crate::hooks::guide_base::use_guide_base;
use crate::hooks::workshop_store::use_workshop_store;
use crate::page_meta::nav_label;
use crate::state::use_guide_state;
use crate::strings::{self, PLAN_LABELS};

#[component]
pub fn PlanPage() -> Html {
    let state = use_guide_state();
    let base = use_guide_base();
    let forge = use_state(|| None::<Forge>);
    let progress = &state.progress;
    // The workshop's group results, when a workshop has reached one: the plan can follow them
    // instead of the reader's own.
    let workshop = use_workshop_store();
    let group: Vec<(&'static guide_core::tree::ValidTree, String, Outcome)> = trees()
        .iter()
        .filter_map(|tree| {
            let choices = workshop.state.workshop.group.get(tree.id())?;
            let (answers, next) = group_walk(tree, choices);
            let outcome = next.is_none().then(|| tree.outcome(&answers)).flatten()?;
            let title = tree
                .result_title(&outcome.result)
                .unwrap_or(&outcome.result)
                .to_string();
            Some((
                tree,
                format!("{} ({}): {title}", tree.spec().title, strings::PLAN_GROUP),
                outcome,
            ))
        })
        .collect();
    let from_group = use_state_eq(|| false);
    let own: Vec<(&'static guide_core::tree::ValidTree, String, Outcome)> = trees()
        .iter()
        .filter_map(|tree| {
            let (record, outcome) = latest_outcome(tree, progress.results())?;
            let title = tree.result_title(&record.result).unwrap_or(&record.result);
            let label = format!("{}: {title} ({})", tree.spec().title, iso_date(record.at));
            Some((tree, label, outcome))
        })
        .collect();
    let use_group = *from_group && !group.is_empty();
    let latest = if use_group { group.clone() } else { own };
    // Trees with results whose answers no longer reach a result (the questions changed).
    let stale: Vec<&str> = trees()
        .iter()
        .filter(|t| progress.results().iter().any(|r| r.tree == t.id()))
        .filter(|t| !latest.iter().any(|(l, ..)| l.id() == t.id()))
        .map(|t| t.spec().title.as_str())
        .collect();
    let sources: Vec<Source<'_>> = latest
        .iter()
        .map(|(tree, label, outcome)| Source {
            tree: tree.id(),
            label: label.clone(),
            items: &outcome.plan,
        })
        .collect();
    let lookup = |link: &str| {
        checklists()
            .iter()
            .find(|c| c.link() == link)
            .map(|c| c.keyed())
            .unwrap_or_default()
    };
    // Self-check gaps are candidates; the plan shows those the reader added.
    let gaps: Vec<guide_core::plan::Gap> = checks()
        .iter()
        .flat_map(|check| check.plan_gaps(&progress.check_answers(check.id())))
        .collect();
    let entries = assemble(&sources, &gaps, progress.plan(), &lookup);
    let done = entries.iter().filter(|e| e.done).count();
    let several = latest.len() > 1 || entries.iter().any(|e| e.section == Section::Gaps);
    let mut sections: Vec<(Section, Vec<&PlanEntry>)> = Vec::new();
    for entry in &entries {
        match sections.last_mut() {
            Some((section, list)) if *section == entry.section => list.push(entry),
            _ => sections.push((entry.section, vec![entry])),
        }
    }
    let on_forge = {
        let forge = forge.clone();
        Callback::from(move |chosen: Option<Forge>| forge.set(chosen))
    };
    let choose_source = |group: bool| {
        let from_group = from_group.clone();
        Callback::from(move |_: web_sys::Event| from_group.set(group))
    };
    html! {
        <article class="page plan-page">
            <h1>{ strings::PLAN_TITLE }</h1>
            if !group.is_empty() {
                <fieldset class="plan-source" data-testid="plan-source">
                    <legend>{ strings::PLAN_SOURCE }</legend>
                    <label><input type="radio" name="plan-source" checked={!use_group} onchange={choose_source(false)} />{ " " }{ strings::PLAN_SOURCE_MINE }</label>
                    <label><input type="radio" name="plan-source" checked={use_group} onchange={choose_source(true)} data-testid="plan-source-group" />{ " " }{ strings::PLAN_SOURCE_GROUP }</label>
                </fieldset>
            }
            <PageIntro text={strings::PLAN_INTRO} summary={strings::INTRO_FOLD_PLAN} />
            { for stale.iter().map(|title| html! { <p class="notice">{ format!("{title} {}", strings::PLAN_STALE) }</p> }) }
            if entries.is_empty() {
                <p data-testid="plan-empty">{ strings::PLAN_EMPTY }</p>
                <ul>
                    { for [Page::Readiness, Page::Structure].iter().map(|page| html! {
                        <li><GuideLink path={page.path()}>{ nav_label(*page) }</GuideLink></li>
                    }) }
                </ul>
            } else {
                <p class="plan-summary" data-testid="plan-summary">
                    { format!("{done} {} {}. {}: ", strings::PLAN_PROGRESS, entries.len(), strings::PLAN_FROM) }
                    { latest.iter().map(|(_, label, _)| label.clone()).collect::<Vec<_>>().join("; ") }
                </p>
                { for sections.iter().map(|(section, list)| html! {
                    <section class="plan-section" aria-label={PLAN_LABELS.section(*section)}>
                        <h2>{ PLAN_LABELS.section(*section) }</h2>
                        <ol class="plan-board">
                            { for list.iter().map(|entry| html! {
                                <PlanStep key={entry.key.clone()} entry={(*entry).clone()} forge={(*forge).clone()}
                                    base={base.clone()} labels={PLAN_LABELS} show_source={several} />
                            }) }
                        </ol>
                    </section>
                }) }
                <PlanExports entries={entries.clone()} base={base.clone()} labels={PLAN_LABELS} {on_forge} />
            }
        </article>
    }
}
