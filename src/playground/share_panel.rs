//! Sharing what the learner built: a link that rebuilds this cluster at this moment, and the
//! same as a JSON file to keep or send. Opening a file checks it completely first (it is
//! rebuilt once here): a bad file says why, inline, and changes nothing. The page rebuilds
//! an accepted one through `on_load` (deterministic, so that rebuild succeeds too).

use crate::i18n::use_lang;
use crate::live::use_panel_live;
use crate::live::Live;
use crate::scenes::Scene;
use crate::share::{browser, ShareError, Shared, SizeOf, MAX_FILE_BYTES, MAX_FRAGMENT_BYTES};
use yew::prelude::*;

/// The exported file's name.
pub const FILE_NAME: &str = "kafka-playground.json";

#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    /// The scene being played; `None` for the free playground.
    #[prop_or_default]
    pub scene: Option<&'static Scene>,
    /// A file was opened and checked: the page rebuilds its session from it.
    pub on_load: Callback<Shared>,
}

/// What the panel last did. Errors are kept as errors, so they follow a change of language.
enum Status {
    Idle,
    Copied,
    CopyYourself,
    Opened,
    Failed(ShareError),
}

/// What is on screen, as long as it can be opened again.
fn capture(live: &Live, scene: Option<&'static Scene>) -> Result<Shared, ShareError> {
    let shared = Shared::capture(&live.session.borrow(), scene.map(|s| s.id));
    shared.validate()?;
    Ok(shared)
}

#[function_component(SharePanel)]
pub fn share_panel(props: &SharePanelProps) -> Html {
    let live = use_panel_live();
    let lang = use_lang();
    let s = lang.strings();
    let status = use_state(|| Status::Idle);
    let url = use_state(|| None::<String>);
    let link_ref = use_node_ref();
    // The file read under way; dropping it cancels the read.
    let reader = use_mut_ref(|| None::<gloo_file::callbacks::FileReader>);

    // When the clipboard refused, the link is selected for the learner to copy.
    {
        let link_ref = link_ref.clone();
        let copy_yourself = matches!(*status, Status::CopyYourself);
        use_effect_with(
            (copy_yourself, (*url).clone()),
            move |(copy_yourself, _)| {
                if *copy_yourself {
                    if let Some(input) = link_ref.cast::<web_sys::HtmlInputElement>() {
                        let _ = input.focus();
                        input.select();
                    }
                }
            },
        );
    }

    let copy = {
        let (live, scene, status, url) = (live.clone(), props.scene, status.clone(), url.clone());
        Callback::from(move |_: MouseEvent| {
            let fragment = match capture(&live, scene) {
                Ok(shared) => shared.to_fragment(),
                Err(e) => return status.set(Status::Failed(e)),
            };
            if fragment.len() > MAX_FRAGMENT_BYTES {
                return status.set(Status::Failed(ShareError::TooLarge {
                    of: SizeOf::Link,
                    bytes: fragment.len(),
                    max: MAX_FRAGMENT_BYTES,
                }));
            }
            browser::set_fragment(&fragment);
            let Some(link) = browser::page_url() else {
                return;
            };
            url.set(Some(link.clone()));
            status.set(Status::Idle);
            let status = status.clone();
            yew::platform::spawn_local(async move {
                status.set(if browser::copy_text(&link).await {
                    Status::Copied
                } else {
                    Status::CopyYourself
                });
            });
        })
    };

    let export = {
        let (live, scene, status) = (live.clone(), props.scene, status.clone());
        Callback::from(move |_: MouseEvent| {
            let json = match capture(&live, scene) {
                Ok(shared) => shared.to_json(),
                Err(e) => return status.set(Status::Failed(e)),
            };
            if json.len() > MAX_FILE_BYTES {
                return status.set(Status::Failed(ShareError::TooLarge {
                    of: SizeOf::File,
                    bytes: json.len(),
                    max: MAX_FILE_BYTES,
                }));
            }
            browser::download_text(FILE_NAME, &json, "application/json");
            status.set(Status::Idle);
        })
    };

    let import = {
        let (status, on_load, reader) = (status.clone(), props.on_load.clone(), reader.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let (status, on_load) = (status.clone(), on_load.clone());
            let guard = browser::read_chosen_file(&input, move |text| {
                let checked = text
                    .and_then(|text| Shared::from_json(&text))
                    .and_then(|shared| shared.rebuild().map(|_| shared));
                match checked {
                    Ok(shared) => {
                        status.set(Status::Opened);
                        // After this read's callback returns: the page may replace this panel.
                        yew::platform::spawn_local(async move { on_load.emit(shared) });
                    }
                    Err(e) => status.set(Status::Failed(e)),
                }
            });
            *reader.borrow_mut() = guard;
            // Choosing the same file again (after fixing it) fires `change` again.
            input.set_value("");
        })
    };

    let (message, failed) = match &*status {
        Status::Idle | Status::CopyYourself => (String::new(), false),
        Status::Copied => (s.link_copied.to_string(), false),
        Status::Opened => (s.file_opened.to_string(), false),
        Status::Failed(e) => (e.describe(lang), true),
    };
    let select_all = Callback::from(|e: FocusEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        input.select();
    });
    html! {
        <section class="panel share" aria-labelledby="share-title">
            <h2 id="share-title">{ s.share_title }</h2>
            <div class="share-actions">
                <button type="button" class="share-copy" onclick={copy}>{ s.copy_link }</button>
                <button type="button" class="share-export" onclick={export}>{ s.export_json }</button>
                <label class="share-import">
                    { s.import_json }
                    <input type="file" accept=".json,application/json" onchange={import} />
                </label>
            </div>
            if let Some(url) = &*url {
                <label class="share-link">
                    { if matches!(*status, Status::CopyYourself) { s.link_copy_yourself } else { s.link_label } }
                    <input type="text" readonly=true value={ url.clone() } ref={link_ref} onfocus={select_all} />
                </label>
            }
            <p class={ if failed { "form-error" } else { "share-status" } } role="status" aria-live="polite">{ message }</p>
        </section>
    }
}

/// In a real browser (`wasm-pack test --headless --chrome`, or `cargo test --target
/// wasm32-unknown-unknown --lib` with wasm-bindgen-test-runner).
#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::playground::{preset, SessionHandoff, Standalone};
    use crate::session::Session;
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[derive(Properties, PartialEq)]
    struct HostProps {
        loaded: Rc<RefCell<Vec<Shared>>>,
    }

    #[function_component(Host)]
    fn host(props: &HostProps) -> Html {
        let session = use_memo((), |_| {
            let mut s = Session::new(preset::SEED, preset::BROKERS, &preset::commands()).unwrap();
            s.advance(1_000);
            s.apply(kafka_model::Command::KillBroker { broker: 2 })
                .unwrap();
            s.advance(500);
            SessionHandoff::new(s)
        });
        let loaded = props.loaded.clone();
        let on_load = Callback::from(move |s: Shared| loaded.borrow_mut().push(s));
        html! {
            <Standalone session={(*session).clone()} lang={Lang::En}>
                <SharePanel {on_load} />
            </Standalone>
        }
    }

    async fn settle(ms: u32) {
        yew::scheduler::flush().await;
        gloo_timers::future::TimeoutFuture::new(ms).await;
        yew::scheduler::flush().await;
    }

    fn render(id: &str) -> (web_sys::Element, Rc<RefCell<Vec<Shared>>>) {
        let document = web_sys::window().unwrap().document().unwrap();
        let root = document.create_element("div").unwrap();
        root.set_id(id);
        document.body().unwrap().append_child(&root).unwrap();
        let loaded = Rc::new(RefCell::new(Vec::new()));
        yew::Renderer::<Host>::with_root_and_props(
            root.clone(),
            HostProps {
                loaded: loaded.clone(),
            },
        )
        .render();
        (root, loaded)
    }

    /// Chooses a file with `content` in the panel's file input, as a person would.
    fn choose_file(id: &str, content: &str) {
        let literal = serde_json::to_string(content).unwrap();
        js_sys::eval(&format!(
            r#"(() => {{
                const dt = new DataTransfer();
                dt.items.add(new File([{literal}], "kafka-playground.json", {{ type: "application/json" }}));
                const input = document.querySelector('#{id} input[type=file]');
                input.files = dt.files;
                input.dispatchEvent(new Event('change', {{ bubbles: true }}));
            }})()"#
        ))
        .unwrap();
    }

    fn status(root: &web_sys::Element) -> String {
        root.query_selector("[role=status]")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap_or_default()
    }

    #[wasm_bindgen_test]
    async fn copy_link_puts_a_rebuildable_fragment_in_the_address() {
        let (root, _) = render("share-copy");
        settle(10).await;
        let button: web_sys::HtmlElement = root
            .query_selector(".share-copy")
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap();
        button.click();
        settle(50).await;
        let fragment = browser::fragment().expect("a fragment");
        assert!(fragment.starts_with("v1."), "{fragment}");
        let shared = Shared::from_fragment(&fragment).unwrap();
        assert_eq!(shared.log.len(), 1);
        assert_eq!(shared.at, 1_500);
        assert!(shared.rebuild().is_ok());
        let input: web_sys::HtmlInputElement = root
            .query_selector(".share-link input")
            .unwrap()
            .expect("the link is shown")
            .dyn_into()
            .unwrap();
        assert!(input.value().ends_with(&format!("#{fragment}")));
        browser::set_fragment("");
    }

    #[wasm_bindgen_test]
    async fn a_bad_file_says_why_and_changes_nothing() {
        let (root, loaded) = render("share-bad");
        settle(10).await;
        choose_file("share-bad", "{ \"hello\": 1 }");
        settle(100).await;
        assert!(
            status(&root).contains("not a Kafka Playground"),
            "{}",
            status(&root)
        );
        assert!(loaded.borrow().is_empty());
    }

    #[wasm_bindgen_test]
    async fn a_good_file_is_handed_to_the_page() {
        let (root, loaded) = render("share-good");
        settle(10).await;
        let mut s = Session::new(preset::SEED, preset::BROKERS, &preset::commands()).unwrap();
        s.advance(2_000);
        let json = Shared::capture(&s, None).to_json();
        choose_file("share-good", &json);
        settle(100).await;
        assert_eq!(status(&root), "File opened.");
        assert_eq!(loaded.borrow().len(), 1);
        assert_eq!(loaded.borrow()[0].at, 2_000);
    }
}
