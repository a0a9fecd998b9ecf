//! The few facts the app reads from the browser (preferred languages, `?lang=`), and the few
//! things it writes back (`<html lang>`, the remembered choice). Every call tolerates their
//! absence — a sandboxed iframe may forbid storage — because nothing here is worth a crash.

use crate::i18n::Lang;

const LANG_STORAGE_KEY: &str = "kafka-playground.lang";

/// The language to start in: `?lang=` first (a course page chose it), then the reader's last
/// choice, then the browser's preferred languages.
pub fn initial_lang() -> Lang {
    if let Some(lang) = query_param("lang").as_deref().and_then(Lang::from_tag) {
        return lang;
    }
    if let Some(lang) = stored_lang() {
        return lang;
    }
    preferred_lang()
}

/// The first of `navigator.languages` we speak.
pub fn preferred_lang() -> Lang {
    let Some(window) = web_sys::window() else {
        return Lang::En;
    };
    let navigator = window.navigator();
    let tags: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .chain(navigator.language())
        .collect();
    Lang::negotiate(tags.iter().map(String::as_str))
}

/// One parameter of the page's query string, if present.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

fn stored_lang() -> Option<Lang> {
    let storage = web_sys::window()?.local_storage().ok()??;
    storage
        .get_item(LANG_STORAGE_KEY)
        .ok()?
        .as_deref()
        .and_then(Lang::from_tag)
}

/// Removes index.html's "Loading…" (`#boot`): the app is drawn.
pub fn remove_boot_message() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
}

/// Marks the document's language (screen readers pronounce by it) and remembers the choice.
pub fn apply_lang(lang: Lang) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(root) = window.document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.code());
    }
    if let Ok(Some(storage)) = window.local_storage() {
        let _ = storage.set_item(LANG_STORAGE_KEY, lang.code());
    }
}

/// Sets (or, with `None`, removes) one query parameter in the address bar without
/// reloading, so the page's URL always names what is on screen and can be shared.
pub fn set_query_param(name: &str, value: Option<&str>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(search), Ok(path), Ok(hash)) =
        (location.search(), location.pathname(), location.hash())
    else {
        return;
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return;
    };
    match value {
        Some(v) => params.set(name, v),
        None => params.delete(name),
    }
    let query: String = params.to_string().into();
    let url = if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

const DONE_STORAGE_KEY: &str = "kafka-playground.scenes-done";

/// The scenes this reader finished before (ids), as remembered in this browser.
pub fn load_done_scenes() -> kafka_model::collections::SortedSet<String> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(DONE_STORAGE_KEY).ok().flatten())
        .map(|v| {
            v.split(',')
                .filter(|id| crate::scenes::by_id(id).is_some())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

pub fn save_done_scenes(done: &kafka_model::collections::SortedSet<String>) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let list: Vec<&str> = done.iter().map(String::as_str).collect();
        let _ = storage.set_item(DONE_STORAGE_KEY, &list.join(","));
    }
}

const VIEW_STORAGE_KEY: &str = "kafka-playground.view";

/// The free playground's drawing as the learner last chose it, if they did.
pub fn load_view() -> Option<crate::stage::View> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(VIEW_STORAGE_KEY).ok().flatten())
        .and_then(|v| crate::stage::View::from_code(&v))
}

pub fn save_view(view: crate::stage::View) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(VIEW_STORAGE_KEY, view.code());
    }
}
