//! Reading files the reader picked, in the browser, with a size limit checked before reading.

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

/// Reads every file of a file input's change event (the input may allow several) and reports each
/// through `done` with its name, in the order picked.
pub fn read_picked_files(
    event: &yew::Event,
    max_bytes: usize,
    done: Callback<(String, PickedFile)>,
) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let input = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        let Some(files) = input.as_ref().and_then(|input| input.files()) else {
            return;
        };
        let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        // The same files can be picked again later (the input's value would otherwise not change).
        if let Some(input) = input {
            input.set_value("");
        }
        yew::platform::spawn_local(async move {
            for file in files {
                let name = file.name();
                if file.size() > max_bytes as f64 {
                    done.emit((name, PickedFile::TooLarge(file.size())));
                    continue;
                }
                let picked = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                    Ok(buffer) => {
                        PickedFile::Read(web_sys::js_sys::Uint8Array::new(&buffer).to_vec())
                    }
                    Err(_) => PickedFile::Unreadable,
                };
                done.emit((name, picked));
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (event, max_bytes, done);
    }
}
