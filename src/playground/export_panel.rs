//! "Export to real Kafka": the model's setup as a bash script of Kafka's own tools and a
//! `compose.yaml` (see `crate::export`), generated each time the learner opens the panel —
//! never while it is closed, so the page pays nothing for it — to read, copy or download.

use crate::export::{data_url, export, issued_commands, Export, COMPOSE_FILE, SCRIPT_FILE};
use crate::i18n::use_lang;
use crate::live::use_panel_live;
use std::rc::Rc;
use yew::prelude::*;

#[function_component(ExportPanel)]
pub fn export_panel() -> Html {
    let live = use_panel_live();
    let lang = use_lang();
    let s = lang.strings();
    let exported = use_state(|| None::<Rc<Export>>);
    let ontoggle = {
        let (live, exported) = (live.clone(), exported.clone());
        Callback::from(move |e: Event| {
            let open = e
                .target_dyn_into::<web_sys::Element>()
                .is_some_and(|details| details.has_attribute("open"));
            if open {
                let session = live.session.borrow();
                let issued = issued_commands(&session);
                exported.set(Some(Rc::new(export(session.cluster(), &issued))));
            } else {
                exported.set(None);
            }
        })
    };
    let file = |id: &'static str,
                label: &'static str,
                name: &'static str,
                mime: &str,
                text: &str,
                download: &'static str| {
        html! {
            <div class="export-file">
                <label for={id}>{ label }</label>
                <textarea id={id} readonly=true rows="14" spellcheck="false" wrap="off" value={text.to_string()} />
                <div class="button-row">
                    <a class="button" href={data_url(mime, text)} download={name}>{ download }</a>
                </div>
            </div>
        }
    };
    html! {
        <details class="panel export-panel" {ontoggle}>
            <summary>{ s.export_title }</summary>
            <p class="muted hint">{ s.export_hint }</p>
            if let Some(x) = &*exported {
                { file("export-script", s.export_script, SCRIPT_FILE, "text/x-shellscript", &x.script, s.export_download_script) }
                { file("export-compose", s.export_compose, COMPOSE_FILE, "application/yaml", &x.compose, s.export_download_compose) }
            }
        </details>
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::playground::{preset, SessionHandoff, Standalone};
    use crate::session::Session;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[function_component(Host)]
    fn host() -> Html {
        let session = use_memo((), |_| {
            SessionHandoff::new(
                Session::new(preset::SEED, preset::BROKERS, &preset::commands()).unwrap(),
            )
        });
        html! {
            <Standalone session={(*session).clone()} lang={Lang::Vi}>
                <ExportPanel />
            </Standalone>
        }
    }

    async fn settle(ms: u32) {
        yew::scheduler::flush().await;
        gloo_timers::future::TimeoutFuture::new(ms).await;
        yew::scheduler::flush().await;
    }

    #[wasm_bindgen_test]
    async fn opening_the_panel_generates_both_files_and_closing_drops_them() {
        let document = web_sys::window().unwrap().document().unwrap();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        yew::Renderer::<Host>::with_root(root.clone()).render();
        settle(20).await;
        let summary = root
            .query_selector("details.export-panel summary")
            .unwrap()
            .unwrap();
        assert_eq!(summary.text_content().unwrap(), "Xuất sang Kafka thật");
        assert!(
            root.query_selector("textarea").unwrap().is_none(),
            "nothing before opening"
        );

        let details = root
            .query_selector("details.export-panel")
            .unwrap()
            .unwrap();
        details.set_attribute("open", "").unwrap();
        settle(50).await;
        // A textarea's value is its live property, not an attribute.
        let value = |selector: &str| {
            let textarea = root.query_selector(selector).unwrap().unwrap();
            assert!(textarea.has_attribute("readonly"), "{selector}");
            js_sys::Reflect::get(&textarea, &"value".into())
                .unwrap()
                .as_string()
                .unwrap()
        };
        let script = value("textarea#export-script");
        assert!(script.contains("--create --topic orders"), "{script}");
        assert!(value("textarea#export-compose").contains("image: apache/kafka:3.9.0"));
        let link = root
            .query_selector("a[download='kafka-playground.sh']")
            .unwrap()
            .unwrap();
        assert!(link
            .get_attribute("href")
            .unwrap()
            .starts_with("data:text/x-shellscript;charset=utf-8,%23%21"));
        assert!(root
            .query_selector("a[download='compose.yaml']")
            .unwrap()
            .is_some());

        details.remove_attribute("open").unwrap();
        settle(50).await;
        assert!(root.query_selector("textarea").unwrap().is_none());
    }
}
