//! One step of the reader's plan: a checkbox to tick it, its owner and due date (kept with the
//! reader's data), what shows it is done, where it comes from, the chapter checklist it points
//! to, and a new-issue link when the reader named a project.

use guide_core::plan::{Forge, PlanEntry, PlanLabels, Section};
use guide_core::progress::{Event, StepState};
use yew::prelude::*;

use crate::browser::clock::now;
use crate::components::tree::question::learn_more;
use crate::state::{use_guide_state, Action};
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct PlanStepProps {
    pub entry: PlanEntry,
    /// The project to link new issues to, if the reader named one.
    pub forge: Option<Forge>,
    /// The guide's absolute address, for links in issues.
    pub base: AttrValue,
    pub labels: PlanLabels,
    /// Whether to say where the step comes from (the plan has more than one source).
    #[prop_or_default]
    pub show_source: bool,
}

/// The reader's owner text as stored: no control characters, at most the stored length.
fn clean_owner(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control())
        .take(guide_core::progress::MAX_OWNER_CHARS)
        .collect::<String>()
        .trim()
        .to_string()
}

/// One change the reader makes to a step.
enum Edit {
    Done(bool),
    Owner(String),
    Due(String),
    /// A self-check gap taken out of the plan.
    Removed,
}

#[component]
pub fn PlanStep(props: &PlanStepProps) -> Html {
    let state = use_guide_state();
    let entry = &props.entry;
    let stored = state.progress.step(&entry.key).cloned();
    // Every change writes the step's whole state, starting from what is stored.
    let edit = {
        let dispatcher = state.dispatcher();
        let key = entry.key.clone();
        let start = stored.clone().unwrap_or(StepState {
            done: entry.done,
            added: entry.section == Section::Gaps,
            ..StepState::default()
        });
        Callback::from(move |edit: Edit| {
            let mut next = start.clone();
            match edit {
                Edit::Done(done) => next.done = done,
                Edit::Owner(owner) => next.owner = owner,
                Edit::Due(due) => next.due = due,
                Edit::Removed => next.added = false,
            }
            next.at = now();
            dispatcher.dispatch(Action::Apply(Event::PlanStepChanged {
                key: key.clone(),
                state: next,
            }));
        })
    };
    let on_tick = edit.reform({
        let done = !entry.done;
        move |_: web_sys::Event| Edit::Done(done)
    });
    let on_owner = edit.reform(|e: web_sys::Event| {
        Edit::Owner(clean_owner(
            &e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .value(),
        ))
    });
    let on_due = edit.reform(|e: web_sys::Event| {
        Edit::Due(
            e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .value(),
        )
    });
    let on_remove = edit.reform(|_: MouseEvent| Edit::Removed);
    let id = entry.key.replace('.', "-");
    let owned_by_reader = stored.as_ref().is_some_and(|s| !s.owner.is_empty());
    html! {
        <li class={classes!("plan-step", entry.done.then_some("done"))} data-testid="plan-step"
            data-step={entry.key.clone()} data-done={entry.done.to_string()}>
            <div class="plan-step-head">
                <input type="checkbox" id={format!("step-{id}")} checked={entry.done} onchange={on_tick} />
                <label for={format!("step-{id}")} class="plan-text">{ entry.text.clone() }</label>
            </div>
            if entry.done_from_answers {
                <p class="meta"><span class="badge">{ strings::PLAN_DONE_FROM_ANSWERS }</span></p>
            }
            <p class="plan-meta">
                <span>{ format!("{}: {}", props.labels.done_when, entry.done_when) }</span>
                if props.show_source {
                    <span>{ format!("{}: {}", strings::PLAN_FROM, entry.source) }</span>
                }
                if !entry.crosswalk.is_empty() {
                    <span>{ format!("{}: {}", props.labels.frameworks, entry.crosswalk.join(", ")) }</span>
                }
            </p>
            <div class="plan-fields">
                <label>
                    <span>{ strings::PLAN_OWNER }</span>
                    <input type="text" maxlength="120" value={if owned_by_reader { entry.owner.clone() } else { String::new() }}
                        placeholder={(!entry.suggested_owner.is_empty()).then(|| format!("{} {}", strings::PLAN_SUGGESTED, entry.suggested_owner))} onchange={on_owner} />
                </label>
                <label>
                    <span>{ strings::PLAN_DUE }</span>
                    <input type="date" value={entry.due.clone()} onchange={on_due} />
                </label>
            </div>
            if let Some(link) = &entry.link { <p class="no-print">{ learn_more(link) }</p> }
            if !entry.checklist.is_empty() {
                <fieldset class="plan-checklist">
                    <legend>{ strings::PLAN_CHECKLIST }</legend>
                    { for entry.checklist.iter().map(|item| html! {
                        <ChecklistBox key={item.key.clone()} item_key={item.key.clone()} text={item.text.clone()} done={item.done} />
                    }) }
                </fieldset>
            }
            <p class="plan-links no-print">
                if let Some(forge) = &props.forge {
                    <a href={forge.new_issue_url(entry, &props.labels, &props.base)} rel="noopener noreferrer" class="external">
                        { format!("{}: {}", strings::PLAN_NEW_ISSUE, entry.text) }
                    </a>
                }
                if entry.section == Section::Gaps {
                    <button type="button" class="link-button" onclick={on_remove}>{ strings::PLAN_REMOVE_GAP }</button>
                }
            </p>
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct ChecklistBoxProps {
    item_key: AttrValue,
    text: AttrValue,
    done: bool,
}

/// One checklist item of a chapter section, tickable.
#[component]
fn ChecklistBox(props: &ChecklistBoxProps) -> Html {
    let state = use_guide_state();
    let onchange = {
        let dispatcher = state.dispatcher();
        let key = props.item_key.to_string();
        let done = !props.done;
        Callback::from(move |_: web_sys::Event| {
            let state = StepState {
                at: now(),
                done,
                ..StepState::default()
            };
            dispatcher.dispatch(Action::Apply(Event::PlanStepChanged {
                key: key.clone(),
                state,
            }));
        })
    };
    let id = format!("check-{}", props.item_key.replace('.', "-"));
    html! {
        <div class="plan-check" data-testid="plan-checklist-item" data-done={props.done.to_string()}>
            <input type="checkbox" id={id.clone()} checked={props.done} {onchange} />
            <label for={id}>{ props.text.clone() }</label>
        </div>
    }
}
