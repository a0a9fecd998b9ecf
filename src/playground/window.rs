//! What the playground reads from the window: its shape (the stage's orientation, followed
//! as the window turns) and whether the reader asked for less motion.

use crate::stage::layout::Orientation;
use gloo_events::EventListener;
use yew::prelude::*;

fn orientation() -> Orientation {
    web_sys::window()
        .map(|w| {
            let size = |v: Result<wasm_bindgen::JsValue, _>, default| {
                v.ok().and_then(|v| v.as_f64()).unwrap_or(default)
            };
            Orientation::for_window(size(w.inner_width(), 1280.0), size(w.inner_height(), 800.0))
        })
        .unwrap_or(Orientation::Wide)
}

/// The stage's orientation for the window as it is now, updated between portrait and
/// landscape as the window is resized or turned.
#[hook]
pub fn use_orientation() -> Orientation {
    let current = use_state(orientation);
    {
        let current = current.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window()
                .map(|w| EventListener::new(&w, "resize", move |_| current.set(orientation())));
            move || drop(listener)
        });
    }
    *current
}

/// `prefers-reduced-motion: reduce`, read once.
#[hook]
pub fn use_reduced_motion() -> bool {
    *use_memo((), |_| {
        web_sys::window()
            .and_then(|w| {
                w.match_media("(prefers-reduced-motion: reduce)")
                    .ok()
                    .flatten()
            })
            .is_some_and(|m| m.matches())
    })
}
