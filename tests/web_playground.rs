//! Playground components in a real browser (wasm-pack test --headless --chrome).
#![cfg(target_arch = "wasm32")]

use kafka_playground::i18n::{provide_lang, Lang};
use kafka_playground::playground::{Playground, PlaygroundProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_root() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

async fn settle(ms: u32) {
    yew::scheduler::flush().await;
    gloo_timers::future::TimeoutFuture::new(ms).await;
    yew::scheduler::flush().await;
}

#[derive(yew::Properties, PartialEq)]
struct HostProps {
    lang: Lang,
    playground: PlaygroundProps,
}

/// The playground in a language, as the app mounts it.
#[yew::function_component(Host)]
fn host(props: &HostProps) -> yew::Html {
    let p = &props.playground;
    provide_lang(
        props.lang,
        yew::html! { <Playground scene={p.scene} embed={p.embed} start={p.start.clone()} /> },
    )
}

/// Renders the playground — the free one, or scene `id` — into a fresh element.
fn render_in(scene: Option<&str>, lang: Lang) -> web_sys::Element {
    let root = fresh_root();
    let playground = PlaygroundProps {
        scene: scene.and_then(kafka_playground::scenes::by_id),
        on_reset: Default::default(),
        on_go: Default::default(),
        on_complete: Default::default(),
        embed: None,
        start: None,
        on_load: Default::default(),
    };
    yew::Renderer::<Host>::with_root_and_props(root.clone(), HostProps { lang, playground })
        .render();
    root
}

fn render(lang: Lang) -> web_sys::Element {
    render_in(None, lang)
}

#[wasm_bindgen_test]
async fn draws_the_preset_cluster_from_the_model() {
    let root = render(Lang::En);
    settle(50).await;
    assert_eq!(
        root.query_selector_all("svg.stage g.broker")
            .unwrap()
            .length(),
        3
    );
    // orders: 3 partitions × RF 2 = 6 replica chips, 3 of them leaders.
    assert_eq!(root.query_selector_all("g.replica").unwrap().length(), 6);
    assert_eq!(
        root.query_selector_all("g.replica.leader")
            .unwrap()
            .length(),
        3
    );
    assert_eq!(
        root.query_selector_all("g.group[data-group=payments] g.member")
            .unwrap()
            .length(),
        2
    );
    assert!(root.query_selector("canvas.flights").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn publishing_shows_the_record_card_with_the_partition() {
    let root = render(Lang::En);
    settle(50).await;
    let key: HtmlInputElement = root
        .query_selector("input[name=key]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    key.set_value("order-1");
    let value: HtmlInputElement = root
        .query_selector("input[name=value]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    value.set_value("42");
    let publish: HtmlElement = root
        .query_selector(".publish form button[type=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    publish.click();
    settle(50).await;
    let card = root
        .query_selector(".record-card")
        .unwrap()
        .expect("the card appears")
        .text_content()
        .unwrap();
    let expected = kafka_model::partition_for_key(b"order-1", 3);
    let partition = root
        .query_selector(".card-partition")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(partition, expected.to_string(), "{card}");
    assert!(card.contains("order-1") && card.contains("42"), "{card}");
}

#[wasm_bindgen_test]
async fn an_invalid_topic_is_refused_inline_in_vietnamese() {
    let root = render(Lang::Vi);
    settle(50).await;
    let name: HtmlInputElement = root
        .query_selector("input[name=topic-name]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    name.set_value("..");
    let create: HtmlElement = root
        .query_selector(".topics form button[type=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    create.click();
    settle(30).await;
    let error = root
        .query_selector(".topics .form-error")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(error.contains("không được"), "{error}");
    assert_eq!(
        root.query_selector_all(".topics li[data-topic]")
            .unwrap()
            .length(),
        1,
        "nothing created"
    );
}

#[wasm_bindgen_test]
async fn killing_a_broker_greys_it_out_and_moves_leadership() {
    let root = render(Lang::En);
    settle(50).await;
    let kill: HtmlElement = root
        .query_selector("button.kill-broker")
        .unwrap()
        .unwrap()
        .unchecked_into();
    // The broker the button kills, by its label ("Kill broker-1"), not by assumption.
    let label = kill.get_attribute("aria-label").unwrap_or_default();
    let killed = label
        .strip_prefix("Kill broker-")
        .unwrap_or_else(|| panic!("a kill button's label: {label}"))
        .to_string();
    kill.click();
    settle(50).await;
    let down = root.query_selector_all("g.broker.down").unwrap();
    assert_eq!(down.length(), 1);
    let down: web_sys::Element = down.item(0).unwrap().unchecked_into();
    assert_eq!(
        down.get_attribute("data-broker").as_deref(),
        Some(killed.as_str())
    );
    // Every partition still has a leader: RF 2 keeps an in-sync copy elsewhere. The preset's
    // `orders` has 3 partitions: a leader column without its rows would check nothing.
    let leaders = root
        .query_selector_all(".topics-describe td.leader")
        .unwrap();
    assert_eq!(
        leaders.length(),
        3,
        "one leader cell per partition of orders"
    );
    for i in 0..leaders.length() {
        let text = leaders.item(i).unwrap().text_content().unwrap();
        assert!(
            text.parse::<u32>().is_ok() && text != killed,
            "partition {i} led by {text}, broker-{killed} killed"
        );
    }
}

#[wasm_bindgen_test]
async fn a_scene_card_narrates_in_vietnamese_and_ticks_when_the_model_says_so() {
    let root = render_in(Some("events"), Lang::Vi);
    settle(50).await;
    let title = root
        .query_selector(".scene-card h2")
        .unwrap()
        .expect("the scene card")
        .text_content()
        .unwrap();
    assert!(title.contains("Một event gồm những gì"), "{title}");
    let narration = root
        .query_selector(".narration")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        narration.contains("cặp Key-Value"),
        "the primer's own words: {narration}"
    );
    assert_eq!(root.query_selector_all("li.task").unwrap().length(), 3);
    assert_eq!(root.query_selector_all("li.task.done").unwrap().length(), 0);
    let key: HtmlInputElement = root
        .query_selector("input[name=key]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    key.set_value("order-1");
    let publish: HtmlElement = root
        .query_selector(".publish form button[type=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    publish.click();
    // The record must reach the leader's log (simulated time runs with the page).
    let mut ticked = 0;
    for _ in 0..60 {
        settle(100).await;
        ticked = root.query_selector_all("li.task.done").unwrap().length();
        if ticked > 0 {
            break;
        }
    }
    assert_eq!(
        ticked, 1,
        "the first item ticked once the record was written"
    );
}

#[wasm_bindgen_test]
async fn a_describe_table_with_nothing_to_show_says_so() {
    // Scene 5 has topics but no consumer group.
    let root = render_in(Some("topics"), Lang::Vi);
    settle(50).await;
    let rows = |table: &str| {
        root.query_selector_all(&format!(".{table} tbody tr"))
            .unwrap()
            .length()
    };
    let empty = |table: &str| {
        root.query_selector(&format!(".table-scroll:has(.{table}) .empty-note"))
            .unwrap()
            .and_then(|r| r.text_content())
    };
    assert_eq!(
        empty("groups-describe").as_deref(),
        Some("Chưa có consumer group nào đọc hay được giao partition.")
    );
    assert_eq!(rows("groups-describe"), 0);
    assert_eq!(empty("topics-describe"), None, "the topics are listed");
    assert!(rows("topics-describe") > 1);
}
