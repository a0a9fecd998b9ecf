//! The free playground: the stage with the live cluster, the transport bar, and the panels
//! that publish events and change the cluster. Scenes (later) reuse its pieces.

mod admin;
mod anim_loop;
mod announcer;
pub mod export_panel;
mod form;
mod lag_chart;
mod live;
mod log_view;
mod metadata_log;
pub mod preset;
mod publish;
mod services_panel;
pub mod share_panel;
mod tables;
mod timeline;
mod transport;

use crate::embed::{Controls, Embed, HostMessage};
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
    /// Framed in a course page (`?embed=1`): no page around it, and with minimal controls
    /// only the stage, the transport bar and the scene card.
    #[prop_or_default]
    pub embed: Option<Embed>,
    /// A session rebuilt from a shared link or file, to start from instead of the preset.
    #[prop_or_default]
    pub start: Option<SessionHandoff>,
    /// A shared file was opened: the page rebuilds from it.
    #[prop_or_default]
    pub on_load: Callback<crate::share::Shared>,
}

/// A session handed from the page to a new playground, taken once. Equal by identity.
#[derive(Clone)]
pub struct SessionHandoff(pub Rc<std::cell::RefCell<Option<Session>>>);

impl PartialEq for SessionHandoff {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
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
            Orientation::for_window(width, height)
        })
        .unwrap_or(Orientation::Wide)
}

#[function_component(Playground)]
pub fn playground(props: &PlaygroundProps) -> Html {
    let scene = props.scene;
    let embed = props.embed;
    let autoplay = embed.map_or(true, |e| e.autoplay);
    let minimal = embed.is_some_and(|e| e.controls == Controls::Minimal);
    let handed = props.start.as_ref().and_then(|h| h.0.borrow_mut().take());
    let live = use_live(move || match (handed, scene) {
        (Some(session), _) => session,
        (None, Some(scene)) => scene
            .session()
            .expect("every scene's preset is a valid cluster (tested)"),
        (None, None) => {
            let (brokers, commands) =
                preset::from_query(crate::browser::query_param("bench").as_deref());
            Session::new(preset::SEED, brokers, &commands)
                .expect("the presets are valid clusters (tested)")
        }
    });
    // A scene offers the panels its tasks need; embedded with full controls, all of them;
    // the free playground embedded with minimal controls, just publishing.
    let panels = match (embed.map(|e| e.controls), scene) {
        (Some(Controls::Full), _) => Panels::ALL,
        (_, Some(scene)) => scene.panels,
        (Some(Controls::Minimal), None) => Panels {
            publish: true,
            ..Panels::NONE
        },
        (None, None) => Panels::ALL,
    };
    let stage = scene.map_or(StageKind::Kafka, |s| s.stage);
    let playing = use_state(|| autoplay);
    {
        let live = live.clone();
        use_effect_with((), move |_| live.transport.borrow_mut().playing = autoplay);
    }
    // A host page may publish, play or pause (reset and language are the page's).
    {
        let (live, playing, lang) = (live.clone(), playing.clone(), props.lang);
        use_effect_with((), move |_| {
            let listener = crate::embed::listen(Callback::from(move |m: HostMessage| match m {
                HostMessage::Play | HostMessage::Pause => {
                    let p = m == HostMessage::Play;
                    live.transport.borrow_mut().playing = p;
                    playing.set(p);
                }
                HostMessage::Publish { topic, key, value } => {
                    let producer = live
                        .session
                        .borrow()
                        .cluster()
                        .producers()
                        .next()
                        .map(|p| p.id);
                    let result = match producer {
                        Some(producer) => {
                            let record =
                                kafka_model::ProducerRecord::text(topic, key.as_deref(), &value);
                            live.run(kafka_model::Command::Produce { producer, record })
                                .map(|_| ())
                        }
                        None => Err(kafka_model::ModelError::UnknownProducer { producer: 1 }),
                    };
                    if let Err(e) = result {
                        crate::embed::notify(
                            "error",
                            &[("message", crate::i18n::errors::describe(&e, lang))],
                        );
                    }
                }
                _ => {}
            }));
            move || drop(listener)
        });
    }
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
    let panel_live = live.for_panels();
    // Zoom where the stage is too dense to read (many brokers and partitions, a phone):
    // the stage grows inside its box, which then scrolls — by scrollbars, touch, or dragging.
    let zoom = use_state(|| 1.0f64);
    let stage_wrap = use_node_ref();
    let zoom_by = |step: isize| {
        let zoom = zoom.clone();
        Callback::from(move |_| {
            let i = ZOOMS
                .iter()
                .position(|z| (*z - *zoom).abs() < 1e-9)
                .unwrap_or(0) as isize;
            let next = (i + step).clamp(0, ZOOMS.len() as isize - 1) as usize;
            zoom.set(ZOOMS[next]);
        })
    };
    let zoom_fit = {
        let zoom = zoom.clone();
        Callback::from(move |_| zoom.set(1.0))
    };
    let drag = use_mut_ref(|| None::<(i32, i32, i32, i32)>);
    let pan_start = {
        let (drag, wrap, zoom) = (drag.clone(), stage_wrap.clone(), zoom.clone());
        Callback::from(move |e: PointerEvent| {
            // Only the mouse drags (touch scrolls natively), only when zoomed, and never
            // from a control or a replica chip (they click).
            let on_control = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| el.closest("button, .replica").ok().flatten().is_some());
            if *zoom <= 1.0 || e.pointer_type() != "mouse" || on_control {
                return;
            }
            if let Some(w) = wrap.cast::<web_sys::Element>() {
                *drag.borrow_mut() =
                    Some((e.client_x(), e.client_y(), w.scroll_left(), w.scroll_top()));
            }
        })
    };
    let pan_move = {
        let (drag, wrap) = (drag.clone(), stage_wrap.clone());
        Callback::from(move |e: PointerEvent| {
            if let (Some((x, y, left, top)), Some(w)) =
                (*drag.borrow(), wrap.cast::<web_sys::Element>())
            {
                w.set_scroll_left(left - (e.client_x() - x));
                w.set_scroll_top(top - (e.client_y() - y));
            }
        })
    };
    let pan_end = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| *drag.borrow_mut() = None)
    };
    let s = props.lang.strings();
    let view_box = format!("0 0 {} {}", layout.width, layout.height);

    html! {
        <div class={ classes!("playground", scene.is_some().then_some("with-scene"), minimal.then_some("embed-minimal")) }>
            if let Some(scene) = scene {
                <SceneCard live={live.clone()} lang={props.lang} {scene} on_reset={props.on_reset.clone()} on_go={props.on_go.clone()} on_complete={props.on_complete.clone()} embedded={embed.is_some()} />
            }
            <div class={ if stage == StageKind::Both { "stage-column both-worlds" } else { "stage-column" } }>
                <transport::TransportBar live={live.clone()} lang={props.lang} frames={live.frames.clone()} playing={*playing} speed={*speed}
                    {on_playing} {on_speed} />
                if stage.has_direct() {
                    <section class="direct-wrap" aria-label={ s.without_kafka }>
                        if stage.has_kafka() {
                            <h3 class="world-title">{ s.without_kafka }</h3>
                        }
                        <DirectStage live={live.clone()} lang={props.lang} reduced_motion={*reduced_motion} />
                    </section>
                }
                if stage.has_kafka() {
                    if stage.has_direct() {
                        <h3 class="world-title">{ s.with_kafka }</h3>
                    }
                    <div class={ classes!("stage-frame", (*orientation == Orientation::Tall).then_some("tall")) }>
                    <section class="stage-wrap" ref={stage_wrap.clone()} data-zoom={ format!("{}", *zoom) }
                        onpointerdown={pan_start} onpointermove={pan_move} onpointerup={pan_end.clone()} onpointerleave={pan_end}>
                        <div class="stage-zoom" style={ format!("width:{}%", (*zoom * 100.0).round()) }>
                            <svg class="stage" viewBox={view_box} role="group" aria-label={ s.stage_label } preserveAspectRatio="xMidYMin meet">
                                <ClusterView session={live.session.clone()} layout={layout.clone()} lang={props.lang}
                                    selected={(*selected).clone()} on_select={on_select.clone()} />
                            </svg>
                            <FlightLayer session={live.session.clone()} layout={layout.clone()} frames={live.frames.clone()} reduced_motion={*reduced_motion} picker_label={ s.dot_picker } />
                        </div>
                    </section>
                        <div class="zoom-controls" role="group" aria-label={ s.zoom }>
                            <button type="button" class="zoom-out" aria-label={ s.zoom_out } title={ s.zoom_out } disabled={ *zoom <= ZOOMS[0] } onclick={zoom_by(-1)}>{ "−" }</button>
                            <button type="button" class="zoom-fit" aria-label={ format!("{}% · {}", (*zoom * 100.0).round(), s.zoom_fit) } title={ s.zoom_fit } onclick={zoom_fit}>{ format!("{}%", (*zoom * 100.0).round()) }</button>
                            <button type="button" class="zoom-in" aria-label={ s.zoom_in } title={ s.zoom_in } disabled={ *zoom >= ZOOMS[ZOOMS.len() - 1] } onclick={zoom_by(1)}>{ "+" }</button>
                        </div>
                    </div>
                    if minimal {
                    } else if let Some(tp) = (*selected).clone() {
                        <log_view::LogView live={panel_live.clone()} lang={props.lang} partition={tp} {on_close} />
                    } else {
                        <p class="muted hint">{ s.select_partition_hint }</p>
                    }
                }
                if stage.has_kafka() && !minimal {
                <div class="tables">
                    <tables::TopicTable live={panel_live.clone()} lang={props.lang} />
                    <tables::GroupTable live={panel_live.clone()} lang={props.lang} />
                    <lag_chart::LagChart live={panel_live.clone()} lang={props.lang} />
                </div>
                }
            </div>
            <aside class="side-column">
                if panels.services {
                    <services_panel::ServicesPanel live={panel_live.clone()} lang={props.lang} />
                }
                if panels.publish {
                    <publish::PublishForm live={panel_live.clone()} lang={props.lang} />
                }
                if panels.topics {
                    <admin::TopicsPanel live={panel_live.clone()} lang={props.lang} />
                }
                if panels.brokers {
                    <admin::BrokersPanel live={panel_live.clone()} lang={props.lang} />
                    <metadata_log::MetadataLog live={panel_live.clone()} lang={props.lang} />
                }
                if panels.groups {
                    <admin::GroupsPanel live={panel_live.clone()} lang={props.lang} />
                }
                if !minimal {
                    <share_panel::SharePanel live={panel_live.clone()} lang={props.lang} {scene} on_load={props.on_load.clone()} />
                }
                if !minimal && stage.has_kafka() {
                    <export_panel::ExportPanel live={panel_live.clone()} lang={props.lang} />
                }
                <announcer::Announcer live={live.clone()} lang={props.lang} />
                if stage.has_kafka() && !minimal {
                    <timeline::Timeline live={panel_live.clone()} lang={props.lang} {on_select} />
                }
            </aside>
        </div>
    }
}

/// The stage's zoom steps (1 = fit the width).
const ZOOMS: [f64; 5] = [1.0, 1.5, 2.0, 3.0, 4.0];

#[derive(Properties, PartialEq)]
struct DirectStageProps {
    live: Live,
    lang: Lang,
    reduced_motion: bool,
}

/// The shop without Kafka, redrawn every frame. It is tiny: a fresh copy each frame is
/// cheaper than keeping track of what changed.
#[function_component(DirectStage)]
fn direct_stage(props: &DirectStageProps) -> Html {
    crate::stage::use_frames(&props.live.frames);
    let session = props.live.session.borrow();
    match session.direct() {
        Some(sim) => html! {
            <DirectView sim={Rc::new(sim.clone())} now={session.now()} lang={props.lang} reduced_motion={props.reduced_motion} />
        },
        None => html! {},
    }
}
