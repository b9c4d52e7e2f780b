//! The clock: milliseconds since the epoch for event times. Natively (prerendering, tests) it
//! reads 0, so that rendering never depends on the time.

/// Milliseconds since the epoch, for event times (0 when rendering natively).
pub fn now() -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys_now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0
    }
}

#[cfg(target_arch = "wasm32")]
fn js_sys_now() -> u64 {
    let ms = web_sys::window()
        .and_then(|w| w.performance().map(|p| p.time_origin() + p.now()))
        .unwrap_or(0.0);
    if ms.is_finite() && ms > 0.0 {
        ms as u64
    } else {
        0
    }
}
