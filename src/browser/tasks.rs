//! Splitting start-up work into tasks of the browser's event loop, so that no single task keeps
//! the reader's input waiting for long (what the benchmark's total blocking time counts).
//! Natively (prerendering, tests) the work runs at once.

/// Resolves in a later task of the event loop: the work before it ends a task.
pub async fn next_task() {
    #[cfg(target_arch = "wasm32")]
    gloo::timers::future::TimeoutFuture::new(0).await;
}

/// Runs `work` in a later task of the event loop (natively: now).
pub fn later(work: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_futures::spawn_local(async move {
        next_task().await;
        work();
    });
    #[cfg(not(target_arch = "wasm32"))]
    work();
}
