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
