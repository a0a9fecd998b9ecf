//! The playground: the stage with the live session, the transport bar, and the panels that
//! publish events and change the cluster — the free playground, or one primer scene.
//!
//! `playground()` is layout. What it is made of lives in its own rooms: the live session and
//! its redraw versions (`crate::live`, handed down by context), the transport's reducer and
//! keys (`transport`), the one animation loop (`anim_loop`), a course page's messages (`host`),
//! zoom and pan (`zoom`), and the window's shape (`window`).

mod admin;
mod anim_loop;
mod announcer;
pub mod export_panel;
mod form;
mod host;
mod lag_chart;
mod log_view;
mod metadata_log;
pub mod preset;
mod publish;
mod services_panel;
pub mod share_panel;
mod tables;
mod timeline;
pub mod transport;
mod window;
mod zoom;

use crate::embed::{Controls as EmbedControls, Embed};
use crate::i18n::use_lang;
use crate::live::{provide_live, use_live, use_new_live};
use crate::scenes::{Panels, Scene, SceneCard, StageKind};
use crate::session::Session;
use crate::stage::direct_view::DirectView;
use crate::stage::layout::{Layout, Orientation};
use crate::stage::{ClusterView, FlightLayer, FlowLayout, FlowView, StageMap, View};
use kafka_model::TopicPartition;
use std::rc::Rc;
use transport::TransportBar;
use yew::prelude::*;

pub use crate::live::Live;
pub use form::{parse_count, parse_headers};
pub use transport::format_time;

#[derive(Properties, PartialEq)]
pub struct PlaygroundProps {
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

#[derive(Properties, PartialEq)]
pub struct StandaloneProps {
    /// The session the views show, taken once.
    pub session: SessionHandoff,
    pub lang: crate::i18n::Lang,
    #[prop_or_default]
    pub children: Html,
}

/// Views of the playground mounted alone on a known session, in a known language, with the
/// contexts they expect (the language, the live session) and no animation loop: time moves
/// only when the caller moves it. For component tests in the browser.
#[function_component(Standalone)]
pub fn standalone(props: &StandaloneProps) -> Html {
    let handed = props.session.0.borrow_mut().take();
    let live = use_new_live(move || first_session(handed, None));
    crate::i18n::provide_lang(props.lang, provide_live(&live, props.children.clone()))
}

impl SessionHandoff {
    /// Hands `session` over.
    pub fn new(session: Session) -> Self {
        SessionHandoff(Rc::new(std::cell::RefCell::new(Some(session))))
    }
}

/// The session the playground starts from: one handed over (a shared link or file), the
/// scene's preset, or the free playground's (`?bench=N` for the benchmark's).
fn first_session(handed: Option<Session>, scene: Option<&'static Scene>) -> Session {
    match (handed, scene) {
        (Some(session), _) => session,
        // `unreachable!` with words of its own: formatting the model's error would compile its
        // `Debug` into the page for a case the tests rule out.
        (None, Some(scene)) => scene
            .session()
            .unwrap_or_else(|_| unreachable!("every scene's preset is a valid cluster (tested)")),
        (None, None) => {
            let (brokers, commands) =
                preset::from_query(crate::browser::query_param("bench").as_deref());
            Session::new(preset::SEED, brokers, &commands)
                .unwrap_or_else(|_| unreachable!("the presets are valid clusters (tested)"))
        }
    }
}

#[function_component(Playground)]
pub fn playground(props: &PlaygroundProps) -> Html {
    let (scene, embed, lang) = (props.scene, props.embed, use_lang());
    let minimal = embed.is_some_and(|e| e.controls == EmbedControls::Minimal);
    let handed = props.start.as_ref().and_then(|h| h.0.borrow_mut().take());
    let live = use_new_live(move || first_session(handed, scene));
    let controls = transport::use_transport(&live, embed.map_or(true, |e| e.autoplay));
    anim_loop::use_animation_loop(&live, &controls);
    transport::use_transport_keys(&controls);
    host::use_host_messages(&live, &controls, lang);
    // A scene offers the panels its tasks need; embedded with full controls, all of them;
    // the free playground embedded with minimal controls, just publishing.
    let panels = match (embed.map(|e| e.controls), scene) {
        (Some(EmbedControls::Full), _) => Panels::ALL,
        (_, Some(scene)) => scene.panels,
        (Some(EmbedControls::Minimal), None) => Panels {
            publish: true,
            ..Panels::NONE
        },
        (None, None) => Panels::ALL,
    };
    let stage = scene.map_or(StageKind::Kafka, |s| s.stage);
    // The partition whose log is open: chosen on stage or in the timeline.
    let selected = use_state(|| None::<TopicPartition>);
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |tp: TopicPartition| selected.set(Some(tp)))
    };
    let on_close = {
        let selected = selected.clone();
        Callback::from(move |_| selected.set(None))
    };
    let s = lang.strings();
    provide_live(
        &live,
        html! {
            <div class={ classes!("playground", scene.is_some().then_some("with-scene"), minimal.then_some("embed-minimal")) }>
                if let Some(scene) = scene {
                    <SceneCard {scene} on_reset={props.on_reset.clone()} on_go={props.on_go.clone()} on_complete={props.on_complete.clone()} embedded={embed.is_some()} />
                }
                <div class={ if stage == StageKind::Both { "stage-column both-worlds" } else { "stage-column" } }>
                    <TransportBar {controls} />
                    <div class={ classes!("worlds", (stage == StageKind::Both).then_some("side-by-side")) }>
                        if stage.has_direct() {
                            <section class="direct-wrap" aria-label={ s.without_kafka }>
                                if stage.has_kafka() {
                                    <h3 class="world-title">{ s.without_kafka }</h3>
                                }
                                <DirectStage />
                            </section>
                        }
                        if stage.has_kafka() {
                            <section class="kafka-wrap" aria-label={ s.with_kafka }>
                                if stage.has_direct() {
                                    <h3 class="world-title">{ s.with_kafka }</h3>
                                }
                                <KafkaStage {scene} beside={stage.has_direct()} selected={(*selected).clone()} on_select={on_select.clone()} />
                            </section>
                        }
                    </div>
                    if stage.has_kafka() && !minimal {
                        if let Some(tp) = (*selected).clone() {
                            <log_view::LogView partition={tp} {on_close} />
                        } else {
                            <p class="muted hint">{ s.select_partition_hint }</p>
                        }
                        <div class="tables">
                            <tables::TopicTable />
                            <tables::GroupTable />
                            <lag_chart::LagChart />
                        </div>
                    }
                </div>
                <aside class="side-column">
                    if panels.services {
                        <services_panel::ServicesPanel />
                    }
                    if panels.publish {
                        <publish::PublishForm />
                    }
                    if panels.topics {
                        <admin::TopicsPanel />
                    }
                    if panels.brokers {
                        <admin::BrokersPanel />
                        <metadata_log::MetadataLog />
                    }
                    if panels.groups {
                        <admin::GroupsPanel />
                    }
                    if !minimal {
                        <share_panel::SharePanel {scene} on_load={props.on_load.clone()} />
                    }
                    if !minimal && stage.has_kafka() {
                        <export_panel::ExportPanel />
                    }
                    <announcer::Announcer />
                    if stage.has_kafka() && !minimal {
                        <timeline::Timeline {on_select} />
                    }
                </aside>
            </div>
        },
    )
}

#[derive(Properties, PartialEq)]
struct KafkaStageProps {
    /// The scene, whose drawing the stage opens with; the free playground opens with the
    /// learner's last choice.
    scene: Option<&'static Scene>,
    /// Beside the shop without Kafka (scene 3): drawn upright, like it, whatever the window.
    beside: bool,
    /// The partition whose log is open, highlighted on stage.
    selected: Option<TopicPartition>,
    on_select: Callback<TopicPartition>,
}

/// The Kafka side on stage, drawn as the cluster or as the flow (a switch flips between them
/// and keeps the moment, the open partition and the zoom), zoomable.
#[function_component(KafkaStage)]
fn kafka_stage(props: &KafkaStageProps) -> Html {
    let (live, lang) = (use_live(), use_lang());
    let s = lang.strings();
    let orientation = match window::use_orientation() {
        _ if props.beside => Orientation::Tall,
        o => o,
    };
    let reduced_motion = window::use_reduced_motion();
    let zoom = zoom::use_zoom();
    let stage_wrap = use_node_ref();
    let pan = zoom::use_pan(&stage_wrap, zoom.level);
    let scene = props.scene;
    // `?view=flow|cluster` (a course page's choice) wins; then the scene's own drawing; the
    // free playground opens with the learner's last choice, else the cluster.
    let view = use_state(move || {
        let asked = crate::browser::query_param("view").and_then(|v| View::from_code(&v));
        match (asked, scene) {
            (Some(view), _) => view,
            (None, Some(scene)) => scene.view,
            (None, None) => crate::browser::load_view().unwrap_or(View::Cluster),
        }
    });
    let map: StageMap = {
        let session = live.session.clone();
        let view = *view;
        (*use_memo((session.version(), orientation, view), move |_| {
            let session = session.borrow();
            match view {
                View::Cluster => {
                    StageMap::Cluster(Rc::new(Layout::compute(session.cluster(), orientation)))
                }
                View::Flow => {
                    StageMap::Flow(Rc::new(FlowLayout::compute(session.cluster(), orientation)))
                }
            }
        }))
        .clone()
    };
    let (stage_w, stage_h) = map.size();
    let view_box = format!(
        "0 0 {} {}",
        crate::numbers::short(stage_w, 2),
        crate::numbers::short(stage_h, 2)
    );
    let switch_to = |to: View| {
        let view = view.clone();
        Callback::from(move |_| {
            if scene.is_none() {
                crate::browser::save_view(to);
            }
            view.set(to);
        })
    };
    let drawing = match &map {
        StageMap::Cluster(layout) => html! {
            <ClusterView layout={layout.clone()} selected={props.selected.clone()} on_select={props.on_select.clone()} />
        },
        StageMap::Flow(layout) => html! {
            <FlowView layout={layout.clone()} selected={props.selected.clone()} on_select={props.on_select.clone()} />
        },
    };
    let label = match *view {
        View::Cluster => s.stage_label,
        View::Flow => s.flow_label,
    };
    html! {
        <div class={ classes!("stage-frame", (orientation == Orientation::Tall).then_some("tall")) } data-view={ view.code() }>
            <div class="stage-tools">
                <div class="zoom-controls" role="group" aria-label={ s.zoom }>
                    <button type="button" class="zoom-out" aria-label={ s.zoom_out } title={ s.zoom_out } disabled={ zoom.at_least() } onclick={zoom.zoom_out.clone()}>{ "−" }</button>
                    <button type="button" class="zoom-fit" aria-label={ format!("{}% · {}", zoom.percent(), s.zoom_fit) } title={ s.zoom_fit } onclick={zoom.fit.clone()}>{ format!("{}%", zoom.percent()) }</button>
                    <button type="button" class="zoom-in" aria-label={ s.zoom_in } title={ s.zoom_in } disabled={ zoom.at_most() } onclick={zoom.zoom_in.clone()}>{ "+" }</button>
                </div>
                <div class="view-switch" role="group" aria-label={ s.view_switch }>
                    <button type="button" class="view-flow" aria-pressed={ (*view == View::Flow).to_string() } onclick={switch_to(View::Flow)}>{ s.view_flow }</button>
                    <button type="button" class="view-cluster" aria-pressed={ (*view == View::Cluster).to_string() } onclick={switch_to(View::Cluster)}>{ s.view_cluster }</button>
                </div>
            </div>
            <section class="stage-wrap" ref={stage_wrap} data-zoom={ crate::numbers::short(zoom.level, 2) }
                onpointerdown={pan.start} onpointermove={pan.drag} onpointerup={pan.end.clone()} onpointerleave={pan.end}>
                <div class="stage-zoom" style={ format!("width:{}%", zoom.percent()) }>
                    <svg class="stage" viewBox={view_box} role="group" aria-label={ label } preserveAspectRatio="xMidYMin meet">
                        { drawing }
                    </svg>
                    <FlightLayer {map} {reduced_motion} />
                </div>
            </section>
        </div>
    }
}

/// The shop without Kafka, redrawn every frame. It is tiny: a fresh copy each frame is
/// cheaper than keeping track of what changed.
#[function_component(DirectStage)]
fn direct_stage() -> Html {
    let live = use_live();
    crate::stage::use_frames(&live.frames);
    let reduced_motion = window::use_reduced_motion();
    let session = live.session.borrow();
    match session.direct() {
        Some(sim) => html! {
            <DirectView sim={Rc::new(sim.clone())} now={session.now()} {reduced_motion} />
        },
        None => html! {},
    }
}
