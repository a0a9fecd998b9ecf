//! The app shell in a real browser (wasm-pack test --headless --chrome).
#![cfg(target_arch = "wasm32")]

use kafka_playground::{panic_box, App};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_root() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn click(root: &web_sys::Element, selector: &str) {
    root.query_selector(selector)
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
}

async fn settle() {
    yew::scheduler::flush().await;
    gloo_timers::future::TimeoutFuture::new(10).await;
}

#[wasm_bindgen_test]
async fn language_switch_changes_every_visible_string() {
    let root = fresh_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;

    click(&root, "button[data-lang=en]");
    settle().await;
    let english = root.text_content().unwrap();
    assert!(
        english.contains("Publish events and watch them travel"),
        "{english}"
    );
    assert!(english.contains("Version"), "{english}");

    click(&root, "button[data-lang=vi]");
    settle().await;
    let vietnamese = root.text_content().unwrap();
    assert!(
        vietnamese.contains("Gửi events và xem chúng di chuyển"),
        "{vietnamese}"
    );
    assert!(vietnamese.contains("Phiên bản"), "{vietnamese}");
    assert!(!vietnamese.contains("Publish events"), "{vietnamese}");
    let pressed = root
        .query_selector("button[aria-pressed=true]")
        .unwrap()
        .unwrap();
    assert_eq!(pressed.get_attribute("data-lang").as_deref(), Some("vi"));
    let html_lang = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap();
    assert_eq!(html_lang.get_attribute("lang").as_deref(), Some("vi"));
}

#[wasm_bindgen_test]
async fn shell_has_a_stage_svg_and_a_footer_with_versions() {
    let root = fresh_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    assert!(root.query_selector("svg.stage").unwrap().is_some());
    let footer = root
        .query_selector("footer")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(footer.contains(kafka_playground::APP_VERSION), "{footer}");
}

#[wasm_bindgen_test]
fn error_box_shows_the_panic_message_once() {
    panic_box::show("boom: index out of bounds");
    panic_box::show("a second panic is not a second box");
    let document = web_sys::window().unwrap().document().unwrap();
    let boxes = document
        .query_selector_all(&format!("#{}", panic_box::ERROR_BOX_ID))
        .unwrap();
    assert_eq!(boxes.length(), 1);
    let text = document
        .get_element_by_id(panic_box::ERROR_BOX_ID)
        .unwrap()
        .text_content()
        .unwrap();
    assert!(text.contains("boom: index out of bounds"), "{text}");
    assert!(text.contains("Đã có lỗi xảy ra"), "{text}");
    document
        .get_element_by_id(panic_box::ERROR_BOX_ID)
        .unwrap()
        .remove();
}
