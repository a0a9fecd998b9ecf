//! The browser side of sharing: the address bar's fragment, the clipboard, downloading a
//! text file and reading a chosen one. Like `crate::browser`, every call tolerates a browser
//! that lacks the API (an insecure page has no clipboard; a sandbox may forbid downloads).
//!
//! Files go through `gloo-file` (Blob, object URL, FileReader with callbacks): it is already
//! compiled into the app as part of yew's `gloo`, so it adds no dependency, and its
//! `FileReader` guard cancels a read when the component holding it goes away.

use super::{ShareError, SizeOf, MAX_FILE_BYTES};
use wasm_bindgen::JsCast;

/// The page's fragment without its `#`; `None` when there is none.
pub fn fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let hash = hash.strip_prefix('#').unwrap_or(&hash);
    (!hash.is_empty()).then(|| hash.to_string())
}

/// Puts `s` in the address bar as the fragment, keeping path and query, without reloading
/// or adding a history entry.
pub fn set_fragment(s: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    let url = if s.is_empty() {
        format!("{path}{search}")
    } else {
        format!("{path}{search}#{s}")
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The full address of the page, fragment included.
pub fn page_url() -> Option<String> {
    web_sys::window()?.location().href().ok()
}

/// Copies `text` with `navigator.clipboard.writeText`; false when there is no clipboard (an
/// insecure page) or the browser refused.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !has_clipboard {
        return false;
    }
    let promise = navigator.clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Offers `text` as a file to download, named `filename`: a Blob, an object URL and a
/// temporary `<a download>` clicked once.
pub fn download_text(filename: &str, text: &str, mime: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(anchor) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    let url = gloo_file::ObjectUrl::from(gloo_file::Blob::new_with_options(text, Some(mime)));
    anchor.set_href(&url);
    anchor.set_download(filename);
    let _ = anchor.set_attribute("hidden", "");
    let body = document.body();
    if let Some(body) = &body {
        let _ = body.append_child(&anchor);
    }
    anchor.click();
    anchor.remove();
    // Revoked a little later: some browsers start the download after the click returns.
    gloo_timers::callback::Timeout::new(10_000, move || drop(url)).forget();
}

/// Reads the file chosen in a file input as text, then calls `done`. A file larger than a
/// share file may be is refused before it is read. Keep the returned guard until `done`
/// ran: dropping it cancels the read. `None` when no file was chosen.
pub fn read_chosen_file(
    input: &web_sys::HtmlInputElement,
    done: impl FnOnce(Result<String, ShareError>) + 'static,
) -> Option<gloo_file::callbacks::FileReader> {
    let file = input.files()?.get(0)?;
    let size = file.size();
    if size.is_nan() || size > MAX_FILE_BYTES as f64 {
        done(Err(ShareError::TooLarge {
            of: SizeOf::File,
            // `as` saturates: a size beyond usize reads as usize::MAX.
            bytes: size as usize,
            max: MAX_FILE_BYTES,
        }));
        return None;
    }
    let blob = gloo_file::Blob::from(web_sys::Blob::from(file));
    Some(gloo_file::callbacks::read_as_text(&blob, move |result| {
        done(result.map_err(|e| ShareError::Unreadable {
            detail: e.to_string(),
        }))
    }))
}
