//! Shows whether a chapter is read, and lets the reader mark or unmark it by hand.

use guide_core::progress::{ChapterStatus, Event};
use yew::prelude::*;

use crate::browser::clock::now;
use crate::state::{use_guide_state, Action};
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct ReadToggleProps {
    pub slug: AttrValue,
}

#[component]
pub fn ReadToggle(props: &ReadToggleProps) -> Html {
    let state = use_guide_state();
    let status = state.progress.status(&props.slug);
    let read = status == ChapterStatus::Read;
    let onclick = {
        let state = state.clone();
        let slug = props.slug.to_string();
        Callback::from(move |_| {
            state.dispatch(Action::Apply(Event::MarkedRead {
                slug: slug.clone(),
                read: !read,
                at: now(),
            }))
        })
    };
    html! {
        <div class="read-toggle" data-testid="read-status" data-status={status_key(status)}>
            <span>{ status_text(status) }</span>
            <button type="button" class="secondary" aria-pressed={read.to_string()} {onclick}>
                { if read { strings::MARK_UNREAD } else { strings::MARK_READ } }
            </button>
        </div>
    }
}

pub fn status_key(status: ChapterStatus) -> &'static str {
    match status {
        ChapterStatus::NotStarted => "not-started",
        ChapterStatus::InProgress(_) => "in-progress",
        ChapterStatus::Read => "read",
    }
}

pub fn status_text(status: ChapterStatus) -> String {
    match status {
        ChapterStatus::NotStarted => strings::STATUS_NOT_STARTED.to_string(),
        ChapterStatus::InProgress(permille) => {
            format!("{} · {}%", strings::STATUS_IN_PROGRESS, permille / 10)
        }
        ChapterStatus::Read => strings::STATUS_READ.to_string(),
    }
}
