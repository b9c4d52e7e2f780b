//! "Your data": what the guide keeps and where, the reader's progress and results, things that
//! changed in the content since, and export, import and erase.

use guide_core::progress::{export, flags, ChapterStatus, Flag};
use guide_core::report::iso_date;
use yew::prelude::*;

use crate::browser::clock::now;
use crate::browser::download::download;
use crate::components::data::backups::DataBackups;
use crate::components::data::erase::DataErase;
use crate::components::data::import::DataImport;
use crate::components::data::keep::DataKeep;
use crate::components::frame::guide_link::GuideLink;
use crate::content::compiled::{book, tree, CONTENT_VERSION};
use crate::state::use_guide_state;
use crate::strings;

#[component]
pub fn ProgressPage() -> Html {
    let state = use_guide_state();
    let progress = &state.progress;
    let slugs: Vec<&str> = book()
        .chapters
        .iter()
        .map(|c| c.meta.slug.as_str())
        .collect();
    let (read, total) = progress.overall(&slugs);
    let in_progress = slugs
        .iter()
        .filter(|s| matches!(progress.status(s), ChapterStatus::InProgress(_)))
        .count();
    let question_hash = |tree_id: &str, question: &str| {
        tree(tree_id)
            .and_then(|t| t.question(question))
            .map(|q| guide_core::tree::question_hash(&q.text))
    };
    let content_flags = flags(progress, &slugs, &question_hash);
    let export_message = use_state(|| None::<String>);
    let on_export = {
        let progress = progress.clone();
        let export_message = export_message.clone();
        Callback::from(move |_| match export(&progress, CONTENT_VERSION) {
            Ok(json) => {
                let name = format!("ospo-guide-data-{}.json", iso_date(now()));
                download(&name, "application/json", &json);
                export_message.set(None);
            }
            Err(error) => export_message.set(Some(format!("{} {error}", strings::EXPORT_FAILED))),
        })
    };
    html! {
        <article class="page data-page">
            <h1>{ strings::DATA_TITLE }</h1>
            <p class="lead">{ strings::DATA_INTRO }</p>
            <section aria-labelledby="kept-title">
                <h2 id="kept-title">{ strings::DATA_WHAT_TITLE }</h2>
                <ul>
                    <li>{ strings::DATA_WHAT_CHAPTERS }</li>
                    <li>{ strings::DATA_WHAT_TREES }</li>
                    <li>{ strings::DATA_WHAT_RESULTS }</li>
                    <li>{ strings::DATA_WHAT_PREFS }</li>
                </ul>
            </section>
            <section aria-labelledby="summary-title">
                <h2 id="summary-title">{ strings::DATA_SUMMARY_TITLE }</h2>
                <p data-testid="progress-summary">
                    { format!("{read} {} {total} {} · {in_progress} {} · {} {}", strings::PATH_OF, strings::DATA_CHAPTERS_READ,
                        strings::DATA_IN_PROGRESS, progress.results().len(), strings::DATA_RESULTS_KEPT) }
                </p>
                <progress max={total.to_string()} value={read.to_string()} aria-label={strings::DATA_CHAPTERS_READ}></progress>
                if !progress.results().is_empty() {
                    <ul class="results-kept">
                        { for progress.results().iter().rev().map(|record| {
                            let title = tree(&record.tree)
                                .and_then(|t| t.result(&record.result).map(|r| (t.spec().title.clone(), r.title.clone())));
                            let (tree_title, result_title) = title.unwrap_or_else(|| (record.tree.clone(), record.result.clone()));
                            html! {
                                <li>
                                    { format!("{} · {tree_title}: ", iso_date(record.at)) }
                                    <GuideLink path={format!("/{}/", record.tree)}>{ result_title }</GuideLink>
                                </li>
                            }
                        }) }
                    </ul>
                }
            </section>
            if !content_flags.is_empty() {
                <section aria-labelledby="flags-title" data-testid="content-flags">
                    <h2 id="flags-title">{ strings::DATA_FLAGS_TITLE }</h2>
                    <ul>{ for content_flags.iter().map(flag_line) }</ul>
                </section>
            }
            <section aria-labelledby="export-title">
                <h2 id="export-title">{ strings::EXPORT_TITLE }</h2>
                <p>{ strings::EXPORT_TEXT }</p>
                <button type="button" data-testid="progress-export" onclick={on_export}>{ strings::EXPORT_BUTTON }</button>
                if let Some(message) = (*export_message).clone() { <p role="alert">{ message }</p> }
            </section>
            <DataKeep />
            <DataImport />
            <DataBackups />
            <DataErase />
        </article>
    }
}

fn flag_line(flag: &Flag) -> Html {
    match flag {
        Flag::UnknownChapter { slug } => {
            html! { <li>{ format!("{} {slug}", strings::FLAG_UNKNOWN_CHAPTER) }</li> }
        }
        Flag::ChangedQuestion {
            tree: tree_id,
            question,
        } => {
            let text = tree(tree_id)
                .and_then(|t| t.question(question))
                .map_or_else(|| question.clone(), |q| q.text.clone());
            html! { <li>{ format!("{} “{text}”", strings::FLAG_CHANGED_QUESTION) }</li> }
        }
        Flag::UnknownQuestion {
            tree: tree_id,
            question,
        } => {
            html! { <li>{ format!("{} {tree_id} / {question}", strings::FLAG_UNKNOWN_QUESTION) }</li> }
        }
    }
}
