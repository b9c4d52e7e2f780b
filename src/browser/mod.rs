//! Adapters over browser APIs, each turning failures into plain values: storage (and asking that
//! it be kept), the clipboard, downloads, file input, in-app navigation, the address, the clock,
//! the console, the panic screen, and the event loop's tasks. Natively (prerendering, tests) each has a harmless stand-in.

pub mod clipboard;
pub mod clock;
pub mod download;
pub mod durable;
pub mod file_input;
pub mod log;
pub mod navigation;
pub mod panic_screen;
pub mod storage;
pub mod tasks;
pub mod url;
