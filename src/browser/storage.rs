//! The local-storage adapter, with an in-memory fallback.
//!
//! Local storage can be missing (sandboxed or third-party iframe, privacy mode), can throw on any
//! call, and can be full. This adapter turns every such case into a plain value: the guide keeps
//! working in memory and can tell the reader why their data will not be kept.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Why the guide cannot keep data in this browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageProblem {
    /// The browser refuses access to local storage (blocked, sandboxed, privacy mode).
    Blocked,
    /// Local storage is full; the last change was kept in memory only.
    Full,
}

#[derive(Clone)]
enum Backend {
    #[cfg(target_arch = "wasm32")]
    Local(web_sys::Storage),
    Memory(Rc<RefCell<HashMap<String, String>>>),
}

/// A key-value store: the browser's local storage when it works, memory otherwise.
#[derive(Clone)]
pub struct Store {
    backend: Backend,
}

impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        match (&self.backend, &other.backend) {
            #[cfg(target_arch = "wasm32")]
            (Backend::Local(_), Backend::Local(_)) => true,
            (Backend::Memory(a), Backend::Memory(b)) => Rc::ptr_eq(a, b),
            #[cfg(target_arch = "wasm32")]
            _ => false,
        }
    }
}

const PROBE_KEY: &str = "ospo-guide:probe";

impl Store {
    /// A store that keeps everything in memory (native rendering, tests, blocked storage).
    pub fn memory() -> Store {
        Store {
            backend: Backend::Memory(Rc::default()),
        }
    }

    /// Opens the browser's local storage, checking that it can really be written.
    pub fn open() -> (Store, Option<StorageProblem>) {
        #[cfg(target_arch = "wasm32")]
        {
            let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
            if let Some(storage) = storage {
                let writable = storage.set_item(PROBE_KEY, "1").is_ok();
                let _ = storage.remove_item(PROBE_KEY);
                if writable {
                    return (
                        Store {
                            backend: Backend::Local(storage),
                        },
                        None,
                    );
                }
            }
            (Store::memory(), Some(StorageProblem::Blocked))
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = PROBE_KEY;
            (Store::memory(), None)
        }
    }

    pub fn is_persistent(&self) -> bool {
        !matches!(self.backend, Backend::Memory(_))
    }

    pub fn get(&self, key: &str) -> Option<String> {
        match &self.backend {
            #[cfg(target_arch = "wasm32")]
            Backend::Local(storage) => storage.get_item(key).ok().flatten(),
            Backend::Memory(map) => map.borrow().get(key).cloned(),
        }
    }

    /// Writes a value whole (local storage writes are atomic per key).
    pub fn set(&self, key: &str, value: &str) -> Result<(), StorageProblem> {
        match &self.backend {
            #[cfg(target_arch = "wasm32")]
            Backend::Local(storage) => storage.set_item(key, value).map_err(|error| {
                let name = js_sys_error_name(&error);
                if name.contains("Quota") {
                    StorageProblem::Full
                } else {
                    StorageProblem::Blocked
                }
            }),
            Backend::Memory(map) => {
                map.borrow_mut().insert(key.to_string(), value.to_string());
                Ok(())
            }
        }
    }

    pub fn remove(&self, key: &str) {
        match &self.backend {
            #[cfg(target_arch = "wasm32")]
            Backend::Local(storage) => {
                let _ = storage.remove_item(key);
            }
            Backend::Memory(map) => {
                map.borrow_mut().remove(key);
            }
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn js_sys_error_name(error: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .unwrap_or_default()
}
