//! The result of a decision tree: the recommendation and why, the scores, what to do next, the
//! trade-offs and risks, and ways to keep it (print, Markdown, JSON, a share link).

use guide_core::report::{iso_date, json_report, markdown_report};
use guide_core::share;
use guide_core::tree::{Answer, ValidTree};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::browser::clipboard::{copy_text, print_page};
use crate::browser::clock::now;
use crate::browser::download::download;
use crate::components::frame::guide_link::GuideLink;
use crate::components::tree::question::learn_more;
use crate::components::tree::score_chart::ScoreChart;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct TreeResultProps {
    pub tree: &'static ValidTree,
    pub answers: Vec<Answer>,
    /// Starting again; `None` for someone else's shared result, which is shown read-only.
    #[prop_or_default]
    pub on_restart: Option<Callback<()>>,
}

#[component]
pub fn TreeResult(props: &TreeResultProps) -> Html {
    // The page's origin (for an absolute share link) and today's date (for the report) come from
    // the browser, so they are read in an effect, never while rendering.
    let origin = use_state(String::new);
    let date = use_state(String::new);
    let status = use_state(|| None::<&'static str>);
    {
        let origin = origin.clone();
        let date = date.clone();
        use_effect_with((), move |_| {
            #[cfg(target_arch = "wasm32")]
            if let Ok(found) = gloo::utils::window().location().origin() {
                origin.set(found);
            }
            date.set(iso_date(now()));
            #[cfg(not(target_arch = "wasm32"))]
            let _ = origin;
        });
    }
    let basename = use_navigator()
        .and_then(|n| n.basename().map(str::to_owned))
        .unwrap_or_default();
    let tree = props.tree;
    let Some(outcome) = tree.outcome(&props.answers) else {
        return Html::default();
    };
    let Some(result) = tree.result(&outcome.result) else {
        return Html::default();
    };
    let code = share::encode(tree, &props.answers).unwrap_or_default();
    let link = format!(
        "{}{}/{}/#a={code}",
        *origin,
        basename.trim_end_matches('/'),
        tree.id()
    );
    // Reports are built when the reader asks for one, not on every render.
    let copy = |make: Box<dyn Fn() -> String>, ok: &'static str| {
        let status = status.clone();
        Callback::from(move |_| {
            let status = status.clone();
            copy_text(
                make(),
                Callback::from(move |copied| {
                    status.set(Some(if copied {
                        ok
                    } else {
                        strings::RESULT_COPY_FAILED
                    }))
                }),
            )
        })
    };
    let date = (*date).clone();
    let on_markdown = {
        let (outcome, date, link) = (outcome.clone(), date.clone(), link.clone());
        copy(
            Box::new(move || {
                markdown_report(tree, &outcome, &date, &link, &strings::REPORT_LABELS)
            }),
            strings::RESULT_COPIED_MARKDOWN,
        )
    };
    let on_share = {
        let link = link.clone();
        copy(Box::new(move || link.clone()), strings::RESULT_COPIED_LINK)
    };
    let on_json = {
        let (outcome, date, link) = (outcome.clone(), date.clone(), link.clone());
        Callback::from(move |_| {
            let name = format!("ospo-guide-{}-{}.json", tree.id(), outcome.result);
            download(
                &name,
                "application/json",
                &json_report(tree, &outcome, &date, &link),
            );
        })
    };
    let on_restart = props.on_restart.clone();
    html! {
        <section class="tree-result" data-testid="tree-result" data-result={outcome.result.clone()} aria-labelledby="result-title">
            <p class="result-kicker">{ strings::RESULT_KICKER }</p>
            <h2 id="result-title">{ result.title.clone() }</h2>
            <p class="lead">{ result.summary.clone() }</p>
            <p>{ result.rationale.clone() }</p>
            <ScoreChart scores={outcome.scores.clone()} total={outcome.total} max_total={outcome.max_total} />
            <h3>{ strings::RESULT_WHY }</h3>
            <ul class="rationale">
                { for outcome.rationale.iter().map(|reason| html! {
                    <li class={classes!(reason.decisive.then_some("decisive"))}>
                        <span class="reason-question">{ reason.question_text.clone() }</span>
                        { " " }<strong>{ reason.option_label.clone() }</strong>
                        if reason.decisive { <span class="badge">{ strings::RESULT_DECISIVE }</span> }
                    </li>
                }) }
            </ul>
            if !result.next_steps.is_empty() {
                <h3>{ strings::RESULT_NEXT_STEPS }</h3>
                <ol class="next-steps">
                    { for result.next_steps.iter().map(|step| html! {
                        <li>
                            { step.text.clone() }
                            if let Some(link) = step.link.clone() { { " " }{ learn_more(&link) } }
                        </li>
                    }) }
                </ol>
            }
            { list(strings::RESULT_TRADE_OFFS, &result.trade_offs) }
            { list(strings::RESULT_RISKS, &result.risks) }
            { list(strings::RESULT_WHAT_WOULD_CHANGE, &result.what_would_change) }
            <p>{ learn_more(&result.learn_more) }</p>
            <div class="result-actions">
                <button type="button" onclick={Callback::from(|_| print_page())}>{ strings::RESULT_PRINT }</button>
                <button type="button" onclick={on_markdown}>{ strings::RESULT_COPY_MARKDOWN }</button>
                <button type="button" onclick={on_json}>{ strings::RESULT_DOWNLOAD_JSON }</button>
                if let Some(on_restart) = on_restart {
                    <button type="button" class="secondary" onclick={move |_| on_restart.emit(())}>{ strings::TREE_RESTART }</button>
                }
            </div>
            <div class="share">
                <label for={format!("share-{}", tree.id())}>{ strings::RESULT_SHARE_LABEL }</label>
                <div class="share-row">
                    <input id={format!("share-{}", tree.id())} data-testid="tree-share" type="text" readonly=true value={link} />
                    <button type="button" onclick={on_share}>{ strings::RESULT_COPY_LINK }</button>
                </div>
                <p class="meta">{ strings::RESULT_SHARE_HINT }</p>
            </div>
            <p class="meta" role="status">{ status.unwrap_or_default() }</p>
            <p class="print-only">
                { format!("{} {date}. ", strings::RESULT_PRINTED) }
                <GuideLink path={format!("/{}/", tree.id())}>{ tree.spec().title.clone() }</GuideLink>
            </p>
        </section>
    }
}

fn list(title: &'static str, items: &[String]) -> Html {
    if items.is_empty() {
        return Html::default();
    }
    html! {
        <>
            <h3>{ title }</h3>
            <ul>{ for items.iter().map(|item| html! { <li>{ item.clone() }</li> }) }</ul>
        </>
    }
}
