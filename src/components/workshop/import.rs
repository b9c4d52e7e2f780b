//! Bringing answers into a workshop: files (several at once) or a pasted share link. Each file is
//! checked on its own; one that fails is named with the reason and changes nothing.

use guide_core::workshop::{read_file, Loaded, MAX_FILE_BYTES};
use yew::prelude::*;

use crate::browser::file_input::{read_picked_files, PickedFile};
use crate::content::compiled::trees;
use crate::hooks::workshop_store::WorkshopAction;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct WorkshopImportProps {
    pub dispatch: Callback<WorkshopAction>,
}

/// What happened to one file.
#[derive(Clone, PartialEq)]
enum Outcome {
    Added { file: String, people: usize },
    Reopened { file: String },
    Refused { file: String, reason: String },
}

#[component]
pub fn WorkshopImport(props: &WorkshopImportProps) -> Html {
    let log = use_state(Vec::<Outcome>::new);
    let pasted = use_state(String::new);
    // The outcome of reading one file: its people added, a saved workshop reopened, or refused.
    let take = {
        let (dispatch, log) = (props.dispatch.clone(), log.clone());
        Callback::from(move |(file, picked): (String, PickedFile)| {
            let outcome = match picked {
                PickedFile::TooLarge(size) => Outcome::Refused {
                    file,
                    reason: format!(
                        "{} ({size:.0} {})",
                        strings::WORKSHOP_TOO_LARGE,
                        strings::IMPORT_BYTES
                    ),
                },
                PickedFile::Unreadable => Outcome::Refused {
                    file,
                    reason: strings::WORKSHOP_UNREADABLE.into(),
                },
                PickedFile::Read(bytes) => match read_file(&file, &bytes, trees()) {
                    Ok(Loaded::People(people)) => {
                        let count = people.len();
                        dispatch.emit(WorkshopAction::Add(people));
                        Outcome::Added {
                            file,
                            people: count,
                        }
                    }
                    Ok(Loaded::Workshop(workshop)) => {
                        dispatch.emit(WorkshopAction::Replace(workshop));
                        Outcome::Reopened { file }
                    }
                    Err(error) => Outcome::Refused {
                        file,
                        reason: strings::workshop_file_problem(&error),
                    },
                },
            };
            // Newest first; the log of this visit only.
            let mut next = vec![outcome];
            next.extend(log.iter().take(49).cloned());
            log.set(next);
        })
    };
    let onchange = {
        let take = take.clone();
        Callback::from(move |event: Event| {
            read_picked_files(&event, MAX_FILE_BYTES, take.clone());
        })
    };
    let on_paste_input = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            pasted.set(
                e.target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                    .value(),
            );
        })
    };
    let on_paste_add = {
        let (pasted, take) = (pasted.clone(), take.clone());
        Callback::from(move |_: MouseEvent| {
            let text = (*pasted).clone();
            if !text.trim().is_empty() {
                take.emit((
                    strings::WORKSHOP_SHARED_NAME.to_string(),
                    PickedFile::Read(text.into_bytes()),
                ));
                pasted.set(String::new());
            }
        })
    };
    html! {
        <section class="workshop-import" aria-labelledby="workshop-import">
            <h2 id="workshop-import">{ strings::WORKSHOP_IMPORT_TITLE }</h2>
            <p>{ strings::WORKSHOP_IMPORT_TEXT }</p>
            <label class="file-pick">
                <span>{ strings::WORKSHOP_IMPORT_FILES }</span>
                <input type="file" multiple=true accept=".json,.txt,application/json,text/plain"
                    data-testid="workshop-import" {onchange} />
            </label>
            <label for="workshop-paste">{ strings::WORKSHOP_PASTE }</label>
            <textarea id="workshop-paste" rows="2" value={(*pasted).clone()} oninput={on_paste_input}
                placeholder="https://…/readiness/#a=r1.…" />
            <p><button type="button" onclick={on_paste_add} data-testid="workshop-paste-add">{ strings::WORKSHOP_PASTE_ADD }</button></p>
            if !log.is_empty() {
                <ul class="workshop-log" aria-live="polite" data-testid="workshop-log">
                    { for log.iter().map(|outcome| match outcome {
                        Outcome::Added { file, people } => html! {
                            <li class="ok">{ format!("{file}: {people} {}", strings::WORKSHOP_ADDED) }</li>
                        },
                        Outcome::Reopened { file } => html! {
                            <li class="ok">{ format!("{file}: {}", strings::WORKSHOP_REOPENED) }</li>
                        },
                        Outcome::Refused { file, reason } => html! {
                            <li class="share-problem" role="alert" data-testid="workshop-refused">
                                { format!("{file}: {} {reason}.", strings::WORKSHOP_REFUSED) }
                            </li>
                        },
                    }) }
                </ul>
            }
        </section>
    }
}
