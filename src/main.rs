//! The browser entry point: the guide starts itself on the page that loaded it (see `boot`).

#[cfg(target_arch = "wasm32")]
fn main() {
    ospo_guide::boot::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("ospo-guide runs in the browser: build it with scripts/build.sh (see README.md).");
}
