//! The reader's state in the view: the core's `Progress` wrapped for Yew's `use_reducer`, plus
//! what the storage adapter reported. The reducer only changes values; saving happens in an effect
//! (`hooks::persistence`), never here.

use std::rc::Rc;

use guide_core::progress::{merge, Event, Progress};
use yew::prelude::*;

use crate::browser::log;

/// Why the reader's data is not being saved, shown by the storage notice.
#[derive(Debug, Clone, PartialEq)]
pub enum StorageNotice {
    /// The browser blocks storage: everything is kept in memory for this visit only.
    Blocked,
    /// Storage is full: the latest changes are in memory only.
    Full,
    /// Stored data could not be read; it is kept untouched (and copied to a backup key).
    Kept { reason: String, raw: String },
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct GuideState {
    pub progress: Progress,
    pub notice: Option<StorageNotice>,
    /// Whether stored data has been read (or found absent); nothing is written before that.
    pub loaded: bool,
    /// May the guide write to storage? False while unreadable data is kept.
    pub writable: bool,
}

pub enum Action {
    /// A reader action, applied by the core's reducer.
    Apply(Event),
    /// The stored data, read after the first render.
    Loaded {
        progress: Progress,
        notice: Option<StorageNotice>,
        writable: bool,
    },
    /// Another tab saved its state: merge it in.
    MergeRemote(Progress),
    /// An import or a fresh start replaces everything.
    Replace(Progress),
    /// Storage started failing or recovered.
    Notice(Option<StorageNotice>),
    /// The reader chose to start fresh over unreadable data: write again.
    StartFresh,
}

impl Reducible for GuideState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Apply(event) => match next.progress.apply(event) {
                Ok(true) => {}
                Ok(false) => return self,
                Err(error) => {
                    log::warn(&format!("a change was refused: {error}"));
                    return self;
                }
            },
            Action::Loaded {
                progress,
                notice,
                writable,
            } => {
                // Anything the reader did before the stored data arrived is kept too.
                next.progress = merge(&progress, &self.progress);
                next.notice = notice;
                next.writable = writable;
                next.loaded = true;
            }
            Action::MergeRemote(remote) => {
                let merged = merge(&self.progress, &remote);
                if merged == self.progress {
                    return self;
                }
                next.progress = merged;
            }
            Action::Replace(progress) => next.progress = progress,
            Action::Notice(notice) => {
                if notice == self.notice {
                    return self;
                }
                next.notice = notice;
            }
            Action::StartFresh => {
                next.notice = None;
                next.writable = true;
            }
        }
        Rc::new(next)
    }
}

/// The handle components use to read and change the reader's state.
pub type StateHandle = UseReducerHandle<GuideState>;

/// The reader's state, from the nearest `StateProvider`.
#[hook]
pub fn use_guide_state() -> StateHandle {
    // Rendering outside a provider is a defect; fall back to a throwaway state rather than panic.
    let fallback = use_reducer(GuideState::default);
    use_context::<StateHandle>().unwrap_or(fallback)
}
