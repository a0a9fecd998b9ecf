//! The scene's card above the stage (section, title, narration, quick actions, the "try
//! this" list that ticks itself, previous/next) and the index of scenes under the header.

use super::actions::Refusal;
use super::catalog::{Scene, SCENES};
use crate::i18n::{strings, use_lang};
use crate::live::use_live;
use kafka_model::collections::SortedSet;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SceneCardProps {
    pub scene: &'static Scene,
    pub on_reset: Callback<()>,
    pub on_go: Callback<Option<&'static Scene>>,
    #[prop_or_default]
    pub on_complete: Callback<&'static str>,
    /// In a course page's frame: no previous/next (the page is the course's), and progress
    /// is told to the page.
    #[prop_or_default]
    pub embedded: bool,
}

/// Re-rendered with the session (about ten times a second while things happen): each
/// render asks every open task of the live model, and a task once done stays done, even if
/// the learner then undoes what ticked it — the learner saw it happen.
#[function_component(SceneCard)]
pub fn scene_card(props: &SceneCardProps) -> Html {
    let (live, lang, scene) = (use_live(), use_lang(), props.scene);
    let s = lang.strings();
    let ticked = use_mut_ref(SortedSet::<usize>::new);
    let error = use_state(|| None::<String>);
    {
        let session = live.session.borrow();
        let mut ticked = ticked.borrow_mut();
        for (i, task) in scene.tasks.iter().enumerate() {
            if !ticked.contains(&i) && (task.done)(&session) {
                ticked.insert(i);
            }
        }
    }
    let ticked = ticked.borrow().clone();
    let all_done = ticked.len() == scene.tasks.len();
    // Tell a host page about each newly ticked item, once.
    {
        let told = use_mut_ref(SortedSet::<usize>::new);
        let ticked = ticked.clone();
        use_effect_with(ticked.len(), move |_| {
            let mut told = told.borrow_mut();
            for &i in ticked.difference(&told.clone()) {
                told.insert(i);
                crate::embed::notify(
                    "task-completed",
                    &[
                        ("scene", scene.id.to_string()),
                        ("task", i.to_string()),
                        ("text", scene.tasks[i].text.get(lang).to_string()),
                    ],
                );
            }
            if told.len() == scene.tasks.len() {
                crate::embed::notify("scene-completed", &[("scene", scene.id.to_string())]);
            }
        });
    }
    {
        let (on_complete, id) = (props.on_complete.clone(), scene.id);
        use_effect_with(all_done, move |all_done| {
            if *all_done {
                on_complete.emit(id);
            }
        });
    }
    let number = scene.number();
    let previous = number.checked_sub(2).and_then(|i| SCENES.get(i));
    let next = SCENES.get(number);

    let actions = scene.actions.iter().map(|&action| {
        let (live, error) = (live.clone(), error.clone());
        let onclick = Callback::from(move |_| {
            let result = live.with_session(|s| action.apply(s));
            error.set(result.err().map(|e: Refusal| e.describe(lang)));
        });
        html! {
            <button type="button" class="scene-action" {onclick}>{ action.label().get(lang) }</button>
        }
    });
    let go = |target: Option<&'static Scene>, label: &'static str, class: &'static str| {
        target.map(|t| {
            let on_go = props.on_go.clone();
            html! {
                <button type="button" class={class} onclick={Callback::from(move |_| on_go.emit(Some(t)))}
                    title={ t.title.get(lang) }>{ label }</button>
            }
        })
    };
    let on_reset = {
        let (on_reset, error) = (props.on_reset.clone(), error.clone());
        Callback::from(move |_| {
            error.set(None);
            on_reset.emit(());
        })
    };
    html! {
        <article class="scene-card" data-scene={ scene.id } aria-labelledby="scene-title">
            <header class="scene-head">
                <p class="scene-section">
                    { strings::scene_of(lang, number, SCENES.len()) }
                    { " · " }{ scene.section.get(lang) }
                </p>
                <h2 id="scene-title">{ format!("{number}. {}", scene.title.get(lang)) }</h2>
            </header>
            <div class="narration" lang={ lang.code() }>
                { for scene.narration.iter().enumerate().map(|(i, t)| if i == 0 {
                    html! { <blockquote><p>{ t.get(lang) }</p></blockquote> }
                } else {
                    html! { <p>{ t.get(lang) }</p> }
                }) }
            </div>
            if !scene.actions.is_empty() {
                <div class="scene-actions" role="group" aria-label={ s.quick_actions }>
                    { for actions }
                </div>
                <p class="form-error" role="status" aria-live="polite">{ (*error).clone().unwrap_or_default() }</p>
            }
            <section class="tasks" aria-labelledby="tasks-title">
                <h3 id="tasks-title">{ s.try_this }{ format!(" ({}/{})", ticked.len(), scene.tasks.len()) }</h3>
                <ul aria-live="polite">
                    { for scene.tasks.iter().enumerate().map(|(i, task)| {
                        let done = ticked.contains(&i);
                        html! {
                            <li class={ if done { "task done" } else { "task" } } data-done={ done.to_string() }>
                                <span class="tick" aria-hidden="true">{ if done { "✓" } else { "○" } }</span>
                                <span class="sr-only">{ if done { s.task_done } else { s.task_todo } }{ ": " }</span>
                                { task.text.get(lang) }
                            </li>
                        }
                    }) }
                </ul>
                if all_done {
                    <p class="scene-complete" role="status">{ s.scene_complete }</p>
                }
            </section>
            <p class="illustration-ref muted">{ format!("{}: {}", s.illustration, scene.illustration) }</p>
            <nav class="scene-steps">
                if !props.embedded { { go(previous, s.previous, "scene-prev") } }
                <button type="button" class="scene-reset" onclick={on_reset}>{ s.reset_scene }</button>
                if !props.embedded { { go(next, s.next, if all_done { "scene-next primary" } else { "scene-next" }) } }
            </nav>
        </article>
    }
}

#[derive(Properties, PartialEq)]
pub struct SceneNavProps {
    pub current: Option<&'static Scene>,
    pub on_go: Callback<Option<&'static Scene>>,
    /// Ids of the scenes this reader finished.
    #[prop_or_default]
    pub done: std::rc::Rc<SortedSet<String>>,
}

/// The primer's order at a glance: numbered scenes, then the free playground.
#[function_component(SceneNav)]
pub fn scene_nav(props: &SceneNavProps) -> Html {
    let lang = use_lang();
    let s = lang.strings();
    let nav_ref = use_node_ref();
    {
        let nav_ref = nav_ref.clone();
        use_effect_with(props.current.map(|c| c.id), move |_| {
            if let Some(nav) = nav_ref.cast::<web_sys::Element>() {
                centre_current(&nav);
            }
        });
    }
    let item = |target: Option<&'static Scene>, label: String, title: &'static str| {
        let current = target.map(|t| t.id) == props.current.map(|c| c.id);
        let finished = target.is_some_and(|t| props.done.contains(t.id));
        let label = if finished {
            format!("✓ {label}")
        } else {
            label
        };
        let title = if finished {
            format!("{title} — {}", s.task_done)
        } else {
            title.to_string()
        };
        let on_go = props.on_go.clone();
        html! {
            <li>
                <button type="button" class={ classes!("scene-link", current.then_some("current"), finished.then_some("finished")) }
                    aria-current={ if current { Some("page") } else { None } }
                    data-scene={ target.map_or("free", |t| t.id) }
                    title={ title } onclick={ Callback::from(move |_| on_go.emit(target)) }>
                    { label }
                </button>
            </li>
        }
    };
    html! {
        <nav class="scene-nav" aria-label={ s.scenes_nav } ref={ nav_ref }>
            <p class="scene-progress">{ strings::scenes_done(lang, props.done.len(), SCENES.len()) }</p>
            <ol>
                { for SCENES.iter().enumerate().map(|(i, scene)| {
                    item(Some(scene), format!("{}. {}", i + 1, scene.title.get(lang)), scene.title.get(lang))
                }) }
                { item(None, s.free_play.to_string(), s.free_play) }
            </ol>
        </nav>
    }
}

/// Scrolls the index sideways so the current scene's link sits in its middle: on a phone,
/// or past the fifth scene on a laptop, it would otherwise be off-screen and the strip would
/// show scene 1 to a learner on scene 11. Sideways only: the page itself does not move.
fn centre_current(nav: &web_sys::Element) {
    let Ok(Some(link)) = nav.query_selector(".scene-link.current") else {
        return;
    };
    let (strip, link) = (
        nav.get_bounding_client_rect(),
        link.get_bounding_client_rect(),
    );
    let off_centre = (link.left() + link.width() / 2.0) - (strip.left() + strip.width() / 2.0);
    nav.set_scroll_left(nav.scroll_left() + off_centre as i32);
}

#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests {
    //! The scene card alone on its scene's session: its words in both languages, and ticks
    //! that follow the model (the test applies the commands itself).
    use super::*;
    use crate::browser_test_support::{mount, Mounted};
    use crate::i18n::Lang;
    use crate::scenes::{by_id, Action};
    use kafka_model::{Command, ProducerRecord, TopicConfig};
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    type Told = Rc<RefCell<Vec<String>>>;

    /// The card on `scene`'s own session; what it tells the page is written to `Told`.
    async fn card(scene: &'static Scene, lang: Lang, embedded: bool) -> (Mounted, Told) {
        let told = Told::default();
        let (a, b, c) = (told.clone(), told.clone(), told.clone());
        let on_reset = Callback::from(move |_| a.borrow_mut().push("reset".into()));
        let on_go = Callback::from(move |s: Option<&'static Scene>| {
            b.borrow_mut()
                .push(format!("go {}", s.map_or("free", |s| s.id)))
        });
        let on_complete =
            Callback::from(move |id: &'static str| c.borrow_mut().push(format!("complete {id}")));
        let view = html! { <SceneCard {scene} {on_reset} {on_go} {on_complete} {embedded} /> };
        (mount(scene.session().unwrap(), lang, view).await, told)
    }

    /// The ticks drawn are the tasks the model has ever said were done (`ever`, updated
    /// here from the model now).
    fn expect_ticks(m: &Mounted, scene: &Scene, ever: &mut [bool]) {
        let s = m.lang.strings();
        for (i, task) in scene.tasks.iter().enumerate() {
            ever[i] |= (task.done)(&m.session());
        }
        let items = m.all("li.task");
        assert_eq!(items.len(), scene.tasks.len());
        for ((item, task), &done) in items.iter().zip(scene.tasks).zip(ever.iter()) {
            let text = item.text_content().unwrap();
            let (tick, state) = if done {
                ("✓", s.task_done)
            } else {
                ("○", s.task_todo)
            };
            assert_eq!(text, format!("{tick}{state}: {}", task.text.get(m.lang)));
            assert_eq!(
                item.get_attribute("data-done"),
                Some(done.to_string()),
                "{text}"
            );
        }
        let n = ever.iter().filter(|d| **d).count();
        assert_eq!(
            m.text("#tasks-title"),
            format!("{} ({n}/{})", s.try_this, scene.tasks.len())
        );
    }

    #[wasm_bindgen_test]
    async fn every_scenes_card_tells_its_own_words_in_both_languages() {
        for scene in SCENES {
            for lang in Lang::ALL {
                let (m, _) = card(scene, lang, false).await;
                let n = scene.number();
                assert_eq!(
                    m.text(".scene-section"),
                    format!(
                        "{} · {}",
                        strings::scene_of(lang, n, SCENES.len()),
                        scene.section.get(lang)
                    )
                );
                assert_eq!(m.text("h2"), format!("{n}. {}", scene.title.get(lang)));
                assert_eq!(
                    m.one(".narration").get_attribute("lang").as_deref(),
                    Some(lang.code())
                );
                let narration: Vec<&str> = scene.narration.iter().map(|t| t.get(lang)).collect();
                assert_eq!(m.texts(".narration p"), narration, "{}", scene.id);
                assert_eq!(
                    m.texts(".narration > blockquote > p"),
                    narration[..1].to_vec(),
                    "the first is quoted"
                );
                let labels: Vec<&str> = scene.actions.iter().map(|a| a.label().get(lang)).collect();
                assert_eq!(m.texts(".scene-actions button"), labels, "{}", scene.id);
                expect_ticks(&m, scene, &mut vec![false; scene.tasks.len()]);
                assert_eq!(m.count(".scene-prev"), usize::from(n > 1), "{}", scene.id);
                assert_eq!(
                    m.count(".scene-next"),
                    usize::from(n < SCENES.len()),
                    "{}",
                    scene.id
                );
                assert_eq!(m.text(".scene-reset"), lang.strings().reset_scene);
            }
        }
    }

    #[wasm_bindgen_test]
    async fn a_task_ticks_only_once_the_model_did_it_and_the_tick_survives_time_travel() {
        let scene = by_id("partitions").unwrap();
        let (m, told) = card(scene, Lang::Vi, false).await;
        let mut ever = vec![false; scene.tasks.len()];
        expect_ticks(&m, scene, &mut ever);
        assert!(!ever.iter().any(|d| *d), "nothing done at the start");
        let produce = |key: &str| {
            let record = ProducerRecord::text("orders", Some(key), "v");
            m.live
                .run(Command::Produce {
                    producer: 1,
                    record,
                })
                .unwrap();
        };
        // The same key once: not yet "the same key twice".
        produce("order-1");
        m.advance(2_000).await;
        expect_ticks(&m, scene, &mut ever);
        assert!(!ever[0]);
        produce("order-1");
        m.advance(2_000).await;
        expect_ticks(&m, scene, &mut ever);
        assert!(ever[0], "the same key twice, in one partition");
        m.run(Command::AddPartitions {
            topic: "orders".into(),
            count: 4,
        })
        .await;
        expect_ticks(&m, scene, &mut ever);
        assert!(ever[2], "a fourth partition");
        // Back to the start: the model no longer has what ticked them; the ticks stay.
        m.live.with_session(|s| s.seek(0));
        crate::browser_test_support::settle(10).await;
        assert!(
            !(scene.tasks[2].done)(&m.session()),
            "the model is back at 3 partitions"
        );
        expect_ticks(&m, scene, &mut ever);
        assert_eq!(m.count("li.task.done"), 2);
        assert!(
            told.borrow().is_empty(),
            "not complete: {:?}",
            told.borrow()
        );
    }

    #[wasm_bindgen_test]
    async fn the_last_tick_completes_the_scene_once() {
        let scene = by_id("topics").unwrap();
        let (m, told) = card(scene, Lang::En, false).await;
        let mut ever = vec![false; scene.tasks.len()];
        for topic in ["orders", "payments", "shipments"] {
            let record = ProducerRecord::text(topic, Some("k"), "v");
            m.live
                .run(Command::Produce {
                    producer: 1,
                    record,
                })
                .unwrap();
        }
        m.advance(2_000).await;
        expect_ticks(&m, scene, &mut ever);
        assert_eq!(m.find(".scene-complete"), None);
        m.run(Command::CreateTopic {
            name: "mine".into(),
            config: TopicConfig::default(),
        })
        .await;
        expect_ticks(&m, scene, &mut ever);
        assert!(ever.iter().all(|d| *d), "{ever:?}");
        assert_eq!(m.text(".scene-complete"), m.lang.strings().scene_complete);
        assert_eq!(
            m.one(".scene-next").get_attribute("class").as_deref(),
            Some("scene-next primary")
        );
        m.advance(1_000).await;
        assert_eq!(
            *told.borrow(),
            vec!["complete topics".to_string()],
            "told once"
        );
    }

    #[wasm_bindgen_test]
    async fn a_quick_actions_refusal_says_why_in_the_readers_language_and_changes_nothing() {
        let scene = by_id("partitions").unwrap();
        let action = Action::RemoveMember { group: "payments" };
        let position = scene.actions.iter().position(|a| *a == action).unwrap() + 1;
        let button = format!(".scene-actions button:nth-child({position})");
        let mut said = Vec::new();
        for lang in Lang::ALL {
            let (m, _) = card(scene, lang, false).await;
            assert_eq!(m.text(&button), action.label().get(lang));
            m.click(&button).await;
            assert_eq!(
                m.text(".scene-card .form-error"),
                "",
                "the first member leaves"
            );
            let running = |m: &Mounted| {
                m.session()
                    .cluster()
                    .group("payments")
                    .unwrap()
                    .members
                    .values()
                    .filter(|x| x.is_running())
                    .count()
            };
            assert_eq!(running(&m), 0);
            // The model's own answer to a second click, asked of a copy.
            let expected = action
                .apply(&mut m.session().clone())
                .expect_err("no running member left")
                .describe(lang);
            let before = m.cluster();
            m.click(&button).await;
            assert_eq!(m.text(".scene-card .form-error"), expected);
            assert!(
                m.cluster() == before,
                "a refused action changed the cluster"
            );
            said.push(expected);
        }
        assert_ne!(said[0], said[1], "each language has its own words");
    }

    #[wasm_bindgen_test]
    async fn previous_next_and_reset_tell_the_page_and_an_embedded_card_has_no_steps() {
        let scene = by_id("partitions").unwrap();
        let n = scene.number();
        let (m, told) = card(scene, Lang::En, false).await;
        m.click(".scene-prev").await;
        m.click(".scene-next").await;
        m.click(".scene-reset").await;
        assert_eq!(
            *told.borrow(),
            vec![
                format!("go {}", SCENES[n - 2].id),
                format!("go {}", SCENES[n].id),
                "reset".to_string()
            ]
        );
        assert_eq!(
            m.one(".scene-next").get_attribute("title").as_deref(),
            Some(SCENES[n].title.en)
        );
        drop(m);
        let (m, _) = card(scene, Lang::En, true).await;
        assert_eq!(m.count(".scene-prev, .scene-next"), 0);
        assert_eq!(m.count(".scene-reset"), 1);
    }
}
