//! A panic in WebAssembly kills the whole page; this makes sure the reader at least sees why.
//!
//! The hook logs the message to the console and puts a visible error box on the page, built
//! with plain DOM calls because Yew itself may be what failed.

/// Id of the error box, for styles and tests.
pub const ERROR_BOX_ID: &str = "panic-box";

/// Installs the hook through Yew, which otherwise replaces any hook with its own on render.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&format!("Kafka Playground crashed: {message}").into());
        show(&message);
    }));
}

/// Puts the error box on the page (once), in both languages since the chosen one is unknown here.
pub fn show(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(ERROR_BOX_ID).is_some() {
        return;
    }
    let Ok(boxed) = document.create_element("div") else {
        return;
    };
    boxed.set_id(ERROR_BOX_ID);
    let _ = boxed.set_attribute("role", "alert");
    let (vi, en) = (
        crate::i18n::Lang::Vi.strings(),
        crate::i18n::Lang::En.strings(),
    );
    let title = format!("{} / {}", vi.error_title, en.error_title);
    let reload = format!("{} / {}", vi.error_reload, en.error_reload);
    if let (Ok(h), Ok(pre), Ok(button)) = (
        document.create_element("strong"),
        document.create_element("pre"),
        document.create_element("button"),
    ) {
        h.set_text_content(Some(&title));
        pre.set_text_content(Some(message));
        button.set_text_content(Some(&reload));
        let _ = button.set_attribute("onclick", "location.reload()");
        let _ = boxed.append_child(&h);
        let _ = boxed.append_child(&pre);
        let _ = boxed.append_child(&button);
    }
    if let Some(body) = document.body() {
        let _ = body.append_child(&boxed);
    }
}
