//! Importing a file of the reader's data: checked and previewed first, then merged or replaced
//! only when the reader says so. A bad file changes nothing and says why.

use guide_core::progress::{preview_import, Changes, ImportMode, ImportPreview, MAX_BYTES};
use yew::prelude::*;

use crate::browser::clock::now;
use crate::browser::file_input::{read_picked_file, PickedFile};
use crate::state::{use_guide_state, Action};
use crate::strings;

#[component]
pub fn DataImport() -> Html {
    let state = use_guide_state();
    let preview = use_state(|| None::<ImportPreview>);
    let message = use_state(|| None::<String>);
    let onchange = {
        let preview = preview.clone();
        let message = message.clone();
        let current = state.progress.clone();
        Callback::from(move |event: Event| {
            let preview = preview.clone();
            let message = message.clone();
            let current = current.clone();
            read_picked_file(
                &event,
                MAX_BYTES,
                Callback::from(move |picked| match picked {
                    PickedFile::Read(bytes) => match preview_import(&bytes, &current, now()) {
                        Ok(checked) => {
                            message.set(None);
                            preview.set(Some(checked));
                        }
                        Err(error) => {
                            preview.set(None);
                            message.set(Some(strings::import_problem(&error)));
                        }
                    },
                    PickedFile::TooLarge(size) => {
                        preview.set(None);
                        message.set(Some(format!(
                            "{} {} {size:.0} {}",
                            strings::IMPORT_REFUSED,
                            strings::IMPORT_TOO_LARGE,
                            strings::IMPORT_BYTES
                        )));
                    }
                    PickedFile::Unreadable => {
                        message.set(Some(strings::IMPORT_UNREADABLE.to_string()))
                    }
                }),
            );
        })
    };
    let apply = |mode: ImportMode| {
        let preview = preview.clone();
        let message = message.clone();
        let state = state.clone();
        Callback::from(move |_| {
            let Some(checked) = (*preview).clone() else {
                return;
            };
            // Applied by the reducer to the state as it is when it runs, so that what changed
            // while the preview was open (another tab, the theme) is kept.
            let message = message.clone();
            let done = Callback::from(move |result: Result<(), _>| {
                message.set(Some(match result {
                    Ok(()) => strings::IMPORT_DONE.to_string(),
                    Err(error) => strings::import_problem(&error),
                }))
            });
            state.dispatch(Action::Import {
                preview: Box::new(checked),
                mode,
                done,
            });
            preview.set(None);
        })
    };
    html! {
        <section aria-labelledby="import-title">
            <h2 id="import-title">{ strings::IMPORT_TITLE }</h2>
            <p>{ strings::IMPORT_TEXT }</p>
            <label class="file-label" for="progress-import">{ strings::IMPORT_CHOOSE }</label>
            <input id="progress-import" type="file" accept=".json,application/json" data-testid="progress-import" {onchange} />
            if let Some(text) = (*message).clone() {
                <p class="import-message" role="status" data-testid="import-message">{ text }</p>
            }
            if let Some(checked) = (*preview).clone() {
                <div class="import-preview" data-testid="import-preview">
                    <h3>{ strings::IMPORT_PREVIEW }</h3>
                    <div class="preview-columns">
                        { changes(strings::IMPORT_MERGE_TITLE, strings::IMPORT_MERGE_TEXT, &checked.merge) }
                        { changes(strings::IMPORT_REPLACE_TITLE, strings::IMPORT_REPLACE_TEXT, &checked.replace) }
                    </div>
                    <div class="tree-actions">
                        <button type="button" onclick={apply(ImportMode::Merge)} disabled={!checked.merge.fits}>{ strings::IMPORT_MERGE }</button>
                        <button type="button" onclick={apply(ImportMode::Replace)} disabled={!checked.replace.fits}>{ strings::IMPORT_REPLACE }</button>
                        <button type="button" class="secondary" onclick={{ let preview = preview.clone(); move |_| preview.set(None) }}>{ strings::CANCEL }</button>
                    </div>
                </div>
            }
        </section>
    }
}

fn changes(title: &'static str, text: &'static str, changes: &Changes) -> Html {
    let lines = [
        (changes.newly_read.len(), strings::IMPORT_NEWLY_READ),
        (changes.unread.len(), strings::IMPORT_UNREAD),
        (changes.trees_changed.len(), strings::IMPORT_TREES),
        (changes.results_added, strings::IMPORT_RESULTS_ADDED),
        (changes.results_removed, strings::IMPORT_RESULTS_REMOVED),
        (changes.steps_changed, strings::IMPORT_STEPS),
        (changes.checks_changed.len(), strings::IMPORT_CHECKS),
    ];
    html! {
        <div class="preview-column">
            <h4>{ title }</h4>
            <p class="meta">{ text }</p>
            <ul>
                { for lines.iter().filter(|(n, _)| *n > 0).map(|(n, label)| html! { <li>{ format!("{n} {label}") }</li> }) }
                if changes.prefs_changed { <li>{ strings::IMPORT_PREFS }</li> }
                if changes.is_empty() { <li>{ strings::IMPORT_NOTHING }</li> }
            </ul>
        </div>
    }
}
