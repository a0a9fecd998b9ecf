//! The transport's keys: Space plays and pauses; the arrows, a presenter's clicker
//! (PageDown/PageUp) and `.`/`,` step — unless the learner is typing or on a control.

use super::state::{Controls, TransportAction};
use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The action a key stands for, if any. Pure, so the key map is tested natively.
pub fn action_for(key: &str) -> Option<TransportAction> {
    match key {
        " " => Some(TransportAction::TogglePlay),
        "ArrowRight" | "PageDown" | "." => Some(TransportAction::StepForward),
        "ArrowLeft" | "PageUp" | "," => Some(TransportAction::StepBack),
        _ => None,
    }
}

/// Listens on the window for as long as the calling component lives. Registered once: the
/// actions go through [`Controls::send`], whose reducer acts on the latest state.
#[hook]
pub fn use_transport_keys(controls: &Controls) {
    let controls = controls.clone();
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|w| {
            // Not passive: space and the arrows must not also scroll the page.
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&w, "keydown", options, move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                let typing = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| {
                        matches!(
                            el.tag_name().as_str(),
                            "INPUT" | "SELECT" | "TEXTAREA" | "BUTTON"
                        )
                    });
                if typing || e.alt_key() || e.ctrl_key() || e.meta_key() {
                    return;
                }
                if let Some(action) = action_for(&e.key()) {
                    e.prevent_default();
                    controls.send(action);
                }
            })
        });
        move || drop(listener)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_legends_keys_map_to_their_actions() {
        assert_eq!(action_for(" "), Some(TransportAction::TogglePlay));
        for key in ["ArrowRight", "PageDown", "."] {
            assert_eq!(action_for(key), Some(TransportAction::StepForward), "{key}");
        }
        for key in ["ArrowLeft", "PageUp", ","] {
            assert_eq!(action_for(key), Some(TransportAction::StepBack), "{key}");
        }
        assert_eq!(action_for("a"), None);
        assert_eq!(action_for("Enter"), None);
    }
}
