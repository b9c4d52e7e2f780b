//! Ways to keep a result: print it, copy it as Markdown, download it as JSON, copy a share link
//! that reproduces it, or start again. Reports are built when the reader asks for one.

use std::rc::Rc;

use guide_core::report::{iso_date, json_report, markdown_report, AdviceInput, ReportInput};
use guide_core::share;
use guide_core::tree::{Answer, Confidence, Outcome, ValidTree};
use yew::prelude::*;

use crate::browser::clipboard::{copy_text, print_page};
use crate::browser::clock::now;
use crate::browser::download::download;
use crate::components::frame::guide_link::GuideLink;
use crate::content::compiled::crosswalk;
use crate::hooks::guide_base::use_guide_base;
use crate::strings::{self, REPORT_LABELS as LABELS};

#[derive(Properties, PartialEq)]
pub struct ResultActionsProps {
    pub tree: &'static ValidTree,
    pub answers: Vec<Answer>,
    pub computed: Rc<(Outcome, Confidence)>,
    pub on_restart: Option<Callback<()>>,
}

/// Which report to build.
#[derive(Clone, Copy)]
enum Format {
    Markdown,
    Json,
}

#[component]
pub fn ResultActions(props: &ResultActionsProps) -> Html {
    // Today's date (for the report) comes from the browser, so it is read in an effect, never
    // while rendering.
    let base = use_guide_base();
    let date = use_state(String::new);
    let status = use_state(|| None::<&'static str>);
    {
        let date = date.clone();
        use_effect_with((), move |_| date.set(iso_date(now())));
    }
    let tree = props.tree;
    let code = share::encode(tree, &props.answers).unwrap_or_default();
    let link = format!("{base}/{}/#a={code}", tree.id());
    let report = {
        let (computed, date, link) = (props.computed.clone(), (*date).clone(), link.clone());
        move |format: Format| {
            let (outcome, confidence) = computed.as_ref();
            let input = ReportInput {
                advice: AdviceInput {
                    tree,
                    outcome,
                    confidence,
                    crosswalk: crosswalk(),
                },
                date: &date,
                link: &link,
            };
            match format {
                Format::Markdown => markdown_report(&input, &LABELS),
                Format::Json => json_report(&input),
            }
        }
    };
    let copy = |text: Rc<dyn Fn() -> String>, ok: &'static str| {
        let status = status.clone();
        Callback::from(move |_| {
            let status = status.clone();
            copy_text(
                text(),
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
    let on_markdown = {
        let report = report.clone();
        copy(
            Rc::new(move || report(Format::Markdown)),
            strings::RESULT_COPIED_MARKDOWN,
        )
    };
    let on_share = {
        let link = link.clone();
        copy(Rc::new(move || link.clone()), strings::RESULT_COPIED_LINK)
    };
    let on_json = {
        let result = props.computed.0.result.clone();
        Callback::from(move |_| {
            let name = format!("ospo-guide-{}-{result}.json", tree.id());
            download(&name, "application/json", &report(Format::Json));
        })
    };
    let on_restart = props.on_restart.clone();
    html! {
        <>
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
                { format!("{} {}. ", LABELS.made_on, *date) }
                <GuideLink path={format!("/{}/", tree.id())}>{ tree.spec().title.clone() }</GuideLink>
            </p>
        </>
    }
}
