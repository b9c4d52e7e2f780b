//! What a self-check's answers mean: which sections are met, the gaps with the next step for each
//! (and the step of the reader's own plan that does the same work, where there is one), the way
//! to add the gaps to the plan, how to declare conformance, and reports and a share link. It says
//! plainly that it is a self-assessment.

use std::collections::BTreeMap;

use guide_core::conformance::{
    check_json_report, check_markdown_report, encode_answers, CheckReportInput, SectionStatus,
    ValidCheck, Verdict,
};
use guide_core::progress::Event;
use guide_core::report::iso_date;
use guide_core::walk::latest_outcome;
use guide_core::Page;
use yew::prelude::*;

use crate::browser::clipboard::{copy_text, print_page};
use crate::browser::clock::now;
use crate::browser::download::download;
use crate::components::frame::guide_link::GuideLink;
use crate::components::tree::question::learn_more;
use crate::content::compiled::trees;
use crate::hooks::guide_base::use_guide_base;
use crate::state::{use_guide_state, Action};
use crate::strings::{self, CHECK_LABELS};

#[derive(Properties, PartialEq)]
pub struct CheckResultProps {
    pub check: &'static ValidCheck,
    pub answers: BTreeMap<String, Verdict>,
    /// Someone else's shared answers: no plan, no saving.
    #[prop_or_default]
    pub read_only: bool,
}

#[component]
pub fn CheckResult(props: &CheckResultProps) -> Html {
    let state = use_guide_state();
    let base = use_guide_base();
    let status = use_state(|| None::<&'static str>);
    let check = props.check;
    let outcome = check.outcome(&props.answers);
    let page = Page::of_check(check.id()).map_or("/", Page::path);
    let link = format!("{base}{page}#c={}", encode_answers(check, &props.answers));
    // The steps of the reader's latest results, to point each gap at the one doing the same work.
    let plan_steps: Vec<(String, Vec<String>)> = trees()
        .iter()
        .filter_map(|tree| latest_outcome(tree, state.progress.results()))
        .flat_map(|(_, outcome)| outcome.plan.into_iter().map(|i| (i.text, i.crosswalk)))
        .collect();
    let key = |item: &str| format!("{}.{item}", check.id());
    let in_plan = |item: &str| state.progress.step(&key(item)).is_some_and(|s| s.added);
    let on_add = {
        let dispatcher = state.dispatcher();
        let (status, progress) = (status.clone(), state.progress.clone());
        let keys: Vec<String> = outcome.gaps.iter().map(|g| key(&g.item)).collect();
        Callback::from(move |_: MouseEvent| {
            let events = keys
                .iter()
                .map(|k| {
                    let mut state = progress.step(k).cloned().unwrap_or_default();
                    state.added = true;
                    state.at = now();
                    Event::PlanStepChanged {
                        key: k.clone(),
                        state,
                    }
                })
                .collect();
            dispatcher.dispatch(Action::ApplyAll(events));
            status.set(Some(strings::CHECK_ADDED));
        })
    };
    let input_report = |markdown: bool| {
        let (outcome, link, base) = (outcome.clone(), link.clone(), base.clone());
        move || {
            let input = CheckReportInput {
                check,
                outcome: &outcome,
                date: &iso_date(now()),
                link: &link,
                site: &base,
            };
            if markdown {
                check_markdown_report(&input, &CHECK_LABELS)
            } else {
                check_json_report(&input, &CHECK_LABELS)
            }
        }
    };
    let on_markdown = {
        let (make, status) = (input_report(true), status.clone());
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            copy_text(
                make(),
                Callback::from(move |ok| {
                    status.set(Some(if ok {
                        strings::RESULT_COPIED_MARKDOWN
                    } else {
                        strings::RESULT_COPY_FAILED
                    }))
                }),
            );
        })
    };
    let on_json = {
        let make = input_report(false);
        Callback::from(move |_: MouseEvent| {
            download(
                &format!("ospo-guide-{}-{}.json", check.id(), iso_date(now())),
                "application/json",
                &make(),
            );
        })
    };
    let on_restart = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            dispatcher.dispatch(Action::Apply(Event::CheckCleared {
                check: check.id().to_string(),
                at: now(),
            }));
        })
    };
    html! {
        <section class="check-result tree-result" data-testid="conformance-result" data-conforms={outcome.conforms.to_string()}
            aria-labelledby="check-result">
            <h2 id="check-result">{ strings::CHECK_RESULT }</h2>
            <p class="notice">{ CHECK_LABELS.self_assessment }</p>
            <p class="lead" data-testid="conformance-summary">
                { format!("{} {} {} {}. ", CHECK_LABELS.answered, outcome.answered, CHECK_LABELS.of, outcome.total) }
                { if outcome.conforms { CHECK_LABELS.conforms } else { CHECK_LABELS.does_not_conform } }
            </p>
            <table class="check-sections">
                <caption>{ CHECK_LABELS.sections }</caption>
                <thead><tr>
                    <th scope="col">{ CHECK_LABELS.clause }</th>
                    <th scope="col">{ CHECK_LABELS.section }</th>
                    <th scope="col">{ CHECK_LABELS.status }</th>
                </tr></thead>
                <tbody>
                    { for outcome.sections.iter().map(|s| html! {
                        <tr class={classes!(matches!(s.status, SectionStatus::Met).then_some("met"))} data-section={s.id.clone()}>
                            <td>{ format!("§{}", s.clause) }</td>
                            <th scope="row">{ s.title.clone() }</th>
                            <td>{ format!("{} ({}/{})", CHECK_LABELS.status(s.status), s.answered, s.total) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <h3>{ CHECK_LABELS.gaps }</h3>
            if outcome.gaps.is_empty() {
                <p>{ CHECK_LABELS.no_gaps }</p>
            }
            <ol class="check-gaps">
                { for outcome.gaps.iter().map(|gap| {
                    let same_work = plan_steps.iter().find(|(_, tags)| tags.contains(&gap.crosswalk));
                    html! {
                        <li data-testid="conformance-gap" data-item={gap.item.clone()}>
                            <p><span class="ref">{ format!("§{}", gap.clause) }</span>{ " " }{ gap.statement.clone() }</p>
                            <p class="meta">
                                { format!("{}: {}. ", CHECK_LABELS.your_answer, CHECK_LABELS.verdict(gap.verdict)) }
                                if in_plan(&gap.item) && !props.read_only { <span class="badge">{ strings::CHECK_IN_PLAN }</span> }
                            </p>
                            <p><strong>{ format!("{}: ", CHECK_LABELS.next_step) }</strong>{ gap.gap_step.clone() }{ " " }{ learn_more(&gap.learn_more) }</p>
                            if let Some((text, _)) = same_work.filter(|_| !props.read_only) {
                                <p class="meta">{ format!("{} ", strings::CHECK_PLAN_STEP) }<GuideLink path={Page::Plan.path()}>{ text.clone() }</GuideLink></p>
                            }
                        </li>
                    }
                }) }
            </ol>
            if !props.read_only && !outcome.gaps.is_empty() {
                <p class="no-print">
                    <button type="button" data-testid="conformance-add-to-plan" onclick={on_add}>{ strings::CHECK_ADD_TO_PLAN }</button>
                    { " " }<GuideLink path={Page::Plan.path()}>{ strings::PLAN_TITLE }</GuideLink>
                </p>
            }
            <h3>{ CHECK_LABELS.declare }</h3>
            <p>{ check.spec().declare.clone() }</p>
            if !props.read_only {
                <div class="result-actions no-print">
                    <button type="button" onclick={Callback::from(|_| print_page())}>{ strings::RESULT_PRINT }</button>
                    <button type="button" onclick={on_markdown}>{ strings::RESULT_COPY_MARKDOWN }</button>
                    <button type="button" onclick={on_json}>{ strings::RESULT_DOWNLOAD_JSON }</button>
                    <button type="button" class="secondary" onclick={on_restart}>{ strings::CHECK_START_OVER }</button>
                </div>
                <div class="share no-print">
                    <label for={format!("share-{}", check.id())}>{ strings::RESULT_SHARE_LABEL }</label>
                    <input id={format!("share-{}", check.id())} data-testid="conformance-share" type="text" readonly=true value={link} />
                    <p class="meta">{ strings::RESULT_SHARE_HINT }</p>
                </div>
            }
            <p class="meta" role="status">{ status.unwrap_or_default() }</p>
            <p class="print-only">{ format!("{} {}.", CHECK_LABELS.made_on, iso_date(now())) }</p>
        </section>
    }
}
