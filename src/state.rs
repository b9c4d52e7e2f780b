//! The reader's state in the view: the core's `Progress` wrapped for Yew's `use_reducer`, plus
//! what the storage adapter reported. The reducer only changes values; saving happens in an effect
//! (`hooks::persistence`), never here.
//!
//! Every failure that affects the reader's data ends up in [`GuideState::notice`], which the
//! storage notice shows with what the reader can do; the console only gets the details.

use std::rc::Rc;

use guide_core::progress::{
    apply_import, merge, value_hash, DecodeError, EncodeError, Event, EventError, ImportError,
    ImportMode, ImportPreview, Progress,
};
use yew::prelude::*;

use crate::browser::log;

/// Why the reader's data is not (or not all) being kept, shown by the storage notice.
#[derive(Debug, Clone, PartialEq)]
pub enum StorageNotice {
    /// The browser blocks storage: everything is kept in memory for this visit only.
    Blocked,
    /// Storage is full: the latest changes are in memory only.
    Full,
    /// The data has grown past what can be stored (two tabs' data merged over a limit): the
    /// latest changes are in memory only.
    TooLarge(EncodeError),
    /// Stored data could not be read; it is kept untouched (and copied to a backup).
    Kept { reason: DecodeError, raw: String },
    /// A change the reader made was refused, and why.
    Refused(EventError),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct GuideState {
    pub progress: Progress,
    pub notice: Option<StorageNotice>,
    /// Whether stored data has been read (or found absent); nothing is written before that.
    pub loaded: bool,
    /// May the guide write to storage? False while unreadable data is kept.
    pub writable: bool,
    /// The hash of an unreadable stored value the reader chose to replace ("start fresh"): only
    /// that value may be written over.
    pub replaceable: Option<u64>,
}

pub enum Action {
    /// A reader action, applied by the core's reducer.
    Apply(Event),
    /// Several reader actions at once (a finished walk: its answers and its result).
    ApplyAll(Vec<Event>),
    /// The stored data, read after the first render.
    Loaded {
        progress: Progress,
        notice: Option<StorageNotice>,
        writable: bool,
    },
    /// Another tab, or another part of this page with the same namespace, saved its state:
    /// merge it in.
    MergeRemote(Progress),
    /// The reader applies a previewed import; it is applied to the state as it is now.
    Import {
        preview: Box<ImportPreview>,
        mode: ImportMode,
        /// Told whether it worked.
        done: Callback<Result<(), ImportError>>,
    },
    /// A save went through: notices about earlier failed saves no longer apply.
    Saved,
    /// Something about storage the reader must know (a failed save, unreadable data found).
    Notice(Option<StorageNotice>),
    /// The reader chose to start fresh over unreadable data: write again, over that value only.
    StartFresh,
}

impl Reducible for GuideState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Apply(event) => return Self::apply_all(self, vec![event]),
            Action::ApplyAll(events) => return Self::apply_all(self, events),
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
            Action::Import {
                preview,
                mode,
                done,
            } => match apply_import(*preview, mode, &self.progress) {
                Ok(progress) => {
                    next.progress = progress;
                    done.emit(Ok(()));
                }
                Err(error) => {
                    done.emit(Err(error));
                    return self;
                }
            },
            Action::Saved => match self.notice {
                Some(StorageNotice::Full | StorageNotice::Blocked | StorageNotice::TooLarge(_)) => {
                    next.notice = None
                }
                _ => return self,
            },
            Action::Notice(notice) => {
                if notice == self.notice {
                    return self;
                }
                if matches!(notice, Some(StorageNotice::Kept { .. })) {
                    // Unreadable data appeared where the guide writes (another tab running a
                    // newer version, say): stop writing until the reader decides.
                    next.writable = false;
                    next.replaceable = None;
                }
                next.notice = notice;
            }
            Action::StartFresh => {
                if let Some(StorageNotice::Kept { raw, .. }) = &self.notice {
                    next.replaceable = Some(value_hash(raw));
                }
                next.notice = None;
                next.writable = true;
            }
        }
        Rc::new(next)
    }
}

impl GuideState {
    /// Applies reader actions in order; the first one refused stops there and is shown.
    fn apply_all(state: Rc<Self>, events: Vec<Event>) -> Rc<Self> {
        let mut next = (*state).clone();
        let mut changed = false;
        for event in events {
            match next.progress.apply(event) {
                Ok(applied) => changed |= applied,
                Err(error) => {
                    log::warn(&format!("a change was refused: {error}"));
                    next.notice = Some(StorageNotice::Refused(error));
                    return Rc::new(next);
                }
            }
        }
        if !changed {
            return state;
        }
        if matches!(next.notice, Some(StorageNotice::Refused(_))) {
            next.notice = None;
        }
        Rc::new(next)
    }
}

/// The handle components use to read and change the reader's state.
pub type StateHandle = UseReducerHandle<GuideState>;

/// The reader's state, from the nearest `StateProvider`.
#[hook]
pub fn use_guide_state() -> StateHandle {
    // Rendering outside a provider is a wiring defect: it is logged (in every build) and the
    // component works on a throwaway state rather than failing the page.
    let fallback = use_reducer(GuideState::default);
    match use_context::<StateHandle>() {
        Some(state) => state,
        None => {
            log::error("a component that needs the reader's data is outside a StateProvider");
            fallback
        }
    }
}
