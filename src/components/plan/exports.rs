//! The ways the plan leaves the browser: a Markdown file (one issue-ready section per step), a
//! CSV file for GitLab's or Jira's importer, a project address that gives every step a
//! new-issue link, and a printed one-page checklist.

use guide_core::plan::{csv, markdown, Forge, ForgeKind, PlanEntry, PlanLabels, Tracker};
use guide_core::report::iso_date;
use yew::prelude::*;

use crate::browser::clipboard::print_page;
use crate::browser::clock::now;
use crate::browser::download::download;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct PlanExportsProps {
    pub entries: Vec<PlanEntry>,
    pub base: AttrValue,
    pub labels: PlanLabels,
    /// The project the reader named for new-issue links (`None`: none, or not usable).
    pub on_forge: Callback<Option<Forge>>,
}

#[component]
pub fn PlanExports(props: &PlanExportsProps) -> Html {
    let tracker = use_state(|| Tracker::GitLab);
    let kind = use_state(|| ForgeKind::GitHub);
    let address = use_state(String::new);
    let problem = use_state(|| None::<String>);
    let file = |ext: &str| format!("ospo-plan-{}.{ext}", iso_date(now()));
    let on_markdown = {
        let (entries, base, labels) = (props.entries.clone(), props.base.clone(), props.labels);
        Callback::from(move |_: MouseEvent| {
            download(
                &file("md"),
                "text/markdown",
                &markdown(&entries, &labels, &base),
            );
        })
    };
    let on_csv = {
        let (entries, base, labels, tracker) = (
            props.entries.clone(),
            props.base.clone(),
            props.labels,
            *tracker,
        );
        Callback::from(move |_: MouseEvent| {
            download(
                &file("csv"),
                "text/csv",
                &csv(&entries, tracker, &labels, &base),
            );
        })
    };
    let on_tracker = {
        let tracker = tracker.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            tracker.set(if value == "jira" {
                Tracker::Jira
            } else {
                Tracker::GitLab
            });
        })
    };
    // The project address is checked when it changes; a usable one gives every step its link.
    let check = {
        let (problem, on_forge) = (problem.clone(), props.on_forge.clone());
        move |kind: ForgeKind, text: &str| {
            if text.trim().is_empty() {
                problem.set(None);
                on_forge.emit(None);
                return;
            }
            match Forge::parse(kind, text) {
                Ok(forge) => {
                    problem.set(None);
                    on_forge.emit(Some(forge));
                }
                Err(error) => {
                    problem.set(Some(strings::forge_problem(&error)));
                    on_forge.emit(None);
                }
            }
        }
    };
    let on_kind = {
        let (kind, address, check) = (kind.clone(), address.clone(), check.clone());
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            let chosen = if value == "gitlab" {
                ForgeKind::GitLab
            } else {
                ForgeKind::GitHub
            };
            kind.set(chosen);
            check(chosen, &address);
        })
    };
    let on_address = {
        let (kind, address) = (*kind, address.clone());
        Callback::from(move |e: Event| {
            let text = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            check(kind, &text);
            address.set(text);
        })
    };
    html! {
        <section class="plan-exports no-print" aria-labelledby="plan-exports">
            <h2 id="plan-exports">{ strings::PLAN_EXPORT_TITLE }</h2>
            <p class="meta">{ strings::PLAN_EXPORT_TEXT }</p>
            <div class="result-actions">
                <button type="button" data-testid="plan-export-md" onclick={on_markdown}>{ strings::PLAN_EXPORT_MD }</button>
                <span class="export-csv">
                    <button type="button" data-testid="plan-export-csv" onclick={on_csv}>{ strings::PLAN_EXPORT_CSV }</button>
                    <label class="visually-hidden" for="plan-tracker">{ strings::PLAN_CSV_TRACKER }</label>
                    <select id="plan-tracker" data-testid="plan-csv-tracker" onchange={on_tracker}>
                        <option value="gitlab" selected={*tracker == Tracker::GitLab}>{ "GitLab" }</option>
                        <option value="jira" selected={*tracker == Tracker::Jira}>{ "Jira" }</option>
                    </select>
                </span>
                <button type="button" onclick={Callback::from(|_| print_page())}>{ strings::PLAN_PRINT }</button>
            </div>
            <p class="meta">{ strings::PLAN_CSV_HINT }</p>
            <h3>{ strings::PLAN_FORGE_TITLE }</h3>
            <div class="plan-forge">
                <label>
                    <span>{ strings::PLAN_FORGE_KIND }</span>
                    <select data-testid="plan-forge-kind" onchange={on_kind}>
                        <option value="github" selected={*kind == ForgeKind::GitHub}>{ "GitHub" }</option>
                        <option value="gitlab" selected={*kind == ForgeKind::GitLab}>{ "GitLab" }</option>
                    </select>
                </label>
                <label>
                    <span>{ strings::PLAN_FORGE_ADDRESS }</span>
                    <input type="url" data-testid="plan-forge-address" value={(*address).clone()}
                        placeholder="https://github.com/acme/ospo" onchange={on_address}
                        aria-describedby="plan-forge-hint" />
                </label>
            </div>
            <p class="meta" id="plan-forge-hint">{ strings::PLAN_FORGE_HINT }</p>
            if let Some(problem) = (*problem).clone() {
                <p class="share-problem" role="alert" data-testid="plan-forge-problem">{ format!("{} {problem}", strings::PLAN_FORGE_PROBLEM) }</p>
            }
        </section>
    }
}
