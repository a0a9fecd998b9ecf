//! Test-only (compiled for the browser component tests alone): mounts one playground view
//! on a known session, in a known language, with the app's stylesheet, and hands the test
//! the live session so it can move time and run commands itself. What the DOM shows is then
//! compared with the model — never with what the DOM showed before.

use crate::i18n::Lang;
use crate::live::{use_live, Live};
use crate::playground::{SessionHandoff, Standalone};
use crate::session::Session;
use kafka_model::Cluster;
use std::cell::{Ref, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The partitions a stage under test was asked to open, in order (its `on_select`).
pub type Chosen = Rc<RefCell<Vec<kafka_model::TopicPartition>>>;

/// A test stage's one property: where it writes what was chosen. The same list by identity.
#[derive(Properties)]
pub struct StageProps {
    pub chosen: Chosen,
}

impl PartialEq for StageProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.chosen, &other.chosen)
    }
}

/// A test stage's selection, as the playground keeps it: the partition chosen last (drawn
/// highlighted), and the `on_select` that records each choice in `chosen`.
#[hook]
pub fn use_choice(
    chosen: &Chosen,
) -> (
    Option<kafka_model::TopicPartition>,
    Callback<kafka_model::TopicPartition>,
) {
    let selected = use_state(|| None);
    let on_select = {
        let (selected, chosen) = (selected.clone(), chosen.clone());
        Callback::from(move |tp: kafka_model::TopicPartition| {
            chosen.borrow_mut().push(tp.clone());
            selected.set(Some(tp));
        })
    };
    ((*selected).clone(), on_select)
}

/// Flushes Yew's scheduler, waits `ms`, and flushes again.
pub async fn settle(ms: u32) {
    yew::scheduler::flush().await;
    gloo_timers::future::TimeoutFuture::new(ms).await;
    yew::scheduler::flush().await;
}

/// The app's own stylesheet, once per page: layout is measured as a learner would see it.
fn app_style() {
    let document = web_sys::window().unwrap().document().unwrap();
    if document.get_element_by_id("app-style-under-test").is_none() {
        let style = document.create_element("style").unwrap();
        style.set_id("app-style-under-test");
        style.set_text_content(Some(include_str!("../static/style.css")));
        document.head().unwrap().append_child(&style).unwrap();
    }
}

type Stash = Rc<RefCell<Option<Live>>>;

#[derive(Properties)]
struct HostProps {
    session: SessionHandoff,
    lang: Lang,
    view: Html,
    stash: Stash,
}

impl PartialEq for HostProps {
    fn eq(&self, other: &Self) -> bool {
        self.session == other.session && Rc::ptr_eq(&self.stash, &other.stash)
    }
}

/// Keeps the live session for the test.
#[derive(Properties)]
struct GrabProps {
    stash: Stash,
}

impl PartialEq for GrabProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.stash, &other.stash)
    }
}

#[function_component(Grab)]
fn grab(props: &GrabProps) -> Html {
    let live = use_live();
    props.stash.borrow_mut().get_or_insert(live);
    Html::default()
}

#[function_component(Host)]
fn host(props: &HostProps) -> Html {
    html! {
        <Standalone session={props.session.clone()} lang={props.lang}>
            <Grab stash={props.stash.clone()} />
            { props.view.clone() }
        </Standalone>
    }
}

/// A view mounted alone; unmounted and removed when dropped.
pub struct Mounted {
    pub root: Element,
    pub live: Live,
    pub lang: Lang,
    app: Option<yew::AppHandle<Host>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.root.remove();
    }
}

/// Mounts `view` on `session` in `lang` (under `Standalone`, no animation loop: time moves
/// only when the test moves it).
pub async fn mount(session: Session, lang: Lang, view: Html) -> Mounted {
    app_style();
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    root.set_class_name("component-under-test");
    document.body().unwrap().append_child(&root).unwrap();
    let stash = Stash::default();
    let app = yew::Renderer::<Host>::with_root_and_props(
        root.clone(),
        HostProps {
            session: SessionHandoff::new(session),
            lang,
            view,
            stash: stash.clone(),
        },
    )
    .render();
    settle(10).await;
    let live = stash
        .borrow()
        .clone()
        .expect("the host grabbed the live session");
    Mounted {
        root,
        live,
        lang,
        app: Some(app),
    }
}

impl Mounted {
    pub fn session(&self) -> Ref<'_, Session> {
        self.live.session.borrow()
    }

    /// The cluster as it is now, to compare with a later one.
    pub fn cluster(&self) -> Cluster {
        self.session().cluster().clone()
    }

    /// Moves simulated time forward by `ms`, then lets the views redraw.
    pub async fn advance(&self, ms: u64) {
        self.live.with_session(|s| s.advance(ms));
        settle(10).await;
    }

    /// Runs a command as a learner's, panicking with the model's refusal.
    pub async fn run(&self, command: kafka_model::Command) {
        if let Err(e) = self.live.run(command.clone()) {
            panic!("the model refused {command:?}: {e:?}");
        }
        settle(10).await;
    }

    pub fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    pub fn one(&self, selector: &str) -> Element {
        self.find(selector)
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
    }

    pub fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().unchecked_into())
            .collect()
    }

    pub fn count(&self, selector: &str) -> usize {
        self.root.query_selector_all(selector).unwrap().length() as usize
    }

    pub fn text(&self, selector: &str) -> String {
        self.one(selector).text_content().unwrap_or_default()
    }

    pub fn texts(&self, selector: &str) -> Vec<String> {
        self.all(selector)
            .iter()
            .map(|e| e.text_content().unwrap_or_default())
            .collect()
    }

    /// Types `value` into the input `selector`, as a learner would.
    pub fn type_in(&self, selector: &str, value: &str) {
        let input: HtmlInputElement = self.one(selector).unchecked_into();
        input.set_value(value);
        input.dispatch_event(&bubbling("input")).unwrap();
    }

    /// Chooses the option `value` of the select `selector`.
    pub fn choose(&self, selector: &str, value: &str) {
        let select: HtmlSelectElement = self.one(selector).unchecked_into();
        select.set_value(value);
        assert_eq!(select.value(), value, "{selector} offers {value}");
        select.dispatch_event(&bubbling("change")).unwrap();
    }

    /// Clicks `selector` (an HTML element, or a drawing in the SVG), then lets the views
    /// redraw.
    pub async fn click(&self, selector: &str) {
        let element = self.one(selector);
        match element.dyn_ref::<HtmlElement>() {
            Some(html) => html.click(),
            None => {
                let click = web_sys::MouseEvent::new("click").unwrap();
                click.init_event_with_bubbles_and_cancelable("click", true, true);
                element.dispatch_event(&click).unwrap();
            }
        }
        settle(10).await;
    }
}

/// An event of `kind` that bubbles, as the browser's own `input` and `change` do.
pub fn bubbling(kind: &str) -> web_sys::Event {
    let event = web_sys::Event::new(kind).unwrap();
    event.init_event_with_bubbles(kind, true);
    event
}

/// An element's box on the page.
pub fn rect(e: &Element) -> web_sys::DomRect {
    e.get_bounding_client_rect()
}

/// Whether `inner` lies within `outer`, to half a pixel.
pub fn inside(inner: &web_sys::DomRect, outer: &web_sys::DomRect) -> bool {
    inner.left() >= outer.left() - 0.5
        && inner.top() >= outer.top() - 0.5
        && inner.right() <= outer.right() + 0.5
        && inner.bottom() <= outer.bottom() + 0.5
}

/// `a`, `b` share more than half a pixel.
pub fn overlap(a: &web_sys::DomRect, b: &web_sys::DomRect) -> bool {
    a.left() < b.right() - 0.5
        && b.left() < a.right() - 0.5
        && a.top() < b.bottom() - 0.5
        && b.top() < a.bottom() - 0.5
}

/// `getComputedStyle(e).getPropertyValue(property)` (through JS: the page's web-sys features
/// leave out the CSSOM).
pub fn computed(e: &Element, property: &str) -> String {
    use js_sys::{Function, Reflect};
    let window = web_sys::window().unwrap();
    let style_of: Function = Reflect::get(&window, &"getComputedStyle".into())
        .unwrap()
        .unchecked_into();
    let style = style_of.call1(&window, e).unwrap();
    let get: Function = Reflect::get(&style, &"getPropertyValue".into())
        .unwrap()
        .unchecked_into();
    get.call1(&style, &property.into())
        .unwrap()
        .as_string()
        .unwrap_or_default()
}
