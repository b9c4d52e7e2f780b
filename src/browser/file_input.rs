//! Reading a file the reader picked, in the browser, with a size limit checked before reading.

use yew::Callback;

/// What came of reading a picked file.
pub enum PickedFile {
    Read(Vec<u8>),
    TooLarge(f64),
    Unreadable,
}

/// Reads the first file of a file input's change event and reports it through `done`.
pub fn read_picked_file(event: &yew::Event, max_bytes: usize, done: Callback<PickedFile>) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let file = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        let Some(file) = file else {
            return;
        };
        if file.size() > max_bytes as f64 {
            done.emit(PickedFile::TooLarge(file.size()));
            return;
        }
        let promise = file.array_buffer();
        yew::platform::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(buffer) => {
                    let bytes = web_sys::js_sys::Uint8Array::new(&buffer).to_vec();
                    done.emit(PickedFile::Read(bytes));
                }
                Err(_) => done.emit(PickedFile::Unreadable),
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (event, max_bytes);
        done.emit(PickedFile::Unreadable);
    }
}
