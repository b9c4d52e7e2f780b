//! Copying text for the reader. The result arrives later, through `done(copied)`.

use yew::Callback;

pub fn copy_text(text: String, done: Callback<bool>) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
            done.emit(false);
            return;
        };
        let promise = clipboard.write_text(&text);
        yew::platform::spawn_local(async move {
            let copied = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            done.emit(copied);
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = text;
        done.emit(false);
    }
}

/// Opens the browser's print dialog (the print style sheet keeps only the report).
pub fn print_page() {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
