//! Past results of a tree with their dates; the reader can pick two to compare side by side.

use guide_core::progress::ResultRecord;
use guide_core::report::iso_date;
use guide_core::tree::ValidTree;
use yew::prelude::*;

use crate::state::use_guide_state;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct ResultHistoryProps {
    pub tree: &'static ValidTree,
}

#[component]
pub fn ResultHistory(props: &ResultHistoryProps) -> Html {
    let state = use_guide_state();
    let picked = use_state_eq(Vec::<u64>::new);
    let tree = props.tree;
    let records: Vec<&ResultRecord> = state
        .progress
        .results()
        .iter()
        .filter(|r| r.tree == tree.id())
        .rev()
        .collect();
    if records.is_empty() {
        return Html::default();
    }
    let title_of = |record: &ResultRecord| {
        tree.result_title(&record.result)
            .unwrap_or(&record.result)
            .to_string()
    };
    let compared: Vec<&ResultRecord> = picked
        .iter()
        .filter_map(|at| records.iter().copied().find(|r| r.at == *at))
        .collect();
    html! {
        <section class="result-history" aria-labelledby={format!("history-{}", tree.id())}>
            <h2 id={format!("history-{}", tree.id())}>{ strings::HISTORY_TITLE }</h2>
            <p class="meta">{ strings::HISTORY_HINT }</p>
            <ul data-testid="result-history">
                { for records.iter().map(|record| {
                    let at = record.at;
                    let checked = picked.contains(&at);
                    let onchange = {
                        let picked = picked.clone();
                        Callback::from(move |_: Event| {
                            let mut next: Vec<u64> = (*picked).iter().copied().filter(|p| *p != at).collect();
                            if !checked {
                                next.push(at);
                                if next.len() > 2 {
                                    next.remove(0);
                                }
                            }
                            picked.set(next);
                        })
                    };
                    let id = format!("pick-{}-{at}", tree.id());
                    html! {
                        <li>
                            <input type="checkbox" id={id.clone()} {checked} {onchange} />
                            <label for={id}>{ format!("{} — {}", iso_date(at), title_of(record)) }</label>
                        </li>
                    }
                }) }
            </ul>
            if let [first, second] = compared.as_slice() {
                { comparison(tree, first, second, &title_of) }
            }
        </section>
    }
}

fn comparison(
    tree: &ValidTree,
    first: &ResultRecord,
    second: &ResultRecord,
    title_of: &dyn Fn(&ResultRecord) -> String,
) -> Html {
    html! {
        <table class="comparison" data-testid="result-comparison">
            <caption>{ strings::HISTORY_COMPARE }</caption>
            <thead><tr>
                <th scope="col"></th>
                <th scope="col">{ iso_date(first.at) }</th>
                <th scope="col">{ iso_date(second.at) }</th>
            </tr></thead>
            <tbody>
                <tr><th scope="row">{ strings::HISTORY_RESULT }</th><td>{ title_of(first) }</td><td>{ title_of(second) }</td></tr>
                { for tree.spec().dimensions.iter().filter(|d| d.shown).map(|d| html! {
                    <tr>
                        <th scope="row">{ d.label.clone() }</th>
                        <td>{ first.scores.get(&d.id).copied().unwrap_or(0) }</td>
                        <td>{ second.scores.get(&d.id).copied().unwrap_or(0) }</td>
                    </tr>
                }) }
                if tree.spec().show_total {
                    <tr><th scope="row">{ strings::REPORT_LABELS.total }</th><td>{ first.total }</td><td>{ second.total }</td></tr>
                }
            </tbody>
        </table>
    }
}
