//! The OSPO Guide's view layer: Yew components over the pure `guide-core`.
//!
//! Components map state to HTML and events to actions; every decision that needs no browser lives
//! in the core. Components never touch `window` while rendering, so the same tree renders natively
//! for prerendering and hydrates in the browser.

pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod boot;
pub mod browser;
pub mod components;
pub mod content;
pub mod embed;
pub mod hooks;
pub mod mode;
pub mod page_meta;
pub mod pages;
pub mod render;
pub mod route;
pub mod state;
pub mod strings;

pub use app::{memory_history_at, App, AppProps, ServerApp, ServerAppProps};
pub use route::Route;
