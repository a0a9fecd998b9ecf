//! The browser side of the embed API: hearing the parent window, talking back to it.

use super::HostMessage;
use gloo_events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use yew::Callback;

/// Listens while alive; dropping it stops listening.
pub struct EmbedListener {
    _listener: Option<EventListener>,
}

/// The parent window, when this page is framed (a top-level page is its own parent).
fn parent() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    let (a, b): (&JsValue, &JsValue) = (parent.as_ref(), window.as_ref());
    (a != b).then_some(parent)
}

fn string_field(data: &JsValue, name: &str) -> Option<String> {
    js_sys::Reflect::get(data, &JsValue::from_str(name))
        .ok()?
        .as_string()
}

/// Calls `on_message` for every valid message from the parent window.
pub fn listen(on_message: Callback<HostMessage>) -> EmbedListener {
    let Some(window) = web_sys::window() else {
        return EmbedListener { _listener: None };
    };
    let listener = EventListener::new(&window, "message", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        let from_parent = match (event.source(), parent()) {
            (Some(source), Some(parent)) => {
                let parent: &JsValue = &parent;
                &JsValue::from(source) == parent
            }
            _ => false,
        };
        if !from_parent {
            return;
        }
        let data = event.data();
        if !data.is_object() {
            return;
        }
        let Some(kind) = string_field(&data, "type") else {
            return;
        };
        if let Some(message) = HostMessage::parse(&kind, |name| string_field(&data, name)) {
            on_message.emit(message);
        }
    });
    EmbedListener {
        _listener: Some(listener),
    }
}

/// Tells the parent page something (`kafka-playground:<kind>` plus string fields); nothing
/// when the page is not framed.
pub fn notify(kind: &str, fields: &[(&str, String)]) {
    let Some(parent) = parent() else {
        return;
    };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &message,
        &JsValue::from_str("type"),
        &JsValue::from_str(&format!("{}{kind}", super::PREFIX)),
    );
    for (name, value) in fields {
        let _ = js_sys::Reflect::set(
            &message,
            &JsValue::from_str(name),
            &JsValue::from_str(value),
        );
    }
    let _ = parent.post_message(&message, "*");
}
