//! The free playground: the stage with the live cluster, the transport bar, and the panels
//! that publish events and change the cluster. Scenes (later) reuse its pieces.

mod admin;
mod anim_loop;
mod announcer;
mod form;
mod lag_chart;
mod live;
mod log_view;
pub mod preset;
mod publish;
mod services_panel;
pub mod share_panel;
mod tables;
mod timeline;
mod transport;

use crate::i18n::Lang;
use crate::scenes::{Panels, Scene, SceneCard, StageKind};
use crate::session::Session;
use crate::stage::direct_view::DirectView;
use crate::stage::layout::{Layout, Orientation};
use crate::stage::{ClusterView, FlightLayer};
use gloo_events::{EventListener, EventListenerOptions};
use kafka_model::TopicPartition;
use live::use_live;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

pub use form::{parse_count, parse_headers};
pub use live::Live;
pub use transport::format_time;

#[derive(Properties, PartialEq)]
pub struct PlaygroundProps {
    pub lang: Lang,
    /// The primer scene to play, or `None` for the free playground. The session is built
    /// once from it: remount (a new `key`) to reset.
    #[prop_or_default]
    pub scene: Option<&'static Scene>,
    #[prop_or_default]
    pub on_reset: Callback<()>,
    #[prop_or_default]
    pub on_go: Callback<Option<&'static Scene>>,
    /// The learner ticked every item of the scene.
    #[prop_or_default]
    pub on_complete: Callback<&'static str>,
}

fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

fn stage_orientation() -> Orientation {
    web_sys::window()
        .map(|w| {
            let width = w
                .inner_width()
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(1280.0);
            let height = w
                .inner_height()
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(800.0);
            if width < 700.0 {
                Orientation::for_size(width, height)
            } else {
                Orientation::Wide
            }
        })
        .unwrap_or(Orientation::Wide)
}

#[function_component(Playground)]
pub fn playground(props: &PlaygroundProps) -> Html {
    let scene = props.scene;
    let (live, now) = use_live(|| match scene {
        Some(scene) => scene
            .session()
            .expect("every scene's preset is a valid cluster (tested)"),
        None => {
            let (brokers, commands) =
                preset::from_query(crate::browser::query_param("bench").as_deref());
            Session::new(preset::SEED, brokers, &commands)
                .expect("the presets are valid clusters (tested)")
        }
    });
    let panels = scene.map_or(Panels::ALL, |s| s.panels);
    let stage = scene.map_or(StageKind::Kafka, |s| s.stage);
    // The shop without Kafka is tiny: a fresh copy each frame is cheaper than diffing it.
    let direct = live.session.borrow().direct().cloned().map(Rc::new);
    let playing = use_state(|| true);
    let speed = use_state(|| 1.0f64);
    let selected = use_state(|| None::<TopicPartition>);
    let orientation = use_state(stage_orientation);
    let reduced_motion = use_memo((), |_| prefers_reduced_motion());

    // The one animation loop, started once.
    {
        let live = live.clone();
        use_effect_with((), move |_| {
            let guard = anim_loop::start(live);
            move || drop(guard)
        });
    }
    // Follow the window between portrait and landscape.
    {
        let orientation = orientation.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "resize", move |_| orientation.set(stage_orientation()))
            });
            move || drop(listener)
        });
    }
    // Space pauses, arrows step — unless the learner is typing.
    {
        let (live, playing) = (live.clone(), playing.clone());
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                // Not passive: space and the arrows must not also scroll the page.
                let options = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&w, "keydown", options, move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    let typing = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .is_some_and(|el| {
                            matches!(
                                el.tag_name().as_str(),
                                "INPUT" | "SELECT" | "TEXTAREA" | "BUTTON"
                            )
                        });
                    if typing || e.alt_key() || e.ctrl_key() || e.meta_key() {
                        return;
                    }
                    match e.key().as_str() {
                        " " => {
                            e.prevent_default();
                            let p = !live.transport.borrow().playing;
                            live.transport.borrow_mut().playing = p;
                            playing.set(p);
                        }
                        "ArrowRight" | "PageDown" | "." => {
                            e.prevent_default();
                            live.transport.borrow_mut().playing = false;
                            playing.set(false);
                            live.with_session(|s| s.step_forward());
                        }
                        "ArrowLeft" | "PageUp" | "," => {
                            e.prevent_default();
                            live.transport.borrow_mut().playing = false;
                            playing.set(false);
                            live.with_session(|s| s.step_back());
                        }
                        _ => {}
                    }
                })
            });
            move || drop(listener)
        });
    }

    let layout = {
        let session = live.session.clone();
        let o = *orientation;
        use_memo((session.version(), o), move |_| {
            Layout::compute(session.borrow().cluster(), o)
        })
    };
    let layout: Rc<Layout> = layout;
    let on_playing = {
        let (live, playing) = (live.clone(), playing.clone());
        Callback::from(move |p: bool| {
            live.transport.borrow_mut().playing = p;
            playing.set(p);
        })
    };
    let on_speed = {
        let (live, speed) = (live.clone(), speed.clone());
        Callback::from(move |v: f64| {
            live.transport.borrow_mut().speed = v;
            speed.set(v);
        })
    };
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |tp: TopicPartition| selected.set(Some(tp)))
    };
    let on_close = {
        let selected = selected.clone();
        Callback::from(move |_| selected.set(None))
    };
    let s = props.lang.strings();
    let view_box = format!("0 0 {} {}", layout.width, layout.height);

    html! {
        <div class={ if scene.is_some() { "playground with-scene" } else { "playground" } }>
            if let Some(scene) = scene {
                <SceneCard live={live.clone()} lang={props.lang} {scene} on_reset={props.on_reset.clone()} on_go={props.on_go.clone()} on_complete={props.on_complete.clone()} />
            }
            <div class={ if stage == StageKind::Both { "stage-column both-worlds" } else { "stage-column" } }>
                <transport::TransportBar live={live.clone()} lang={props.lang} {now} playing={*playing} speed={*speed}
                    {on_playing} {on_speed} />
                if stage.has_direct() {
                    <section class="direct-wrap" aria-label={ s.without_kafka }>
                        if stage.has_kafka() {
                            <h3 class="world-title">{ s.without_kafka }</h3>
                        }
                        if let Some(sim) = direct {
                            <DirectView {sim} {now} lang={props.lang} reduced_motion={*reduced_motion} />
                        }
                    </section>
                }
                if stage.has_kafka() {
                    if stage.has_direct() {
                        <h3 class="world-title">{ s.with_kafka }</h3>
                    }
                    <section class="stage-wrap">
                        <svg class="stage" viewBox={view_box} role="group" aria-label={ s.stage_label } preserveAspectRatio="xMidYMin meet">
                            <ClusterView session={live.session.clone()} layout={layout.clone()} lang={props.lang}
                                selected={(*selected).clone()} on_select={on_select.clone()} />
                        </svg>
                        <FlightLayer session={live.session.clone()} layout={layout.clone()} {now} reduced_motion={*reduced_motion} />
                    </section>
                    if let Some(tp) = (*selected).clone() {
                        <log_view::LogView live={live.clone()} lang={props.lang} partition={tp} {on_close} />
                    } else {
                        <p class="muted hint">{ s.select_partition_hint }</p>
                    }
                }
                if stage.has_kafka() {
                <div class="tables">
                    <tables::TopicTable live={live.clone()} lang={props.lang} />
                    <tables::GroupTable live={live.clone()} lang={props.lang} />
                    <lag_chart::LagChart live={live.clone()} lang={props.lang} />
                </div>
                }
            </div>
            <aside class="side-column">
                if panels.services {
                    <services_panel::ServicesPanel live={live.clone()} lang={props.lang} />
                }
                if panels.publish {
                    <publish::PublishForm live={live.clone()} lang={props.lang} />
                }
                if panels.topics {
                    <admin::TopicsPanel live={live.clone()} lang={props.lang} />
                }
                if panels.brokers {
                    <admin::BrokersPanel live={live.clone()} lang={props.lang} />
                }
                if panels.groups {
                    <admin::GroupsPanel live={live.clone()} lang={props.lang} />
                }
                <announcer::Announcer live={live.clone()} lang={props.lang} />
                if stage.has_kafka() {
                    <timeline::Timeline live={live.clone()} lang={props.lang} {on_select} />
                }
            </aside>
        </div>
    }
}
