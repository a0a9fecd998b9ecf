//! Sharing what the learner built: a link that rebuilds this cluster at this moment, and the
//! same as a JSON file to keep or send. Opening a file checks it completely first (it is
//! rebuilt once here): a bad file says why, inline, and changes nothing. The page rebuilds
//! an accepted one through `on_load` (deterministic, so that rebuild succeeds too).

use super::live::Live;
use crate::i18n::Lang;
use crate::scenes::Scene;
use crate::share::{browser, ShareError, Shared, SizeOf, MAX_FILE_BYTES, MAX_FRAGMENT_BYTES};
use yew::prelude::*;

/// The exported file's name.
pub const FILE_NAME: &str = "kafka-playground.json";

#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    pub live: Live,
    pub lang: Lang,
    /// The scene being played; `None` for the free playground.
    #[prop_or_default]
    pub scene: Option<&'static Scene>,
    /// A file was opened and checked: the page rebuilds its session from it.
    pub on_load: Callback<Shared>,
}

/// What the panel last did. Errors are kept as errors, so they follow a change of language.
#[derive(Clone, PartialEq)]
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
    let s = props.lang.strings();
    let status = use_state(|| Status::Idle);
    let url = use_state(|| None::<String>);
    let link_ref = use_node_ref();
    // The file read under way; dropping it cancels the read.
    let reader = use_mut_ref(|| None::<gloo_file::callbacks::FileReader>);

    // When the clipboard refused, the link is selected for the learner to copy.
    {
        let link_ref = link_ref.clone();
        use_effect_with(((*status).clone(), (*url).clone()), move |(status, _)| {
            if *status == Status::CopyYourself {
                if let Some(input) = link_ref.cast::<web_sys::HtmlInputElement>() {
                    let _ = input.focus();
                    input.select();
                }
            }
        });
    }

    let copy = {
        let (live, scene, status, url) =
            (props.live.clone(), props.scene, status.clone(), url.clone());
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
        let (live, scene, status) = (props.live.clone(), props.scene, status.clone());
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

    let kafka_only = props.scene.is_some_and(|scene| scene.stage.has_direct());
    let (message, failed) = match &*status {
        Status::Idle | Status::CopyYourself => (String::new(), false),
        Status::Copied => (s.link_copied.to_string(), false),
        Status::Opened => (s.file_opened.to_string(), false),
        Status::Failed(e) => (e.describe(props.lang), true),
    };
    let select_all = Callback::from(|e: FocusEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        input.select();
    });
    html! {
        <section class="panel share" aria-labelledby="share-title">
            <h2 id="share-title">{ s.share_title }</h2>
            if kafka_only {
                <p class="muted hint">{ s.share_kafka_only }</p>
            }
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
                    { if *status == Status::CopyYourself { s.link_copy_yourself } else { s.link_label } }
                    <input type="text" readonly=true value={ url.clone() } ref={link_ref} onfocus={select_all} />
                </label>
            }
            <p class={ if failed { "form-error" } else { "share-status" } } role="status" aria-live="polite">{ message }</p>
        </section>
    }
}
