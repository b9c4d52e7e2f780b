//! Console messages for problems the reader need not see. Anything the reader must know is shown
//! in the page as well (see the storage notice); the console is for whoever investigates.

/// Logs a warning, prefixed with the guide's name.
pub fn warn(message: &str) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::warn_1(&format!("OSPO Guide: {message}").into());
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("OSPO Guide: {message}");
}

/// Logs an error, prefixed with the guide's name.
pub fn error(message: &str) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::error_1(&format!("OSPO Guide: {message}").into());
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("OSPO Guide: {message}");
}
