//! The free playground: the stage with the live cluster, the transport bar, and the panels
//! that publish events and change the cluster. Scenes (later) reuse its pieces.

mod admin;
mod anim_loop;
mod form;
mod live;
mod log_view;
pub mod preset;
mod publish;
mod tables;
mod timeline;
mod transport;

use crate::i18n::Lang;
use crate::session::Session;
use crate::stage::layout::{Layout, Orientation};
use crate::stage::{ClusterView, FlightLayer};
use kafka_model::TopicPartition;
use live::use_live;
use std::rc::Rc;
use yew::prelude::*;

pub use form::{parse_count, parse_headers};
pub use transport::format_time;

#[derive(Properties, PartialEq)]
pub struct PlaygroundProps {
    pub lang: Lang,
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
    let (live, now) = use_live(|| {
        Session::new(preset::SEED, preset::BROKERS, &preset::commands())
            .expect("the preset is a valid cluster")
    });
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
                gloo_events_like::on_resize(&w, move || orientation.set(stage_orientation()))
            });
            move || drop(listener)
        });
    }
    // Space pauses, arrows step — unless the learner is typing.
    {
        let (live, playing) = (live.clone(), playing.clone());
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo_events_like::on_keydown(&w, move |e: web_sys::KeyboardEvent| {
                    let typing = e
                        .target()
                        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
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
        <div class="playground">
            <div class="stage-column">
                <transport::TransportBar live={live.clone()} lang={props.lang} {now} playing={*playing} speed={*speed}
                    {on_playing} {on_speed} />
                <section class="stage-wrap">
                    <svg class="stage" viewBox={view_box} role="img" aria-label={ s.stage_label } preserveAspectRatio="xMidYMin meet">
                        <ClusterView session={live.session.clone()} layout={layout.clone()} lang={props.lang}
                            selected={(*selected).clone()} on_select={on_select.clone()} />
                        <FlightLayer session={live.session.clone()} layout={layout.clone()} {now} reduced_motion={*reduced_motion} />
                    </svg>
                </section>
                if let Some(tp) = (*selected).clone() {
                    <log_view::LogView live={live.clone()} lang={props.lang} partition={tp} {on_close} />
                } else {
                    <p class="muted hint">{ s.select_partition_hint }</p>
                }
                <div class="tables">
                    <tables::TopicTable live={live.clone()} lang={props.lang} />
                    <tables::GroupTable live={live.clone()} lang={props.lang} />
                </div>
            </div>
            <aside class="side-column">
                <publish::PublishForm live={live.clone()} lang={props.lang} />
                <admin::TopicsPanel live={live.clone()} lang={props.lang} />
                <admin::BrokersPanel live={live.clone()} lang={props.lang} />
                <admin::GroupsPanel live={live.clone()} lang={props.lang} />
                <timeline::Timeline live={live.clone()} lang={props.lang} {on_select} />
            </aside>
        </div>
    }
}

/// Window listeners that remove themselves when dropped.
mod gloo_events_like {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    pub struct Listener {
        target: web_sys::Window,
        event: &'static str,
        callback: Closure<dyn FnMut(web_sys::Event)>,
    }

    impl Drop for Listener {
        fn drop(&mut self) {
            let _ = self.target.remove_event_listener_with_callback(
                self.event,
                self.callback.as_ref().unchecked_ref(),
            );
        }
    }

    fn listen(
        w: &web_sys::Window,
        event: &'static str,
        mut f: impl FnMut(web_sys::Event) + 'static,
    ) -> Listener {
        let callback = Closure::<dyn FnMut(web_sys::Event)>::new(move |e| f(e));
        let _ = w.add_event_listener_with_callback(event, callback.as_ref().unchecked_ref());
        Listener {
            target: w.clone(),
            event,
            callback,
        }
    }

    pub fn on_resize(w: &web_sys::Window, mut f: impl FnMut() + 'static) -> Listener {
        listen(w, "resize", move |_| f())
    }

    pub fn on_keydown(
        w: &web_sys::Window,
        mut f: impl FnMut(web_sys::KeyboardEvent) + 'static,
    ) -> Listener {
        listen(w, "keydown", move |e| {
            if let Ok(k) = e.dyn_into::<web_sys::KeyboardEvent>() {
                f(k)
            }
        })
    }
}
